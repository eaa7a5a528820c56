// What the line model sees of each paragraph unit of a text dump: its words and shape, its place on
// the page, how often it recurs there, what the hand-written line kinds (lines.ts) and the rule
// filter say of it, and the same of its neighbours. Features are 32-bit hashes (perceptron/hash.ts).
import { feature1, feature2, feature3, hashString } from '../nlp/perceptron/hash.js';
import {
  commentsStart, copyrightHolder, dateLine, datelineOf, endsSentence, isByline, isCaption, isHeadlineLike, isPrompt, isProse,
  isSeparatedMenu, isShortLine, repeatKey, teaserKind, wordCount,
} from './lines.js';

/** What one unit is, computed once per page and read by its own and its neighbours' features. */
interface UnitFacts {
  words: string[];
  lengthBin: number;
  /** A small code for the unit's punctuation and case shape. */
  shape: number;
  /** Bits: the hand-written line kinds that fire on it. */
  kinds: number;
  repeats: number;
  ruleKeep: boolean;
}

const KIND = {
  prose: 1, prompt: 2, caption: 4, byline: 8, dateLine: 16, dateline: 32, menu: 64, short: 128, headline: 256,
  teaserHead: 512, teaserInline: 1024, comments: 2048, copyright: 4096, endsSentence: 8192,
} as const;

/** Feature templates: a number each, so that hashes never collide across templates. */
const T = {
  bias: 1, word: 2, first: 3, firstTwo: 4, last: 5, length: 6, shape: 7, kind: 8, repeats: 9, position: 10,
  fromEnd: 11, prevLength: 12, nextLength: 13, prevKind: 14, nextKind: 15, prev2Kind: 16, next2Kind: 17,
  ruleKeep: 18, ruleWindow: 19, proseAround: 20, lengthKind: 21, relative: 22, lengthShapeRule: 23,
  kindPair: 24, prevRule: 25, nextRule: 26,
} as const;

const MAX_WORDS = 24;

function lengthBin(words: number): number {
  if (words <= 3) return words;
  if (words <= 5) return 4;
  if (words <= 9) return 5;
  if (words <= 19) return 6;
  if (words <= 39) return 7;
  return 8;
}

function bucket(n: number): number {
  if (n <= 3) return n;
  if (n <= 6) return 4;
  if (n <= 12) return 5;
  if (n <= 25) return 6;
  return 7;
}

