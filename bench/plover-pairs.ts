// Event typing against an outside reference: the 1,050 PLV sentences (../shared/data/plover/PLV_train.tsv),
// each with a marked source and target and the gold PLOVER type (YIELD = CONCEDE or RETREAT), coded by
// `orbit code --pairs`'s function: the shipped coder, which was never trained on PLV (its terms allow
// evaluation only), so this is an out-of-sample figure.
// Prints accuracy over all sentences, how often a type is given at all, and accuracy by gold type.
// PLV has no licence file: it is read from ../shared for evaluation only and never copied here.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultKbDir } from '../src/kb/index.js';
import { codePair, parseMarkedPair, rulePair } from '../src/extract/pairs.js';

const file = resolve(defaultKbDir(), '../../shared/data/plover/PLV_train.tsv');

function main(): void {
  if (!existsSync(file)) {
    console.log(`plover-pairs: skipped, ${file} is absent (PLOVER data lives in ../shared/data/plover)`);
    return;
  }
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split(/\r?\n/).map((l) => l.split('\t'));
  const col = (name: string) => header.indexOf(name);
  const byType = new Map<string, { n: number; ok: number }>();
  let ok = 0, coded = 0, n = 0, ruleOk = 0;
  const started = performance.now();
  for (const row of rows) {
    const pair = parseMarkedPair(row[col('marked_sentence')]);
    if (!pair) continue;
    const { text, source, target } = pair;
    const gold = row[col('gold_root')];
    const { type } = codePair(text, source, target);
    const rule = rulePair(text, source, target).type;
    if (rule === gold || (gold === 'YIELD' && (rule === 'CONCEDE' || rule === 'RETREAT'))) ruleOk++;
    n++;
    if (type) coded++;
    const right = gold === 'YIELD' ? type === 'CONCEDE' || type === 'RETREAT' : type === gold;
    if (right) ok++;
    const t = byType.get(gold) ?? { n: 0, ok: 0 };
    t.n++;
    if (right) t.ok++;
    byType.set(gold, t);
  }
  const ms = performance.now() - started;
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(`PLV event typing: ${n} sentences with marked source and target (${file})`);
  console.log(`  accuracy ${pct(ok, n)}; a type given for ${pct(coded, n)}; accuracy where given ${pct(ok, coded)}; ${(ms / n).toFixed(2)} ms/sentence`);
  console.log(`  the trigger-lexicon rules alone (the coder's peer and one of its features): accuracy ${pct(ruleOk, n)}`);
  console.log(`  by gold type: ${[...byType].sort((a, b) => b[1].n - a[1].n).map(([t, s]) => `${t} ${pct(s.ok, s.n)} of ${s.n}`).join(', ')}`);
  console.log('  (majority-class baseline: YIELD, 13.4%)');
}

main();

