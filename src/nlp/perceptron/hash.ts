// Features are 32-bit hashes of a template number and a few integer values (a word's hash, a tag id,
// a distance), mixed with MurmurHash3's steps. No strings are built per feature: building
// "s0w=the|b0t=NOUN" for eighty templates per transition would cost more than the scoring itself.

/** One MurmurHash3 mixing round of `value` into `h`. */
export function mix(h: number, value: number): number {
  let k = Math.imul(value | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser, never 0 (0 marks an empty slot in a feature table). */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

export const feature1 = (template: number, a: number) => finish(mix(mix(template, a), 0x5bd1e995));
export const feature2 = (template: number, a: number, b: number) => finish(mix(mix(mix(template, a), b), 0x5bd1e995));
export const feature3 = (template: number, a: number, b: number, c: number) => finish(mix(mix(mix(mix(template, a), b), c), 0x5bd1e995));
export const feature4 = (template: number, a: number, b: number, c: number, d: number) =>
  finish(mix(mix(mix(mix(mix(template, a), b), c), d), 0x5bd1e995));

/** FNV-1a over UTF-16 code units: a string's id where no vocabulary is kept. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
