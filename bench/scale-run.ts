// One run of bench/scale.ts in its own process, so that its peak memory is its own: the whole
// pipeline (`orbit ingest` as a user runs it: read, clean, dedupe, tag, parse, NER, extract, save to
// a fresh SQLite store) over a JSONL file on N threads. Prints one JSON line.
// Run: node dist/bench/scale-run.js FILE THREADS
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateIndex } from '../src/clean/dedupe.js';
import { RELEASABLE_LAYERS } from '../src/core/doc.js';
import { loadKnowledgeBase } from '../src/kb/index.js';
import { processInputs } from '../src/pipeline/index.js';
import { openStore } from '../src/store/index.js';

const [file, threadsArg] = process.argv.slice(2);
const threads = Number(threadsArg ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'orbit-scale-'));
try {
  const started = performance.now();
  const kb = loadKnowledgeBase();
  const store = await openStore(join(dir, 'scale.db'));
  await store.saveActors(kb.actors);
  let articles = 0;
  let sentences = 0;
  let chars = 0;
  for await (const doc of processInputs([file], { kb, report: () => {}, duplicates: new DuplicateIndex(), threads, release: RELEASABLE_LAYERS })) {
    await store.saveArticle(doc);
    articles += 1;
    sentences += doc.sentences.length;
    chars += doc.text.length;
  }
  await store.close();
  const ms = performance.now() - started;
  // maxRSS covers every thread of the process, in KiB; CPU time too (the pipeline threads, and V8's
  // own helper threads, which collect garbage beside even a one-thread run), in microseconds
  const usage = process.resourceUsage();
  const peakRssMb = usage.maxRSS / 1024;
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  console.log(JSON.stringify({ threads, articles, sentences, chars, inputMb: statSync(file).size / 2 ** 20, ms, cpuMs, peakRssMb }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
