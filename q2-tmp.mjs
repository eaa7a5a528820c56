import { openStore } from './dist/src/store/index.js';
const s = openStore('/tmp/benchdb/bench.db');
for (const [name, f] of [['events', () => s.listEvents({ limit: 50 })], ['graph', () => s.graph()], ['graph-2020', () => s.graph({ from: '2020', to: '2020' })]]) {
  const t = performance.now(); const r = f(); console.log(name, (performance.now() - t).toFixed(0), 'ms', r.nodes?.length, r.edges?.length);
}
