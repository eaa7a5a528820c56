// Draws event candidates — a predicate with the actors in its grammatical roles, as the pipeline makes
// them (src/extract/coder/candidates.ts) — from real Tehran Times sentences for hand labelling: the
// coder's training data in the form it meets at run time. Deterministic (seed 62); the 60 documents
// of the development gold are never drawn.
// Run: node dist/bench/gold/sample-candidates.js OUT_DIR [ITEMS] [BATCHES] [SEED]
// Stories already labelled in corpus/real-candidates are never drawn again.
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sharedDataDir } from '../../src/core/paths.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { processInputs } from '../../src/pipeline/index.js';
import { seededRandom, shuffle } from '../../src/nlp/learn/random.js';
import { predicateCandidates } from '../../src/extract/coder/candidates.js';
import { isEventNoun } from '../../src/extract/coder/event-nouns.js';
import { sentenceTokens, slotted } from '../../src/extract/doc-helpers.js';

const [outDir = '/tmp/orbit-candidates', itemsArg = '1600', batchesArg = '4', seedArg = '62'] = process.argv.slice(2);
const FOOTER = /\s*All Content by Mehr News Agency is licensed under[^.]*\.\s*$/;

async function main(): Promise<void> {
  const shared = sharedDataDir();
  const file = shared && join(shared, 'corpora', 'tehran_times_early.jsonl.gz');
  if (!file || !existsSync(file)) return console.log('sample-candidates: skipped, ../shared/data/corpora is absent');
  const goldList = join(import.meta.dirname, '../../../corpus/real-gold/gold.yaml');
  const goldText = existsSync(goldList) ? readFileSync(goldList, 'utf8') : '';
  const labelled = join(import.meta.dirname, '../../../corpus/real-candidates/labels.jsonl');
  const done = new Set(existsSync(labelled) ? readFileSync(labelled, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).doc as string) : []);
  const rows: { id: number; text: string }[] = [];
  for await (const line of createInterface({ input: createReadStream(file).pipe(createGunzip()) })) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (!goldText.includes(`tehran-times:${r.id}\n`) && !done.has(`tehran-times:${r.id}`)) rows.push({ id: r.id, text: String(r.text).replace(FOOTER, '') });
  }
  const random = seededRandom(Number(seedArg));
  const picked = shuffle(rows, random).slice(0, 2000);
  const dir = mkdtempSync(join(tmpdir(), 'orbit-candidates-'));
  const input = join(dir, 'stories.jsonl');
  writeFileSync(input, picked.map((r) => JSON.stringify({ text: r.text, url: `tehran-times:${r.id}` })).join('\n') + '\n');
  const kb = loadKnowledgeBase();
  const items: object[] = [];
  const want = Number(itemsArg);
  for await (const doc of processInputs([input], { kb, report: () => {} })) {
    let taken = 0;
    for (const sentence of doc.sentences) {
      if (taken >= 3 || items.length >= want) break;
      if (sentence.end - sentence.start > 400) continue;
      const s = slotted(doc, sentence, kb);
      if (!s.slots.length) continue;
      const tokens = sentenceTokens(doc, sentence);
      if (tokens.every((t) => t.head === null)) continue;
      const found = predicateCandidates(tokens, s.slots.flatMap((x) => x.mentions), isEventNoun);
      if (!found.length) continue;
      const c = found[Math.floor(random() * found.length)];
      const text = doc.text.slice(sentence.start, sentence.end);
      const p = tokens[c.predicate];
      const args = c.args.map((a, k) => ({ n: k + 1, role: a.role, via: a.via, start: a.mention.start - sentence.start, end: a.mention.end - sentence.start, text: a.mention.text }));
      let marked = '';
      const marks = [...args.map((a) => ({ at: a.start, end: a.end, open: `[${a.n}: `, close: ']' })), { at: p.start - sentence.start, end: p.end - sentence.start, open: '«', close: '»' }].sort((x, y) => x.at - y.at);
      let cursor = 0;
      for (const m of marks) {
        if (m.at < cursor) continue;
        marked += text.slice(cursor, m.at) + m.open + text.slice(m.at, m.end) + m.close;
        cursor = m.end;
      }
      marked += text.slice(cursor);
      items.push({ id: `${doc.url}@${sentence.start}`, text, predicate: { start: p.start - sentence.start, end: p.end - sentence.start, text: p.form }, args, marked });
      taken++;
    }
    if (items.length >= want) break;
  }
  mkdirSync(outDir, { recursive: true });
  const batches = Number(batchesArg);
  const size = Math.ceil(items.length / batches);
  for (let k = 0; k < batches; k++) writeFileSync(join(outDir, `candidates-${k + 1}.jsonl`), items.slice(k * size, (k + 1) * size).map((x) => JSON.stringify(x)).join('\n') + '\n');
  console.log(`${items.length} candidates from ${picked.length} stories written to ${outDir} in ${batches} batches`);
}

main();
