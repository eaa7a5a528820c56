// What the story segmenter sees of a text dump's units: the line model's label of each unit and its
// neighbours, the hand-written line kinds (lines.ts), repetition nearby (a headline printed again after
// its doubled caption and outlet line), "Read more:" teaser lists, how the body before ends and the
// body after begins (a dateline), and how many words the paragraphs either side share. Two feature
// sets: is this unit a story's first line (startFeatures), and is this unit the story's headline
// (titleFeatures, ranked among the lines that open a story).
import { feature1, feature2, feature3 } from '../nlp/perceptron/hash.js';
import { LABEL, type LabelledLines } from './line-model.js';
import {
  dateLine, datelineOf, endsSentence, isByline, isCaption, isHeadlineLike, isPrompt, isProse, repeatKey, teaserKind, wordCount,
} from './lines.js';
import { coverage, gapShift, topicSpace, windowBag, type GapShift, type TopicSpace } from './topic-shift.js';

/** Everything about a dump's units the features read, computed once per dump. */
export interface DumpFacts {
  units: string[];
  keys: string[];
  labels: number[];
  /** Per unit: title score minus the best other label's, and body score minus the best other's. */
  titleMargin: number[];
  bodyMargin: number[];
  kinds: number[];
  words: number[];
  /** Per unit: whether it stands in a "Read more:" teaser list (the head, an inline teaser, or a line under a head). */
  inTeasers: boolean[];
  /** Content words of each unit (lower case, 4+ letters). */
  content: Set<string>[];
  /** A body line of the line model with a sentence's worth of words. */
  bodyLine: boolean[];
  /** Per repeat key, the units that hold it (a "Read more:" teaser counted by the headline it names). */
  placesOfKey: Map<string, number[]>;
  /** The dump's lines as rarity-weighted word stems (topic-shift.ts). */
  space: TopicSpace;
  /** Per unit, the topic shift at the gap before it: near (3 prose lines a side) and wide (6). */
  shiftNear: GapShift[];
  shiftWide: GapShift[];
  /** Per unit, the share of its words found in the prose after it and before it (6 lines, 25 units). */
  coverAhead: number[];
  coverBehind: number[];
}

export const KIND = {
  prose: 1, headline: 2, ends: 4, teaserHead: 8, teaserInline: 16, caption: 32, byline: 64, dateLine: 128, dateline: 256,
  prompt: 512, oneWord: 1024,
} as const;

/** Lines under a "Read more:" head that may still be teaser headlines. */
const TEASER_LIST_MAX = 8;
/** How far around a unit a repeat of it is looked for. */
const REPEAT_WINDOW = 10;
/** Words a line model body line needs to count as a story's body. */
export const BODY_LINE_WORDS = 8;

function kindsOf(unit: string, words: number): number {
  let k = 0;
  if (isProse(unit)) k |= KIND.prose;
  if (isHeadlineLike(unit)) k |= KIND.headline;
  if (endsSentence(unit)) k |= KIND.ends;
  const teaser = teaserKind(unit);
  if (teaser === 'head') k |= KIND.teaserHead;
  if (teaser === 'inline') k |= KIND.teaserInline;
  if (isCaption(unit)) k |= KIND.caption;
  if (isByline(unit)) k |= KIND.byline;
  if (dateLine(unit) !== null) k |= KIND.dateLine;
  if (datelineOf(unit) !== null) k |= KIND.dateline;
  if (isPrompt(unit)) k |= KIND.prompt;
  if (words === 1) k |= KIND.oneWord;
  return k;
}

function margin(scores: Float64Array, label: number): number {
  let best = -Infinity;
  for (let c = 0; c < scores.length; c++) if (c !== label && scores[c] > best) best = scores[c];
  return scores[label] - best;
}

