// Trains the NER on CoNLL-2003 eng.train and writes models/ner/en-ner.bin.gz; prints eng.testa figures
// (testb is held out elsewhere and never read). Deterministic (seed 7).
// Run: npm run train:ner [-- --epochs N --no-clusters --no-gazetteer]
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sharedDataDir } from '../../src/core/paths.js';
import { loadClusters } from '../../src/nlp/clusters.js';
import { sharedAnalyzer } from '../../src/nlp/parser-component.js';
import { parseConll } from '../../src/nlp/ner/conll.js';
import { spansOf, tagsOf } from '../../src/nlp/ner/scheme.js';
import { Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import { DEFAULT_NER, EntityRecognizer } from '../../src/nlp/ner/recognizer.js';
import { nerLabels, trainNer, type NerSentence } from '../../src/nlp/learn/train-ner.js';
import { gazetteerEntries } from '../../src/kb/gazetteer.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { scoreEntities } from '../../src/nlp/learn/evaluate-ner.js';

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

function main(): void {
  const shared = sharedDataDir();
  const dir = shared && join(shared, 'conll2003');
  if (!dir || !existsSync(join(dir, 'eng.train'))) return console.log('train:ner: skipped, ../shared/data/conll2003 is absent');
  const t0 = performance.now();
  const train = readConllDocuments(join(dir, 'eng.train'));
  const dev = readConllDocuments(join(dir, 'eng.testa'));
  const clusters = process.argv.includes('--no-clusters') ? null : loadClusters();
  const gazetteer = new Gazetteer(process.argv.includes('--no-gazetteer') ? [] : gazetteerEntries(loadKnowledgeBase()));
  const labels = nerLabels(['PER', 'ORG', 'LOC', 'MISC']);
  const epochs = arg('--epochs', 15);
  const scorer = trainNer(train, labels, { epochs, seed: 7, clusters, gazetteer, keep: arg('--keep', 0.1), log: console.log });
  const meta = {
    name: 'orbit-ner-en', version: '1', labels, clusters: clusters !== null,
    provenance: {
      data: 'CoNLL-2003 English eng.train (Reuters 1996; research use, never committed: weights only)',
      gazetteer: `knowledge base names at run time (${gazetteer.size} at training)`,
      command: 'npm run train:ner', epochs, seed: 7, trained: new Date().toISOString().slice(0, 10),
    },
  };
  const recognizer = new EntityRecognizer(meta, { labels, scorer }, clusters, gazetteer);
  const s = scoreEntities(dev, (doc) => recognizer.recognize(doc));
  mkdirSync(dirname(DEFAULT_NER()), { recursive: true });
  const bytes = recognizer.save(DEFAULT_NER(), scorer);
  console.log(`eng.testa: F1 ${s.f1.toFixed(2)} (P ${s.precision.toFixed(2)}, R ${s.recall.toFixed(2)}); ${s.byType.map((t) => `${t.type} ${t.f1.toFixed(2)}`).join(', ')}`);
  console.log(`${DEFAULT_NER()}: ${(bytes / 2 ** 20).toFixed(2)} MB, ${scorer.featureCount} features; ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

if (process.argv[1]?.endsWith('train-ner.js')) main();
