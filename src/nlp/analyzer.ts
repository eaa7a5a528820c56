// The trained English analyser: sentence splitter, tagger, lemmatizer and dependency parser from one model file
// (models/parser/en-ud.bin.gz, made by `npm run train:parser`), loaded once per process.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { modelsDir } from '../core/paths.js';
import { hashString } from './perceptron/hash.js';
import { readModelFile, writeModelFile } from './perceptron/model-file.js';
import type { CompactPerceptron, Scorer } from './perceptron/perceptron.js';
import { splitIntoSentences, type SentenceSpan } from './sentence-splitter.js';
import { tagIds, uposOf, xposOf, type TaggerModel } from './tagger.js';
import { parse, parserInput, type ParserModel } from './parser.js';
import { Lemmatizer, type LemmatizerTables } from './lemmatizer.js';
import { WordAtomizer } from './word-features.js';
import { loadClusters, type ClusterLookup } from './clusters.js';
import { DEFAULT_NEURAL_MODEL, NeuralParser } from './neural/neural-parser.js';

export interface AnalyzerMeta {
  name: string;
  version: string;
  /** Whether the features include word clusters (models/clusters), which must then be loaded too. */
  clusters: boolean;
  tags: string[];
  dictionary: [string, number][];
  ambiguity: [string, number][];
  labels: string[];
  lemmatizer: LemmatizerTables;
  /** Data, licence, command and figures, as the provenance note says. */
  provenance: Record<string, unknown>;
}

export interface Analysis {
  lemma: string[];
  upos: string[];
  xpos: string[];
  /** 0-based head per word, -1 for the root. */
  head: Int32Array;
  deprel: string[];
}

export interface Tagging {
  /** The tagger's class ids ("UPOS|XPOS" pairs). */
  ids: Int32Array;
  upos: string[];
  xpos: string[];
  lemma: string[];
}

export const DEFAULT_MODEL = () => join(modelsDir(), 'parser', 'en-ud.bin.gz');

export class Analyzer {
  private atomizer: WordAtomizer;
  private lemmatizer: Lemmatizer;
  private tagHash: Int32Array;
  private uposHash: Int32Array;
  private uposOfTag: string[];
  private xposOfTag: string[];
  private scores: Float64Array;
  private tagIndex: Map<string, number>;

  constructor(
    readonly meta: AnalyzerMeta,
    private tagger: TaggerModel,
    private parser: ParserModel,
    private sentenceModel: Scorer,
    clusters: ClusterLookup | null,
    /** The BiLSTM + biaffine parser (src/nlp/neural), when shipped: it then gives heads and relations. */
    private neural: NeuralParser | null = null,
  ) {
    if (meta.clusters && !clusters) throw new Error(`the ${meta.name} model was trained with word clusters; load them with it`);
    this.atomizer = new WordAtomizer(meta.clusters ? clusters : null);
    this.lemmatizer = new Lemmatizer(meta.lemmatizer);
    this.tagHash = Int32Array.from(tagger.tags, (t) => hashString(t));
    this.uposHash = Int32Array.from(tagger.tags, (t) => hashString(uposOf(t)));
    this.uposOfTag = tagger.tags.map(uposOf);
    this.xposOfTag = tagger.tags.map(xposOf);
    this.scores = new Float64Array(tagger.tags.length);
    this.tagIndex = new Map(tagger.tags.map((t, i) => [t, i]));
  }

  /** Tags only, as "UPOS|XPOS" class ids: for callers that need no parse. */
  tagIds(forms: readonly string[]): Int32Array {
    return tagIds(this.tagger, forms, this.atomizer.atomize(forms), this.scores);
  }

  /** UPOS of each word, from the tagger alone (what the NER reads). */
  upos(forms: readonly string[]): string[] {
    return Array.from(this.tagIds(forms), (id) => this.uposOfTag[id]);
  }

