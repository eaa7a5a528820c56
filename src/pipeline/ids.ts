import { createHash } from 'node:crypto';

/** A short stable id: the same parts always give the same id, so re-running extraction is idempotent. */
export function stableId(prefix: string, ...parts: (string | number | null | undefined)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(String(part ?? '')).update('\u0000');
  return prefix + hash.digest('hex').slice(0, 16);
}
