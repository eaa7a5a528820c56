// Story boundaries decided gap by gap. A story is a run of body prose; between two body lines of the
// line model stands a gap (nothing, a subhead, a caption, an ad, or the end of one story and the
// opening of the next: teasers, headline, doubled caption, outlet line, headline again, byline, date).
// The segmenter decides for each gap whether a new story begins in it (gapFeatures: what the gap holds
// and how unrelated the prose on its two sides is) and, if so, at which of its units (the start ranker
// over startFeatures). Reading the whole gap at once sees the opening block as one thing, where a
// unit-by-unit decision saw its lines one at a time.
import { feature1, feature2, feature3 } from '../nlp/perceptron/hash.js';
import { endsSentence } from './lines.js';
import { KIND, simBin, type DumpFacts } from './segment-features.js';
import { cosine, coverage, subtract, type Bag } from './topic-shift.js';

/** Units [from, to) that are not body lines, between the body line before `from` and the body line `to`. */
export interface Gap {
  from: number;
  to: number;
}

/** Every gap between two body lines of the dump (empty ones too: a story with no headline follows its neighbour's body directly). */
export function gapsOf(f: DumpFacts): Gap[] {
  const out: Gap[] = [];
  let last = -1;
  for (let i = 0; i < f.units.length; i++) {
    if (!f.bodyLine[i]) continue;
    if (last >= 0) out.push({ from: last + 1, to: i });
    last = i;
  }
  return out;
}

/** The units of a gap where its story may start: each of its units and the body line after it. */
export function positionsOf(gap: Gap): number[] {
  const out: number[] = [];
  for (let i = gap.from; i <= gap.to; i++) out.push(i);
  return out;
}

/** Up to `take` body lines from `from` in direction `step`, merged as one bag. */
function bodyBag(f: DumpFacts, from: number, step: 1 | -1, take: number): Bag {
  const out: Bag = new Map();
  let n = 0;
  for (let i = from; i >= 0 && i < f.units.length && n < take; i += step) {
    if (!f.bodyLine[i]) continue;
    for (const [s, w] of f.space.bags[i]) out.set(s, (out.get(s) ?? 0) + w);
    n++;
  }
  return out;
}

const G = {
  bias: 201, length: 202, across: 203, acrossNear: 204, acrossPair: 205, depth: 206, kindCount: 207, labelSet: 208, doubled: 209,
  again: 210, prevEnds: 211, nextDateline: 212, cover: 213, titleMargin: 214, firstKind: 215, lastKind: 216, teasersThen: 217,
  acrossLength: 218, acrossHeadline: 219, acrossMeta: 220, nextOpen: 221, firstLabel: 222, lastLabel: 223, coverAcross: 224,
  lineShape: 225, shapePair: 226, tail: 227, head: 228, headlineToBody: 229, acrossFar: 230, farLength: 231,
} as const;

const lengthBin = (n: number) => (n <= 3 ? n : n <= 6 ? 4 : n <= 12 ? 5 : n <= 25 ? 6 : 7);
const countBin = (n: number) => Math.min(3, n);

function depthBin(x: number): number {
  if (Number.isNaN(x)) return 9;
  return x < -0.1 ? 0 : x < 0 ? 1 : x < 0.05 ? 2 : x < 0.1 ? 3 : x < 0.2 ? 4 : 5;
}

const COUNTED = [KIND.headline, KIND.byline, KIND.dateLine, KIND.caption, KIND.oneWord, KIND.teaserHead, KIND.teaserInline, KIND.prompt, KIND.prose] as const;

