// Shared by the ingest tests: where the fixtures are, a scratch folder, and a collector for readInputs.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, RawPage } from '../../src/model/types.js';
import { readInputs } from '../../src/ingest/index.js';

/** test/fixtures/clean, found from the compiled test in dist/test/... */
export const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/clean/', import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'orbit-ingest-'));
}

export async function readAll(inputs: string[]): Promise<{ pages: RawPage[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const pages: RawPage[] = [];
  for await (const page of readInputs(inputs, (d) => diagnostics.push(d))) pages.push(page);
  return { pages, diagnostics };
}
