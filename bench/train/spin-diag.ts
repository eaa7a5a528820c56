// Scratch: feature distributions of real bodies and spins (not part of the build's products).
import { join } from 'node:path';
import { modelsDir } from '../../src/core/paths.js';
import { readSpinModel, SPIN_MODEL_FILE } from '../../src/clean/spin.js';
import { SPIN_FEATURES, spinFeatures } from '../../src/clean/spin-features.js';
import { clusterTable, corporaDir, handTable, readNews, rng, spin, wordnetDir, wordnetTable } from './spin-data.js';

const model = readSpinModel(process.argv[2] ?? join(modelsDir(), SPIN_MODEL_FILE));
const docs = readNews(corporaDir()!).filter((d) => d.split === 'classifier').slice(0, 600);
const tables = { cluster: clusterTable(), wordnet: wordnetTable(wordnetDir()!), hand: handTable() };
const random = rng(1);
const rows: Record<string, Float64Array[]> = { real: [] };
const rates: Record<string, number[]> = {};
for (const d of docs) {
  const f = spinFeatures(d.text, model.lm);
  if (Math.exp(f[f.length - 1]) < 80) continue;
  rows.real.push(f);
  for (const [name, t] of Object.entries(tables)) {
    const s = spin(d.text, t, 0.3, random);
    (rows[name] ??= []).push(spinFeatures(s.text, model.lm));
    (rates[name] ??= []).push(s.rate);
  }
}
const q = (a: number[], p: number) => a.slice().sort((x, y) => x - y)[Math.floor(p * (a.length - 1))];
for (const [name, r] of Object.entries(rows)) {
  console.log(name, rates[name] ? `rate mean ${(rates[name].reduce((a, b) => a + b, 0) / rates[name].length).toFixed(3)}` : '');
  SPIN_FEATURES.forEach((f, k) => {
    const v = r.map((x) => x[k]);
    console.log(`  ${f.padEnd(24)} p10 ${q(v, 0.1).toFixed(3)} p50 ${q(v, 0.5).toFixed(3)} p90 ${q(v, 0.9).toFixed(3)} p99 ${q(v, 0.99).toFixed(3)}`);
  });
}
const d = docs.find((x) => x.source === 'tehran' && x.text.length > 800) ?? docs[0];
for (const [name, t] of Object.entries(tables)) console.log(name, spin(d.text, t, 0.3, random).text.slice(0, 500));
