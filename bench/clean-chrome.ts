// Site chrome and datelines on the Tehran Times crawl (../shared/data/corpora): the chrome learner is
// trained on four fifths of the crawl, split by article (bench/chrome-corpus.ts), and every figure is
// from the held-out fifth, cleaned four ways in the same run:
//  - none:           the cleaner without any chrome filter (the line filter alone; the baseline);
//  - learned:        with the learner's chrome for the site;
//  - batch:          with only what recurs across the held-out part read as one ingest batch (the
//                    outlet treated as never seen in training);
//  - learned+batch:  both, as `orbit ingest` runs.
// It reports what chrome is left, what the filter dropped (each distinct dropped sentence checked by
// hand in bench/gold/chrome-drops.json), body sentences lost, and the dateline and licence mentions
// before and after on a sample. On Reuters-21578 (pure story bodies) it reports what the learner and
// the batch view would drop. Run: npm run bench:chrome
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { RawPage } from '../src/model/types.js';
import type { Doc } from '../src/core/doc.js';
import { cleanPage } from '../src/clean/index.js';
import { splitUnits } from '../src/clean/paragraphs.js';
import { chromeKey, sentenceSpans, siteOf, stripChrome } from '../src/clean/chrome.js';
import { chromeFilter, dropChrome, learnedFilter, withBatchChrome, type ChromeFilter } from '../src/clean/chrome-batch.js';
import { learnedKeys, type ChromeModel } from '../src/clean/chrome-model.js';
import { repoRoot } from '../src/core/paths.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/kb/index.js';
import { createPipeline } from '../src/pipeline/component.js';
import { GIVEN_LAYERS } from '../src/pipeline/components.js';
import { tokenizer } from '../src/nlp/tokenizer-component.js';
import { tagger } from '../src/nlp/tagger-component.js';
import { ner } from '../src/nlp/ner-component.js';
import { place } from '../src/extract/components/place.js';
import { mentions } from '../src/extract/components/mentions.js';
import { findMentions } from '../src/extract/mentions.js';
import { dateAt } from '../src/extract/doc-helpers.js';
import { BATCH, chromeModelOf, learnChrome } from './train/learn-chrome.js';
import { isHeldOut, readCrawl, REUTERS, TEHRAN_TIMES } from './chrome-corpus.js';

/** Held-out articles run through tokenizer, tagger, NER, place and mentions for the mention figures. */
const MENTION_SAMPLE = 400;
const LICENCE = /Mehr News Agency is licensed/i;

type Condition = 'none' | 'learned' | 'batch' | 'learned+batch';

interface Cleaned {
  docs: Doc[];
  /** Sentences the chrome filter cut, by kind. */
  dropped: { text: string; kind: 'learned' | 'batch' }[];
}

async function* each<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** Every page cleaned under one condition, in order. */
async function cleanAll(pages: RawPage[], condition: Condition, model: ChromeModel): Promise<Cleaned[]> {
  const out: Cleaned[] = [];
  const clean = (page: RawPage, chrome: ChromeFilter | null) => {
    const units = page.content;
    const cut = chrome ? dropChrome(splitUnits(units), chrome) : null;
    out.push({
      docs: cleanPage(page, 0, { chrome }).docs,
      dropped: cut ? [...cut.learned.map((text) => ({ text, kind: 'learned' as const })), ...cut.batch.map((text) => ({ text, kind: 'batch' as const }))] : [],
    });
  };
  if (condition === 'none') pages.forEach((p) => clean(p, null));
  else if (condition === 'learned') pages.forEach((p) => clean(p, learnedFilter(model, siteOf(p))));
  else {
    const used = condition === 'batch' ? null : model;
    for await (const { page, snapshot } of withBatchChrome(each(pages), used, model.batch)) clean(page, chromeFilter(snapshot, used));
  }
  return out;
}


const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
const sentencesOf = (text: string) => text.split('\n\n').flatMap((line) => sentenceSpans(line).map(([s, e]) => line.slice(s, e)));

interface Verdicts {
  checked: string;
  verdicts: Record<string, 'chrome' | 'body'>;
}