export function dumpFacts(units: string[], lines: LabelledLines): DumpFacts {
  const words = units.map(wordCount);
  const kinds = units.map((u, i) => kindsOf(u, words[i]));
  const inTeasers = units.map((_, i) => (kinds[i] & (KIND.teaserHead | KIND.teaserInline)) !== 0);
  for (let i = 0; i < units.length; i++) {
    if ((kinds[i] & KIND.teaserHead) === 0) continue;
    for (let j = i + 1; j < units.length && j <= i + TEASER_LIST_MAX && !((kinds[j] & KIND.prose) && (kinds[j] & KIND.ends)); j++) inTeasers[j] = true;
  }
  const keys = units.map(repeatKey);
  const placesOfKey = new Map<string, number[]>();
  units.forEach((u, i) => {
    const key = inTeasers[i] ? repeatKey(u.replace(/^read more:\s*/i, '')) : keys[i];
    if (key === '') return;
    const places = placesOfKey.get(key);
    if (places) places.push(i);
    else placesOfKey.set(key, [i]);
  });
  const space = topicSpace(units);
  const notTeaser = (i: number) => inTeasers[i];
  return {
    units,
    keys,
    placesOfKey,
    space,
    shiftNear: units.map((_, i) => gapShift(space, i, 3, 12, notTeaser)),
    shiftWide: units.map((_, i) => gapShift(space, i, 6, 25, notTeaser)),
    coverAhead: units.map((_, i) => coverage(space.words[i], windowBag(space, i + 1, 1, 6, 25, notTeaser))),
    coverBehind: units.map((_, i) => coverage(space.words[i], windowBag(space, i - 1, -1, 6, 25, notTeaser))),
    labels: lines.labels,
    titleMargin: lines.scores.map((s) => margin(s, LABEL.title)),
    bodyMargin: lines.scores.map((s) => margin(s, LABEL.body)),
    kinds,
    words,
    inTeasers,
    content: units.map((u) => new Set((u.toLowerCase().match(/\p{L}{4,}/gu) ?? []))),
    // Prose the line model calls body: a headline it reads as body (no sentence end) opens a story instead.
    // A line printed twice in a row (a photo caption around its headline) is not body, whatever its words.
    bodyLine: lines.labels.map((l, i) => l === LABEL.body && words[i] >= BODY_LINE_WORDS && (kinds[i] & KIND.prose) !== 0 && keys[i - 1] !== keys[i] && keys[i + 1] !== keys[i]),
  };
}

function lengthBin(words: number): number {
  if (words <= 3) return words;
  if (words <= 6) return 4;
  if (words <= 12) return 5;
  if (words <= 20) return 6;
  if (words <= 40) return 7;
  return 8;
}

function marginBin(m: number): number {
  return Math.sign(m) * Math.min(5, Math.floor(Math.log2(1 + Math.abs(m))));
}

const bucket = (n: number) => (n <= 3 ? n : n <= 6 ? 4 : n <= 12 ? 5 : 6);

/** Of the body lines in [from, to), up to `take` nearest to the far end (or the near end), their content words. */
function bodyWords(f: DumpFacts, from: number, step: number, take: number, reach = 12, anyProse = false): Set<string> {
  const out = new Set<string>();
  let found = 0;
  for (let i = from; i >= 0 && i < f.units.length && found < take && Math.abs(i - from) < reach; i += step) {
    if (anyProse ? f.words[i] < BODY_LINE_WORDS : !f.bodyLine[i]) continue;
    for (const w of f.content[i]) out.add(w);
    found++;
  }
  return out;
}

/** How much of a unit's content words the body lines on one side of it repeat (a headline's words recur in its own story). */
function overlapBin(f: DumpFacts, i: number, step: number, anyProse = false): number {
  const words = f.content[i];
  if (words.size === 0) return 9;
  const around = bodyWords(f, i + step, step, 5, 12, anyProse);
  if (around.size === 0) return 8;
  let shared = 0;
  for (const w of words) if (around.has(w)) shared++;
  const share = shared / words.size;
  return share === 0 ? 0 : share < 0.25 ? 1 : share < 0.5 ? 2 : share < 0.75 ? 3 : 4;
}

/** Shared words between the paragraphs before a unit and those from it on: low when a new story begins. */
function cohesionBin(f: DumpFacts, i: number, take = 2, reach = 12, anyProse = false): number {
  const before = bodyWords(f, i - 1, -1, take, reach, anyProse);
  const after = bodyWords(f, i, 1, take, reach, anyProse);
  if (before.size === 0 || after.size === 0) return 9;
  let shared = 0;
  for (const w of after) if (before.has(w)) shared++;
  const share = shared / Math.min(before.size, after.size);
  return share < 0.03 ? 0 : share < 0.07 ? 1 : share < 0.12 ? 2 : share < 0.2 ? 3 : 4;
}

