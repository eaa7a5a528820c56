// Picks the real documents for the hand-annotated development gold (issue 6, item 6) and writes each
// one's text, numbered by paragraph, to a work folder for annotators. Deterministic (seed 6), so the
// same 60 documents come out on every machine: 40 Tehran Times stories that mention Iraq (400-5000
// characters, the licence footer dropped) and 20 of the 61 re3d-dev documents.
// Run: node bench/gold/select-real-docs.mjs [OUT_DIR]   (default /tmp/orbit-real-gold)
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '../../../shared/data');
const out = resolve(process.argv[2] ?? '/tmp/orbit-real-gold');
const FOOTER = /\s*All Content by Mehr News Agency is licensed under[^.]*\.\s*$/;

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}
function shuffle(items, random) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const random = rng(6);
const tehran = gunzipSync(readFileSync(join(shared, 'corpora/tehran_times_early.jsonl.gz')))
  .toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  .map((r) => ({ ...r, text: r.text.replace(FOOTER, '') }))
  .filter((r) => /\bIraq/.test(r.text) && r.text.length >= 400 && r.text.length <= 5000);
const re3d = [];
for (const source of readdirSync(join(shared, 're3d-dev')).sort()) {
  let lines;
  try { lines = readFileSync(join(shared, 're3d-dev', source, 'documents.json'), 'utf8'); } catch { continue; }
  for (const l of lines.split('\n').filter((x) => x.trim())) re3d.push({ source, ...JSON.parse(l) });
}
re3d.sort((a, b) => a._id.localeCompare(b._id));

const docs = [
  ...shuffle(tehran, random).slice(0, 40).map((r) => ({ doc: `tehran-times:${r.id}`, title: r.slug_title, url: r.url, text: r.text })),
  ...shuffle(re3d, random).slice(0, 20).map((r) => ({ doc: `re3d:${r._id}`, title: r.title, url: r.sourceUrl, text: r.text })),
];
mkdirSync(out, { recursive: true });
docs.forEach((d, i) => {
  d.half = i % 2 === 0 ? 'A' : 'B';
  const name = d.doc.replace(':', '-');
  writeFileSync(join(out, `${name}.txt`), `doc: ${d.doc}\nhalf: ${d.half}\ntitle: ${d.title}\nurl: ${d.url}\n\n${d.text.trim()}\n`);
});
writeFileSync(join(out, 'docs.json'), JSON.stringify(docs.map(({ doc, half, title, url }) => ({ doc, half, title, url })), null, 1));
console.log(`${docs.length} documents written to ${out} (${tehran.length} Tehran Times candidates, ${re3d.length} re3d-dev)`);
