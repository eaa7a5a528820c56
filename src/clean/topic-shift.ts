// How much the text on either side of a point in a dump is about the same thing (TextTiling, Hearst
// 1997): the prose before and after a gap as bags of word stems, weighted by how rare each stem is in
// this dump (inverse frequency over the dump's own lines, so no stop list or language is assumed), and
// compared by cosine. Two unrelated stories pasted together share little beyond function words, which
// the weighting removes; a subhead inside one story is followed by more of the same words. The depth of
// a gap (how much less alike its two sides are than each side is with itself) does not depend on how
// repetitive a story's language is.

/** A line counts as prose for topic comparison from this many words. */
const PROSE_WORDS = 8;
/** Stems keep this many letters, so inflections ("strike", "strikes", "striking") meet. */
const STEM_LETTERS = 6;

export type Bag = Map<string, number>;

export interface TopicSpace {
  /** Per unit, its stems weighted by rarity (empty for a line too short to count as prose). */
  bags: Bag[];
  /** Per unit, its stems weighted by rarity, whatever its length (for headlines). */
  words: Bag[];
}

function stems(unit: string): string[] {
  return (unit.toLowerCase().match(/\p{L}{3,}/gu) ?? []).map((w) => w.slice(0, STEM_LETTERS));
}

export function topicSpace(units: string[], proseWords = PROSE_WORDS): TopicSpace {
  const tokens = units.map(stems);
  const prose = tokens.map((t) => t.length >= proseWords);
  const df = new Map<string, number>();
  let lines = 0;
  tokens.forEach((t, i) => {
    if (!prose[i]) return;
    lines++;
    for (const s of new Set(t)) df.set(s, (df.get(s) ?? 0) + 1);
  });
  const idf = (s: string) => Math.log((lines + 1) / ((df.get(s) ?? 0) + 1));
  const bagOf = (t: string[]): Bag => {
    const bag: Bag = new Map();
    for (const s of t) {
      const w = idf(s);
      if (w > 0) bag.set(s, (bag.get(s) ?? 0) + w);
    }
    return bag;
  };
  const words = tokens.map(bagOf);
  return { words, bags: words.map((b, i) => (prose[i] ? b : new Map())) };
}

/** The prose of up to `take` lines from `from` in direction `step` (at most `reach` units away), merged. */
export function windowBag(space: TopicSpace, from: number, step: 1 | -1, take: number, reach: number, skip?: (i: number) => boolean): Bag {
  const out: Bag = new Map();
  let found = 0;
  for (let i = from; i >= 0 && i < space.bags.length && found < take && Math.abs(i - from) < reach; i += step) {
    const bag = space.bags[i];
    if (bag.size === 0 || skip?.(i)) continue;
    for (const [s, w] of bag) out.set(s, (out.get(s) ?? 0) + w);
    found++;
  }
  return out;
}

export function cosine(a: Bag, b: Bag): number {
  if (a.size === 0 || b.size === 0) return NaN;
  let dot = 0, na = 0, nb = 0;
  for (const [s, w] of a) {
    na += w * w;
    const v = b.get(s);
    if (v !== undefined) dot += w * v;
  }
  for (const w of b.values()) nb += w * w;
  return dot / Math.sqrt(na * nb);
}

/** The share of a line's (rarity-weighted) words that stand in a bag: a headline's words recur in its own story. */
export function coverage(line: Bag, bag: Bag): number {
  if (line.size === 0 || bag.size === 0) return NaN;
  let all = 0, hit = 0;
  for (const [s, w] of line) {
    all += w;
    if (bag.has(s)) hit += w;
  }
  return all > 0 ? hit / all : NaN;
}

export interface GapShift {
  /** Cosine of the prose just before the gap and just after it. */
  across: number;
  /** Mean self-similarity of each side (its near half against its far half) minus `across`. */
  depth: number;
}

/** The topic shift at the gap before unit i. */
export function gapShift(space: TopicSpace, i: number, take = 6, reach = 25, skip?: (i: number) => boolean): GapShift {
  const left = windowBag(space, i - 1, -1, take, reach, skip);
  const right = windowBag(space, i, 1, take, reach, skip);
  const across = cosine(left, right);
  const half = Math.max(1, Math.floor(take / 2));
  const leftNear = windowBag(space, i - 1, -1, half, reach, skip);
  const rightNear = windowBag(space, i, 1, half, reach, skip);
  // The far halves: the lines of each window beyond its near half.
  const leftFar = subtract(left, leftNear);
  const rightFar = subtract(right, rightNear);
  const selves = [cosine(leftNear, leftFar), cosine(rightNear, rightFar)].filter((x) => !Number.isNaN(x));
  const self = selves.length ? selves.reduce((a, b) => a + b, 0) / selves.length : NaN;
  return { across, depth: self - across };
}

/** What is left of `all` once `part` is taken out of it (weights that fall to zero are dropped). */
export function subtract(all: Bag, part: Bag): Bag {
  const out: Bag = new Map();
  for (const [s, w] of all) {
    const rest = w - (part.get(s) ?? 0);
    if (rest > 1e-9) out.set(s, rest);
  }
  return out;
}
