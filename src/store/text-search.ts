// Turning what a user types into something safe to match: a folded key for actor names and aliases,
// (the text queries for article and evidence text are the dialect's: dialect.ts).

/** Lowercase, no diacritics, apostrophes dropped ("Kata'ib" = "Kataib"), other punctuation as spaces. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʿʾ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
