// Document-level features of synonym spin, against the counts of real news (spin-lm.ts). Each is a
// share or a mean over the text, so no feature knows any synonym table: a detector built on them
// must find spins made with any dictionary.
import { lmTokens, pairHash, skipHash, type LmToken, type NewsLm } from './spin-lm.js';
import { FUNCTION_WORDS } from './spin-words.js';
import { KNOWN_WORD, slotProbabilities, wordCounts } from './spin-slots.js';
import { slotScores } from './spin-alternatives.js';

export { FUNCTION_WORDS } from './spin-words.js';

export const SPIN_FEATURES = [
  'unseen-pairs', // share of adjacent known-word pairs never seen in real news
  'gaps-expected-0.3', // ... among those, unseen although independence predicts >= 0.3 sightings
  'gaps-expected-3', // ... and >= 3 sightings: two common words real news never puts side by side
  'mean-pmi', // mean smoothed pointwise mutual information of adjacent known words
  'low-pmi', // share of pairs with smoothed PMI below -1.5
  'isolated-words', // share of content words whose left and right pairs are both unseen
  'name-gaps', // share of mid-sentence capitalised pairs unseen (a name with one half swapped)
  'function-content-gaps', // share of function-word + content-word pairs unseen ("the affect")
  'attested-contexts', // share of content words whose context (the words either side) real news has seen
  'misfits', // ... among those, words that pair with neither neighbour: the slot is common, the word is not
  'misfits-strong', // ... the same where the context was seen >= 10 times
  'half-misfits', // ... among attested contexts, words that pair with one neighbour only
  'unseen-z', // unseen pairs as a z-score against real news's rate (long texts are surer)
  'misfits-z', // misfits as a z-score against real news's rate
  'slot-mean', // mean probability, by the slot model, that a content word was put there by a spinner
  'slot-high', // share of content words the slot model gives over 0.5
  'slot-excess', // sum of slot probabilities above real news's mean, per square root of the slots
  'alt-gap-2', // share of content words whose best dictionary alternative reads > e^2 times likelier in context (spin-alternatives.ts)
  'alt-gap-4', // ... > e^4 times
  'alt-gap-7', // ... > e^7 times
  'alt-mean', // mean gap (clamped to 0..12) over content words, 0 where there is no alternative
  'pmi-gap-2', // share of content words an alternative fits > e^2 times better, each word's frequency taken out
  'pmi-gap-4', // ... > e^4 times
  'window-gap-4', // median over runs of WINDOW content words of the share with gaps > e^4: a spinner swaps
  //                  words all through the text, real news has its odd words in one table or name-heavy paragraph
  'window-slot', // median over the same runs of the mean slot probability
  'alt-covered', // share of content words the dictionary has alternatives for
  'fit-mean', // mean PMI (clamped to -8..8) of content words with their word neighbours
  'fit-low', // share of content words with PMI below -2 with their neighbours
  'unknown-lower', // share of content words, not capitalised names, that real news never uses ("husbandmen")
  'log-words', // log of the number of words
] as const;

