// How a word is compared with the knowledge base's names: "Kata'ib" and "Kataib", "Ḥashd" and "Hashd"
// are one name.

/** A token's form for matching: no diacritics, no apostrophes, lower case. */
export function foldToken(token: string): string {
  return token.normalize('NFKD').replace(/[\u0300-\u036f'’ʼʿ`]/g, '').toLowerCase();
}

/** The same, keeping case, for aliases that only match as written (KH, PMF, US). */
export function foldTokenKeepCase(token: string): string {
  return token.normalize('NFKD').replace(/[\u0300-\u036f'’ʼʿ`]/g, '');
}
