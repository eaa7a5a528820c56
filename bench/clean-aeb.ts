// The Article Extraction Benchmark (181 real news pages with hand-made article bodies, in
// ../shared/data/aeb): how much of each page's article our cleaners keep, and how much else
// (metric in bench/aeb.ts, as the benchmark's evaluate.py). Published F1: rs-trafilatura 0.970,
// trafilatura 0.958, Readability.js 0.947, newspaper3k 0.912, whole-page text 0.665.
//
// Our models are trained on these same pages, so every figure of ours is 5-fold cross-validation by
// page: each page is cleaned by models trained on the other four folds, through the whole cleaning path
// (cleanPage). Readings of each page:
//  - html:  our HTML cleaner on the saved page;
//  - text:  our text cleaner on a whole-page text rendering (what a plain-text dump of the page holds);
//  - Readability.js alone on the same page, in the same run (the peer);
//  - the whole-page text itself (the baseline).
// Run: npm run bench:clean (all cleaning figures), or node dist/bench/clean-aeb.js [key prefix]
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { cleanPage, type CleaningModels } from '../src/clean/index.js';
import { parseDocument } from '../src/clean/html.js';
import { blockUnits, pageText } from '../src/clean/html-text.js';
import { aebDir, bodyScores, foldOf, matchBodies, median, readAeb, type Counts } from './aeb.js';
import { EPOCHS, FOLDS, SEED, prepareAeb, prepareAebHtml } from './train/train-lines.js';
import { trainLineModel } from './train/line-trainer.js';

interface Reading {
  label: string;
  counts: Counts[];
  ms: number[];
}

function timed<T>(times: number[], f: () => T): T {
  const start = performance.now();
  const result = f();
  times.push(performance.now() - start);
  return result;
}

const joined = (page: { docs: { text: string }[] }) => page.docs.map((s) => s.text).join('\n\n');

export function aebReport(only?: string): string[] {
  const pages = readAeb(only);
  if (pages === null) return [`clean-aeb: skipped, the benchmark is not at ${aebDir()} (it lives in ../shared/data/aeb beside the repo)`];
  const trainingHtml = prepareAebHtml()!;
  const trainingText = prepareAeb()!;
  const readings: Record<'html' | 'text' | 'readability' | 'page', Reading> = {
    html: { label: 'Orbit html cleaner (saved page)', counts: [], ms: [] },
    text: { label: 'Orbit text cleaner (whole-page text)', counts: [], ms: [] },
    readability: { label: 'Readability.js alone (peer)', counts: [], ms: [] },
    page: { label: 'whole-page text (baseline)', counts: [], ms: [] },
  };
  const out: string[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const models: CleaningModels = {
      html: trainLineModel(trainingHtml.filter((p) => foldOf(p.key, FOLDS) !== fold), EPOCHS, SEED),
      lines: trainLineModel(trainingText.filter((p) => foldOf(p.key, FOLDS) !== fold), EPOCHS, SEED),
    };
    for (const page of pages.filter((p) => foldOf(p.key, FOLDS) === fold)) {
      const uri = `${page.key}.html`;
      const fromHtml = timed(readings.html.ms, () => joined(cleanPage({ uri, part: 0, format: 'html', content: page.html }, 0, models)));
      const dump = timed(readings.page.ms, () => pageText(parseDocument(page.html)));
      const fromText = timed(readings.text.ms, () => joined(cleanPage({ uri, part: 0, format: 'text', content: dump }, 0, models)));
      const fromReadability = timed(readings.readability.ms, () => {
        const article = new Readability<Node>(parseDocument(page.html), { serializer: (node) => node }).parse();
        return article?.content ? blockUnits(article.content).join('\n\n') : '';
      });
      readings.html.counts.push(matchBodies(page.body, fromHtml));
      readings.text.counts.push(matchBodies(page.body, fromText));
      readings.readability.counts.push(matchBodies(page.body, fromReadability));
      readings.page.counts.push(matchBodies(page.body, dump));
      if (only) out.push(`--- ${page.key}`, '[html]', fromHtml, '', '[text]', fromText, '', '[truth]', page.body);
    }
  }
  const n = readings.html.counts.length;
  out.push(`Article Extraction Benchmark: ${n} pages, ours by ${FOLDS}-fold cross-validation by page (${aebDir()})`);
  out.push('reading                                precision  recall  F1     pages<0.5  median ms/page');
  for (const r of Object.values(readings)) {
    const s = bodyScores(r.counts);
    out.push(`${r.label.padEnd(39)}${s.precision.toFixed(3).padEnd(11)}${s.recall.toFixed(3).padEnd(8)}${s.f1.toFixed(3).padEnd(7)}${String(s.below50).padEnd(11)}${median(r.ms).toFixed(1)}`);
  }
  out.push('published F1: rs-trafilatura 0.970, trafilatura 0.958, Readability.js 0.947, whole-page text 0.665');
  return out;
}

if (process.argv[1]?.endsWith('clean-aeb.js')) for (const line of aebReport(process.argv[2])) console.log(line);
