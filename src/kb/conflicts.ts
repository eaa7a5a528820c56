// Aliases that more than one actor claims: the matcher takes the first, so a pack author should know.
import type { KnowledgeBase } from './index.js';
import { foldToken } from '../nlp/fold.js';
import { tokenizeWords } from '../nlp/ud-tokenize.js';

export function aliasConflicts(kb: KnowledgeBase): { alias: string; actorIds: string[] }[] {
  const owners = new Map<string, { alias: string; ids: Set<string> }>();
  for (const a of kb.actors) {
    for (const alias of [a.name, ...a.aliases]) {
      const key = tokenizeWords(alias).map((t) => foldToken(t.form)).filter((t) => t !== '-').join(' ');
      const entry = owners.get(key) ?? { alias, ids: new Set<string>() };
      entry.ids.add(a.id);
      owners.set(key, entry);
    }
  }
  return [...owners.values()].filter((e) => e.ids.size > 1).map((e) => ({ alias: e.alias, actorIds: [...e.ids] }));
}
