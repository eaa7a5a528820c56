// Draws actor pairs from real Tehran Times sentences for hand labelling, the licensed training data of
// the event coder (PLV's terms allow evaluation only). Each item is one sentence in which Orbit's
// pipeline found two different actors; the annotator says what A does to B (or B to A), in PLOVER
// terms, or that the sentence states no event between them. Deterministic (seed 61); the 60
// documents of the development gold (bench/gold/select-real-docs.mjs) are never drawn.
// Run: node dist/bench/gold/sample-pairs.js OUT_DIR [ITEMS] [BATCHES]
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sharedDataDir } from '../../src/core/paths.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { processInputs } from '../../src/pipeline/index.js';
import { seededRandom, shuffle } from '../../src/nlp/learn/random.js';

const [outDir = '/tmp/orbit-pairs', itemsArg = '1600', batchesArg = '4'] = process.argv.slice(2);
const FOOTER = /\s*All Content by Mehr News Agency is licensed under[^.]*\.\s*$/;

async function main(): Promise<void> {
  const shared = sharedDataDir();
  const file = shared && join(shared, 'corpora', 'tehran_times_early.jsonl.gz');
  if (!file || !existsSync(file)) return console.log('sample-pairs: skipped, ../shared/data/corpora is absent');
  const goldList = '/tmp/orbit-real-gold/docs.json';
  const gold = new Set(existsSync(goldList) ? JSON.parse(readFileSync(goldList, 'utf8')).map((d: { doc: string }) => d.doc) : []);
  const rows: { id: number; text: string }[] = [];
  for await (const line of createInterface({ input: createReadStream(file).pipe(createGunzip()) })) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (!gold.has(`tehran-times:${r.id}`)) rows.push({ id: r.id, text: String(r.text).replace(FOOTER, '') });
  }
  const random = seededRandom(61);
  const picked = shuffle(rows, random).slice(0, 1500);
  const dir = mkdtempSync(join(tmpdir(), 'orbit-pairs-'));
  const input = join(dir, 'stories.jsonl');
  writeFileSync(input, picked.map((r) => JSON.stringify({ text: r.text, url: `tehran-times:${r.id}` })).join('\n') + '\n');
  const items: object[] = [];
  const want = Number(itemsArg);
  for await (const doc of processInputs([input], { kb: loadKnowledgeBase(), report: () => {} })) {
    let taken = 0;
    for (const s of doc.sentences) {
      if (taken >= 3 || items.length >= want) break;
      const ms = doc.mentions.filter((m) => m.start >= s.start && m.end <= s.end).sort((a, b) => a.start - b.start);
      const pairs: [typeof ms[0], typeof ms[0]][] = [];
      for (let i = 0; i + 1 < ms.length; i++) for (let j = i + 1; j < ms.length && j <= i + 2; j++) if (ms[i].actorId !== ms[j].actorId && ms[i].end <= ms[j].start) pairs.push([ms[i], ms[j]]);
      if (pairs.length === 0 || s.end - s.start > 400) continue;
      const [a, b] = pairs[Math.floor(random() * pairs.length)];
      const text = doc.text.slice(s.start, s.end);
      const at = (m: typeof a) => ({ start: m.start - s.start, end: m.end - s.start, text: m.text });
      const A = at(a), B = at(b);
      const marked = text.slice(0, A.start) + `[A: ${A.text}]` + text.slice(A.end, B.start) + `[B: ${B.text}]` + text.slice(B.end);
      items.push({ id: `${doc.url ?? doc.id}@${s.start}`, text, a: A, b: B, marked });
      taken++;
    }
    if (items.length >= want) break;
  }
  mkdirSync(outDir, { recursive: true });
  const batches = Number(batchesArg);
  const size = Math.ceil(items.length / batches);
  for (let k = 0; k < batches; k++) {
    writeFileSync(join(outDir, `pairs-${k + 1}.jsonl`), items.slice(k * size, (k + 1) * size).map((x) => JSON.stringify(x)).join('\n') + '\n');
  }
  console.log(`${items.length} pairs from ${picked.length} stories written to ${outDir} in ${batches} batches`);
}

main();
