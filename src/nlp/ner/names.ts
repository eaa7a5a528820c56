// Names the training data holds, as a gazetteer: every gold span's words with the type it took most
// often. On training documents the list is jackknifed (each fold's documents see only the names of the
// other folds), or the model would learn that a listed name is always right, as it is on its own data.
import { spansOf } from './scheme.js';
import { Gazetteer, type GazetteerEntry } from './gazetteer.js';

export const NAMES_CHANNEL = 'names';

type Counts = Map<string, Map<string, number>>;

function countNames(documents: readonly { forms: readonly string[]; tags: readonly string[] }[][]): Counts {
  const counts: Counts = new Map();
  for (const doc of documents) {
    for (const s of doc) {
      for (const span of spansOf(s.tags)) {
        const name = s.forms.slice(span.start, span.end).join(' ');
        const byType = counts.get(name) ?? counts.set(name, new Map()).get(name)!;
        byType.set(span.type, (byType.get(span.type) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function entriesOf(parts: readonly Counts[]): GazetteerEntry[] {
  const merged: Counts = new Map();
  for (const part of parts) {
    for (const [name, byType] of part) {
      const m = merged.get(name) ?? merged.set(name, new Map()).get(name)!;
      for (const [t, c] of byType) m.set(t, (m.get(t) ?? 0) + c);
    }
  }
  return [...merged].map(([name, byType]) => ({ name, type: [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] }));
}

/**
 * The names of all `documents` (what the shipped model reads at run time), and per document the
 * gazetteer built without its fold (what it reads in training). Folds are dealt in order of first
 * appearance; a document listed twice (seen twice per epoch) is one document, in one fold.
 */
export function jackknifedNames(documents: readonly { forms: readonly string[]; tags: readonly string[] }[][], folds: number): { all: GazetteerEntry[]; perDocument: Gazetteer[] } {
  const foldOf = new Map<object, number>();
  for (const d of documents) if (!foldOf.has(d)) foldOf.set(d, foldOf.size % folds);
  const unique = [...foldOf.keys()] as (typeof documents)[number][];
  const parts = Array.from({ length: folds }, (_, f) => countNames(unique.filter((d) => foldOf.get(d) === f)));
  const held = parts.map((_, f) => new Gazetteer(entriesOf(parts.filter((_, g) => g !== f)), NAMES_CHANNEL));
  return { all: entriesOf(parts), perDocument: documents.map((d) => held[foldOf.get(d)!]) };
}