function repeatsNear(f: DumpFacts, i: number, step: number): number {
  if (f.words[i] < 2) return 0;
  for (let j = i + step, d = 1; j >= 0 && j < f.units.length && d <= REPEAT_WINDOW; j += step, d++) if (f.keys[j] === f.keys[i]) return d;
  return 0;
}

const S = {
  bias: 1, label: 2, prevLabel: 3, nextLabel: 4, prev2Label: 5, next2Label: 6, labelTri: 7, titleMargin: 8, kind: 9, prevKind: 10,
  length: 11, prevLength: 12, repeatAhead: 13, repeatBehind: 14, nextOneWord: 15, nextDoubled: 16, inTeasers: 17, prevTeasers: 18,
  datelineAhead: 19, bodyAhead: 20, sinceBody: 21, prevBodyEnds: 22, cohesion: 23, first: 24, kindLabel: 26,
  cohesionLabel: 27, nextKind: 28, bodyMarginNext: 29, labelPair: 30, kindTri: 31, metaAhead: 32, headlineAfterBody: 33, titleAhead: 34,
  shapeTri: 35, overlapAhead: 36, overlapBehind: 37, overlapPair: 38, cohesionWide: 39, wireOpening: 40, teaserNext: 41,
  namedElsewhere: 42, nextTitleMargin: 43, prevBodyMargin: 44, cohesionFar: 45, cohesionProse: 46,
  shiftAcross: 47, shiftDepth: 48, shiftNear: 49, shiftPair: 50, coverPair: 51, coverLabel: 52,
} as const;

/** A cosine or a share in [0, 1], binned (9: nothing to compare). */
export function simBin(x: number): number {
  if (Number.isNaN(x)) return 9;
  return x < 0.02 ? 0 : x < 0.05 ? 1 : x < 0.1 ? 2 : x < 0.2 ? 3 : x < 0.35 ? 4 : x < 0.6 ? 5 : 6;
}

/** A difference of similarities in [-1, 1], binned (9: nothing to compare). */
function depthBin(x: number): number {
  if (Number.isNaN(x)) return 9;
  return x < -0.1 ? 0 : x < 0 ? 1 : x < 0.05 ? 2 : x < 0.1 ? 3 : x < 0.2 ? 4 : x < 0.35 ? 5 : 6;
}

/**
 * Where else in the dump this unit's words stand as a line: 0 nowhere, 1 only as a "Read more:" teaser
 * far away (a story's headline that another story's teaser list names), 2 as another plain line far away.
 */
function namedElsewhere(f: DumpFacts, i: number): number {
  if (f.words[i] < 3 || f.keys[i] === '') return 0;
  let out = 0;
  for (const j of f.placesOfKey.get(f.keys[i]) ?? []) {
    if (Math.abs(j - i) <= REPEAT_WINDOW) continue;
    if (f.inTeasers[j]) out = Math.max(out, 1);
    else out = 2;
  }
  return out;
}

const SHAPE_BITS = KIND.prose | KIND.headline | KIND.ends | KIND.teaserHead | KIND.teaserInline;
const NEXT_BITS = KIND.prose | KIND.headline | KIND.ends | KIND.byline | KIND.dateLine | KIND.caption | KIND.oneWord | KIND.dateline;

/**
 * The old rule segmenter's test, as a feature: after a headline-like line, up to three byline or date
 * lines, then a line that opens with a dateline ("BAGHDAD, June 12 (Wire) —"), or at least one meta line.
 */
export function opensWireStory(f: DumpFacts, from: number): boolean {
  let sawMeta = false;
  for (let k = from; k < f.units.length && k < from + 4; k++) {
    if (f.kinds[k] & (KIND.byline | KIND.dateLine)) {
      sawMeta = true;
      continue;
    }
    return sawMeta || (f.kinds[k] & KIND.dateline) !== 0;
  }
  return sawMeta;
}

