import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countById, message, whereOf, type Message } from '../../src/core/messages.js';
import { readDocs } from '../../src/pipeline/clean-inputs.js';

async function collect(inputs: string[]): Promise<Message[]> {
  const messages: Message[] = [];
  for await (const _ of readDocs(inputs, (m) => messages.push(m)));
  return messages;
}

test('messages carry a rule id and a position as fields, not packed into the uri', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'orbit-messages-'));
  const jsonl = join(dir, 'news.jsonl');
  await writeFile(jsonl, ['{"text": "Iraq recalled its ambassador from Tehran on Tuesday, the foreign ministry said in Baghdad."}', '{oops', '{"title": "no body"}', '{"html": "<p>Home</p>"}'].join('\n'));
  const messages = await collect([jsonl]);
  const found = messages.map((m) => [m.id, m.component, m.uri, m.line, m.severity]);
  assert.deepEqual(found, [
    // Reading runs ahead of cleaning (the batch view of site chrome), so the bad lines are met first.
    ['ingest.bad-jsonl-line', 'ingest', jsonl, 2, 'error'],
    ['ingest.bad-jsonl-line', 'ingest', jsonl, 3, 'error'],
    // A text with no headline takes its first sentence as title, marked as derived.
    ['clean.title-derived', 'clean', jsonl, 1, 'info'],
    ['clean.no-readability-article', 'clean', jsonl, 4, 'info'],
    ['clean.no-text', 'clean', jsonl, 4, 'warning'],
  ]);
  assert.ok(messages.every((m) => !m.uri.includes('#')));
});

test('a position reads as a person expects; counts group by id', () => {
  const at = message('events.doubt', 'info', 'a.txt', 'why', { start: 10, end: 20 });
  assert.deepEqual(at, { id: 'events.doubt', component: 'events', severity: 'info', uri: 'a.txt', start: 10, end: 20, reason: 'why' });
  assert.equal(whereOf(at), 'a.txt @10-20');
  assert.equal(whereOf(message('ingest.bad-jsonl-line', 'error', 'f.jsonl', 'bad', { line: 3 })), 'f.jsonl:3');
  assert.equal(whereOf(message('ingest.empty-feed-item', 'warning', 'f.rss', 'empty', { item: 2 })), 'f.rss item 2');
  const counts = countById([at, at, message('clean.no-text', 'warning', 'b.txt', 'none')]);
  assert.deepEqual(counts, [{ id: 'events.doubt', severity: 'info', count: 2 }, { id: 'clean.no-text', severity: 'warning', count: 1 }]);
});
