// The article's place (its dateline) is stored, returned with the article, and added to an older store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import type { DocPlace } from '../../src/core/doc.js';
import { article, processed } from './builder.js';

const TEHRAN: DocPlace = { name: 'Tehran', country: 'IRN', start: 0, end: 6, dateline: { start: 0, end: 8 }, producer: { component: 'place', rule: 'dateline-kb', version: '1' } };

test('a place is saved and comes back with the article; an article without one has null', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'orbit-place-')), 'orbit.db');
  const store = await openStore(file);
  await store.saveArticle(processed(article('tt1', 'TEHRAN – Officials met on Sunday.', { place: TEHRAN })));
  await store.saveArticle(processed(article('plain', 'Officials met on Sunday.')));
  assert.deepEqual((await store.getArticle('tt1'))?.place, TEHRAN);
  assert.equal((await store.getArticle('plain'))?.place, null);
  // Saved again with its place changed, the article is updated, not left as it was.
  const moved = { ...TEHRAN, name: 'Tehran Province' };
  assert.equal((await store.saveArticle(processed(article('tt1', 'TEHRAN – Officials met on Sunday.', { place: moved })))).status, 'updated');
  assert.equal((await store.getArticle('tt1'))?.place?.name, 'Tehran Province');
  await store.close();
  const db = new Database(file, { readonly: true });
  assert.deepEqual(db.prepare('SELECT place_name FROM articles ORDER BY id').all(), [{ place_name: null }, { place_name: 'Tehran Province' }]);
  db.close();
});

test('a store from before places gets the columns, and its articles have no place', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'orbit-place-')), 'orbit.db');
  const db = new Database(file);
  migrate(db, MIGRATIONS.filter((m) => m.version <= 4));
  db.prepare(`INSERT INTO articles (id, source_uri, source_index, title, text, content_hash, ingested_at)
     VALUES ('old', 'old.txt', 0, 'Before places', 'BAGHDAD — Talks went on.', 'x', '2024-01-01')`).run();
  db.close();
  const store = await openStore(file);
  assert.equal((await store.getArticle('old'))?.place, null);
  await store.close();
});
