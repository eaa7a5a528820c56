// The trained NER (models/ner/en-ner.bin.gz, made by `npm run train:ner`) as one object: load once,
// then label the sentences of a document in order (the document's memory carries from one to the next).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../../core/paths.js';
import { readModelFile, writeModelFile } from '../perceptron/model-file.js';
import type { CompactPerceptron } from '../perceptron/perceptron.js';
import { loadClusters, type ClusterLookup } from '../clusters.js';
import { decoder, labelDocument, spansOfIds, type Decoder, type NerModel } from './ner.js';
import { Gazetteer, type GazetteerEntry } from './gazetteer.js';
import { NAMES_CHANNEL } from './names.js';
import { NerInputBuilder } from './inputs.js';
import type { TagSpan } from './scheme.js';

export interface NerMeta {
  name: string;
  version: string;
  labels: string[];
  clusters: boolean;
  /** Domains it was trained with separate feature copies for (Daumé 2007), and the one it reads news as. */
  domains?: { trained: string[]; news: string };
  /** The training data's names, read as a gazetteer of their own (src/nlp/ner/names.ts); absent in older models. */
  names?: GazetteerEntry[];
  provenance: Record<string, unknown>;
}

/** models/ner/en-ner.bin.gz, or $ORBIT_NER_MODEL (how the re3d cross-validation runs the pipeline with a fold's model). */
export const DEFAULT_NER = () => process.env.ORBIT_NER_MODEL || join(modelsDir(), 'ner', 'en-ner.bin.gz');

export class EntityRecognizer {
  private decode: Decoder;
  private inputs: NerInputBuilder;

  constructor(readonly meta: NerMeta, model: NerModel, clusters: ClusterLookup | null, gazetteer: Gazetteer) {
    this.decode = decoder(model);
    this.inputs = new NerInputBuilder(meta.clusters ? clusters : null, gazetteer, meta.names ? new Gazetteer(meta.names, NAMES_CHANNEL) : null);
  }

  /**
   * The entity spans of each sentence of one document, given its words and their UPOS. `domain`: which
   * domain's feature copies to read ("conll" for CoNLL-2003 text); news (meta.domains.news) unless told.
   */
  recognize(sentences: readonly { forms: readonly string[]; upos: readonly string[] }[], domain?: string): TagSpan[][] {
    const d = this.meta.domains;
    if (domain && d && !d.trained.includes(domain)) throw new Error(`NER: no domain "${domain}" in this model (it has ${d.trained.join(', ')})`);
    const inputs = this.inputs.document(sentences, { domain: d ? domain ?? d.news : null });
    return labelDocument(this.decode, inputs).map((ids) => spansOfIds(this.meta.labels, ids));
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
