// Trains the NER on CoNLL-2003 eng.train and writes models/ner/en-ner.bin.gz; prints eng.testa figures
// (testb is held out elsewhere and never read). Deterministic (seed 7).
// With --re3d, also on all of ../shared/data/re3d-dev (bench/train/re3d.ts maps its types; bench/train/re3d-cv.ts
// cross-validates that by document).
// Run: npm run train:ner [-- --epochs N --keep W --re3d --repeat R --descriptions --no-clusters --no-gazetteer --name-folds K --no-augment --seed S --out PATH]
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sharedDataDir } from '../../src/core/paths.js';
import { loadClusters } from '../../src/nlp/clusters.js';
import { sharedAnalyzer } from '../../src/nlp/parser-component.js';
import { parseConll } from '../../src/nlp/ner/conll.js';
import { spansOf, tagsOf } from '../../src/nlp/ner/scheme.js';
import { Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import { DEFAULT_NER, EntityRecognizer } from '../../src/nlp/ner/recognizer.js';
import type { NerSentence } from '../../src/nlp/ner/train.js';
import { nerLabels, trainNerModel } from '../../src/nlp/ner/train.js';
import { gazetteerEntries } from '../../src/kb/gazetteer.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { scoreEntities, type EntityScores } from '../../src/nlp/learn/evaluate-ner.js';
import { readRe3d, re3dSentences, type Re3dDocument } from './re3d.js';

const arg = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
};

export function readConllDocuments(file: string): NerSentence[][] {
  const analyzer = sharedAnalyzer();
  return parseConll(readFileSync(file, 'utf8'), file).documents.map((d) =>
    d.sentences.map((s) => {
      const forms = s.tokens.map((t) => t.columns[0]);
      const gold = s.tokens.map((t) => t.columns.at(-1)!);
      return { forms, upos: analyzer.upos(forms), tags: tagsOf(spansOf(gold), forms.length, 'BILOU') };
    }),
  );
}

export interface NerTrainingRun {
  /** re3d-dev documents to train on beside eng.train (none: CoNLL alone). */
  re3d?: Re3dDocument[];
  /** How many times each re3d document is seen per epoch (it is 5% of the tokens otherwise). */
  repeat?: number;
  /** Train on re3d's descriptions ("the regime") too, not only its names. */
  descriptions?: boolean;
  epochs?: number;
  keep?: number;
  clusters?: boolean;
  gazetteer?: boolean;
  out: string;
  /** With re3d: give each domain its own copies of the main features (Daumé 2007); true unless told. */
  augment?: boolean;
  /** Shuffling seed (7 unless told). */
  seed?: number;
  /** Jackknife folds for the training data's names as a gazetteer (20 unless told; 0: the model reads none). */
  nameFolds?: number;
  /** Print eng.testa figures. */
  scoreTesta?: boolean;
  log?: (line: string) => void;
}

const conllCache = new Map<string, NerSentence[][]>();
const conll = (file: string) => conllCache.get(file) ?? conllCache.set(file, readConllDocuments(file)).get(file)!;

