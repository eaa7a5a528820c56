import { openStore } from './dist/src/store/index.js';
const s = openStore('/tmp/benchdb/bench.db');
for (const [name, f] of [
  ['events-q', () => s.listEvents({ q: 'militia', limit: 50 })],
  ['events-q-from', () => s.listEvents({ q: 'militia', from: '2020', limit: 50 })],
  ['articles-q', () => s.listArticles({ q: 'sanctions', limit: 50 })],
  ['search', () => s.search('attack')],
]) {
  const t = performance.now(); const r = f(); console.log(name, (performance.now() - t).toFixed(0), 'ms', r.total);
}
