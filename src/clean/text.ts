// The paragraph filter for plain-text dumps of news pages: keep the article body exactly as written,
// drop what a page wraps around it, and read the headline and the publication date from the header.
import type { IsoDate } from '../model/types.js';
import { findDate, parseMonthDay } from './dates.js';
import {
  copyrightHolder, dateLine, datelineOf, endsSentence, isByline, isCaption, commentsStart, isHeadlineLike, isProse, isPrompt,
  isSeparatedMenu, isShortLine, repeatKey, teaserKind, wordCount,
} from './lines.js';
import { splitUnits } from './paragraphs.js';
import { LABEL, lineModel, type LineModel } from './line-model.js';
import { dateAboveBody, dateNearTitle } from './text-dates.js';
import { notAHeadline } from './dump-title.js';

export interface FilteredText {
  paragraphs: string[];
  title: string | null;
  publishedAt: IsoDate | null;
  /** The masthead a copyright footer names, for dumps that carry no other sign of their outlet. */
  outlet: string | null;
}

export interface FilterOptions {
  /** Paragraphs that occur more than once on the whole page (normalised with `repeatKey`); computed from `units` when absent. */
  repeated?: Set<string>;
  /** A headline already known (from metadata or segmentation): not looked for, and dropped where it recurs. */
  title?: string | null;
  /** The page's date, for the year a dateline like "BAGHDAD, March 3 —" leaves out. */
  referenceDate?: IsoDate | null;
  /**
   * The units are an article body already found in a page's structure (Readability's output): the
   * menus and the page footer are gone, so runs of short lines there are the article's lists or
   * tables, and what follows the last sentence is kept unless it is clutter. For text dumps (false,
   * the default) those are menus, link lists and footers.
   */
  fromArticleBody?: boolean;
  /**
   * The units are the article as the HTML block model chose it: kept as they are, but for byline and
   * date lines and the story's own headline (on AEB's real pages, every rule cut on top of the model
   * costs recall).
   */
  bodyDecided?: boolean;
  /** The line model for text dumps; the committed one when absent. */
  lineModel?: LineModel;
}

/** Repeated paragraphs at least this long (in words) and reading as prose keep their first occurrence. */
const PROSE_REPEAT_WORDS = 30;
/** At most this many lines of a teaser list are dropped after a "Related:" head. */
const TEASER_LIST_MAX = 12;
/**
 * The line model reads pages: a text of fewer units (a feed item's or a JSONL line's short text) has no
 * page around it to read, and the rule filter decides alone.
 */
const MIN_MODEL_UNITS = 4;
/** Prose words an article has before its comments can begin. */
const MIN_WORDS_BEFORE_COMMENTS = 50;

export function cleanText(text: string, options: FilterOptions = {}): FilteredText {
  return filterUnits(splitUnits(text), options);
}

export { repeatKey };

export function repeatedUnits(units: string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const unit of units) {
    if (wordCount(unit) < 4) continue;
    const key = repeatKey(unit);
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated;
}

export function filterUnits(units: string[], options: FilterOptions = {}): FilteredText {
  if (options.bodyDecided) return decidedBody(units, options);
  const rules = ruleBody(units, options);
  if (rules === null) return { paragraphs: [], title: options.title ?? null, publishedAt: null, outlet: null };
  let { keep, first } = rules;
  let title: string | null = null;
  if (!options.fromArticleBody && units.length >= MIN_MODEL_UNITS) {
    // A text dump: the line model decides, with the rules' decision among its features.
    const { labels, scores } = (options.lineModel ?? lineModel()).label(units, keep);
    const modelBody = modelKeep(labels, rules);
    // A model that finds no body at all has failed on the page, and the article would be lost; the
    // rule filter's body stands then (AEB dumps, 5-fold CV: pages below 0.5 F1 13 -> 10, F1 0.908 -> 0.906).
    const firstBody = modelBody.indexOf(true);
    if (firstBody >= 0) {
      keep = modelBody;
      first = firstBody;
      title = bestTitle(units, labels, scores, first);
    }
  }
  const header = units.slice(0, first);
  const headline = options.title ?? title ?? findTitle(header, rules.clutter.slice(0, first));
  return {
    paragraphs: units.filter((_, i) => keep[i]),
    title: headline,
    // The date line by the headline first (text-dates.ts), else the header's date lines and the dateline.
    publishedAt: dateNearTitle(units, titleIndex(units, headline, first)) ?? findPublished(units, first, rules.noDate, options.referenceDate ?? null) ?? dateAboveBody(units, first),
    outlet: units.map(copyrightHolder).find((name) => name !== null) ?? null,
  };
}

/** Where the headline stands: its last occurrence before the body (a headline printed twice is read at its second copy), else its first. */
function titleIndex(units: string[], title: string | null, first: number): number {
  if (title === null) return -1;
  const key = repeatKey(title);
  let at = -1;
  for (let i = 0; i < units.length && (i <= first || at < 0); i++) if (repeatKey(units[i]) === key) at = i;
  return at;
}

