// Actor figures beyond the NER's own (`npm run eval:actors` runs bench/ner.ts, then this): the knowledge
// base's size by kind, and re3d-dev's gold Person/Organisation mentions found by Orbit's pipeline, split
// into easy ones (names) and hard ones (pronouns, descriptions, titles). A gold mention is found when a
// mention of the same document holds it or is held by it word for word (the shared scorer compares
// characters, so that "he" is found in "Hezbollah"; this does not).
// re3d-dev is never trained on: these are development figures.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sharedDataDir } from '../src/core/paths.js';
import { loadKnowledgeBase } from '../src/kb/index.js';
import { processInputs } from '../src/pipeline/index.js';

const PRONOUN = /^(?:i|me|my|we|us|our|ours|you|your|he|him|his|she|her|it|its|they|them|their|this|that|these|those|who|which)$/i;
const norm = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u2018\u2019'`]/g, '').replace(/[-_.,()]/g, ' ')
    .replace(/\b(the|al|el)\b/g, ' ').replace(/\s+/g, ' ').trim();

/** A name starts with a capital after any article and is no pronoun; everything else is a hard mention. */
function difficulty(value: string): 'name' | 'pronoun' | 'description' {
  const v = value.trim().replace(/^(?:the|a|an)\s+/i, '');
  if (PRONOUN.test(v)) return 'pronoun';
  return /^\p{Lu}/u.test(v) && !/^(?:The|A|An)\s/.test(value.trim()) ? 'name' : 'description';
}

async function main(): Promise<void> {
  const kb = loadKnowledgeBase();
  const byKind = new Map<string, number>();
  for (const a of kb.actors) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  console.log(`knowledge base: ${kb.actors.length} actors (${[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}), ${kb.actors.reduce((n, a) => n + a.aliases.length, 0)} aliases, ${kb.roles.length} roles with ${kb.roles.reduce((n, r) => n + r.holders.length, 0)} dated holders, ${kb.places.length} places`);

  const shared = sharedDataDir();
  const root = shared && join(shared, 're3d-dev');
  if (!root || !existsSync(root)) return console.log('re3d-dev: skipped, ../shared/data/re3d-dev is absent');
  const lines = (p: string) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const docs: { _id: string; title: string; text: string }[] = [];
  const gold = new Map<string, { type: string; value: string }[]>();
  for (const source of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    docs.push(...lines(join(root, source.name, 'documents.json')));
    for (const e of lines(join(root, source.name, 'entities.json'))) gold.set(e.documentId, [...(gold.get(e.documentId) ?? []), e]);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'orbit-actors-')), 'docs.jsonl');
  writeFileSync(file, docs.map((d) => JSON.stringify({ url: `re3d:${d._id}`, title: d.title, text: d.text })).join('\n') + '\n');
  const mentions = new Map<string, string[]>();
  for await (const doc of processInputs([file], { kb, report: () => {} })) {
    const id = (doc.url ?? '').replace(/^re3d:/, '');
    mentions.set(id, [...(mentions.get(id) ?? []), ...doc.mentions.map((m) => norm(m.text))]);
  }
  const tally = new Map<string, [number, number]>();
  for (const d of docs) {
    const found = mentions.get(d._id) ?? [];
    for (const e of gold.get(d._id) ?? []) {
      if (e.type !== 'Person' && e.type !== 'Organisation') continue;
      const g = norm(e.value);
      const key = `${e.type === 'Person' ? 'Person' : 'Organisation'} ${difficulty(e.value)}`;
      const t = tally.get(key) ?? [0, 0];
      t[1]++;
      // word for word, not character for character: "he" is not found inside "hezbollah"
      if (g && found.some((m) => m && (` ${m} `.includes(` ${g} `) || ` ${g} `.includes(` ${m} `)))) t[0]++;
      tally.set(key, t);
    }
  }
  console.log('\nre3d-dev gold Person/Organisation mentions found by the pipeline, by kind of mention (not trained on):');
  for (const [key, [f, n]] of [...tally].sort()) console.log(`  ${key.padEnd(26)} ${((100 * f) / Math.max(1, n)).toFixed(1).padStart(5)}%  (${f}/${n})`);
}

await main();
