// Sentence boundaries as spans of the article text. Rules, not a model: paragraph breaks always end a
// sentence; . ! ? end one unless they close a known abbreviation or an initial ("U.S.", "Gen.", "J.").
import type { Span } from '../model/types.js';

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'sgt', 'capt', 'cpt', 'adm', 'brig', 'cmdr', 'gov', 'sen', 'rep',
    'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'no', 'nos', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'approx', 'dept', 'est',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft',
  ],
);

const END = /[.!?]+["'”’)\]]*(?=\s)/g;

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const paragraph = /[^\n]+/g;
  for (const p of text.matchAll(paragraph)) {
    const base = p.index!;
    const para = p[0];
    let start = 0;
    for (const m of para.matchAll(END)) {
      const end = m.index! + m[0].length;
      if (!isBoundary(para, m.index!, end)) continue;
      pushTrimmed(spans, para, base, start, end);
      start = end;
    }
    pushTrimmed(spans, para, base, start, para.length);
  }
  return spans;
}

function isBoundary(para: string, dot: number, end: number): boolean {
  const next = para.slice(end).trimStart();
  if (!next) return true;
  // The next sentence starts with a capital, a digit or an opening quote; a lower-case word means we are mid-sentence.
  if (!/^["'“‘(\[]?[\p{Lu}\p{N}]/u.test(next)) return false;
  if (para[dot] !== '.') return true;
  // Only the few characters before the stop matter; anchoring a regex on the whole prefix would be quadratic.
  const word = /([\p{L}.]+)$/u.exec(para.slice(Math.max(0, dot - 24), dot))?.[1] ?? '';
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return false; // "U.S" of "U.S." before a name... ambiguous, keep together
  return !ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(spans: Span[], para: string, base: number, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(para[s])) s++;
  while (e > s && /\s/.test(para[e - 1])) e--;
  if (e > s) spans.push({ start: base + s, end: base + e });
}