/** Features of "a story starts at unit i". */
export function startFeatures(f: DumpFacts, i: number): Uint32Array {
  const n = f.units.length;
  const lab = (k: number) => (k < 0 ? 9 : k >= n ? 8 : f.labels[k]);
  const out: number[] = [feature1(S.bias, 0)];
  out.push(feature1(S.label, lab(i)), feature1(S.prevLabel, lab(i - 1)), feature1(S.nextLabel, lab(i + 1)));
  out.push(feature1(S.prev2Label, lab(i - 2)), feature1(S.next2Label, lab(i + 2)), feature3(S.labelTri, lab(i - 1), lab(i), lab(i + 1)));
  out.push(feature2(S.labelPair, lab(i), lab(i + 2)));
  out.push(feature2(S.titleMargin, marginBin(f.titleMargin[i]), lab(i)));
  const kinds = f.kinds[i];
  for (let bit = 1; bit <= KIND.oneWord; bit <<= 1) if (kinds & bit) out.push(feature1(S.kind, bit), feature2(S.kindLabel, bit, lab(i)));
  out.push(feature1(S.prevKind, i > 0 ? f.kinds[i - 1] : -1), feature1(S.nextKind, i + 1 < n ? f.kinds[i + 1] & (KIND.oneWord | KIND.caption | KIND.byline | KIND.dateLine | KIND.headline) : -1));
  out.push(feature1(S.length, lengthBin(f.words[i])), feature2(S.prevLength, i > 0 ? lengthBin(f.words[i - 1]) : 99, lengthBin(f.words[i])));
  out.push(feature2(S.repeatAhead, bucket(repeatsNear(f, i, 1)), lengthBin(f.words[i])), feature1(S.repeatBehind, bucket(repeatsNear(f, i, -1))));
  out.push(feature1(S.nextOneWord, i + 1 < n && f.words[i + 1] === 1 ? 1 : 0));
  out.push(feature1(S.nextDoubled, i + 2 < n && f.keys[i + 1] !== '' && f.keys[i + 1] === f.keys[i + 2] ? 1 : 0));
  out.push(feature2(S.inTeasers, f.inTeasers[i] ? 1 : 0, lab(i)), feature1(S.prevTeasers, i > 0 && f.inTeasers[i - 1] ? 1 : 0));
  // The first body line ahead: how far, and whether it opens with a dateline.
  let ahead = -1;
  for (let j = i; j < n && j <= i + 15; j++) if (f.bodyLine[j]) { ahead = j; break; }
  out.push(feature1(S.bodyAhead, ahead < 0 ? 99 : bucket(ahead - i)));
  out.push(feature1(S.datelineAhead, ahead >= 0 && (f.kinds[ahead] & KIND.dateline) ? 1 : 0));
  // The last body line before: how far back, and whether it ended a sentence.
  let behind = -1;
  for (let j = i - 1; j >= 0 && j >= i - 30; j--) if (f.bodyLine[j]) { behind = j; break; }
  out.push(feature1(S.sinceBody, behind < 0 ? 99 : bucket(i - behind)));
  out.push(feature1(S.prevBodyEnds, behind < 0 ? 2 : endsSentence(f.units[behind]) ? 1 : 0));
  const cohesion = cohesionBin(f, i);
  out.push(feature1(S.cohesion, cohesion), feature3(S.cohesionLabel, cohesion, lab(i), lab(i - 1)));
  out.push(feature1(S.bodyMarginNext, i + 1 < n ? marginBin(f.bodyMargin[i + 1]) : 99));
  out.push(feature1(S.first, i === 0 ? 1 : 0));
  // The shape of the unit among its neighbours, whatever the line model says: prose, then a short
  // headline-like line, then a byline, a date or prose again.
  const kindAt = (k: number, bits: number) => (k < 0 ? -1 : k >= n ? -2 : f.kinds[k] & bits);
  out.push(feature3(S.kindTri, kindAt(i - 1, SHAPE_BITS), kindAt(i, SHAPE_BITS), kindAt(i + 1, NEXT_BITS)));
  out.push(feature3(S.shapeTri, kindAt(i - 1, SHAPE_BITS), kindAt(i, SHAPE_BITS), lengthBin(f.words[i])));
  let meta = 0;
  for (let j = i + 1; j < n && j <= i + 4; j++) if (f.kinds[j] & (KIND.byline | KIND.dateLine)) meta = meta || j - i;
  const headline = (kinds & KIND.headline) !== 0 ? 1 : 0;
  out.push(feature2(S.metaAhead, meta, headline));
  out.push(feature3(S.headlineAfterBody, headline, behind < 0 ? 99 : bucket(i - behind), behind < 0 ? 2 : endsSentence(f.units[behind]) ? 1 : 0));
  let titleAhead = 0;
  for (let j = i; j < n && j <= i + 8; j++) if (f.labels[j] === LABEL.title) { titleAhead = j - i + 1; break; }
  out.push(feature2(S.titleAhead, titleAhead, headline));
  const ahead2 = overlapBin(f, i, 1), behind2 = overlapBin(f, i, -1);
  out.push(feature2(S.overlapAhead, ahead2, headline), feature2(S.overlapBehind, behind2, headline), feature3(S.overlapPair, ahead2, behind2, headline));
  out.push(feature2(S.cohesionWide, cohesionBin(f, i, 4), headline));
  // The last line of a "Read more:" list is followed by a headline; the next story's headline by its byline, date or body.
  out.push(feature3(S.teaserNext, f.inTeasers[i] ? 1 : 0, kindAt(i + 1, NEXT_BITS), meta));
  out.push(feature2(S.wireOpening, headline && opensWireStory(f, i + 1) ? 1 : 0, behind < 0 ? 2 : endsSentence(f.units[behind]) ? 1 : 0));
  out.push(feature3(S.cohesionFar, cohesionBin(f, i, 8, 30), cohesion, headline));
  out.push(feature3(S.cohesionProse, cohesionBin(f, i, 6, 20, true), lab(i), headline));
  out.push(feature3(S.namedElsewhere, namedElsewhere(f, i), f.inTeasers[i] ? 1 : 0, headline));
  out.push(feature2(S.nextTitleMargin, i + 1 < n ? marginBin(f.titleMargin[i + 1]) : 99, lab(i)));
  out.push(feature2(S.prevBodyMargin, i > 0 ? marginBin(f.bodyMargin[i - 1]) : 99, lab(i)));
  // Topic shift at the gap before the unit (topic-shift.ts), and whether its words are the story's after it or before it.
  const wide = f.shiftWide[i], near = f.shiftNear[i];
  out.push(feature2(S.shiftAcross, simBin(wide.across), headline), feature2(S.shiftDepth, depthBin(wide.depth), headline));
  out.push(feature2(S.shiftNear, simBin(near.across), lab(i)), feature3(S.shiftPair, simBin(near.across), simBin(wide.across), headline));
  const coverAhead = simBin(f.coverAhead[i]), coverBehind = simBin(f.coverBehind[i]);
  out.push(feature3(S.coverPair, coverAhead, coverBehind, headline), feature3(S.coverLabel, coverAhead, lab(i), f.words[i] <= 20 ? 1 : 0));
  // No first-word feature: dumps reuse the same pages, and it learned their headlines by heart.
  return Uint32Array.from(out);
}

