import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { saveStream, StoreWriteError } from '../../src/store/ingest.js';
import { Doc } from '../../src/core/doc.js';
import { ACTORS, article, processed } from './builder.js';

async function* stream(items: Doc[]): AsyncGenerator<Doc> {
  yield* items;
}

test('a store whose folder cannot be made fails at once, naming the store and the reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-faults-'));
  const file = join(dir, 'plain-file');
  writeFileSync(file, 'not a folder');
  await assert.rejects(openStore(join(file, 'x.db')), /cannot write the store .*plain-file\/x\.db: .*plain-file is a file, not a folder/);
  // under /proc Node's recursive mkdir used to loop forever; now it is one clear error
  const started = performance.now();
  await assert.rejects(openStore('/proc/nope/x.db'), /cannot write the store \/proc\/nope\/x\.db/);
  assert.ok(performance.now() - started < 5000);
});

test('a file that is not a store is named as such', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-faults-'));
  const file = join(dir, 'notes.db');
  writeFileSync(file, 'x'.repeat(8192));
  await assert.rejects(openStore(file), /notes\.db is not an Orbit store/);
});

test('a full store stops the ingest at once and keeps every article saved before it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-faults-'));
  const file = join(dir, 'full.db');
  const setup = await openStore(file);
  await setup.saveActors(Object.values(ACTORS));
  await setup.close();
  // room for a few more pages only, as on a disk with a few KiB left
  const store = await openStore(file, { maxPages: 64 });
  const body = (i: number) => `Story ${i}. ` + `Word${i} `.repeat(4000);
  const docs = Array.from({ length: 40 }, (_, i) => processed(article(`a${i}`, body(i))));
  let failures = 0;
  await assert.rejects(
    saveStream(store, stream(docs), { failed: () => failures++ }),
    (error: unknown) => error instanceof StoreWriteError && /the store is full .*stopped after saving \d+ articles? to .*full\.db, which keeps them/.test(error.message),
  );
  assert.equal(failures, 0, 'no article is reported as failed one by one');
  await store.close();
  const reopened = await openStore(file);
  const saved = (await reopened.stats()).articles;
  assert.ok(saved > 0 && saved < 40, `${saved} articles kept`);
  assert.ok((await reopened.getArticle('a0')), 'the first article is there, whole');
  await reopened.close();
});