  /** Sentences of a text, with their UD words; a line break always ends one. */
  sentences(text: string): SentenceSpan[] {
    return splitIntoSentences(this.sentenceModel, text);
  }

  /** Which parser gives heads and relations. */
  get parserKind(): 'neural' | 'perceptron' {
    return this.neural ? 'neural' : 'perceptron';
  }

  get tags(): readonly string[] {
    return this.tagger.tags;
  }

  analyze(forms: readonly string[]): Analysis {
    return this.parseTagged(forms, this.tag(forms));
  }

  /** Tags and lemmas alone: what every sentence gets; the parse is for those extraction reads. */
  tag(forms: readonly string[]): Tagging {
    const n = forms.length;
    const ids = tagIds(this.tagger, forms, this.atomizer.atomize(forms), this.scores);
    const upos = new Array<string>(n);
    const xpos = new Array<string>(n);
    const lemma = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      upos[i] = this.uposOfTag[ids[i]];
      xpos[i] = this.xposOfTag[ids[i]];
      lemma[i] = this.lemmatizer.lemma(forms[i], xpos[i]);
    }
    return { ids, upos, xpos, lemma };
  }

  /** The class id of a "UPOS|XPOS" pair the tagger gave (-1 for a pair it never gives). */
  tagId(upos: string, xpos: string): number {
    return this.tagIndex.get(`${upos}|${xpos}`) ?? -1;
  }

  /** Heads and relations of tagged words. */
  parseTagged(forms: readonly string[], tagging: Tagging): Analysis {
    const n = forms.length;
    if (this.neural) {
      const a = this.neural.analyze(forms);
      return { lemma: tagging.lemma, upos: tagging.upos, xpos: tagging.xpos, head: a.head, deprel: a.deprel };
    }
    const atoms = this.atomizer.atomize(forms);
    const tagH = new Int32Array(n);
    const uposH = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      tagH[i] = this.tagHash[tagging.ids[i]];
      uposH[i] = this.uposHash[tagging.ids[i]];
    }
    const result = n ? parse(this.parser, parserInput(atoms, tagH, uposH)) : { heads: new Int32Array(0), labels: new Int32Array(0) };
    const deprel = new Array<string>(n);
    for (let i = 0; i < n; i++) deprel[i] = this.parser.labels[result.labels[i]];
    return { lemma: tagging.lemma, upos: tagging.upos, xpos: tagging.xpos, head: result.heads, deprel };
  }

  save(path: string): number {
    const perceptrons = {
      tagger: this.tagger.scorer as CompactPerceptron,
      ...(this.tagger.backward ? { taggerBackward: this.tagger.backward as CompactPerceptron } : {}),
      moves: this.parser.moves as CompactPerceptron,
      labeller: this.parser.labeller as CompactPerceptron,
      sentences: this.sentenceModel as CompactPerceptron,
    };
    return writeModelFile(path, this.meta, perceptrons);
  }

  /** The model at `path`, with the committed word clusters when it was trained with them. */
  static load(path = DEFAULT_MODEL(), clusters: () => ClusterLookup | null = () => loadClusters()): Analyzer {
    if (!existsSync(path)) throw new Error(`${path}: no parser model; train one with 'npm run train:parser'`);
    const { meta, perceptrons } = readModelFile<AnalyzerMeta>(path);
    const tagger: TaggerModel = { tags: meta.tags, dictionary: new Map(meta.dictionary), ambiguity: new Map(meta.ambiguity), scorer: perceptrons.tagger, backward: perceptrons.taggerBackward };
    const parser: ParserModel = { labels: meta.labels, moves: perceptrons.moves, labeller: perceptrons.labeller };
    const neuralPath = DEFAULT_NEURAL_MODEL();
    const neural = path === DEFAULT_MODEL() && existsSync(neuralPath) ? NeuralParser.load(neuralPath, loadClusters()) : null;
    return new Analyzer(meta, tagger, parser, perceptrons.sentences, meta.clusters ? clusters() : null, neural);
  }
}
