// Segmentation of whole-page text dumps that hold several stories: multi-story dumps built from the
// Article Extraction Benchmark's own pages (bench/segment-dumps.ts), cleaned through cleanPage, scored
// on the dev split (pages of fold 0 of 5 by key; the segmenter is trained on the other folds, and the
// line model used here too). The rule segmenter as it stood on main runs on the same dumps in the same
// command (bench/baselines/segment-rules.ts with main's per-story filter loop).
//
// Metrics, per story of each dump:
//  - boundary P/R/F1 over the starts of the second and later stories of each dump (the first story's
//    start, unit 0, is given). A predicted start matches a gold start, one to one, when it falls on the
//    story's first unit or anywhere in the block that opens it: from its first unit to the line before
//    its first body line (headline, doubled caption, outlet line, the headline again, byline, dek).
//  - title: a story's article is the predicted article holding most of its body lines. Its title is
//    right when it equals the gold title (case, punctuation and spacing aside); for a story with no
//    headline line, when it is marked derived (clean.title-derived) and its words open the story's gold
//    body. Accuracy over gold stories; F1 with precision over predicted articles.
//  - teaser articles: predicted articles that start on a "Read more:" teaser line or are titled with a
//    teaser's headline (target 0).
//  - body: AEB's shingle metric (bench/aeb.ts) of each story's article against its gold body.
// Run: npm run bench:segment
import { cleanPage, type CleaningModels } from '../src/clean/index.js';
import { filterUnits, repeatedUnits } from '../src/clean/text.js';
import { repeatKey } from '../src/clean/lines.js';
import type { LineModel } from '../src/clean/line-model.js';
import { segmentUnits } from '../src/clean/segment.js';
import { segmentModel } from '../src/clean/segment-model.js';
import { aebDir, bodyScores, matchBodies, tokens, type Counts } from './aeb.js';
import { ruleSegmentUnits } from './baselines/segment-rules.js';
import { DEV_DUMPS, DUMP_SEED, makeDumps, segmentSources, type GoldStory, type SegmentDump, type StoryPattern } from './segment-dumps.js';
import { lineModelOn } from './train/train-segment.js';
import { prepareAeb } from './train/train-lines.js';

export interface PredictedArticle {
  title: string | null;
  derived: boolean;
  paragraphs: string[];
}

export interface Prediction {
  /** Unit indexes where the segmenter starts a story (0 first). */
  starts: number[];
  articles: PredictedArticle[];
}

interface Tally {
  label: string;
  boundary: [tp: number, fp: number, fn: number];
  titleRight: number;
  stories: number;
  articles: number;
  teaserArticles: number;
  bodies: Counts[];
  byPattern: Map<string, [right: number, all: number]>;
  wrong: string[];
}

const normTitle = (t: string | null) => (t === null ? '' : repeatKey(t));

/** The segmenter on main with main's per-story filter loop (the baseline). */
export function predictRules(dump: SegmentDump, lines: LineModel): Prediction {
  const segments = ruleSegmentUnits(dump.units);
  const starts: number[] = [];
  let at = 0;
  for (const s of segments) {
    starts.push(at);
    at += s.units.length;
  }
  const repeated = repeatedUnits(dump.units);
  const articles = segments.map((segment) => {
    const found = filterUnits(segment.units, { repeated, title: segment.title, lineModel: lines });
    return { title: found.title, derived: false, paragraphs: found.paragraphs };
  }).filter((a) => a.paragraphs.length > 0);
  return { starts, articles };
}

/** Ours: the learned segmenter for the starts, cleanPage end to end for the articles. */
export function predictOurs(dump: SegmentDump, models: CleaningModels): Prediction {
  const starts = segmentUnits(dump.units, { model: models.segment, lineModel: models.lines }).map((s) => s.start);
  const { docs } = cleanPage({ uri: `${dump.id}.txt`, part: 0, format: 'text', content: dump.text }, 0, models);
  const articles = docs.map((d) => ({ title: d.title, derived: d.messages.some((m) => m.id === 'clean.title-derived'), paragraphs: d.text.split('\n\n') }));
  return { starts, articles };
}

/** Which gold story each unit belongs to. */
function storyOfUnit(dump: SegmentDump): number[] {
  const out = dump.units.map(() => -1);
  dump.stories.forEach((s, k) => {
    for (let i = s.start; i < s.end; i++) out[i] = k;
  });
  return out;
}

/** Per article, how many of its paragraphs stand in each gold story (paragraphs are units, in order). */
function articleStories(dump: SegmentDump, articles: PredictedArticle[]): number[][] {
  const owner = storyOfUnit(dump);
  const places = new Map<string, number[]>();
  dump.units.forEach((u, i) => places.set(u, [...(places.get(u) ?? []), i]));
  let cursor = 0;
  return articles.map((a) => {
    const counts = dump.stories.map(() => 0);
    for (const p of a.paragraphs) {
      const at = places.get(p);
      if (!at) continue;
      const i = at.find((k) => k >= cursor) ?? at[0];
      cursor = Math.max(cursor, i);
      counts[owner[i]]++;
    }
    return counts;
  });
}

function titleRight(story: GoldStory, article: PredictedArticle | undefined): boolean {
  if (!article) return false;
  if (story.title !== null) return normTitle(article.title) === normTitle(story.title);
  if (!article.derived || article.title === null) return false;
  const words = tokens(article.title.toLowerCase());
  const body = tokens(story.body.toLowerCase()).slice(0, words.length + 12).join(' ');
  return words.length > 0 && body.includes(words.join(' '));
}