/** Features of "a new story begins in this gap". */
export function gapFeatures(f: DumpFacts, gap: Gap): Uint32Array {
  const { from, to } = gap;
  const len = to - from;
  const out: number[] = [feature1(G.bias, 0), feature1(G.length, lengthBin(len))];
  // How unrelated the prose either side is: wide (6 body lines a side), near (2), and the depth of the gap.
  const before = bodyBag(f, from - 1, -1, 6), after = bodyBag(f, to, 1, 6);
  const across = cosine(before, after);
  const near = cosine(bodyBag(f, from - 1, -1, 2), bodyBag(f, to, 1, 2));
  const selfBefore = cosine(bodyBag(f, from - 1, -1, 2), subtract(before, bodyBag(f, from - 1, -1, 3)));
  const selfAfter = cosine(bodyBag(f, to, 1, 2), subtract(after, bodyBag(f, to, 1, 3)));
  const selves = [selfBefore, selfAfter].filter((x) => !Number.isNaN(x));
  const depth = selves.length ? selves.reduce((a, b) => a + b, 0) / selves.length - across : NaN;
  // Twelve lines a side: a story's own words recur over a longer stretch than a subhead's neighbours.
  const far = cosine(bodyBag(f, from - 1, -1, 12), bodyBag(f, to, 1, 12));
  const a = simBin(across), nr = simBin(near);
  out.push(feature2(G.acrossFar, simBin(far), a), feature3(G.farLength, simBin(far), Math.min(3, len), counts0(f, from, to)));
  out.push(feature1(G.across, a), feature1(G.acrossNear, nr), feature2(G.acrossPair, a, nr), feature1(G.depth, depthBin(depth)));
  out.push(feature2(G.acrossLength, a, lengthBin(len)));
  // What the gap holds.
  let labels = 0;
  const counts = COUNTED.map(() => 0);
  let bestMargin = -Infinity;
  let bestCover = -1, coverAhead = NaN, coverBehind = NaN;
  const seen = new Map<string, number>();
  let doubled = 0, again = 0, teaserEnd = -1;
  for (let i = from; i < to; i++) {
    labels |= 1 << f.labels[i];
    COUNTED.forEach((bit, k) => {
      if (f.kinds[i] & bit) counts[k]++;
    });
    if (f.inTeasers[i]) teaserEnd = i;
    if (f.titleMargin[i] > bestMargin) bestMargin = f.titleMargin[i];
    if (f.kinds[i] & KIND.headline && !f.inTeasers[i]) {
      // The headline-like line whose words are most the next story's and least the last one's.
      const ahead = coverage(f.space.words[i], after), behind = coverage(f.space.words[i], before);
      const lead = (Number.isNaN(ahead) ? 0 : ahead) - (Number.isNaN(behind) ? 0 : behind);
      if (lead > bestCover) {
        bestCover = lead;
        coverAhead = ahead;
        coverBehind = behind;
      }
    }
    const key = f.keys[i];
    if (key !== '' && f.words[i] >= 2) {
      const at = seen.get(key);
      if (at !== undefined) {
        if (i - at === 1) doubled = 1;
        else again = 1;
      } else seen.set(key, i);
    }
  }
  COUNTED.forEach((bit, k) => out.push(feature2(G.kindCount, bit, countBin(counts[k]))));
  out.push(feature1(G.labelSet, labels), feature1(G.doubled, doubled), feature2(G.again, again, doubled));
  out.push(feature1(G.titleMargin, len === 0 ? 99 : Math.sign(bestMargin) * Math.min(5, Math.floor(Math.log2(1 + Math.abs(bestMargin))))));
  out.push(feature2(G.cover, simBin(coverAhead), simBin(coverBehind)), feature3(G.coverAcross, simBin(coverAhead), simBin(coverBehind), a));
  const headline = counts[0] > 0 ? 1 : 0;
  const meta = counts[1] + counts[2] > 0 ? 1 : 0;
  out.push(feature2(G.acrossHeadline, a, headline), feature3(G.acrossMeta, a, meta, headline));
  // How the body before ends and the body after begins.
  out.push(feature2(G.prevEnds, from > 0 && endsSentence(f.units[from - 1]) ? 1 : 0, headline));
  out.push(feature2(G.nextDateline, f.kinds[to] & KIND.dateline ? 1 : 0, headline));
  out.push(feature1(G.nextOpen, /^\(\p{L}+\)|^\p{Lu}{2,}[\p{Lu} .,]*(\(|—|–|-)/u.test(f.units[to]) ? 1 : 0));
  const kindOf = (i: number) => f.kinds[i] & (KIND.headline | KIND.byline | KIND.dateLine | KIND.caption | KIND.oneWord | KIND.prose | KIND.teaserHead | KIND.teaserInline);
  out.push(feature1(G.firstKind, len === 0 ? -1 : kindOf(from)), feature1(G.lastKind, len === 0 ? -1 : kindOf(to - 1)));
  out.push(feature1(G.firstLabel, len === 0 ? -1 : f.labels[from]), feature1(G.lastLabel, len === 0 ? -1 : f.labels[to - 1]));
  // The lines of the gap as a bag of shapes (kind and label), of consecutive pairs, and its last three and first two lines.
  const shape = (i: number) => (i < from || i >= to ? -1 : kindOf(i) * 8 + f.labels[i]);
  const bag = new Set<number>();
  for (let i = from; i < to && i < from + 40; i++) {
    bag.add(feature1(G.lineShape, shape(i)));
    if (i + 1 < to) bag.add(feature2(G.shapePair, shape(i), shape(i + 1)));
  }
  out.push(...bag, feature3(G.tail, shape(to - 3), shape(to - 2), shape(to - 1)), feature2(G.head, shape(from), shape(from + 1)));
  // How far above the body the most headline-like line stands.
  let headAt = -1;
  for (let i = to - 1; i >= from && i >= to - 15; i--) if (f.kinds[i] & KIND.headline && !f.inTeasers[i] && (headAt < 0 || f.titleMargin[i] > f.titleMargin[headAt])) headAt = i;
  out.push(feature2(G.headlineToBody, headAt < 0 ? -1 : lengthBin(to - headAt), a));
  // A "Read more:" list and then more lines (the next story's headline) before the body.
  out.push(feature2(G.teasersThen, teaserEnd < 0 ? 0 : 1, teaserEnd < 0 ? 0 : countBin(to - 1 - teaserEnd)));
  return Uint32Array.from(out);
}

/** Whether the gap holds a headline-like line that is not a teaser. */
function counts0(f: DumpFacts, from: number, to: number): number {
  for (let i = from; i < to; i++) if (f.kinds[i] & KIND.headline && !f.inTeasers[i]) return 1;
  return 0;
}

