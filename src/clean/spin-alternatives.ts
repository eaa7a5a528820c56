// Does each word read better than the words a spinner could have swapped for it? For every content
// word (and every phrase the dictionary knows, "go to", "in style"), the log probability of the text
// around it under a bigram model of real news, P(w | left) * P(right | w), against the same for each
// of its dictionary alternatives (spin-synonyms.ts). Real news writes its words in their usual
// company, so the word written is nearly always about as likely as its best alternative; a spinner's
// word ("the affect Iran wields", "Quds Drive") trails the word it replaced by orders of magnitude.
//
// The bigram model is the hashed counts of spin-lm.ts with a Dirichlet prior on the unigram
// (P(b | a) = (c(a b) + PRIOR P(b)) / (c(a) + PRIOR)), so an unseen pair after a common word costs
// much more than one after a rare word.
import { FUNCTION_WORDS } from './spin-words.js';
import { hashString, pairHash, type LmToken, type NewsLm } from './spin-lm.js';
import { MAX_KEY_WORDS, type SynonymDictionary } from './spin-synonyms.js';

/** Weight of the unigram prior in the bigram model, in tokens. */
export const PRIOR = 50;

export interface SlotScores {
  /** Per token: the best alternative's log probability minus the text's (NaN: no alternative, or not a slot). */
  gap: Float64Array;
  /**
   * The same gap with each word's own frequency taken out (log P(w | left) - log P(w), plus the right
   * side's): whether the word fits its neighbours better or worse than its alternatives do, however
   * common each is. Real text outside news uses rare words well; a spinner uses them badly.
   */
  pmiGap: Float64Array;
  /** Per token: how often real news pairs the best alternative with the left and right neighbour (-1: no such neighbour or no alternative). */
  altLeft: Int32Array;
  altRight: Int32Array;
  /** Per token: how many alternatives the dictionary offers (0: none). */
  alternatives: Uint16Array;
  /** Per token: pointwise mutual information of a content word with its word neighbours (NaN: not content). */
  fit: Float64Array;
  /** Per token: a content word (a word of letters, not a function word). */
  content: Uint8Array;
}

export function slotScores(tokens: LmToken[], lm: NewsLm, dict: SynonymDictionary | undefined): SlotScores {
  const n = tokens.length;
  const total = lm.tokens;
  const count = new Float64Array(n);
  for (let i = 0; i < n; i++) if (tokens[i].word) count[i] = lm.words.get(tokens[i].hash);
  const uni = (c: number) => Math.log((c + 0.5) / total);
  // log P(b | a) for word hashes with counts ca, cb.
  const next = (a: number, ca: number, b: number, cb: number) => Math.log((lm.pairs.get(pairHash(a, b)) + (PRIOR * (cb + 0.5)) / total) / (ca + PRIOR));
  const gap = new Float64Array(n).fill(NaN);
  const pmiGap = new Float64Array(n).fill(NaN);
  const altLeft = new Int32Array(n).fill(-1);
  const altRight = new Int32Array(n).fill(-1);
  const alternativeCount = new Uint16Array(n);
  const fit = new Float64Array(n).fill(NaN);
  const content = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (!t.word) continue;
    const isContent = !FUNCTION_WORDS.has(t.form);
    content[i] = isContent ? 1 : 0;
    const left = i > 0 && tokens[i - 1].word ? i - 1 : -1;
    if (isContent) {
      const right = i + 1 < n && tokens[i + 1].word ? i + 1 : -1;
      let f = 0;
      if (left >= 0) f += next(tokens[left].hash, count[left], t.hash, count[i]) - uni(count[i]);
      if (right >= 0) f += next(t.hash, count[i], tokens[right].hash, count[right]) - uni(count[right]);
      fit[i] = f;
    }
    if (!dict) continue;
    let best = -Infinity;
    let bestPmi = -Infinity;
    for (let k = 1; k <= MAX_KEY_WORDS && i + k <= n; k++) {
      if (!tokens[i + k - 1].word) break;
      if (k === 1 && !isContent) continue;
      const alternatives = dict.alternatives(tokens.slice(i, i + k).map((x) => x.form));
      if (!alternatives) continue;
      const end = i + k; // first token after the span
      const right = end < n && tokens[end].word ? end : -1;
      // The span as written: into it, through it, out of it.
      let written = left >= 0 ? next(tokens[left].hash, count[left], t.hash, count[i]) : uni(count[i]);
      for (let j = i; j + 1 < end; j++) written += next(tokens[j].hash, count[j], tokens[j + 1].hash, count[j + 1]);
      if (right >= 0) written += next(tokens[end - 1].hash, count[end - 1], tokens[right].hash, count[right]);
      // The span's own frequency: the probability of its words in a row without the neighbours.
      let own = uni(count[i]);
      for (let j = i; j + 1 < end; j++) own += next(tokens[j].hash, count[j], tokens[j + 1].hash, count[j + 1]);
      let alt = -Infinity;
      let altPmi = -Infinity;
      let altHash = 0;
      for (const o of alternatives) {
        const h = hashString(o);
        const c = lm.words.get(h);
        let s = left >= 0 ? next(tokens[left].hash, count[left], h, c) : uni(c);
        if (right >= 0) s += next(h, c, tokens[right].hash, count[right]);
        if (s > alt) (alt = s), (altHash = h);
        if (s - uni(c) > altPmi) altPmi = s - uni(c);
      }
      if (alt - written > best) {
        best = alt - written;
        altLeft[i] = left >= 0 ? lm.pairs.get(pairHash(tokens[left].hash, altHash)) : -1;
        altRight[i] = right >= 0 ? lm.pairs.get(pairHash(altHash, tokens[right].hash)) : -1;
        alternativeCount[i] = Math.min(0xffff, alternatives.length);
      }
      if (altPmi - (written - own) > bestPmi) bestPmi = altPmi - (written - own);
    }
    if (best > -Infinity) gap[i] = best;
    if (bestPmi > -Infinity) pmiGap[i] = bestPmi;
  }
  return { gap, pmiGap, altLeft, altRight, alternatives: alternativeCount, fit, content };
}
