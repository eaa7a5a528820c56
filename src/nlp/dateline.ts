// "BAGHDAD —", "ERBIL, Iraq (Reuters) -": the dateline at the head of a wire story. It names where the
// story was filed and is no part of the first sentence, which the parser would otherwise hang from it.

export interface Dateline {
  /** The whole dateline with its dash. */
  start: number;
  end: number;
  /** The place name's end (the capitals). */
  placeEnd: number;
}

const DATELINE = /^\s*([A-Z][A-Z .'-]{2,30})(?:,[^—–\n]{0,40})?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s/;

export function datelineAt(text: string): Dateline | null {
  const head = DATELINE.exec(text);
  if (!head) return null;
  const start = head.index + head[0].indexOf(head[1]);
  return { start, end: head.index + head[0].trimEnd().length, placeEnd: start + head[1].trimEnd().length };
}
