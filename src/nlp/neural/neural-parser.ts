// The trained neural parser (a file written by `npm run train:parser:neural`) behind a words-in,
// analysis-out interface: UPOS, 0-based heads (-1 for the root) and relations of each word.
import { join } from 'node:path';
import { modelsDir } from '../../core/paths.js';
import type { ClusterLookup } from '../clusters.js';
import type { BiaffineNetwork, Prediction } from './biaffine-parser.js';
import { readNeuralParser, type NeuralParserMeta } from './model-io.js';
import { InputEncoder } from './word-inputs.js';

/** Where `npm run train:parser:neural` results are shipped, when they are. */
export const DEFAULT_NEURAL_MODEL = () => join(modelsDir(), 'parser', 'en-ud-neural.onn.gz');

export interface NeuralAnalysis {
  upos: string[];
  head: Int32Array;
  deprel: string[];
}

export class NeuralParser {
  private encoder: InputEncoder;

  constructor(readonly meta: NeuralParserMeta, private net: BiaffineNetwork, clusters: ClusterLookup | null) {
    if (meta.clusters && !clusters) throw new Error('the neural parser was trained with word clusters; load them with it');
    this.encoder = new InputEncoder(meta.vocabulary, meta.clusters ? clusters : null);
  }

  static load(path: string, clusters: ClusterLookup | null): NeuralParser {
    const { meta, net } = readNeuralParser(path);
    return new NeuralParser(meta, net, clusters);
  }

  predict(forms: readonly string[]): Prediction {
    return this.net.predict(this.encoder.encode(forms));
  }

  analyze(forms: readonly string[]): NeuralAnalysis {
    const p = this.predict(forms);
    return {
      upos: Array.from(p.upos, (k) => this.meta.upos[k]),
      head: p.heads,
      deprel: Array.from(p.labels, (k) => this.meta.labels[k]),
    };
  }
}