const REAL_SLOT_MEAN = 0.08;
/** Content words per run for the window medians. */
const WINDOW = 25;

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Rates in real news (medians of the classifier split's real bodies): the null the z-scores test.
const REAL_UNSEEN_RATE = 0.1;
const REAL_MISFIT_RATE = 0.015;
const zScore = (k: number, n: number, p: number) => (n > 0 ? (k - n * p) / Math.sqrt(n * p * (1 - p)) : 0);


export function spinFeatures(text: string, lm: NewsLm): Float64Array {
  return featuresOfTokens(lmTokens(text), lm);
}

export function featuresOfTokens(tokens: LmToken[], lm: NewsLm): Float64Array {
  const n = tokens.length;
  const counts = wordCounts(tokens, lm);
  let words = 0;
  for (let i = 0; i < n; i++) if (tokens[i].word) words++;
  let slots = 0, slotSum = 0, slotHigh = 0;
  const scores = slotScores(tokens, lm, lm.synonyms);
  let slotP: Float64Array | undefined;
  if (lm.slots) {
    const p = (slotP = slotProbabilities(tokens, counts, lm, lm.slots, lm.synonyms ? scores : undefined));
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(p[i])) continue;
      slots++;
      slotSum += p[i];
      if (p[i] > 0.5) slotHigh++;
    }
  }
  // unseen[i]: the pair (i, i+1) is two known words and real news never wrote it (-1: not a known pair).
  const unseen = new Int8Array(n).fill(-1);
  let pairs = 0, unseenPairs = 0, gapsLow = 0, gapsHigh = 0, lowPmi = 0, pmiSum = 0;
  let names = 0, nameGaps = 0, functionPairs = 0, functionGaps = 0;
  const perToken = lm.tokens;
  for (let i = 0; i + 1 < n; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!a.word || !b.word || counts[i] < KNOWN_WORD || counts[i + 1] < KNOWN_WORD) continue;
    const seen = lm.pairs.get(pairHash(a.hash, b.hash));
    const expected = (counts[i] * counts[i + 1]) / perToken;
    const pmi = Math.log((seen + 0.5) / (expected + 0.5));
    pairs++;
    pmiSum += pmi;
    if (pmi < -1.5) lowPmi++;
    const gap = seen === 0;
    unseen[i] = gap ? 1 : 0;
    if (gap) {
      unseenPairs++;
      if (expected >= 0.3) gapsLow++;
      if (expected >= 3) gapsHigh++;
    }
    if (a.capital && b.capital) {
      names++;
      if (gap) nameGaps++;
    }
    const aFunction = FUNCTION_WORDS.has(a.form);
    if (aFunction !== FUNCTION_WORDS.has(b.form)) {
      functionPairs++;
      if (gap) functionGaps++;
    }
  }
  let content = 0, isolated = 0, attested = 0, misfits = 0, strong = 0, strongMisfits = 0, halfMisfits = 0;
  for (let i = 1; i + 1 < n; i++) {
    if (unseen[i - 1] < 0 || unseen[i] < 0 || FUNCTION_WORDS.has(tokens[i].form)) continue;
    content++;
    const both = unseen[i - 1] === 1 && unseen[i] === 1;
    if (both) isolated++;
    const context = lm.skips.get(skipHash(tokens[i - 1].hash, tokens[i + 1].hash));
    if (context === 0) continue;
    attested++;
    if (both) misfits++;
    else if (unseen[i - 1] === 1 || unseen[i] === 1) halfMisfits++;
    if (context >= 10) {
      strong++;
      if (both) strongMisfits++;
    }
  }
  const share = (x: number, of: number) => (of > 0 ? x / of : 0);
  let pmi2 = 0, pmi4 = 0;
  // Per run of WINDOW content words: [content words, gaps > 4, slot probability sum].
  const windows: number[][] = [];
  let contentWords = 0, gap2 = 0, gap4 = 0, gap7 = 0, gapSum = 0, covered = 0, fitSum = 0, fitLow = 0, unknownLower = 0;
  for (let i = 0; i < n; i++) {
    const g = scores.gap[i];
    if (!Number.isNaN(g)) {
      if (scores.content[i]) covered++;
      if (g > 2) gap2++;
      if (g > 4) gap4++;
      if (g > 7) gap7++;
      gapSum += Math.min(12, Math.max(0, g));
    }
    const pg = scores.pmiGap[i];
    if (pg > 2) pmi2++;
    if (pg > 4) pmi4++;
    if (!scores.content[i]) continue;
    if (contentWords % WINDOW === 0) windows.push([0, 0, 0]);
    const w = windows[windows.length - 1];
    w[0]++;
    if (g > 4) w[1]++;
    w[2] += slotP && !Number.isNaN(slotP[i]) ? slotP[i] : 0;
    contentWords++;
    const f = scores.fit[i];
    fitSum += Math.min(8, Math.max(-8, f));
    if (f < -2) fitLow++;
    if (counts[i] < 2 && !tokens[i].capital) unknownLower++;
  }
  // A short last run joins the one before it.
  if (windows.length > 1 && windows[windows.length - 1][0] < WINDOW / 2) {
    const last = windows.pop()!;
    windows[windows.length - 1].forEach((_, k, w) => (w[k] += last[k]));
  }
  const windowMedian = (k: number) => median(windows.map((w) => share(w[k], w[0])));
  return Float64Array.from([
    share(unseenPairs, pairs),
    share(gapsLow, pairs),
    share(gapsHigh, pairs),
    share(pmiSum, pairs),
    share(lowPmi, pairs),
    share(isolated, content),
    share(nameGaps, names),
    share(functionGaps, functionPairs),
    share(attested, content),
    share(misfits, attested),
    share(strongMisfits, strong),
    share(halfMisfits, attested),
    zScore(unseenPairs, pairs, REAL_UNSEEN_RATE),
    zScore(misfits, attested, REAL_MISFIT_RATE),
    share(slotSum, slots),
    share(slotHigh, slots),
    slots > 0 ? (slotSum - REAL_SLOT_MEAN * slots) / Math.sqrt(slots) : 0,
    share(gap2, contentWords),
    share(gap4, contentWords),
    share(gap7, contentWords),
    share(gapSum, contentWords),
    share(pmi2, contentWords),
    share(pmi4, contentWords),
    windowMedian(1),
    windowMedian(2),
    share(covered, contentWords),
    share(fitSum, contentWords),
    share(fitLow, contentWords),
    share(unknownLower, contentWords),
    Math.log(1 + words),
  ]);
}

/** Words in a text as the detector counts them (it abstains below MIN_SPIN_WORDS). */
export function wordCount(text: string): number {
  return lmTokens(text).reduce((k, t) => k + (t.word ? 1 : 0), 0);
}
