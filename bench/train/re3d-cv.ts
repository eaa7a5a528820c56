// Cross-validates the domain-adapted NER on re3d-dev by document: 5 folds; for each, a model trained
// on CoNLL-2003 eng.train and the other 4 folds, then the held-out fold run through `orbit extract`
// with that model and scored as ../shared/tools/re3d-dev-score.mjs scores mentions (Person and
// Organisation recall; precision against every Person, Organisation, Location and Nationality).
// Prints each fold and the mean over folds.
// Run: npm run build && node dist/bench/train/re3d-cv.js [--repeat R] [--descriptions] [--baseline] [--epochs N] [--no-augment] [--verbose]
//   --baseline scores the shipped models/ner model on the same folds (no training).
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { repoRoot, sharedDataDir } from '../../src/core/paths.js';
import { readRe3d, foldOf, isNameLike, type Re3dDocument } from './re3d.js';
import { trainDomainNer } from './train-ner.js';

const FOLDS = 5;
const arg = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
};

// The shared scorer's matching, word for word: normalised surfaces, one inside the other.
const norm = (s: string) => (s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[\u2018\u2019'`]/g, '').replace(/[-_.,()]/g, ' ').replace(/\b(the|al|el)\b/g, ' ').replace(/\s+/g, ' ').trim();
const overlaps = (a: string, b: string) => !!a && !!b && (a === b || a.includes(b) || b.includes(a));

interface FoldScore { found: number; gold: number; precise: number; mentions: number; missedNames: string[]; missedOther: number; wrong: string[] }

function scoreFold(docs: Re3dDocument[], model: string | null, work: string, fold: number): FoldScore {
  const file = join(work, `fold${fold}.jsonl`);
  writeFileSync(file, docs.map((d) => JSON.stringify({ url: `re3d:${d.id}`, title: d.title, text: d.text })).join('\n') + '\n');
  const env = { ...process.env, ...(model ? { ORBIT_NER_MODEL: model } : {}) };
  const r = spawnSync(process.execPath, [join(repoRoot(), 'bin', 'orbit.js'), 'extract', file, '--json', '--threads', '1'], { encoding: 'utf8', maxBuffer: 1 << 30, env });
  if (r.status !== 0) throw new Error(`orbit extract on fold ${fold} failed: ${(r.stderr || r.stdout).trim().split('\n').at(-1)}`);
  const out = JSON.parse(r.stdout) as { articles: { url?: string; mentions?: { text: string }[] }[] };
  const mentionsOf = new Map(out.articles.map((a) => [(a.url ?? '').replace(/^re3d:/, ''), (a.mentions ?? []).map((m) => norm(m.text))]));
  const s: FoldScore = { found: 0, gold: 0, precise: 0, mentions: 0, missedNames: [], missedOther: 0, wrong: [] };
  for (const d of docs) {
    const mentions = mentionsOf.get(d.id) ?? [];
    for (const e of d.entities.filter((e) => e.type === 'Person' || e.type === 'Organisation')) {
      s.gold++;
      if (mentions.some((m) => overlaps(m, norm(e.value)))) s.found++;
      else if (isNameLike(e.value)) s.missedNames.push(e.value);
      else s.missedOther++;
    }
    const any = d.entities.filter((e) => ['Person', 'Organisation', 'Location', 'Nationality'].includes(e.type)).map((e) => norm(e.value));
    for (const m of mentions) (s.mentions++, any.some((g) => overlaps(m, g)) ? s.precise++ : s.wrong.push(m));
  }
  return s;
}

function main(): void {
  const shared = sharedDataDir();
  if (!shared || !existsSync(join(shared, 're3d-dev')) || !existsSync(join(shared, 'conll2003', 'eng.train'))) return console.log('re3d-cv: skipped, ../shared/data/re3d-dev or conll2003 is absent');
  const re3d = readRe3d(join(shared, 're3d-dev'));
  const baseline = process.argv.includes('--baseline');
  const work = mkdtempSync(join(tmpdir(), 'ner-re3d-cv-'));
  const scores: FoldScore[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const held = re3d.filter((_, i) => foldOf(i, FOLDS) === f);
    let model: string | null = null;
    if (!baseline) {
      model = join(work, `fold${f}.bin.gz`);
      trainDomainNer({
        re3d: re3d.filter((_, i) => foldOf(i, FOLDS) !== f), repeat: arg('--repeat', 1), descriptions: process.argv.includes('--descriptions'),
        epochs: arg('--epochs', 15), keep: arg('--keep', 0.1), augment: !process.argv.includes('--no-augment'), out: model, scoreTesta: false,
      });
    }
    const s = scoreFold(held, model, work, f);
    scores.push(s);
    console.log(`fold ${f + 1}/${FOLDS} (${held.length} docs): recall ${((100 * s.found) / s.gold).toFixed(1)}% (${s.found}/${s.gold}), precision ${((100 * s.precise) / Math.max(1, s.mentions)).toFixed(1)}% (${s.precise}/${s.mentions}); missed ${s.missedNames.length} names, ${s.missedOther} pronouns and descriptions`);
    if (process.argv.includes('--verbose')) console.log(`  missed names: ${s.missedNames.join(' | ')}\n  mentions matching no gold entity: ${s.wrong.join(' | ')}`);
  }
  const mean = (f: (s: FoldScore) => number) => (100 * sum(f)) / scores.length;
  const sum = (f: (s: FoldScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const pooled = { found: sum((s) => s.found), gold: sum((s) => s.gold), precise: sum((s) => s.precise), mentions: sum((s) => s.mentions) };
  console.log(`re3d-dev ${FOLDS}-fold CV by document (${baseline ? `${process.env.ORBIT_NER_MODEL || 'the shipped model'}, not trained on re3d` : 'CoNLL eng.train + 4 folds'}): mean recall ${mean((s) => s.found / s.gold).toFixed(1)}%, mean precision ${mean((s) => s.precise / Math.max(1, s.mentions)).toFixed(1)}%; pooled ${((100 * pooled.found) / pooled.gold).toFixed(1)}% / ${((100 * pooled.precise) / pooled.mentions).toFixed(1)}%`);
}

if (process.argv[1]?.endsWith('re3d-cv.js')) main();
