// Shared by the clean tests: the fixtures folder, found from the compiled test in dist/test/clean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawPage } from '../../src/model/types.js';
import type { Doc } from '../../src/core/doc.js';
import { cleanPage } from '../../src/clean/index.js';

export const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/clean/', import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export function readFixture(name: string): string {
  return readFileSync(fixture(name), 'utf8');
}

/** The Docs cleaning makes of one page (the stories with text). */
export function cleanDocs(page: RawPage): Doc[] {
  return cleanPage(page).docs;
}
