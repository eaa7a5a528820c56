// Scratch: recall of wordnet spins at fixed false-alarm rates on the held-out split, per score.
import { readSpinModel } from '../../src/clean/spin.js';
import { SPIN_FEATURES, spinFeatures } from '../../src/clean/spin-features.js';
import { corporaDir, readNews, rng, spin, wordnetDir, wordnetTable } from './spin-data.js';
const model = readSpinModel(process.argv[2]);
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
  const pr = spun.map(s).sort((a,b)=>a-b);
  console.log(`${name.padEnd(24)} R@1% ${at(0.01)} R@2% ${at(0.02)} R@5% ${at(0.05)}`);
}
