// Pipeline speed and realism on real news: Reuters-21578 (1987 wire stories, off-theater) and the
// Tehran Times crawl (Iran-centred, boilerplate-laden). Each corpus is written to a temp JSONL file and
// read through the whole pipeline; cleaning alone runs in the same process as the peer, so the ratio
// says what extraction costs whatever the machine is doing. Prints medians of 3 runs.
// Run: node dist/bench/pipeline-throughput.js [N]   (default N = 1000 stories per corpus)
import { createReadStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { defaultKbDir, loadKnowledgeBase } from '../src/kb/index.js';
import { processInputs } from '../src/pipeline/index.js';
import { cleanInputs } from '../src/pipeline/clean-inputs.js';
import type { Doc } from '../src/core/doc.js';

const N = Number(process.argv[2] ?? 1000);
const data = resolve(defaultKbDir(), '../../shared/data/corpora');

async function firstLines(file: string, n: number): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
  for await (const line of lines) {
    if (line.trim()) rows.push(JSON.parse(line));
    if (rows.length >= n) break;
  }
  lines.close();
  return rows;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bench(name: string, rows: { text: string; title?: string; publishedAt?: string }[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-bench-'));
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const kb = loadKnowledgeBase();
  const report = () => {};
  const cleanTimes: number[] = [];
  const fullTimes: number[] = [];
  let articles: Doc[] = [];
  for (let run = 0; run < 3; run++) {
    let t = performance.now();
    let cleaned = 0;
    for await (const _ of cleanInputs([file], { report })) cleaned++;
    cleanTimes.push(performance.now() - t);
    t = performance.now();
    const out: Doc[] = [];
    for await (const doc of processInputs([file], { kb, report })) out.push(doc);
    fullTimes.push(performance.now() - t);
    articles = out;
    void cleaned;
  }
  const n = articles.length;
  const events = articles.reduce((s, a) => s + a.events.length, 0);
  const relations = articles.reduce((s, a) => s + a.relations.length, 0);
  const discovered = new Set(articles.flatMap((a) => a.mentions.filter((m) => m.method === 'pattern').map((m) => m.actorId)));
  const relevant = articles.filter((a) => a.relevance >= 0.3).length;
  const dated = articles.flatMap((a) => a.events).filter((e) => e.date).length;
  const full = median(fullTimes);
  const clean = median(cleanTimes);
  console.log(
    [
      `${name}: ${rows.length} stories in, ${n} articles out (${articles.filter((a) => a.duplicateOf).length} duplicates, ${articles.filter((a) => a.spun).length} spun)`,
      `  whole pipeline  ${((n / full) * 1000).toFixed(0)} articles/s (median ${full.toFixed(0)} ms of 3); cleaning alone ${((n / clean) * 1000).toFixed(0)} articles/s; extraction costs ${(full / clean).toFixed(1)}x cleaning`,
      `  per article     ${(events / n).toFixed(2)} events, ${(relations / n).toFixed(2)} relations; ${dated}/${events} events dated; ${discovered.size} discovered actors; relevance >= 0.3: ${relevant}/${n}`,
      `  memory          ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB resident`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  if (!existsSync(data)) {
    console.log(`pipeline-throughput: skipped, ${data} is absent (research corpora live in ../shared/data)`);
    return;
  }
  const reuters = await firstLines(join(data, 'reuters21578.jsonl.gz'), N);
  await bench(
    'reuters',
    reuters.map((r) => ({ title: String(r.title ?? ''), text: String(r.body ?? ''), publishedAt: reutersDate(String(r.date ?? '')) })).filter((r) => r.text.length > 200),
  );
  const tehran = await firstLines(join(data, 'tehran_times_early.jsonl.gz'), N);
  await bench('tehran-times', tehran.map((r) => ({ title: String(r.slug_title ?? ''), text: String(r.text ?? '') })).filter((r) => r.text.length > 200));
}

/** "26-FEB-1987 15:01:01.79" -> 1987-02-26 */
function reutersDate(raw: string): string | undefined {
  const m = /^(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(raw.trim());
  if (!m) return undefined;
  const month = 'JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC'.indexOf(m[2]) / 3 + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

await main();