/** Trains one model on eng.train (and re3d documents when given), writes it to `out`; returns its testa scores when asked. */
export function trainDomainNer(run: NerTrainingRun): EntityScores | null {
  const shared = sharedDataDir();
  const dir = shared && join(shared, 'conll2003');
  if (!dir || !existsSync(join(dir, 'eng.train'))) throw new Error('train:ner: ../shared/data/conll2003/eng.train is absent');
  const t0 = performance.now();
  const log = run.log ?? console.log;
  const train = [...conll(join(dir, 'eng.train'))];
  const re3dDocs = (run.re3d ?? []).map((d) => re3dSentences(d, { descriptions: run.descriptions }));
  const conllCount = train.length;
  for (let r = 0; r < (run.repeat ?? 1); r++) train.push(...re3dDocs);
  // Domain copies (Daumé 2007) only when there are two domains to tell apart.
  const augment = re3dDocs.length > 0 && run.augment !== false;
  const domains = augment ? train.map((_, i) => (i < conllCount ? 'conll' : 're3d')) : undefined;
  const clusters = run.clusters === false ? null : loadClusters();
  const gazetteer = new Gazetteer(run.gazetteer === false ? [] : gazetteerEntries(loadKnowledgeBase()));
  const labels = nerLabels(['PER', 'ORG', 'LOC', 'MISC']);
  const epochs = run.epochs ?? 15;
  const keep = run.keep ?? 0.1;
  const nameFolds = run.nameFolds ?? 20;
  const seed = run.seed ?? 7;
  const { scorer, names } = trainNerModel(train, labels, { epochs, seed, clusters, gazetteer, keep, nameFolds, domains, log: run.scoreTesta ? log : undefined });
  const meta = {
    name: 'orbit-ner-en', version: '1', labels, clusters: clusters !== null,
    ...(names ? { names } : {}),
    ...(augment ? { domains: { trained: ['conll', 're3d'], news: 're3d' } } : {}),
    provenance: {
      data: 'CoNLL-2003 English eng.train (Reuters 1996; research use, never committed: weights only)' +
        (re3dDocs.length ? `; re3d-dev, ${re3dDocs.length} documents seen ${run.repeat ?? 1}x per epoch (Dstl; types mapped as bench/train/re3d.ts says${run.descriptions ? ', descriptions kept' : ', names only'})` : ''),
      gazetteer: `knowledge base names at run time (${gazetteer.size} at training)` + (names ? `; ${names.length} names of the training data, jackknifed over ${nameFolds} folds in training` : ''),
      command: 'npm run train:ner' + (re3dDocs.length ? ` -- --re3d --repeat ${run.repeat ?? 1}${run.descriptions ? ' --descriptions' : ''}` : ''),
      epochs, keep, seed, trained: new Date().toISOString().slice(0, 10),
    },
  };
  const recognizer = new EntityRecognizer(meta, { labels, scorer }, clusters, gazetteer);
  mkdirSync(dirname(run.out), { recursive: true });
  const bytes = recognizer.save(run.out, scorer);
  let s: EntityScores | null = null;
  if (run.scoreTesta) {
    s = scoreEntities(conll(join(dir, 'eng.testa')), (doc) => recognizer.recognize(doc, augment ? 'conll' : undefined));
    log(`eng.testa: F1 ${s.f1.toFixed(2)} (P ${s.precision.toFixed(2)}, R ${s.recall.toFixed(2)}); ${s.byType.map((t) => `${t.type} ${t.f1.toFixed(2)}`).join(', ')}`);
  }
  log(`${run.out}: ${(bytes / 2 ** 20).toFixed(2)} MB, ${scorer.featureCount} features${augment ? ', domains conll and re3d' : ''}; ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return s;
}

function main(): void {
  const shared = sharedDataDir();
  if (!shared || !existsSync(join(shared, 'conll2003', 'eng.train'))) return console.log('train:ner: skipped, ../shared/data/conll2003 is absent');
  const k = process.argv.indexOf('--out');
  const withRe3d = process.argv.includes('--re3d');
  trainDomainNer({
    re3d: withRe3d ? readRe3d(join(shared, 're3d-dev')) : undefined,
    repeat: arg('--repeat', 1),
    descriptions: process.argv.includes('--descriptions'),
    epochs: arg('--epochs', 15),
    keep: arg('--keep', 0.1),
    nameFolds: arg('--name-folds', 20),
    seed: arg('--seed', 7),
    augment: !process.argv.includes('--no-augment'),
    clusters: !process.argv.includes('--no-clusters'),
    gazetteer: !process.argv.includes('--no-gazetteer'),
    out: k >= 0 ? process.argv[k + 1] : DEFAULT_NER(),
    scoreTesta: true,
  });
}

if (process.argv[1]?.endsWith('train-ner.js')) main();
