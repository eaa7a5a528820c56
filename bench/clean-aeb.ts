// The Article Extraction Benchmark (181 real news pages with hand-made article bodies, in
// ../shared/data/aeb): how much of each page's article our cleaners keep, and how much else.
// Metric as the benchmark's evaluate.py: 4-word shingle precision and recall per page (counts
// normalised per page), averaged over pages; F1 of the averages. Published F1: trafilatura 0.958,
// Readability.js 0.947, newspaper3k 0.912, whole-page text 0.665.
//
// Three readings of each page:
//  - html:  our HTML cleaner (metadata + Readability + the paragraph filter) on the saved page;
//  - text:  our text cleaner on a whole-page text rendering (what a plain-text dump of the page holds);
//  - page:  that whole-page text itself (the baseline).
// Run: node dist/bench/clean-aeb.js
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { cleanPage } from '../src/clean/index.js';
import { parseDocument } from '../src/clean/html.js';
import { pageText } from '../src/clean/html-text.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const aeb = resolve(repoRoot, '../shared/data/aeb');

type Counts = [tp: number, fp: number, fn: number];

/** evaluate.py's tokens: \w+ runs (Unicode letters, digits, marks, underscore), case kept. */
function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const key = tokens.slice(i, i + n).join(' ');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function match(truth: string, predicted: string): Counts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0, fp = 0, fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

function scores(all: Counts[]): { precision: number; recall: number; f1: number } {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const prec = ([tp, fp, fn]: Counts) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
  const rec = ([tp, fp, fn]: Counts) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
  const precision = mean(all.filter(([tp, fp]) => tp + fp > 0).map(prec));
  const recall = mean(all.filter(([tp, , fn]) => tp + fn > 0).map(rec));
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function timed<T>(times: number[], f: () => T): T {
  const start = performance.now();
  const result = f();
  times.push(performance.now() - start);
  return result;
}

function main(): void {
  const truthPath = join(aeb, 'ground-truth.json');
  if (!existsSync(truthPath)) {
    console.log(`clean-aeb: skipped, the benchmark is not at ${aeb} (it lives in ../shared/data/aeb beside the repo)`);
    return;
  }
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody: string }>;
  const files = readdirSync(join(aeb, 'html')).filter((f) => f.endsWith('.html.gz')).sort();
  const results = { html: [] as Counts[], text: [] as Counts[], page: [] as Counts[] };
  const times = { html: [] as number[], text: [] as number[], page: [] as number[] };
  const only = process.argv[2];
  for (const file of files) {
    const key = file.replace(/\.html\.gz$/, '');
    if (!(key in truth) || (only && !key.startsWith(only))) continue;
    const html = gunzipSync(readFileSync(join(aeb, 'html', file))).toString('utf8');
    const body = truth[key].articleBody;
    const join2 = (page: { docs: { text: string }[] }) => page.docs.map((s) => s.text).join('\n\n');
    const fromHtml = timed(times.html, () => join2(cleanPage({ uri: file, part: 0, format: 'html', content: html })));
    const page = timed(times.page, () => pageText(parseDocument(html)));
    const fromText = timed(times.text, () => join2(cleanPage({ uri: file, part: 0, format: 'text', content: page })));
    results.html.push(match(body, fromHtml));
    results.text.push(match(body, fromText));
    results.page.push(match(body, page));
    if (only) console.log(`--- ${key}\n[html]\n${fromHtml}\n\n[text]\n${fromText}\n\n[truth]\n${body}`);
  }
  const n = results.html.length;
  console.log(`Article Extraction Benchmark: ${n} pages (${aeb})`);
  console.log('reading                          precision  recall  F1     median ms/page');
  const row = (label: string, r: Counts[], t: number[]) => {
    const s = scores(r);
    console.log(`${label.padEnd(33)}${s.precision.toFixed(3).padEnd(11)}${s.recall.toFixed(3).padEnd(8)}${s.f1.toFixed(3).padEnd(7)}${median(t).toFixed(1)}`);
  };
  row('html cleaner (saved page)', results.html, times.html);
  row('text cleaner (whole-page text)', results.text, times.text);
  row('whole-page text (baseline)', results.page, times.page);
  console.log('published F1: Readability.js 0.947, whole-page text 0.665');
}

main();
