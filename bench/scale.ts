// Scale (issue 10): the whole pipeline on 1 and 2 threads over real news, next to the floor of merely
// sentence-splitting and POS-tagging the same text with wink-nlp in this command; and, where
// $ORBIT_TEST_PG names a database, a PostgreSQL ingest through the queue with 1 and 2 workers.
// Each pipeline run is a child process (bench/scale-run.ts) so its peak memory is its own; the
// ratio 2 threads / 1 thread and the ratio to wink are what to read, the machine being shared.
// Run: node dist/bench/scale.js [N stories per corpus, default 1000 | all] [--runs R, default 1]
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { defaultKbDir } from '../src/kb/index.js';

const args = process.argv.slice(2);
const N = args[0] === 'all' ? Infinity : Number(args[0] ?? 1000);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) || 1 : 1;
const data = resolve(defaultKbDir(), '../../shared/data/corpora');
const here = fileURLToPath(new URL('.', import.meta.url));
const orbit = fileURLToPath(new URL('../../bin/orbit.js', import.meta.url));

interface Run { threads: number; articles: number; sentences: number; chars: number; inputMb: number; ms: number; cpuMs: number; peakRssMb: number }

async function corpus(name: string, text: (row: Record<string, unknown>) => string, title: (row: Record<string, unknown>) => string): Promise<string[]> {
  const rows: string[] = [];
  const lines = createInterface({ input: createReadStream(join(data, name)).pipe(createGunzip()) });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Record<string, unknown>;
    if (text(row).length > 200) rows.push(JSON.stringify({ title: title(row), text: text(row) }));
    if (rows.length >= N) break;
  }
  lines.close();
  return rows;
}

function pipelineRun(file: string, threads: number): Run {
  const child = spawnSync(process.execPath, [join(here, 'scale-run.js'), file, String(threads)], { encoding: 'utf8', maxBuffer: 2 ** 26 });
  if (child.status !== 0) throw new Error(`scale-run failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Run;
}

async function winkFloor(texts: string[]): Promise<{ ms: number; sentences: number } | null> {
  try {
    const winkNLP = ((await import('wink-nlp' as string)) as { default: (model: unknown) => any }).default;
    const model = ((await import('wink-eng-lite-web-model' as string)) as { default: unknown }).default;
    const nlp = winkNLP(model);
    const started = performance.now();
    let sentences = 0;
    for (const text of texts) {
      const doc = nlp.readDoc(text);
      sentences += doc.sentences().length();
      doc.tokens().out(nlp.its.pos);
    }
    return { ms: performance.now() - started, sentences };
  } catch {
    return null;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (n: number, ms: number) => (n / (ms / 1000));

async function benchCorpus(label: string, rows: string[], dir: string): Promise<void> {
  const file = join(dir, `${label}.jsonl`);
  writeFileSync(file, rows.join('\n') + '\n');
  const texts = rows.map((r) => (JSON.parse(r) as { text: string }).text);
  const runs: Record<number, Run[]> = { 1: [], 2: [] };
  for (let r = 0; r < RUNS; r++) for (const threads of [1, 2]) runs[threads].push(pipelineRun(file, threads));
  const wink = await winkFloor(texts);
  const one = runs[1].reduce((a, b) => (a.ms <= b.ms ? a : b));
  const ms1 = median(runs[1].map((r) => r.ms));
  const ms2 = median(runs[2].map((r) => r.ms));
  const two = runs[2][0];
  console.log(`${label}: ${rows.length} stories in, ${one.articles} articles, ${one.sentences} sentences, ${one.inputMb.toFixed(1)} MB (median of ${RUNS})`);
  for (const [threads, ms, run] of [[1, ms1, one], [2, ms2, two]] as const) {
    console.log(`  ${threads} thread${threads > 1 ? 's' : ' '}  ${rate(run.articles, ms).toFixed(1).padStart(7)} articles/s  ${rate(run.sentences, ms).toFixed(0).padStart(6)} sentences/s  ${rate(run.inputMb, ms).toFixed(2)} MB/s  peak RSS ${Math.max(...runs[threads].map((r) => r.peakRssMb)).toFixed(0)} MB  cores busy ${(run.cpuMs / run.ms).toFixed(2)}`);
  }
  // a one-thread run already keeps more than one core busy (V8 collects garbage on helper threads):
  // on C cores the most N threads can give is C / (cores busy on one)
  console.log(`  2 threads / 1 thread: ${(ms1 / ms2).toFixed(2)}x (target 1.8x; CPU time 2 threads / 1: ${(two.cpuMs / one.cpuMs).toFixed(2)}x)`);
  if (wink) {
    console.log(`  wink-nlp floor (split + POS, one core): ${rate(texts.length, wink.ms).toFixed(0)} articles/s, ${rate(wink.sentences, wink.ms).toFixed(0)} sentences/s`);
    console.log(`  whole pipeline per core / wink floor: ${(ms1 / wink.ms).toFixed(1)}x (target within 5x)`);
  }
}

/** The queue: ingest --queue, then W workers until idle; articles/s from enqueue to the last save. */
async function queueRun(url: string, file: string, workers: number): Promise<{ ms: number; articles: number }> {
  const { resetPostgres } = await import('../src/store/postgres.js');
  const pg = (await import('pg')).default;
  await resetPostgres(url);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await pool.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  const started = performance.now();
  const enqueue = spawnSync(process.execPath, [orbit, 'ingest', '--queue', '--db', url, file], { encoding: 'utf8' });
  if (enqueue.status !== 0) throw new Error(`ingest --queue failed: ${enqueue.stderr}`);
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [orbit, 'worker', '--db', url, '--exit-when-idle'], { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`worker exited with ${code}`))));
  })));
  const ms = performance.now() - started;
  const articles = (await pool.query('SELECT COUNT(*)::int AS n FROM articles')).rows[0].n as number;
  await pool.end();
  return { ms, articles };
}

if (!existsSync(data)) {
  console.log(`bench:scale: skipped, ${data} is absent (research corpora live in ../shared/data)`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-scale-'));
  try {
    const tehran = await corpus('tehran_times_early.jsonl.gz', (r) => String(r.text ?? ''), (r) => String(r.slug_title ?? ''));
    await benchCorpus('tehran-times', tehran, dir);
    const reuters = await corpus('reuters21578.jsonl.gz', (r) => String(r.body ?? ''), (r) => String(r.title ?? ''));
    await benchCorpus('reuters', reuters, dir);
    const url = process.env.ORBIT_TEST_PG;
    if (!url) {
      console.log('PostgreSQL queue: skipped, $ORBIT_TEST_PG is not set (scripts/pg-cluster.sh makes a database; it is emptied)');
    } else {
      const file = join(dir, 'tehran-times.jsonl');
      for (const workers of [1, 2]) {
        const run = await queueRun(url, file, workers);
        console.log(`PostgreSQL queue, ${workers} worker${workers > 1 ? 's' : ' '}: ${run.articles} articles, ${rate(run.articles, run.ms).toFixed(1)} articles/s (enqueue to last save)`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
