// Turning what a user types into something safe to match: a folded key for actor names and aliases,
// and an FTS5 query for article and evidence text.

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

/**
 * Every word the user typed must occur; the last may be a prefix (search as you type).
 * Each word is quoted, so FTS5 operators and punctuation in the input can never make a syntax error.
 * Null when the input has no word at all.
 */
export function ftsQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}\p{M}]+/gu);
  if (!words) return null;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