function readVerdicts(): Verdicts | null {
  const path = join(repoRoot(), 'bench/gold/chrome-drops.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Verdicts) : null;
}

export async function chromeReport(): Promise<string[]> {
  const all = readCrawl(TEHRAN_TIMES);
  if (!all) return [`clean-chrome: skipped, ../shared/data/${TEHRAN_TIMES} is absent`];
  const train = all.filter((p) => !isHeldOut(p));
  // Every other held-out article (by file order, so all years are in): four cleanings of each.
  const held = all.filter(isHeldOut).filter((_, i) => i % 2 === 0);
  const model = chromeModelOf(train, { data: 'train part of the Tehran Times crawl (4/5, by article)' });
  const learned = learnedKeys(model, 'tehrantimes.com');
  const out = [
    `site chrome, Tehran Times crawl: learner trained on ${train.length} articles, figures on ${held.length} held-out (every other article of the held-out fifth, split by article URL, bench/chrome-corpus.ts)`,
    `  learned for tehrantimes.com: ${learned.size} sentence(s) (thresholds ${JSON.stringify(model.thresholds)}; batch ${JSON.stringify(model.batch)})`,
  ];
  const hasLearned = (text: string) => stripChrome(text.split('\n\n'), (k) => learned.has(k), model.thresholds.maxChars).dropped.length > 0;

  const conditions: Condition[] = ['none', 'learned', 'batch', 'learned+batch'];
  const results = new Map<Condition, Cleaned[]>();
  const ms = new Map<Condition, number>();
  for (const c of conditions) {
    const start = performance.now();
    results.set(c, await cleanAll(held, c, model));
    ms.set(c, (performance.now() - start) / held.length);
  }
  const none = results.get('none')!;
  const noneSentences = none.map((r) => new Set(r.docs.flatMap((d) => sentencesOf(d.text))));
  out.push('  condition       licence left  learned chrome left  articles with no text  sentences kept  body sentences lost vs none  batch-only drops  ms/page');
  const lostExamples: string[] = [];
  for (const c of conditions) {
    const r = results.get(c)!;
    const texts = r.map((x) => x.docs.map((d) => d.text).join('\n\n'));
    const withText = texts.filter((t) => t !== '').length;
    const licence = texts.filter((t) => LICENCE.test(t)).length;
    const chromeLeft = texts.filter((t) => t !== '' && hasLearned(t)).length;
    const kept = texts.reduce((n, t) => n + (t ? sentencesOf(t).length : 0), 0);
    // A sentence the line filter alone kept that this condition lost, and that is no chrome it cut.
    let lost = 0;
    r.forEach((x, i) => {
      const now = new Set(x.docs.flatMap((d) => sentencesOf(d.text)));
      const cut = new Set(x.dropped.map((d) => chromeKey(d.text)));
      for (const s of noneSentences[i]) {
        if (now.has(s) || cut.has(chromeKey(s)) || [...cut].some((k) => chromeKey(s).endsWith(' ' + k))) continue;
        lost += 1;
        if (c === 'learned+batch' && lostExamples.length < 10) lostExamples.push(s);
      }
    });
    const batchDrops = r.reduce((n, x) => n + x.dropped.filter((d) => d.kind === 'batch').length, 0);
    out.push(`  ${c.padEnd(15)} ${pct(licence, held.length).padStart(12)}  ${pct(chromeLeft, held.length).padStart(19)}  ${pct(held.length - withText, held.length).padStart(21)}  ${String(kept).padStart(14)}  ${String(lost).padStart(27)}  ${String(batchDrops).padStart(16)}  ${ms.get(c)!.toFixed(1).padStart(7)}`);
  }
  out.push('  (figures per held-out article; "lost vs none": a sentence the line filter alone keeps that is gone and is no chrome the filter cut)');
  if (lostExamples.length) out.push('  lost vs none, learned+batch, first ones:', ...lostExamples.map((x) => `    | ${x.slice(0, 140)}`));

  // What was dropped, as distinct sentences, against the hand check.
  const drops = new Map<string, { text: string; n: number; kind: string; articles: number }>();
  for (const r of results.get('learned+batch')!) {
    const seen = new Set<string>();
    for (const d of r.dropped) {
      const key = chromeKey(d.text);
      const e = drops.get(key) ?? { text: d.text, n: 0, kind: d.kind, articles: 0 };
      e.n += 1;
      if (!seen.has(key)) e.articles += 1;
      seen.add(key);
      drops.set(key, e);
    }
  }
  const sorted = [...drops.entries()].sort((a, b) => b[1].n - a[1].n);
  const total = sorted.reduce((n, [, e]) => n + e.n, 0);
  const verdicts = readVerdicts();
  let body = 0;
  let unchecked = 0;
  const rare = sorted.filter(([, e]) => e.articles < 3).reduce((n, [, e]) => n + e.n, 0);
  out.push(`  learned+batch dropped ${total} sentence(s), ${sorted.length} distinct; of those in fewer than 3 held-out articles (the likeliest body; see the check below): ${rare}`);
  for (const [key, e] of sorted.slice(0, 30)) {
    const v = verdicts?.verdicts[key];
    if (v === 'body') body += e.n;
    if (!v) unchecked += e.n;
    out.push(`    ${String(e.n).padStart(5)} ${e.kind.padEnd(7)} ${(v ?? 'unchecked').padEnd(9)} ${e.text.slice(0, 100)}`);
  }
  for (const [key, e] of sorted.slice(30)) {
    const v = verdicts?.verdicts[key];
    if (v === 'body') body += e.n;
    if (!v) unchecked += e.n;
  }
  out.push(`  hand check (bench/gold/chrome-drops.json${verdicts ? `, checked ${verdicts.checked.slice(0, 10)}` : ', absent'}): body wrongly dropped ${body} of ${total} drops (${pct(body, total)}), unchecked ${unchecked}`);

  out.push(...(await mentionFigures(held, model)));
  out.push(...(await reutersFigures(model)));
  return out;
}

/** Dateline and licence mentions on a sample of held-out articles, without and with the chrome learner. */
async function mentionFigures(held: RawPage[], model: ChromeModel): Promise<string[]> {
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeBase();
  } catch (error) {
    return [`  mentions: skipped, the knowledge base did not load: ${(error as Error).message}`];
  }
  const pipeline = createPipeline([tokenizer, tagger, ner, place, mentions], GIVEN_LAYERS, { kb });
  const sample = held.slice(0, MENTION_SAMPLE);
  let datelines = 0;
  let before = 0;
  let beforeIran = 0;
  let after = 0;
  const licenceMentions = { none: 0, learned: 0 };
  for (const page of sample) {
    for (const chrome of [null, learnedFilter(model, siteOf(page))]) {
      for (const doc of cleanPage(page, 0, { chrome }).docs) {
        doc.assign(...GIVEN_LAYERS);
        pipeline.run(doc);
        const licence = LICENCE.exec(doc.text);
        const agency = licence ? doc.text.lastIndexOf('Mehr News Agency', licence.index + licence[0].length) : -1;
        const inLicence = doc.mentions.filter((m) => agency >= 0 && m.start < agency + 'Mehr News Agency'.length && m.end > agency - 'All Content by '.length).length;
        licenceMentions[chrome ? 'learned' : 'none'] += inLicence;
        if (chrome) continue;
        if (!doc.place) continue;
        datelines += 1;
        const d = doc.place.dateline;
        // What mentions made of the dateline before the place component: every token read.
        const old = findMentions(doc.text, doc.tokens, kb, dateAt(doc), doc.place.country, doc.entities).mentions.filter((m) => m.start < d.end && m.end > d.start);
        before += old.length;
        beforeIran += old.filter((m) => m.actorId === 'iran').length;
        after += doc.mentions.filter((m) => m.start < d.end && m.end > d.start).length;
      }
    }
  }
  return [
    `  mentions on the first ${sample.length} held-out articles (tokenizer, tagger, NER, place, mentions; kb/):`,
    `    datelines found: ${datelines}; actor mentions inside them: before ${before} (${beforeIran} of Iran), after ${after}`,
    `    mentions inside the licence line: without the chrome learner ${licenceMentions.none}, with it ${licenceMentions.learned}`,
  ];
}

