// The segmentation benchmark's data: whole-page text dumps that hold several stories, built from the
// Article Extraction Benchmark's own pages (../shared/data/aeb). Each page is rendered as a browser's
// copy would give it (html-text.ts renderBlocks, block elements to lines) and labelled from its gold
// body (bench/train/line-labels.ts); a story is cut from that render and dressed in the patterns real
// multi-story dumps show:
//  - doubled: headline, photo caption twice, a one-word outlet line, the headline again, the caption
//    twice again, then the body;
//  - teasers: the story ends with "Read more:" teasers (headlines of other pages, never articles);
//  - pasted: unrelated stories pasted one after another, each its own article (some as wire copy:
//    headline, date line, body);
//  - headless: a story with no headline line (its body alone);
//  - whole page: the first story keeps its page's header (menus), the last its page's footer, and some
//    dumps are one whole page (nothing to split).
// Gold per story: its span of units (the page it came from) and its title (the page's headline: the
// annotated one in bench/gold/aeb-meta.json when that file exists, else the page's visible h1/og:title
// line). Dumps are made with a fixed seed, from the pages of one split only.
import { parseDocument } from '../src/clean/html.js';
import { LABEL } from '../src/clean/line-model.js';
import { dateLine, repeatKey } from '../src/clean/lines.js';
import { splitUnits } from '../src/clean/paragraphs.js';
import { seededRandom, shuffle } from '../src/nlp/learn/random.js';
import { foldOf, readAeb, type AebPage } from './aeb.js';
import { labelPage } from './train/line-labels.js';
import { annotatedTitles } from './train/train-lines.js';

/** Pages of fold 0 (of 5, by page key) are the reported dev split; the rest train the segmenter. */
export const SEGMENT_FOLDS = 5;
export const DEV_FOLD = 0;
export const DUMP_SEED = 20261202;
export type Split = 'train' | 'dev';
export const splitOf = (key: string): Split => (foldOf(key, SEGMENT_FOLDS) === DEV_FOLD ? 'dev' : 'train');

/** One AEB page as a story source: its render's units and labels, its headline and caption. */
export interface StorySource {
  key: string;
  gold: string;
  units: string[];
  labels: number[];
  /** The headline line in the render (-1 when the page shows none). */
  titleAt: number;
  firstBody: number;
  lastBody: number;
  /** The gold title: annotated, else the page's visible headline. */
  title: string;
  caption: string | null;
  outlet: string;
}

export type StoryPattern = 'plain' | 'doubled' | 'headless' | 'wire';

export interface GoldStory {
  key: string;
  /** Units [start, end) of the dump. */
  start: number;
  end: number;
  /** The last unit of the block that opens the story (headline, captions, outlet line, byline): a start found anywhere from `start` to here counts. */
  openEnd: number;
  /** null for a story with no headline line in the dump. */
  title: string | null;
  /** The page's headline, shown or not. */
  pageTitle: string;
  /** The page's gold article body. */
  body: string;
  pattern: StoryPattern;
  teasers: boolean;
}

export interface SegmentDump {
  id: string;
  text: string;
  units: string[];
  stories: GoldStory[];
  /** Units that are "Read more:" teasers or their headlines. */
  teaserUnits: Set<number>;
}

/** Headline of a page that is shown on the page: the annotated one, else the h1/og:title line the labels found. */
export function goldTitleOf(key: string, units: string[], labels: number[], document: Document, annotated: Map<string, string | null>): string | null {
  const note = annotated.get(key);
  if (note) return note;
  const at = labels.indexOf(LABEL.title);
  if (at >= 0) return units[at];
  const h1 = document.querySelector('h1')?.textContent?.trim();
  if (h1) return h1.replace(/\s+/g, ' ');
  return document.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() ?? null;
}

function outletWord(url: string): string {
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return 'example.com';
    }
  })();
  const parts = host.replace(/^(www|edition|news|m)\./, '').split('.');
  const name = parts[0] ?? 'News';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function storySources(pages: AebPage[]): StorySource[] {
  const annotated = annotatedTitles();
  const out: StorySource[] = [];
  for (const page of pages) {
    const labelled = labelPage(page.key, page.html, page.body, annotated.get(page.key));
    const { units, labels } = labelled;
    const firstBody = labels.indexOf(LABEL.body);
    const lastBody = labels.lastIndexOf(LABEL.body);
    const document = parseDocument(page.html);
    // The headline line: the one matching og:title nearest above the body, else the labels' (an h1 may be the site's name).
    const og = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
    let titleAt = labels.indexOf(LABEL.title);
    if (og) {
      for (let j = firstBody - 1; j >= 0; j--) {
        if (repeatKey(units[j]) !== repeatKey(og)) continue;
        titleAt = j;
        labels[j] = LABEL.title;
        break;
      }
    }
    const title = annotated.get(page.key) ?? (titleAt >= 0 ? units[titleAt] : goldTitleOf(page.key, units, labels, document, annotated));
    if (firstBody < 0 || !title) continue;
    const captionAt = labels.indexOf(LABEL.caption);
    out.push({
      key: page.key, gold: page.body, units, labels, titleAt, firstBody, lastBody, title,
      caption: captionAt >= 0 && units[captionAt].length < 300 ? units[captionAt] : null, outlet: outletWord(page.url),
    });
  }
  return out;
}

