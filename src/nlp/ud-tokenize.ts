// Words as the Universal Dependencies English treebanks cut them, so that the tagger and parser see
// text the way they were trained: punctuation apart, clitics apart ("do|n't", "Iran|'s", "I|'m"),
// hyphenated compounds in three ("al|-|Muhandis", "Iran|-|backed"), while abbreviations ("U.S.",
// "Gen."), numbers ("1,500", "3.5"), times, URLs and e-mail addresses stay whole. Each word is a span of
// the text: its form is exactly the characters it covers. Measured against the treebanks' own words
// by `npm run bench:nlp`.
//
// Hand-written because no maintained JavaScript tokenizer follows the UD English conventions (wink-nlp
// and compromise keep "don't" and "al-Muhandis" whole and have no offsets back to hyphen parts).

export interface Word {
  start: number;
  end: number;
  form: string;
}

/** Abbreviations that keep their period (lower case, without it). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'sgt', 'capt', 'cpt', 'adm', 'brig', 'cmdr', 'gov', 'sen', 'rep',
  'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'no', 'nos', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'approx', 'dept', 'est', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun',
  'mt', 'ft', 'ave', 'blvd', 'rd', 'univ', 'assn', 'bros', 'messrs', 'mme', 'mlle', 'sr', 'sra', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'cf', 'al',
]);
/** Hyphenated words the treebanks keep whole. */
const WHOLE_HYPHENATED = new Set(['e-mail', 'e-mails', 'x-ray', 'x-rays', 't-shirt', 't-shirts', 'o-ring', 'co-op', 'u-turn']);
const CLITICS = /^(.+?)(n['’]t|['’](?:s|m|d|ll|re|ve|S|M|D|LL|RE|VE))$/;
const SPECIAL_SPLITS: Record<string, [number]> = { cannot: [3], gonna: [3], wanna: [3], gotta: [3] };

const URL_OR_EMAIL = /^(?:(?:https?|ftp):\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|ir|iq|uk)(?:\/\S*)?)$/i;
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\d+(?:[:/.]\d+)+$/;
const LEADING = /^(?:["'“‘«(\[{<*`]|-{2,}|—|–)/u;
const TRAILING = /(?:\.{2,}|…|[.,;:!?"'”’»)\]}>*%]|-{2,}|—|–)$/u;

export function tokenizeWords(text: string, offset = 0): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/\S+/gu)) splitChunk(m[0], offset + m.index!, words);
  return words;
}

function splitChunk(chunk: string, start: number, out: Word[]): void {
  const push = (s: number, e: number) => {
    if (e > s) out.push({ start: start + s, end: start + e, form: chunk.slice(s, e) });
  };
  let s = 0;
  let e = chunk.length;
  const heads: [number, number][] = [];
  const tails: [number, number][] = [];
  // peel punctuation off both ends, one mark at a time
  for (;;) {
    const body = chunk.slice(s, e);
    if (URL_OR_EMAIL.test(body) || NUMBER.test(body) || body.length <= 1) break;
    const lead = LEADING.exec(body);
    if (lead) {
      heads.push([s, s + lead[0].length]);
      s += lead[0].length;
      continue;
    }
    const trail = TRAILING.exec(body);
    if (trail) {
      const mark = trail[0];
      const rest = body.slice(0, body.length - mark.length);
      // "U.S." and "Gen." keep their period; a period after a number or word ends the sentence
      if (mark === '.' && keepsPeriod(rest)) break;
      // "dogs'": a possessive apostrophe is a word of its own, as a closing quote is
      tails.unshift([e - mark.length, e]);
      e -= mark.length;
      continue;
    }
    break;
  }
  for (const [a, b] of heads) push(a, b);
  splitInner(chunk, s, e, push);
  for (const [a, b] of tails) push(a, b);
}

function keepsPeriod(rest: string): boolean {
  const lower = rest.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (/^\p{Lu}$/u.test(rest)) return true; // an initial
  return /^(?:\p{L}\.)+\p{L}$/u.test(rest); // U.S, p.m
}

/** The body of a chunk: currency and percent signs, hyphens, slashes and clitics apart. */
function splitInner(chunk: string, s: number, e: number, push: (s: number, e: number) => void): void {
  const body = chunk.slice(s, e);
  if (!body) return;
  if (URL_OR_EMAIL.test(body) || NUMBER.test(body) || body.length === 1) return push(s, e);
  const currency = /^[$€£¥]/u.exec(body);
  if (currency && body.length > 1) {
    push(s, s + 1);
    return splitInner(chunk, s + 1, e, push);
  }
  if (WHOLE_HYPHENATED.has(body.toLowerCase()) || /^(?:\p{L}\.)+\p{L}?\.?$/u.test(body)) return push(s, e);
  // "Iran-backed", "al-Muhandis", "U.S.-led", "2019-2020": hyphens between word pieces stand apart
  const hyphen = /(?<=[\p{L}\p{N}.])[-‐‑](?=[\p{L}\p{N}])/u.exec(body);
  if (hyphen) {
    splitInner(chunk, s, s + hyphen.index, push);
    push(s + hyphen.index, s + hyphen.index + 1);
    return splitInner(chunk, s + hyphen.index + 1, e, push);
  }
  const slash = /(?<=\p{L}{2})\/(?=\p{L}{2})/u.exec(body);
  if (slash) {
    splitInner(chunk, s, s + slash.index, push);
    push(s + slash.index, s + slash.index + 1);
    return splitInner(chunk, s + slash.index + 1, e, push);
  }
  const special = SPECIAL_SPLITS[body.toLowerCase()];
  if (special) {
    push(s, s + special[0]);
    return push(s + special[0], e);
  }
  const clitic = CLITICS.exec(body);
  if (clitic && /\p{L}/u.test(clitic[1])) {
    push(s, s + clitic[1].length);
    return push(s + clitic[1].length, e);
  }
  push(s, e);
}
