import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** A short stable id: the same parts always give the same id, so re-running extraction is idempotent. */
export function stableId(prefix: string, ...parts: (string | number | null | undefined)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(String(part ?? '')).update('\u0000');
  return prefix + hash.digest('hex').slice(0, 16);
}

/** The absolute path of a file, the URL as given for a URL: what an article's id is made from. */
export function canonicalUri(uri: string): string {
  return /^https?:\/\//i.test(uri) ? uri : resolve(uri);
}

/** An article's id: the same story of the same input gets the same id from any working directory. */
export function articleId(uri: string, index: number): string {
  return stableId('a', canonicalUri(uri), index);
}
