import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.js';
import { saveStream } from '../../src/store/ingest.js';
import { Doc } from '../../src/core/doc.js';
import { ACTORS, article, corpus, mentions, processed } from './builder.js';

async function* stream(items: Doc[]): AsyncGenerator<Doc> {
  yield* items;
}

test('saves a stream, counts it, and goes on past an article that fails', async () => {
  const store = await openStore(':memory:');
  await store.saveActors(Object.values(ACTORS));
  const text = 'Somebody unknown spoke.';
  const bad = article('bad', text, { source: { uri: 'feed.jsonl', index: 7, outlet: null }, mentions: mentions(text, 'Somebody', 'somebody') });
  const [a1, a2, a3, a4] = corpus().map(processed);
  const failures: string[] = [];
  const seen: number[] = [];
  const tally = await saveStream(store, stream([a1, a2, bad, a3, a4]), {
    failed: (uri, id, error) => failures.push(`${uri} ${id}: ${error.message}`),
    progress: (t) => seen.push(t.read),
  });
  assert.deepEqual(tally, { read: 5, new: 4, updated: 0, unchanged: 0, duplicates: 1, spun: 1, events: 5, relations: 3, failed: 1 });
  assert.deepEqual(failures, ['feed.jsonl bad: article bad refers to unknown actor somebody']);
  assert.deepEqual(seen, [1, 2, 3, 4, 5]);

  // a re-read: duplicate detection primed from the store finds every article itself
  const again = await saveStream(store, stream(corpus().map((a) => processed(Doc.from({ ...a, duplicateOf: a.id, spun: false })))));
  assert.deepEqual([again.unchanged, again.duplicates, again.spun], [4, 1, 1]);
  assert.equal((await store.stats()).articles, 4);
  await store.close();
});
