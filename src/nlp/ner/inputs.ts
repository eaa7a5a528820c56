// What the NER reads of one document, computed once per sentence as integers: the shared word atoms
// (forms, shapes, affixes, cluster prefixes of 4, 6 and 10 bits), more cluster prefixes of its own,
// the tagger's UPOS, gazetteer matches and whether the document writes each word as a name elsewhere.
// Training and the recognizer both build their inputs here, so the two never drift apart.
import { hashString } from '../perceptron/hash.js';
import type { ClusterLookup } from '../clusters.js';
import { WordAtomizer } from '../word-features.js';
import type { Gazetteer } from './gazetteer.js';
import { namedElsewhere, type NerInput } from './ner.js';

/** Cluster-path prefix lengths the NER adds to the shared atoms' 4, 6 and 10 (Ratinov & Roth use 4 to 20). */
export const EXTRA_CLUSTER_BITS = [8, 12, 14] as const;

export class NerInputBuilder {
  private atomizer: WordAtomizer;
  private extraCache = new Map<string, Int32Array>();
  private uposHash = new Map<string, number>();

  constructor(private clusters: ClusterLookup | null, private gazetteer: Gazetteer) {
    this.atomizer = new WordAtomizer(clusters);
  }

  /** One document's sentences (words and their UPOS), as the NER's inputs, in order. */
  document(sentences: readonly { forms: readonly string[]; upos: readonly string[] }[]): Omit<NerInput, 'memory'>[] {
    const named = namedElsewhere(sentences.map((s) => s.forms));
    return sentences.map((s, k) => ({
      atoms: this.atomizer.atomize(s.forms),
      clusterBits: EXTRA_CLUSTER_BITS.map((_, b) => Int32Array.from(s.forms, (f) => this.extra(f)[b])),
      upos: Int32Array.from(s.upos, (u) => this.hashUpos(u)),
      gazetteer: this.gazetteer.tags(s.forms),
      namedElsewhere: named[k],
    }));
  }

  private extra(form: string): Int32Array {
    let v = this.extraCache.get(form);
    if (v) return v;
    // bounded, as the shared atomizer's cache is: a stream of new names must not grow it forever
    if (this.extraCache.size >= 50_000) this.extraCache.clear();
    const path = this.clusters ? this.clusters(form) : null;
    v = Int32Array.from(EXTRA_CLUSTER_BITS, (bits) => (path === null ? 0 : hashString(`c${bits}:${path.slice(0, bits)}`)));
    this.extraCache.set(form, v);
    return v;
  }

  private hashUpos(u: string): number {
    let h = this.uposHash.get(u);
    if (h === undefined) this.uposHash.set(u, (h = hashString('upos:' + u)));
    return h;
  }
}
