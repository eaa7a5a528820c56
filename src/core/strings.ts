// Strings kept beyond the document they came from.

/**
 * A copy of `s` that holds on to nothing else. V8 makes a substring of 13 characters or more a view
 * into its parent string, so a cache keyed by a word or a line of an article keeps that whole article
 * alive: the word caches of the tagger, NER and sentence splitter held most of the Tehran Times crawl
 * this way, memory growing with every article read. Concatenating and slicing forces a flat copy.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