function decidedBody(units: string[], options: FilterOptions): FilteredText {
  const titleKey = options.title ? repeatKey(options.title) : null;
  const meta = units.map(isMetaLine);
  const noDate = units.map((u) => isCaption(u));
  return {
    paragraphs: units.filter((u, i) => !meta[i] && repeatKey(u) !== titleKey),
    title: options.title ?? null,
    publishedAt: findPublished(units, Math.max(0, meta.indexOf(false)), noDate, options.referenceDate ?? null),
    outlet: units.map(copyrightHolder).find((name) => name !== null) ?? null,
  };
}

/**
 * The line model's body, within limits the rules know for sure: a second copy of a paragraph, a byline
 * or a date line is never body, and the article ends where reader comments begin.
 */
export function modelKeep(labels: number[], rules: RuleBody): boolean[] {
  return labels.map((label, i) => label === LABEL.body && !rules.repeatCopy[i] && !rules.metaLine[i] && i < rules.commentsAt);
}

const isMetaLine = (unit: string) => isByline(unit) || dateLine(unit) !== null;

/** The unit the line model labels a headline, before the body (the one it is surest of), else null. */
function bestTitle(units: string[], labels: number[], scores: Float64Array[], firstBody: number): string | null {
  const margin = (s: Float64Array) => s[LABEL.title] - Math.max(...s.filter((_, c) => c !== LABEL.title));
  let best = -1;
  let bestMargin = -Infinity;
  for (let i = 0; i < Math.min(units.length, firstBody + 1); i++) {
    if (labels[i] !== LABEL.title || margin(scores[i]) <= bestMargin || notAHeadline(units[i]) !== null) continue;
    best = i;
    bestMargin = margin(scores[i]);
  }
  return best >= 0 ? units[best] : null;
}

export interface RuleBody {
  /** The rule filter's body decision per unit. */
  keep: boolean[];
  /** The body's first unit. */
  first: number;
  clutter: boolean[];
  /** Units whose dates must never be read. */
  noDate: boolean[];
  /** A paragraph's second and later copies on the page. */
  repeatCopy: boolean[];
  /** Where reader comments begin (units.length when they do not). */
  commentsAt: number;
  /** Byline and date lines ("By Jane Doe", "June 13, 2023 10:42 GMT"). */
  metaLine: boolean[];
}

/** The hand-written filter's reading of a page (the line model's strongest feature); null when no unit reads as prose. */
export function ruleBody(units: string[], options: FilterOptions = {}): RuleBody | null {
  const repeated = options.repeated ?? repeatedUnits(units);
  const titleKey = options.title ? repeatKey(options.title) : null;
  const metaLine = units.map(isMetaLine);
  const clutter = units.map((u, i) => metaLine[i] || isPrompt(u) || isCaption(u) || isSeparatedMenu(u));
  // Lines whose dates must never be read: teasers (other stories' dates), captions, repeats.
  const noDate = units.map((u) => isCaption(u));

  // Teasers, and the list of headlines under a teaser head.
  for (let i = 0; i < units.length; i++) {
    const kind = teaserKind(units[i]);
    if (kind === null) continue;
    clutter[i] = noDate[i] = true;
    if (kind === 'head') {
      for (let j = i + 1; j < units.length && j <= i + TEASER_LIST_MAX && !(isProse(units[j]) && endsSentence(units[j])); j++) {
        clutter[j] = noDate[j] = true;
      }
    }
  }
  // Repeated paragraphs: photo captions and pull quotes. Only clearly prose keeps its first occurrence.
  const kept = new Set<string>();
  const repeatCopy = units.map(() => false);
  units.forEach((unit, i) => {
    const key = repeatKey(unit);
    if (!repeated.has(key)) return;
    repeatCopy[i] = kept.has(key);
    const prose = wordCount(unit) >= PROSE_REPEAT_WORDS && endsSentence(unit) && !isCaption(unit);
    if (!prose || kept.has(key)) clutter[i] = noDate[i] = true;
    kept.add(key);
  });
  units.forEach((unit, i) => {
    if (titleKey !== null && repeatKey(unit) === titleKey) clutter[i] = true;
  });

  const prose = units.map((u, i) => !clutter[i] && isProse(u));
  if (!prose.includes(true)) return null;
  // The body: for a text dump, the densest run of prose (what stands before is the header: nav,
  // headline, byline, date; after it, the footer); for an article body found in the HTML, everything
  // from its first prose paragraph.
  let [first, last] = options.fromArticleBody ? [prose.indexOf(true), units.length - 1] : densestRun(units, prose, clutter);
  const end = commentsCut(units, prose, first, last);
  last = Math.min(last, end - 1);
  // A short closing sentence right after the last long one still belongs to the article.
  while (last + 1 < end && !clutter[last + 1] && endsSentence(units[last + 1]) && wordCount(units[last + 1]) >= 3) last++;

  const keep = units.map((_, i) => i >= first && i <= last && !clutter[i]);
  // Inside the body, runs of three or more short unpunctuated lines are menus or link lists;
  // a single short line is a subhead and stays.
  for (let i = first; !options.fromArticleBody && i <= last; ) {
    let j = i;
    while (j <= last && keep[j] && isShortLine(units[j])) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) keep[k] = false;
    i = j > i ? j : i + 1;
  }
  return { keep, first, clutter, noDate, repeatCopy, commentsAt: end, metaLine };
}