/** Reuters-21578 bodies hold no site chrome: what the learner and the batch view would cut is body (or the "Reuter" sign-off). */
async function reutersFigures(ttModel: ChromeModel): Promise<string[]> {
  const pages = readCrawl(REUTERS);
  if (!pages) return [`  reuters: skipped, ../shared/data/${REUTERS} is absent`];
  const learnedR = learnChrome(pages);
  const lines = learnedR.sites['reuters']?.lines ?? [];
  const keys = new Set(lines.map((l) => l.key));
  let sentences = 0;
  let dropped = 0;
  const byKey = new Map<string, number>();
  for (const page of pages) {
    const units = splitUnits(page.content);
    sentences += units.reduce((n, u) => n + sentenceSpans(u).length, 0);
    const cut = stripChrome(units, (k) => keys.has(k), ttModel.thresholds.maxChars);
    dropped += cut.dropped.length;
    for (const d of cut.dropped) byKey.set(chromeKey(d), (byKey.get(chromeKey(d)) ?? 0) + 1);
  }
  let batchDropped = 0;
  const batchKeys = new Map<string, number>();
  for await (const { page, snapshot } of withBatchChrome(each(pages), null, ttModel.batch)) {
    const cut = dropChrome(splitUnits(page.content), chromeFilter(snapshot, null));
    batchDropped += cut.batch.length;
    for (const d of cut.batch) batchKeys.set(chromeKey(d), (batchKeys.get(chromeKey(d)) ?? 0) + 1);
  }
  return [
    `  reuters-21578 (${pages.length} stories, one outlet; learner trained on all of it, same thresholds): learned ${lines.length} sentence(s): ${lines.map((l) => `"${l.key}" (${l.articles})`).join(', ') || 'none'}`,
    `    would drop ${dropped} of ${sentences} sentences (${pct(dropped, sentences)}): ${[...byKey].map(([k, n]) => `"${k}" x${n}`).join(', ') || 'nothing'}`,
    `    batch view at ingest over the stories in file order (${BATCH.minArticles}+ articles and ${BATCH.minShare * 100}% of a ${BATCH.lookahead}+${BATCH.history}-page window): drops ${batchDropped} sentence(s): ${[...batchKeys].slice(0, 8).map(([k, n]) => `"${k}" x${n}`).join(', ') || 'nothing'}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await chromeReport()) console.log(line);
}
