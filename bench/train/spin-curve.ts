// Diagnostics: recall of WordNet spins (30%) at 1/2/5% false alarms on 800 held-out news bodies, for the
// detector's probability and for each document feature alone (ranking only, no threshold).
//   node dist/bench/train/spin-curve.js [model file, default the committed one]
import { join } from 'node:path';
import { modelsDir } from '../../src/core/paths.js';
import { SPIN_MODEL_FILE, readSpinModel } from '../../src/clean/spin.js';
import { SPIN_FEATURES, spinFeatures } from '../../src/clean/spin-features.js';
import { corporaDir, readNews, rng, spin, wordnetDir, wordnetTable } from './spin-data.js';
const model = readSpinModel(process.argv[2] ?? join(modelsDir(), SPIN_MODEL_FILE));
const docs = readNews(corporaDir()!).filter((d) => d.split === 'eval').filter((d) => spinFeatures(d.text, model.lm).at(-1)! > Math.log(81)).slice(0, 800);
const table = wordnetTable(wordnetDir()!);
const random = rng(5);
const real = docs.map((d) => spinFeatures(d.text, model.lm));
const spun = docs.map((d) => spinFeatures(spin(d.text, table, 0.3, random).text, model.lm));
const scores: Record<string, (x: Float64Array) => number> = { detector: (x) => model.probability(x) };
SPIN_FEATURES.forEach((f, k) => (scores[f] = (x) => x[k]));
for (const [name, s] of Object.entries(scores)) {
  const r = real.map(s).sort((a, b) => b - a);
  const p = spun.map(s);
  const at = (fa: number) => { const t = r[Math.floor(fa * r.length)]; return (p.filter((v) => v > t).length / p.length).toFixed(3); };
  console.log(`${name.padEnd(24)} R@1% ${at(0.01)} R@2% ${at(0.02)} R@5% ${at(0.05)}`);
}