const H = {
  bias: 101, position: 102, label: 103, titleMargin: 104, kind: 105, length: 106, repeatsInOpening: 107, nextLabel: 108, prevLabel: 109,
  lengthLabel: 110, none: 111, noneCandidates: 112, noneTitleSeen: 113, noneFirstLabel: 114, firstRepeat: 115, inTeasers: 116, aboveMeta: 117,
  toBody: 118, cover: 119, coverKind: 120, ends: 121,
} as const;

/** Lines before a story's start that may still be its headline (a start found on the byline or the headline's second copy). */
export const LOOK_BACK = 4;

/**
 * The lines of a story's opening: from its start up to its first body line (at most `max`), and up to
 * LOOK_BACK lines before the start that are neither body nor teasers nor before `floor` (the previous start).
 */
export function openingOf(f: DumpFacts, start: number, end: number, max = 15, floor = 0): number[] {
  const out: number[] = [];
  for (let j = start - 1; j >= Math.max(floor + 1, start - LOOK_BACK) && !f.bodyLine[j] && (f.kinds[j] & (KIND.teaserHead | KIND.teaserInline)) === 0; j--) out.unshift(j);
  for (let j = start; j < end && out.length < max; j++) {
    if (f.bodyLine[j]) break;
    out.push(j);
  }
  return out;
}

/** The first body line at or after `from` (or `end`). */
function bodyAt(f: DumpFacts, from: number, end: number): number {
  for (let j = from; j < end; j++) if (f.bodyLine[j]) return j;
  return end;
}