function score(tally: Tally, dump: SegmentDump, prediction: Prediction): void {
  // Boundaries: one-to-one, greedy in order.
  const gold = dump.stories.slice(1);
  const predicted = prediction.starts.filter((s) => s > 0);
  const used = new Set<number>();
  let tp = 0;
  for (const story of gold) {
    const hit = predicted.find((p) => !used.has(p) && p >= story.start && p <= Math.max(story.start, story.openEnd));
    if (hit !== undefined) {
      used.add(hit);
      tp++;
    }
  }
  tally.boundary[0] += tp;
  tally.boundary[1] += predicted.length - tp;
  tally.boundary[2] += gold.length - tp;
  // Teaser articles.
  const teaserKeys = new Set([...dump.teaserUnits].map((i) => repeatKey(dump.units[i].replace(/^read more:\s*/i, ''))).filter((k) => k !== '' && k !== 'read more'));
  const teaserStarts = prediction.starts.filter((s) => dump.teaserUnits.has(s)).length;
  const teaserTitled = prediction.articles.filter((a) => a.title !== null && teaserKeys.has(repeatKey(a.title))).length;
  tally.teaserArticles += Math.max(teaserStarts, teaserTitled);
  // Each story's article: the one holding most of its paragraphs (an article merged over two stories serves both).
  const shares = articleStories(dump, prediction.articles);
  tally.articles += prediction.articles.length;
  dump.stories.forEach((story, k) => {
    let best = -1;
    for (let a = 0; a < shares.length; a++) if (shares[a][k] > 0 && (best < 0 || shares[a][k] > shares[best][k])) best = a;
    const article = best >= 0 ? prediction.articles[best] : undefined;
    const right = titleRight(story, article);
    tally.stories++;
    if (right) tally.titleRight++;
    else if (tally.wrong.length < 400) tally.wrong.push(`${dump.id} story ${k} (${story.pattern}${story.teasers ? '+teasers' : ''}): gold ${JSON.stringify(story.title)} got ${JSON.stringify(article?.title ?? '(no article)')}`);
    const pattern: StoryPattern | 'teasers' = story.pattern;
    for (const key of [pattern, ...(story.teasers ? ['teasers'] : [])]) {
      const cell = tally.byPattern.get(key) ?? [0, 0];
      cell[0] += right ? 1 : 0;
      cell[1]++;
      tally.byPattern.set(key, cell);
    }
    tally.bodies.push(matchBodies(story.body, article ? article.paragraphs.join('\n\n') : ''));
  });
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

function tallyLines(t: Tally): string {
  const [tp, fp, fn] = t.boundary;
  const bp = tp / Math.max(1, tp + fp), br = tp / Math.max(1, tp + fn);
  const tp2 = t.titleRight / Math.max(1, t.articles), tr = t.titleRight / Math.max(1, t.stories);
  const body = bodyScores(t.bodies);
  return `${t.label.padEnd(34)}${bp.toFixed(3)} ${br.toFixed(3)} ${f1(bp, br).toFixed(3)}   ${tr.toFixed(3)}     ${f1(tp2, tr).toFixed(3)}   ${String(t.teaserArticles).padEnd(9)}${body.f1.toFixed(3)}   ${t.articles}/${t.stories}`;
}

export interface SegmentReportOptions {
  /** Print every story whose title is wrong. */
  verbose?: boolean;
}

export async function segmentReport(options: SegmentReportOptions = {}): Promise<string[]> {
  const data = segmentSources();
  const prepared = prepareAeb();
  if (data === null || prepared === null) return [`clean-segment: skipped, the benchmark is not at ${aebDir()} (it lives in ../shared/data/aeb beside the repo)`];
  const lines = lineModelOn(prepared, new Set(data.train.map((s) => s.key)));
  const models: CleaningModels = { lines, segment: segmentModel() };
  const dumps = makeDumps(data.dev, DEV_DUMPS, DUMP_SEED, 'dev');
  const tally = (label: string): Tally => ({ label, boundary: [0, 0, 0], titleRight: 0, stories: 0, articles: 0, teaserArticles: 0, bodies: [], byPattern: new Map(), wrong: [] });
  const ours = tally('Orbit learned segmenter');
  const rules = tally('rule segmenter on main (baseline)');
  for (const dump of dumps) {
    score(ours, dump, predictOurs(dump, models));
    score(rules, dump, predictRules(dump, lines));
  }
  const stories = dumps.reduce((n, d) => n + d.stories.length, 0);
  const out = [
    `Segmentation: ${dumps.length} dumps, ${stories} stories from the ${data.dev.length} dev-split pages of ${aebDir()} (fold 0 of 5 by page key; segmenter and line model trained on the other ${data.train.length} pages)`,
    'segmenter                         boundary P/R/F1         title acc  title F1  teaser    body F1 articles/stories',
    tallyLines(ours),
    tallyLines(rules),
  ];
  for (const t of [ours, rules]) {
    out.push(`  ${t.label} titles right by pattern: ${[...t.byPattern].map(([k, [r, n]]) => `${k} ${r}/${n}`).join(', ')}`);
  }
  out.push('targets: boundary F1 >= 0.95, title accuracy >= 0.95, teaser articles 0');
  if (options.verbose) out.push('wrong titles (ours):', ...ours.wrong);
  return out;
}

if (process.argv[1]?.endsWith('clean-segment.js')) {
  for (const line of await segmentReport({ verbose: process.argv.includes('--verbose') })) console.log(line);
}
