import { openStore } from './dist/src/store/index.js';
import { rmSync } from 'node:fs';
rmSync('/tmp/prof.db', { force: true }); rmSync('/tmp/prof.db-wal', { force: true });
const s = openStore('/tmp/prof.db');
const actors = Array.from({ length: 300 }, (_, i) => ({ id: `actor-${i}`, name: `Actor ${i}`, kind: 'state', country: null, aliases: [`A${i}`], discovered: false, description: null }));
s.saveActors(actors);
const t0 = performance.now();
let prev = t0;
for (let n = 0; n < 1500; n++) {
  const text = 'Actor 1 met Actor 2 in the city. '.repeat(20);
  const ev = (i) => ({ start: i * 33, end: i * 33 + 32, sentence: text.slice(i * 33, i * 33 + 32), attributedTo: null });
  const article = { id: `a-${n}`, source: { uri: `x/${n}`, index: 0, outlet: null }, title: 't', publishedAt: '2020-01-01', url: null, text, duplicateOf: null, spun: false, diagnostics: [], relevance: 0, sentences: [],
    mentions: Array.from({ length: 20 }, (_, i) => ({ start: i * 33, end: i * 33 + 7, actorId: `actor-${(n + i) % 300}`, text: 'Actor 1', method: 'alias' })),
    events: Array.from({ length: 8 }, (_, i) => ({ id: `e-${n}-${i}`, type: 'CONSULT', mode: null, cameo: null, intensity: 1, sources: [`actor-${(n + i) % 300}`], targets: [`actor-${(n + i + 1) % 300}`], date: null, location: null, modality: 'asserted', evidence: ev(i), confidence: 1 })),
    relations: [] };
  s.saveArticle({ article, actors: actors.slice(0, 30) });
  if (n % 300 === 299) { const now = performance.now(); console.log(n + 1, ((now - prev) / 300).toFixed(2), 'ms/article'); prev = now; }
}
s.close();
