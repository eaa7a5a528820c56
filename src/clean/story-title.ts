// A title for a story that shows no headline line: its first sentence (without the dateline), cut at a
// word boundary. Cleaning marks such a title as derived (message clean.title-derived), so a reader and
// the store can tell it from a headline the page printed.
import { datelineOf, wordCount } from './lines.js';

/** Words a derived title keeps at most; a longer first sentence is cut and ends with "…". */
export const DERIVED_TITLE_WORDS = 14;
/** A first sentence shorter than this says too little to stand as a title. */
const MIN_WORDS = 3;

export function derivedTitle(paragraphs: string[]): string | null {
  const first = paragraphs.find((p) => wordCount(p) >= MIN_WORDS);
  if (!first) return null;
  // "BAGHDAD, March 3 (Wire) — Rockets hit ..." -> "Rockets hit ...".
  const dateline = datelineOf(first) ? first.replace(/^.*?(?:—|–|--|-|:)\s+/u, '') : first;
  const sentence = firstSentence(dateline);
  const words = sentence.split(' ');
  const cut = words.length > DERIVED_TITLE_WORDS ? `${words.slice(0, DERIVED_TITLE_WORDS).join(' ').replace(/[,;:–—-]+$/u, '')}…` : sentence.replace(/[.]$/u, '');
  return wordCount(cut) >= MIN_WORDS ? cut : null;
}

/** Abbreviations a sentence does not end at ("Mr.", "Gen.", "U.S."). */
const ABBREVIATION = /(^|\s)(\p{Lu}|\p{Lu}\.\p{Lu}|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Rep|Sen|Gov|Prof|St|Jr|Sr|No|Vol|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$/u;

function firstSentence(text: string): string {
  const end = /[.!?]["'”’)]*(?=\s+["'“‘(]?\p{Lu})/gu;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const upTo = text.slice(0, m.index + 1);
    if (!ABBREVIATION.test(upTo)) return text.slice(0, m.index + m[0].length);
  }
  return text;
}
