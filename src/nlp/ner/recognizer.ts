// The trained NER (models/ner/en-ner.bin.gz, made by `npm run train:ner`) as one object: load once,
// then label the sentences of a document in order (the document's memory carries from one to the next).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../../core/paths.js';
import { hashString } from '../perceptron/hash.js';
import { readModelFile, writeModelFile } from '../perceptron/model-file.js';
import type { CompactPerceptron } from '../perceptron/perceptron.js';
import { loadClusters, type ClusterLookup } from '../clusters.js';
import { WordAtomizer } from '../word-features.js';
import { decoder, labelDocument, namedElsewhere, spansOfIds, type Decoder, type NerModel } from './ner.js';
import { Gazetteer } from './gazetteer.js';
import type { TagSpan } from './scheme.js';

export interface NerMeta {
  name: string;
  version: string;
  labels: string[];
  clusters: boolean;
  provenance: Record<string, unknown>;
}

export const DEFAULT_NER = () => join(modelsDir(), 'ner', 'en-ner.bin.gz');

export class EntityRecognizer {
  private decode: Decoder;
  private atomizer: WordAtomizer;
  private uposHash = new Map<string, number>();

  constructor(readonly meta: NerMeta, model: NerModel, clusters: ClusterLookup | null, private gazetteer: Gazetteer) {
    this.decode = decoder(model);
    this.atomizer = new WordAtomizer(meta.clusters ? clusters : null);
  }

  /** The entity spans of each sentence of one document, given its words and their UPOS. */
  recognize(sentences: readonly { forms: readonly string[]; upos: readonly string[] }[]): TagSpan[][] {
    const named = namedElsewhere(sentences.map((s) => s.forms));
    const inputs = sentences.map((s, k) => ({
      atoms: this.atomizer.atomize(s.forms),
      upos: Int32Array.from(s.upos, (u) => this.hashUpos(u)),
      gazetteer: this.gazetteer.tags(s.forms),
      namedElsewhere: named[k],
    }));
    return labelDocument(this.decode, inputs).map((ids) => spansOfIds(this.meta.labels, ids));
  }

  private hashUpos(u: string): number {
    let h = this.uposHash.get(u);
    if (h === undefined) this.uposHash.set(u, (h = hashString('upos:' + u)));
    return h;
  }

  save(path: string, scorer: CompactPerceptron): number {
    return writeModelFile(path, this.meta, { ner: scorer });
  }

  static load(gazetteer: Gazetteer, path = DEFAULT_NER(), clusters: () => ClusterLookup | null = () => loadClusters()): EntityRecognizer {
    if (!existsSync(path)) throw new Error(`${path}: no NER model; train one with 'npm run train:ner'`);
    const { meta, perceptrons } = readModelFile<NerMeta>(path);
    return new EntityRecognizer(meta, { labels: meta.labels, scorer: perceptrons.ner }, meta.clusters ? clusters() : null, gazetteer);
  }
}
