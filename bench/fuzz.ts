// Fuzzing the cleaner and the extractor (issue 10): real pages (the Article Extraction Benchmark's
// HTML, Tehran Times text) mutated at random — spans deleted, duplicated, bytes of noise, unclosed and
// stray tags, deep nesting, a line repeated a thousand times, cut short — run through cleaning and
// every document component for a bounded time. Prints crashes (none expected: a bad page is a
// message, never an exception) and the slowest inputs per KB, which would show super-linear cost.
// Run: node dist/bench/fuzz.js [seconds, default 60] [seed, default 1]
import { readdirSync, readFileSync, existsSync, createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { cleanPage } from '../src/clean/index.js';
import { defaultKbDir, loadKnowledgeBase } from '../src/kb/index.js';
import { createPipeline } from '../src/pipeline/component.js';
import { DOCUMENT_COMPONENTS, GIVEN_LAYERS } from '../src/pipeline/components.js';
import type { RawPage } from '../src/model/types.js';

const SECONDS = Number(process.argv[2] ?? 60);
let seed = Number(process.argv[3] ?? 1);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const int = (n: number) => Math.floor(random() * n);
const data = resolve(defaultKbDir(), '../../shared/data');

type Mutation = { name: string; apply: (s: string) => string };
const span = (s: string) => { const a = int(s.length); return [a, Math.min(s.length, a + 1 + int(2000))] as const; };
const MUTATIONS: Mutation[] = [
  { name: 'delete a span', apply: (s) => { const [a, b] = span(s); return s.slice(0, a) + s.slice(b); } },
  { name: 'duplicate a span', apply: (s) => { const [a, b] = span(s); return s.slice(0, b) + s.slice(a, b).repeat(1 + int(20)) + s.slice(b); } },
  { name: 'noise bytes', apply: (s) => { const a = int(s.length); return s.slice(0, a) + Array.from({ length: 1 + int(500) }, () => String.fromCharCode(int(0x3000))).join('') + s.slice(a); } },
  { name: 'unclosed tags', apply: (s) => { const a = int(s.length); return s.slice(0, a) + '<div><p><table><tr><td><b>'.repeat(1 + int(200)) + s.slice(a); } },
  { name: 'stray closing tags', apply: (s) => { const a = int(s.length); return s.slice(0, a) + '</div></p></table></html>'.repeat(1 + int(200)) + s.slice(a); } },
  { name: 'deep nesting', apply: (s) => { const a = int(s.length); const n = 500 + int(5000); return s.slice(0, a) + '<div>'.repeat(n) + s.slice(a) + '</div>'.repeat(n); } },
  { name: 'a line 1000 times', apply: (s) => { const lines = s.split('\n'); const line = lines[int(lines.length)]; return s + ('\n' + line).repeat(1000); } },
  { name: 'cut short', apply: (s) => s.slice(0, int(s.length)) },
  { name: 'no line breaks', apply: (s) => s.replace(/\n+/g, ' ') },
  { name: 'every space a newline', apply: (s) => s.replace(/ /g, '\n') },
];

async function tehranTexts(n: number): Promise<string[]> {
  const texts: string[] = [];
  const lines = createInterface({ input: createReadStream(join(data, 'corpora/tehran_times_early.jsonl.gz')).pipe(createGunzip()) });
  for await (const line of lines) {
    texts.push(String((JSON.parse(line) as { text?: string }).text ?? ''));
    if (texts.length >= n) break;
  }
  lines.close();
  return texts;
}

if (!existsSync(join(data, 'aeb/html'))) {
  console.log(`fuzz: skipped, ${data}/aeb is absent (research data lives in ../shared/data)`);
} else {
  const html = readdirSync(join(data, 'aeb/html')).sort().slice(0, 60).map((f) => gunzipSync(readFileSync(join(data, 'aeb/html', f))).toString('utf8'));
  const texts = await tehranTexts(60);
  const kb = loadKnowledgeBase();
  const pipeline = createPipeline(DOCUMENT_COMPONENTS, GIVEN_LAYERS, { kb });
  const results: { mutation: string; format: string; kb: number; ms: number }[] = [];
  const crashes: string[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  let cases = 0;
  while (performance.now() < deadline) {
    const isHtml = random() < 0.5;
    const source = isHtml ? html[int(html.length)] : texts[int(texts.length)];
    const mutation = MUTATIONS[int(MUTATIONS.length)];
    const content = mutation.apply(source);
    const page: RawPage = { uri: `fuzz-${cases}`, part: 0, format: isHtml ? 'html' : 'text', content, title: null, url: null, publishedAt: null, outlet: null };
    const started = performance.now();
    try {
      const { docs } = cleanPage(page);
      for (const doc of docs) pipeline.run(doc);
    } catch (error) {
      crashes.push(`${mutation.name} on ${page.format} (${(content.length / 1024).toFixed(0)} KB): ${(error as Error).message}`);
    }
    results.push({ mutation: mutation.name, format: page.format, kb: content.length / 1024, ms: performance.now() - started });
    cases++;
  }
  const perKb = results.map((r) => ({ ...r, msPerKb: r.ms / Math.max(r.kb, 1) })).sort((a, b) => b.msPerKb - a.msPerKb);
  const median = perKb[Math.floor(perKb.length / 2)]?.msPerKb ?? 0;
  console.log(`fuzz: ${cases} mutated real pages in ${SECONDS} s (seed ${process.argv[3] ?? 1}); crashes: ${crashes.length}`);
  for (const crash of crashes.slice(0, 10)) console.log(`  crash: ${crash}`);
  console.log(`  median ${median.toFixed(2)} ms/KB; slowest per KB:`);
  for (const r of perKb.slice(0, 5)) console.log(`    ${r.msPerKb.toFixed(2).padStart(8)} ms/KB  ${r.ms.toFixed(0).padStart(6)} ms  ${r.kb.toFixed(0).padStart(5)} KB  ${r.format}  ${r.mutation}`);
  const slowest = [...results].sort((a, b) => b.ms - a.ms)[0];
  if (slowest) console.log(`  slowest input: ${slowest.ms.toFixed(0)} ms for ${slowest.kb.toFixed(0)} KB (${slowest.format}, ${slowest.mutation})`);
}
