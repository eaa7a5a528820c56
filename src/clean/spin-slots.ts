// Does this word fit its slot? A logistic model over each content word with the words either side,
// giving the probability that a spinner put it there. Its inputs are only what real news says of the
// word and its neighbours (how often the word is seen, with its left and right neighbour, how often
// the context "a _ b" is seen, which function word stands beside it), bucketed and crossed, so it
// learns what a swapped word looks like, not which words a dictionary swaps.
import { FUNCTION_WORDS } from './spin-words.js';
import { classOf, classPairHash, hashString, pairHash, skipHash, type LmToken, type NewsLm } from './spin-lm.js';
import type { SlotScores } from './spin-alternatives.js';

/** Weights of the hashed slot features. */
export const SLOT_BITS = 16;
const MASK = (1 << SLOT_BITS) - 1;
/** A word seen fewer times than this in real news is rare: no pair says anything about it. */
export const KNOWN_WORD = 5;

const bucket = (count: number) => (count === 0 ? 0 : count < 2 ? 1 : count < 5 ? 2 : count < 20 ? 3 : count < 100 ? 4 : 5);
const freqBucket = (count: number) => Math.min(9, Math.floor(Math.log2(1 + count) / 2));

/** Which kind of neighbour: a function word by name, punctuation by mark, else content or rare. */
function neighbourKind(t: LmToken | undefined, count: number): string {
  if (!t) return 'edge';
  if (!t.word) return t.form;
  if (FUNCTION_WORDS.has(t.form)) return t.form;
  return count < KNOWN_WORD ? 'rare' : 'content';
}

/**
 * Whether token i is a slot the model judges: a content word, rare ones included (a dictionary's
 * synonym is often a word news never uses: "husbandmen", "investiture").
 */
export function isSlot(tokens: LmToken[], _counts: Float64Array, i: number): boolean {
  return tokens[i].word && !FUNCTION_WORDS.has(tokens[i].form);
}

/** Buckets of a dictionary gap in nats (spin-alternatives.ts): 'n' where the word has no alternative. */
const gapBucket = (g: number) => (Number.isNaN(g) ? 'n' : g <= 0 ? 0 : g < 2 ? 1 : g < 4 ? 2 : g < 7 ? 3 : g < 10 ? 4 : 5);

/**
 * The hashed feature indexes of slot i (tokens' word counts in `counts`); with `alt`, the gaps to the
 * word's dictionary alternatives too, crossed with what the word's own neighbours say.
 */
export function slotFeatures(tokens: LmToken[], counts: Float64Array, i: number, lm: NewsLm, alt?: SlotScores): number[] {
  const t = tokens[i];
  const a = tokens[i - 1];
  const b = tokens[i + 1];
  const aKnown = a?.word && counts[i - 1] >= KNOWN_WORD;
  const bKnown = b?.word && counts[i + 1] >= KNOWN_WORD;
  const left = aKnown ? bucket(lm.pairs.get(pairHash(a.hash, t.hash))) : -1;
  const right = bKnown ? bucket(lm.pairs.get(pairHash(t.hash, b.hash))) : -1;
  const context = a?.word && b?.word ? bucket(lm.skips.get(skipHash(a.hash, b.hash))) : -1;
  const freq = freqBucket(counts[i]);
  const shape = t.form.length > 12 ? 'long' : t.form.length < 4 ? 'short' : t.form.includes('-') ? 'hyphen' : 'plain';
  const lk = neighbourKind(a, counts[i - 1]);
  const rk = neighbourKind(b, counts[i + 1]);
  const cap = t.capital ? 1 : 0;
  // Backed off to word classes: does this word follow words like a, precede words like b?
  const aClass = a?.word ? classOf(lm, a.hash) : 0;
  const bClass = b?.word ? classOf(lm, b.hash) : 0;
  const cl = aClass ? bucket(lm.classPairs.get(classPairHash(aClass, t.hash, true))) : -1;
  const cr = bClass ? bucket(lm.classPairs.get(classPairHash(bClass, t.hash, false))) : -1;
  const names = [
    'bias', `f${freq}`, `l${left}`, `r${right}`, `c${context}`, `lr${left},${right}`, `lrc${left},${right},${context}`,
    `lc${left},${context}`, `rc${right},${context}`, `flr${freq},${left},${right}`, `lk${lk},${left}`, `rk${rk},${right}`,
    `lkrk${lk},${rk},${left},${right}`, `cap${cap},${left},${right}`, `capc${cap},${context}`, `flrc${freq},${left},${right},${context}`,
    `fcap${freq},${cap}`, `fk${freq},${lk},${rk}`, `fs${freq},${shape},${cap}`,
    `cl${cl}`, `cr${cr}`, `clcr${cl},${cr}`, `lcl${left},${cl}`, `rcr${right},${cr}`, `fclcr${freq},${cl},${cr}`, `clcrc${cl},${cr},${context}`,
  ];
  if (alt) {
    const g = gapBucket(alt.gap[i]);
    const p = gapBucket(alt.pmiGap[i]);
    // Is the best alternative attested beside these neighbours where the word is not, and how many
    // alternatives were there to choose the best from?
    const al = alt.altLeft[i] < 0 ? -1 : bucket(alt.altLeft[i]);
    const ar = alt.altRight[i] < 0 ? -1 : bucket(alt.altRight[i]);
    const na = alt.alternatives[i] === 0 ? 0 : alt.alternatives[i] < 3 ? 1 : alt.alternatives[i] < 8 ? 2 : 3;
    names.push(`g${g}`, `p${p}`, `gp${g},${p}`, `gc${g},${cap}`, `gf${g},${freq}`, `glr${g},${left},${right}`, `pf${p},${freq}`, `gpc${g},${p},${cap}`, `gk${g},${lk},${rk}`,
      `alr${al},${ar},${left},${right}`, `galr${g},${al},${ar}`, `gna${g},${na}`, `pna${p},${na}`, `alrc${al},${ar},${cap}`);
  }
  return names.map((n) => hashString(n) & MASK);
}

/** The probability of each slot being a spinner's word (NaN where token i is not a slot). */
export function slotProbabilities(tokens: LmToken[], counts: Float64Array, lm: NewsLm, weights: Float32Array, alt?: SlotScores): Float64Array {
  const out = new Float64Array(tokens.length).fill(NaN);
  for (let i = 0; i < tokens.length; i++) {
    if (!isSlot(tokens, counts, i)) continue;
    let z = 0;
    for (const f of slotFeatures(tokens, counts, i, lm, alt)) z += weights[f];
    out[i] = 1 / (1 + Math.exp(-z));
  }
  return out;
}

/** Word counts of every token (0 for numbers and punctuation). */
export function wordCounts(tokens: LmToken[], lm: NewsLm): Float64Array {
  const counts = new Float64Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) if (tokens[i].word) counts[i] = lm.words.get(tokens[i].hash);
  return counts;
}