/** What each unit is worth to the body: prose adds its words, clutter and short lines cost a little. */
const CLUTTER_COST = 4;
const OTHER_COST = 2;

/**
 * The run of units with the highest worth (maximum subarray): the article body, with the isolated
 * sentences of a header (a teaser question, a cookie notice) or a footer (related summaries) left out
 * when enough non-prose lies between them and the body.
 */
function densestRun(units: string[], prose: boolean[], clutter: boolean[]): [number, number] {
  let best = -Infinity;
  let bestRange: [number, number] = [prose.indexOf(true), prose.indexOf(true)];
  let sum = 0;
  let start = 0;
  for (let i = 0; i < units.length; i++) {
    const worth = prose[i] ? wordCount(units[i]) : clutter[i] ? -CLUTTER_COST : -OTHER_COST;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += worth;
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  }
  return bestRange;
}

/**
 * Where reader comments begin (the index of their heading), else the end of the units. A heading only comments have cuts once
 * the article has begun; a bare "Comments" may be a link in a share bar, so it cuts only when most of
 * the body's prose stands before it.
 */
function commentsCut(units: string[], prose: boolean[], first: number, last: number): number {
  const words = units.map((u, i) => (prose[i] ? wordCount(u) : 0));
  const total = words.slice(first, last + 1).reduce((a, b) => a + b, 0);
  let before = 0;
  for (let i = first; i <= last; i++) {
    const kind = commentsStart(units[i]);
    if ((kind === 'sure' && before >= MIN_WORDS_BEFORE_COMMENTS) || (kind === 'maybe' && before >= total * 0.75)) return i;
    before += words[i];
  }
  return units.length;
}

/**
 * The headline: a headline-like header line standing right above a byline or date line, else a
 * headline-like header line that is not part of a menu run; of several, the one nearest the body (a
 * whole-page dump's header holds menus and teasers of other stories above the story's own headline:
 * on the AEB dumps, folds 0-2, titles right 48 -> 52 of 114).
 */
function findTitle(header: string[], clutter: boolean[]): string | null {
  const candidates = header.map((u, i) => !clutter[i] && isHeadlineLike(u) && notAHeadline(u) === null);
  const meta = (u: string | undefined) => u !== undefined && (isByline(u) || dateLine(u) !== null);
  const aboveByline = header.findLastIndex((_, i) => candidates[i] && (meta(header[i + 1]) || (meta(header[i + 2]) && !candidates[i + 1])));
  if (aboveByline >= 0) return header[aboveByline];
  const inMenuRun = (i: number) => {
    let run = 1;
    for (let j = i - 1; j >= 0 && isShortLine(header[j]) && wordCount(header[j]) <= 4; j--) run++;
    for (let j = i + 1; j < header.length && isShortLine(header[j]) && wordCount(header[j]) <= 4; j++) run++;
    return wordCount(header[i]) <= 4 && run >= 3;
  };
  for (const minWords of [4, 3]) {
    const i = header.findLastIndex((u, k) => candidates[k] && wordCount(u) >= minWords && !inMenuRun(k));
    if (i >= 0) return header[i];
  }
  return null;
}

/** How far into the body a date line may still stand and count as the article's date. */
const DATE_LOOKAHEAD = 4;

/**
 * The publication date from date or byline lines in the header or just after it (published wins over
 * updated), else from a dateline that opens the body. Teasers, captions and repeated lines are never read.
 */
function findPublished(units: string[], first: number, noDate: boolean[], referenceDate: IsoDate | null): IsoDate | null {
  let updated: IsoDate | null = null;
  for (let i = 0; i < Math.min(units.length, first + DATE_LOOKAHEAD); i++) {
    if (noDate[i]) continue;
    const found = dateLine(units[i]);
    if (!found) continue;
    if (!found.updated) return found.date;
    updated ??= found.date;
  }
  if (updated) return updated;
  const dateline = datelineOf(units[first]);
  if (!dateline || dateline.datePart === '') return null;
  const full = findDate(dateline.datePart);
  if (full) return full.date;
  if (referenceDate === null) return null;
  return yearAwareMonthDay(dateline.datePart, referenceDate);
}

/** "March 3" on a page dated 2021-03-05 is 2021-03-03; on a page dated 2021-01-02, "December 30" is 2020-12-30. */
function yearAwareMonthDay(text: string, reference: IsoDate): IsoDate | null {
  const year = Number(reference.slice(0, 4));
  const date = parseMonthDay(text, year);
  if (date === null || reference.length < 7) return date;
  return date.slice(0, 7) > reference.slice(0, 7) && Number(date.slice(5, 7)) - Number(reference.slice(5, 7)) > 6
    ? parseMonthDay(text, year - 1)
    : date;
}
