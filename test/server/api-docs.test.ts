// The README's API section names every route src/server answers and every query parameter it reads:
// the parameters are found in the code the way the routes read them (text(query, 'q'),
// namedWindow(query, 'from1', 'to1'), query.getAll('actor')...), so a new one left undocumented fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sources = readdirSync(join(root, 'src/server')).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(root, 'src/server', f), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const api = readme.slice(readme.indexOf('\n## API\n'), readme.indexOf('\n## ', readme.indexOf('\n## API\n') + 1));

const all = (pattern: RegExp) => [...new Set(sources.flatMap((text) => [...text.matchAll(pattern)].flatMap((m) => m.slice(1).filter(Boolean))))].sort();

test('the README has an API section', () => {
  assert.ok(api.length > 500, 'README.md has a ## API section');
});

test('every route the server answers is in the README API section', () => {
  const routes = all(/\.(?:get|add)\((?:'POST', )?'(\/api\/[^']*)'/g);
  assert.ok(routes.length >= 20, `found ${routes.length} routes in src/server`);
  const missing = routes.filter((route) => !api.includes(`\`${route}\``));
  assert.deepEqual(missing, [], `routes not in the README: ${missing.join(', ')}`);
});

test('every query parameter the routes read is in the README API section', () => {
  const parameters = all(/\b(?:text|integer|oneOf|listOf|isoDate|idList|decimal|namedWindow)\(query, '(\w+)'(?:, '(\w+)')?|query\.(?:get|getAll)\('(\w+)'\)/g);
  for (const expected of ['from', 'to', 'kinds', 'types', 'modality', 'minEvidence', 'q', 'limit', 'edges', 'cap', 'hops', 'from1', 'threshold']) {
    assert.ok(parameters.includes(expected), `the scan finds '${expected}' (found: ${parameters.join(', ')})`);
  }
  const missing = parameters.filter((name) => !api.includes(`\`${name}\``));
  assert.deepEqual(missing, [], `parameters not in the README: ${missing.join(', ')}`);
});