/** Features of "unit j is the headline of the story opening at `start`". */
export function titleFeatures(f: DumpFacts, j: number, start: number, opening: number[]): Uint32Array {
  const n = f.units.length;
  const lab = (k: number) => (k < 0 ? 9 : k >= n ? 8 : f.labels[k]);
  const copies = opening.filter((k) => f.keys[k] === f.keys[j]).length;
  const firstCopy = opening.find((k) => f.keys[k] === f.keys[j]) === j;
  const out: number[] = [feature1(H.bias, 0), feature1(H.position, Math.max(-5, Math.min(8, j - start))), feature1(H.label, lab(j))];
  out.push(feature2(H.titleMargin, marginBin(f.titleMargin[j]), lab(j)));
  for (let bit = 1; bit <= KIND.oneWord; bit <<= 1) if (f.kinds[j] & bit) out.push(feature1(H.kind, bit));
  out.push(feature1(H.length, lengthBin(f.words[j])), feature2(H.lengthLabel, lengthBin(f.words[j]), lab(j)));
  out.push(feature2(H.repeatsInOpening, Math.min(3, copies), lengthBin(f.words[j])), feature2(H.firstRepeat, firstCopy ? 1 : 0, Math.min(3, copies)));
  out.push(feature1(H.nextLabel, lab(j + 1)), feature1(H.prevLabel, j === start ? 7 : lab(j - 1)));
  out.push(feature2(H.inTeasers, f.inTeasers[j] ? 1 : 0, j === start ? 1 : 0));
  // A headline stands right above the byline or date line (or a dateline paragraph).
  out.push(feature2(H.aboveMeta, opensWireStory(f, j + 1) ? 1 : 0, (f.kinds[j] & KIND.headline) !== 0 ? 1 : 0));
  // How far above the story's first body line it stands, and whether its words are the story's (a
  // byline's or a credit line's are not), and whether it ends as a sentence does (a dek).
  const headline = (f.kinds[j] & KIND.headline) !== 0 ? 1 : 0;
  out.push(feature2(H.toBody, lengthBin(bodyAt(f, j, n) - j), headline));
  const cover = simBin(f.coverAhead[j]);
  out.push(feature2(H.cover, cover, simBin(f.coverBehind[j])), feature3(H.coverKind, cover, headline, lab(j)));
  out.push(feature3(H.ends, endsSentence(f.units[j]) ? 1 : 0, lengthBin(f.words[j]), headline));
  return Uint32Array.from(out);
}

/** Features of "this story shows no headline". */
export function noTitleFeatures(f: DumpFacts, start: number, opening: number[]): Uint32Array {
  const headlines = opening.filter((k) => f.kinds[k] & KIND.headline).length;
  return Uint32Array.from([
    feature1(H.none, 0), feature1(H.noneCandidates, Math.min(5, headlines)),
    feature1(H.noneTitleSeen, opening.some((k) => f.labels[k] === LABEL.title) ? 1 : 0),
    feature2(H.noneFirstLabel, f.labels[start], opening.length === 0 ? 1 : 0),
  ]);
}

/** A title candidate: not a teaser line itself (a line under a "Read more:" head may be the next story's headline), and short enough to be a headline. */
export function mayBeTitle(f: DumpFacts, j: number): boolean {
  return (f.kinds[j] & (KIND.teaserHead | KIND.teaserInline)) === 0 && f.words[j] >= 2 && f.words[j] <= 40 && (f.kinds[j] & (KIND.prompt | KIND.byline | KIND.dateLine)) === 0;
}

/**
 * Rule segment.wire-opening (the rule segmenter's test, kept beside the model): a headline-like line
 * after a finished sentence of body, opening with byline/date lines or a dateline. Wire digests print
 * stories that way, and the pages the model learns from rarely do.
 */
export function wireOpening(f: DumpFacts, i: number): boolean {
  if (i === 0 || (f.kinds[i] & KIND.headline) === 0 || !opensWireStory(f, i + 1)) return false;
  // Walking back over a "Read more:" list that closes the story before.
  for (let j = i - 1, seen = 0; j >= 0 && seen < 3; j--) {
    if (f.inTeasers[j]) continue;
    if (f.kinds[j] & KIND.prose) return endsSentence(f.units[j]);
    seen++;
  }
  return false;
}

/** Rule segment.headline-above-meta: a headline-like line standing right above a byline, a date line or a dateline paragraph. */
export function headlineAboveMeta(f: DumpFacts, j: number): boolean {
  return (f.kinds[j] & KIND.headline) !== 0 && opensWireStory(f, j + 1);
}
