// What the NER reads of one document, computed once per sentence as integers: the shared word atoms
// (forms, shapes, affixes, cluster prefixes), the tagger's UPOS, the knowledge base's and the training
// data's gazetteer matches, and whether the document writes each word as a name elsewhere.
// Training and the recognizer both build their inputs here, so the two never drift apart.
import { hashString } from '../perceptron/hash.js';
import type { ClusterLookup } from '../clusters.js';
import { WordAtomizer } from '../word-features.js';
import type { Gazetteer } from './gazetteer.js';
import { namedElsewhere, type NerInput } from './ner.js';

export class NerInputBuilder {
  private atomizer: WordAtomizer;
  private uposHash = new Map<string, number>();

  /** `names`: the training data's names (a Gazetteer on its own channel), when the model reads them. */
  constructor(clusters: ClusterLookup | null, private gazetteer: Gazetteer, private names: Gazetteer | null = null) {
    this.atomizer = new WordAtomizer(clusters);
  }

  /**
   * One document's sentences (words and their UPOS), as the NER's inputs, in order. `names` replaces
   * the builder's (training reads jackknifed ones); `domain` turns on that domain's feature copies.
   */
  document(sentences: readonly { forms: readonly string[]; upos: readonly string[] }[], options: { names?: Gazetteer | null; domain?: string | null } = {}): Omit<NerInput, 'memory'>[] {
    const names = options.names === undefined ? this.names : options.names;
    const domain = options.domain ? hashString('domain:' + options.domain) : 0;
    const named = namedElsewhere(sentences.map((s) => s.forms));
    return sentences.map((s, k) => ({
      atoms: this.atomizer.atomize(s.forms),
      upos: Int32Array.from(s.upos, (u) => this.hashUpos(u)),
      gazetteer: this.gazetteer.tags(s.forms),
      namedElsewhere: named[k],
      ...(names ? { names: names.tags(s.forms) } : {}),
      ...(domain ? { domain } : {}),
    }));
  }

  private hashUpos(u: string): number {
    let h = this.uposHash.get(u);
    if (h === undefined) this.uposHash.set(u, (h = hashString('upos:' + u)));
    return h;
  }
}