interface StoryPlan {
  source: StorySource;
  pattern: StoryPattern;
  teasers: string[];
  header: boolean;
  footer: boolean;
}

/** A story's lines, the index (in them) of its first body line, and which are teasers. */
function storyLines(plan: StoryPlan, random: () => number): { lines: string[]; bodyAt: number; teaserAt: number[] } {
  const s = plan.source;
  const core = s.units.slice(s.firstBody, s.lastBody + 1);
  const headline = s.titleAt >= 0 ? s.units[s.titleAt] : s.title;
  // What stands between the headline and the body on the page (dek, byline, date, caption).
  const preamble = s.titleAt >= 0 && s.titleAt < s.firstBody ? s.units.slice(s.titleAt + 1, s.firstBody) : [];
  let opening: string[];
  if (plan.pattern === 'headless') opening = [];
  else if (plan.pattern === 'doubled' && s.caption) opening = [headline, s.caption, s.caption, s.outlet, headline, s.caption, s.caption];
  // A pasted wire story: its headline, its date line when the page has one, then the body.
  else if (plan.pattern === 'wire') opening = [headline, ...preamble.filter((_, k) => s.labels[s.titleAt + 1 + k] === LABEL.meta && dateLine(preamble[k]) !== null).slice(0, 1)];
  else opening = [headline, ...preamble];
  const header = plan.header && s.titleAt > 0 && plan.pattern !== 'headless' ? s.units.slice(Math.max(0, s.titleAt - 40), s.titleAt) : [];
  const lines = [...header, ...opening, ...core];
  const teaserAt: number[] = [];
  if (plan.teasers.length > 0) {
    const inline = random() < 0.5;
    if (!inline) {
      teaserAt.push(lines.length);
      lines.push(random() < 0.5 ? 'Read more:' : 'Read More:');
    }
    for (const t of plan.teasers) {
      teaserAt.push(lines.length);
      lines.push(inline ? `Read more: ${t}` : t);
    }
  }
  if (plan.footer) lines.push(...s.units.slice(s.lastBody + 1, s.lastBody + 41));
  return { lines, bodyAt: header.length + opening.length, teaserAt };
}

/** Joins story lines into one dump and checks that splitting it gives the same units back. */
function assemble(parts: string[][]): { text: string; units: string[] } {
  let text = '';
  parts.forEach((lines, k) => {
    // A blank line between two stories only where a single newline would let the splitter run them together.
    const sep = k === 0 ? '' : splitUnits(`${parts[k - 1][parts[k - 1].length - 1]}\n${lines[0]}`).length === 2 ? '\n' : '\n\n';
    text += sep + lines.join('\n');
  });
  return { text, units: splitUnits(text) };
}

/** Dumps of one split, generated with a fixed seed. */
export function makeDumps(sources: StorySource[], count: number, seed = DUMP_SEED, prefix = 'dump'): SegmentDump[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const dumps: SegmentDump[] = [];
  let pool: StorySource[] = [];
  for (let d = 0; d < count; d++) {
    const whole = random() < 0.15;
    const n = whole ? 1 : 2 + Math.floor(random() * 4);
    if (pool.length < n) pool = shuffle([...sources], random);
    const chosen = pool.splice(0, n);
    const others = sources.filter((s) => !chosen.includes(s));
    const plans: StoryPlan[] = chosen.map((source, k) => {
      const r = random();
      const pattern: StoryPattern = whole ? 'plain' : (k === 0 ? r < 0.2 : r < 0.06) ? 'headless' : source.caption && random() < 0.4 ? 'doubled' : random() < 0.35 ? 'wire' : 'plain';
      const teasers = !whole && random() < 0.4 ? Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(others).title) : [];
      return { source, pattern, teasers, header: whole || (k === 0 && random() < 0.3), footer: whole || (k === n - 1 && random() < 0.3) };
    });
    const built = plans.map((p) => storyLines(p, random));
    const { text, units } = assemble(built.map((b) => b.lines));
    const expected = built.reduce((m, b) => m + b.lines.length, 0);
    if (units.length !== expected) continue; // the splitter joined lines inside a story: skip the dump rather than misalign gold
    const stories: GoldStory[] = [];
    const teaserUnits = new Set<number>();
    let at = 0;
    built.forEach((b, k) => {
      const plan = plans[k];
      for (const t of b.teaserAt) teaserUnits.add(at + t);
      stories.push({
        key: plan.source.key, start: at, end: at + b.lines.length, openEnd: at + Math.max(0, b.bodyAt - 1),
        title: plan.pattern === 'headless' ? null : plan.source.title, pageTitle: plan.source.title, body: plan.source.gold,
        pattern: plan.pattern, teasers: plan.teasers.length > 0,
      });
      at += b.lines.length;
    });
    dumps.push({ id: `${prefix}-${d}`, text, units, stories, teaserUnits });
  }
  return dumps;
}

export interface SegmentData {
  train: StorySource[];
  dev: StorySource[];
}

/** The benchmark's pages as story sources, by split; null when ../shared/data/aeb is absent. */
export function segmentSources(): SegmentData | null {
  const pages = readAeb();
  if (pages === null) return null;
  const sources = storySources(pages);
  return { train: sources.filter((s) => splitOf(s.key) === 'train'), dev: sources.filter((s) => splitOf(s.key) === 'dev') };
}

export const DEV_DUMPS = 120;
export const TRAIN_DUMPS = 600;
