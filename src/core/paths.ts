// Where the repository's own files (models, kb) and the research data beside it (../shared/data) are,
// found from this module's place so that any working directory works.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The checkout's top folder: the first folder above this module holding package.json and models/. */
export function repoRoot(): string {
  if (root) return root;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) return (root = dir);
  }
  throw new Error(`cannot find the repository (package.json and models/) above ${here}`);
}

export const modelsDir = () => join(repoRoot(), 'models');

/**
 * The store every command opens without --db or $ORBIT_DB: .orbit/orbit.db in the checkout, whatever
 * the working directory, so that the store `npm start` ingests is the one `orbit serve`, `status` and
 * `export` open (scripts/start.js passes no --db and relies on it).
 */
export const defaultStorePath = () => join(repoRoot(), '.orbit', 'orbit.db');

/** ../shared/data beside the checkout (ORBIT_SHARED_DATA overrides), or null when it is absent. */
export function sharedDataDir(): string | null {
  const dir = process.env.ORBIT_SHARED_DATA ?? resolve(repoRoot(), '../shared/data');
  return existsSync(dir) ? dir : null;
}
