// Entity F1 as conlleval counts it: a predicted span is right when its words and type are exactly a gold span's.
import { spansOf, type TagSpan } from '../ner/scheme.js';
import type { NerSentence } from '../ner/train.js';

export interface EntityScores {
  precision: number; recall: number; f1: number;
  byType: { type: string; precision: number; recall: number; f1: number; gold: number }[];
}

export function scoreEntities(documents: NerSentence[][], recognize: (doc: NerSentence[]) => TagSpan[][]): EntityScores {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const c = (t: string) => counts.get(t) ?? (counts.set(t, { tp: 0, fp: 0, fn: 0 }), counts.get(t)!);
  for (const doc of documents) {
    const predicted = recognize(doc);
    doc.forEach((s, k) => {
      const gold = spansOf(s.tags);
      const key = (x: TagSpan) => `${x.start}:${x.end}:${x.type}`;
      const goldKeys = new Set(gold.map(key));
      const predKeys = new Set(predicted[k].map(key));
      for (const p of predicted[k]) goldKeys.has(key(p)) ? c(p.type).tp++ : c(p.type).fp++;
      for (const g of gold) if (!predKeys.has(key(g))) c(g.type).fn++;
    });
  }
  const f = (x: { tp: number; fp: number; fn: number }) => {
    const precision = x.tp / Math.max(1, x.tp + x.fp), recall = x.tp / Math.max(1, x.tp + x.fn);
    return { precision: 100 * precision, recall: 100 * recall, f1: precision + recall ? (200 * precision * recall) / (precision + recall) : 0 };
  };
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const x of counts.values()) (all.tp += x.tp), (all.fp += x.fp), (all.fn += x.fn);
  return { ...f(all), byType: [...counts].sort().map(([type, x]) => ({ type, ...f(x), gold: x.tp + x.fn })) };
}
