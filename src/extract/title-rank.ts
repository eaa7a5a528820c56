// Whether a title matched in the text names its office, or someone below it or belonging to it
// (issue 6, item 4): "Deputy Secretary of State", "adviser to the President", "the foreign minister's
// envoy" name no holder of the office. The words are data: models/lexicon/titles.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { modelsDir } from '../core/paths.js';

interface TitleRules {
  subordinate: RegExp;
  possessed: RegExp | null;
}

let rules: TitleRules | undefined;

function titleRules(): TitleRules {
  if (rules) return rules;
  const file = join(modelsDir(), 'lexicon', 'titles.yaml');
  const data = parseYaml(readFileSync(file, 'utf8')) as { rules?: { id: string; before?: string[]; joined_by?: string[]; possessed_persons?: string[] }[] };
  const byId = new Map((data.rules ?? []).map((r) => [r.id, r]));
  const rank = byId.get('title.subordinate-rank');
  if (!rank?.before?.length) throw new Error(`${file}: rule 'title.subordinate-rank' with its 'before' words is missing`);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const words = rank.before.map(escape).sort((a, b) => b.length - a.length).join('|');
  const joins = (rank.joined_by ?? ['']).map(escape).sort((a, b) => b.length - a.length).join('|');
  rules = {
    subordinate: new RegExp(`(?<![\\p{L}])(?:${words})(?:${joins})\\s*$`, 'iu'),
    possessed: byId.get('title.possessed')?.possessed_persons?.length
      ? new RegExp(`^['’]s?\\s+(?:(?:[\\p{Ll}-]+\\s+){0,2})?(?:${byId.get('title.possessed')!.possessed_persons!.map(escape).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`, 'iu')
      : null,
  };
  return rules;
}

/** "Deputy Secretary of State", "adviser to the President": a rank word just before a title at `start`. */
export function rankBelow(text: string, start: number): string | null {
  return titleRules().subordinate.test(text.slice(Math.max(0, start - 40), start).replace(/\s+$/u, ' ')) ? 'title.subordinate-rank' : null;
}

/** "the foreign minister's envoy": a title ending at `end` that owns a person named after it. */
export function ownedBy(text: string, end: number): string | null {
  return titleRules().possessed?.test(text.slice(end, end + 60)) ? 'title.possessed' : null;
}
