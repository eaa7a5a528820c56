// Word clusters (models/clusters/clusters.tsv: word TAB bitstring TAB count), learned by
// bench/train/train-clusters.ts. loadClusters() reads the file once per process and per path and
// returns a lookup: the word's bit string (exact form first, then lower case), or null when unseen.
// Features use prefixes of the bit string (lengths 4, 6, 10, 20), see clusterPrefixes().
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export type ClusterLookup = (word: string) => string | null;

/** models/clusters/clusters.tsv, seen from the compiled module in dist/src/nlp/. */
export const DEFAULT_CLUSTERS_PATH = fileURLToPath(new URL('../../../models/clusters/clusters.tsv', import.meta.url));

const cache = new Map<string, ClusterLookup>();

function defaultPath(): string {
  if (existsSync(DEFAULT_CLUSTERS_PATH)) return DEFAULT_CLUSTERS_PATH;
  // src/nlp run through a TypeScript loader: the root is two levels up
  return fileURLToPath(new URL('../../models/clusters/clusters.tsv', import.meta.url));
}

export function parseClusters(text: string): Map<string, string> {
  const map = new Map<string, string>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const t1 = text.indexOf('\t', start);
    if (t1 > start && t1 < end) {
      let t2 = text.indexOf('\t', t1 + 1);
      if (t2 < 0 || t2 > end) t2 = end;
      const word = text.slice(start, t1);
      if (!map.has(word)) map.set(word, text.slice(t1 + 1, t2));
    }
    start = end + 1;
  }
  return map;
}

export function loadClusters(path?: string): ClusterLookup {
  const file = path ?? defaultPath();
  const hit = cache.get(file);
  if (hit) return hit;
  const raw = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const map = parseClusters(text);
  const lookup: ClusterLookup = (word) => {
    const exact = map.get(word);
    if (exact !== undefined) return exact;
    const norm = word.replace(/[’ʼ‘`]/g, "'");
    const lower = norm.toLowerCase();
    return map.get(norm) ?? map.get(lower) ?? null;
  };
  cache.set(file, lookup);
  return lookup;
}

/** Prefix features of a bit string, e.g. for lengths [4, 6, 10, 20] (a short path gives itself). */
export function clusterPrefixes(bits: string | null, lengths: readonly number[] = [4, 6, 10, 20]): string[] {
  if (bits === null) return [];
  return lengths.map((n) => bits.slice(0, n));
}

/** Length of the common prefix of two bit strings. */
export function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
