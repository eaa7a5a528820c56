// Shared by the ingest tests: the fixtures (shared with the clean tests), a scratch folder, and a collector for readInputs.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawPage } from '../../src/model/types.js';
import type { Message } from '../../src/core/messages.js';
import { readInputs } from '../../src/ingest/index.js';

export { fixture } from '../clean/helpers.js';

export function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'orbit-ingest-'));
}

export async function readAll(inputs: string[]): Promise<{ pages: RawPage[]; diagnostics: Message[] }> {
  const diagnostics: Message[] = [];
  const pages: RawPage[] = [];
  for await (const page of readInputs(inputs, (d) => diagnostics.push(d))) pages.push(page);
  return { pages, diagnostics };
}
