// Merges the three annotators' per-page metadata gold for the AEB pages (/work/annot/meta-0N.json,
// written by hand from the pages as /work/annot/PROMPT.md asks, without any extractor of ours) into
// bench/gold/aeb-meta.json. Each annotator had a disjoint third of the keys; a key given twice keeps
// the first file's entry and the conflict is printed. Re-run as the annotation fills in:
//   npm run build && node dist/bench/gold/merge-aeb-meta.js [annotation dir]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../src/core/paths.js';

export interface MetaGold {
  title: string | null;
  publishedAt: string | null;
  author: string | null;
  outlet: string | null;
  language: string | null;
  notes?: string;
  /** Which annotation file the entry came from. */
  annotator: string;
}

const FIELDS = ['title', 'publishedAt', 'author', 'outlet', 'language'] as const;

/** A field the annotator wrote: a string (trimmed, empty is null) or null. */
function field(entry: Record<string, unknown>, name: string, where: string): string | null {
  const value = entry[name];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new Error(`${where}: field ${name} is ${typeof value}, expected a string or null`);
  return value.replace(/\s+/g, ' ').trim() || null;
}

export function mergeMetaGold(dir: string): { gold: Record<string, MetaGold>; lines: string[] } {
  const gold: Record<string, MetaGold> = {};
  const lines: string[] = [];
  for (const name of ['meta-00.json', 'meta-01.json', 'meta-02.json']) {
    const path = join(dir, name);
    if (!existsSync(path)) {
      lines.push(`${name}: not there yet`);
      continue;
    }
    let data: Record<string, Record<string, unknown>>;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      // An annotator may be mid-write: skip the file this time, say so.
      lines.push(`${name}: not valid JSON right now (${(error as Error).message}); skipped`);
      continue;
    }
    let added = 0;
    for (const [key, entry] of Object.entries(data)) {
      if (gold[key]) {
        lines.push(`${name}: ${key} already given by ${gold[key].annotator}; kept that one`);
        continue;
      }
      const where = `${name} ${key}`;
      const notes = field(entry, 'notes', where);
      gold[key] = {
        ...(Object.fromEntries(FIELDS.map((f) => [f, field(entry, f, where)])) as Omit<MetaGold, 'annotator' | 'notes'>),
        ...(notes !== null && { notes }),
        annotator: name.replace(/\.json$/, ''),
      };
      added++;
    }
    lines.push(`${name}: ${added} pages`);
  }
  return { gold: Object.fromEntries(Object.entries(gold).sort(([a], [b]) => a.localeCompare(b))), lines };
}

export const metaGoldPath = () => resolve(repoRoot(), 'bench/gold/aeb-meta.json');

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '/work/annot';
  const { gold, lines } = mergeMetaGold(dir);
  writeFileSync(metaGoldPath(), JSON.stringify(gold, null, 1) + '\n');
  for (const line of lines) console.log(line);
  console.log(`wrote ${Object.keys(gold).length} pages to ${metaGoldPath()}`);
}