function shapeOf(unit: string): number {
  const letters = unit.match(/\p{L}/gu)?.length ?? 0;
  const upper = unit.match(/\p{Lu}/gu)?.length ?? 0;
  const digits = unit.match(/\p{N}/gu)?.length ?? 0;
  const words = unit.split(' ');
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length / Math.max(1, words.length);
  const end = /[.!?…]["'”’)]*$/.test(unit) ? 1 : /:$/.test(unit) ? 2 : /[,;–—-]$/.test(unit) ? 3 : 0;
  const start = /^\p{Lu}/u.test(unit) ? 0 : /^\p{Ll}/u.test(unit) ? 1 : /^\p{N}/u.test(unit) ? 2 : /^["“‘'(]/u.test(unit) ? 3 : 4;
  const caps = letters > 3 && upper / letters > 0.8 ? 2 : capitalised > 0.7 ? 1 : 0;
  const numeric = digits > letters ? 2 : digits > 0 ? 1 : 0;
  const separators = /\s[|·•]\s|\s\/\s/.test(unit) ? 1 : 0;
  return (((end * 5 + start) * 3 + caps) * 3 + numeric) * 2 + separators;
}

function kindsOf(unit: string): number {
  let k = 0;
  if (isProse(unit)) k |= KIND.prose;
  if (isPrompt(unit)) k |= KIND.prompt;
  if (isCaption(unit)) k |= KIND.caption;
  if (isByline(unit)) k |= KIND.byline;
  if (dateLine(unit) !== null) k |= KIND.dateLine;
  if (datelineOf(unit) !== null) k |= KIND.dateline;
  if (isSeparatedMenu(unit)) k |= KIND.menu;
  if (isShortLine(unit)) k |= KIND.short;
  if (isHeadlineLike(unit)) k |= KIND.headline;
  const teaser = teaserKind(unit);
  if (teaser === 'head') k |= KIND.teaserHead;
  if (teaser === 'inline') k |= KIND.teaserInline;
  if (commentsStart(unit) !== null) k |= KIND.comments;
  if (copyrightHolder(unit) !== null) k |= KIND.copyright;
  if (endsSentence(unit)) k |= KIND.endsSentence;
  return k;
}

/**
 * Every unit's features, as hash arrays. `ruleKeep` is the rule filter's body decision for each
 * unit: the model learns when to trust it.
 */
export function lineFeatures(units: string[], ruleKeep: boolean[]): Uint32Array[] {
  const counts = new Map<string, number>();
  const keys = units.map(repeatKey);
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const facts: UnitFacts[] = units.map((unit, i) => ({
    words: (unit.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS),
    lengthBin: lengthBin(wordCount(unit)),
    shape: shapeOf(unit),
    kinds: kindsOf(unit),
    repeats: Math.min(3, counts.get(keys[i]) ?? 1),
    ruleKeep: ruleKeep[i],
  }));
  // Prose words within three units either side: body lines stand among body lines.
  const proseWords = units.map((u, i) => ((facts[i].kinds & KIND.prose) !== 0 ? wordCount(u) : 0));
  const firstKept = ruleKeep.indexOf(true);
  const lastKept = ruleKeep.lastIndexOf(true);
  const n = units.length;
  return facts.map((f, i) => {
    const out: number[] = [feature1(T.bias, 0)];
    const seen = new Set<number>();
    for (const w of f.words) {
      const h = hashString(w);
      if (!seen.has(h)) out.push(feature1(T.word, h));
      seen.add(h);
    }
    const w0 = f.words[0] ? hashString(f.words[0]) : 0;
    const w1 = f.words[1] ? hashString(f.words[1]) : 0;
    out.push(feature1(T.first, w0), feature2(T.firstTwo, w0, w1), feature1(T.last, f.words.length ? hashString(f.words[f.words.length - 1]) : 0));
    out.push(feature1(T.length, f.lengthBin), feature1(T.shape, f.shape), feature2(T.lengthKind, f.lengthBin, f.kinds & (KIND.prose | KIND.endsSentence | KIND.headline)));
    for (let bit = 1; bit <= KIND.endsSentence; bit <<= 1) if (f.kinds & bit) out.push(feature1(T.kind, bit));
    out.push(feature1(T.kindPair, f.kinds));
    out.push(feature2(T.repeats, f.repeats, f.lengthBin));
    out.push(feature1(T.position, bucket(i)), feature1(T.fromEnd, bucket(n - 1 - i)), feature1(T.relative, Math.floor((10 * i) / Math.max(1, n))));
    out.push(feature1(T.ruleKeep, f.ruleKeep ? 1 : 0), feature3(T.lengthShapeRule, f.lengthBin, f.shape, f.ruleKeep ? 1 : 0));
    // Where the unit stands against the rule filter's body: before, inside or after it.
    const window = firstKept < 0 ? 0 : i < firstKept ? 1 + Math.min(3, firstKept - i) : i > lastKept ? 5 + Math.min(3, i - lastKept) : 9;
    out.push(feature1(T.ruleWindow, window));
    const prev = facts[i - 1];
    const next = facts[i + 1];
    const prev2 = facts[i - 2];
    const next2 = facts[i + 2];
    out.push(feature2(T.prevLength, prev ? prev.lengthBin : 99, f.lengthBin), feature2(T.nextLength, next ? next.lengthBin : 99, f.lengthBin));
    out.push(feature1(T.prevKind, prev ? prev.kinds & 0x3fff : -1), feature1(T.nextKind, next ? next.kinds & 0x3fff : -1));
    out.push(feature1(T.prev2Kind, prev2 ? prev2.lengthBin : 99), feature1(T.next2Kind, next2 ? next2.lengthBin : 99));
    out.push(feature2(T.prevRule, prev ? (prev.ruleKeep ? 1 : 0) : 2, f.ruleKeep ? 1 : 0), feature2(T.nextRule, next ? (next.ruleKeep ? 1 : 0) : 2, f.ruleKeep ? 1 : 0));
    let around = 0;
    for (let k = Math.max(0, i - 3); k <= Math.min(n - 1, i + 3); k++) if (k !== i) around += proseWords[k];
    out.push(feature2(T.proseAround, bucket(Math.round(around / 10)), f.lengthBin));
    return Uint32Array.from(out);
  });
}

const C = {
  prevLabel: 101, nextLabel: 102, bodyNear: 103, bodyFar: 104, beforeBody: 105, afterBody: 106, margin: 107,
  labelShape: 108, prev2Label: 109, next2Label: 110, ownLabel: 111,
} as const;

/**
 * The second pass's features: the first pass's labels around each unit (how much body stands near it,
 * how far it is from where the body begins and ends), added to the unit's own features. The headline is
 * the headline-like line just above the body; a lone short line inside the body is a subhead.
 */
export function contextFeatures(base: Uint32Array[], labels: number[], scores: Float64Array[], units: string[]): Uint32Array[] {
  const n = labels.length;
  const BODY = 1;
  const firstBody = labels.indexOf(BODY);
  const lastBody = labels.lastIndexOf(BODY);
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + (labels[i] === BODY ? 1 : 0);
  const bodyIn = (a: number, b: number) => prefix[Math.min(n, Math.max(0, b))] - prefix[Math.min(n, Math.max(0, a))];
  return base.map((features, i) => {
    const out = Array.from(features);
    const shape = shapeOf(units[i]) % 30;
    const lb = lengthBin(wordCount(units[i]));
    out.push(feature1(C.ownLabel, labels[i]), feature3(C.labelShape, labels[i], lb, shape));
    out.push(feature2(C.prevLabel, i > 0 ? labels[i - 1] : 9, labels[i]), feature2(C.nextLabel, i + 1 < n ? labels[i + 1] : 9, labels[i]));
    out.push(feature1(C.prev2Label, i > 1 ? labels[i - 2] : 9), feature1(C.next2Label, i + 2 < n ? labels[i + 2] : 9));
    out.push(feature2(C.bodyNear, bodyIn(i - 3, i) + 10 * bodyIn(i + 1, i + 4), lb));
    out.push(feature1(C.bodyFar, bucket(bodyIn(i - 12, i + 13))));
    out.push(feature2(C.beforeBody, firstBody < 0 ? 99 : i < firstBody ? Math.min(6, firstBody - i) : 0, lb));
    out.push(feature2(C.afterBody, lastBody < 0 ? 99 : i > lastBody ? Math.min(6, i - lastBody) : 0, lb));
    const s = scores[i];
    const margin = s[BODY] - Math.max(...Array.from(s).filter((_, c) => c !== BODY));
    out.push(feature1(C.margin, Math.sign(margin) * Math.min(5, Math.floor(Math.log2(1 + Math.abs(margin))))));
    return Uint32Array.from(out);
  });
}
