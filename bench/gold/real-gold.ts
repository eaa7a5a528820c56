// Scores extraction on the real development gold (corpus/real-gold: 40 Tehran Times stories, 20
// re3d-dev documents, hand-annotated), each half apart. Gold actors are knowledge-base ids or names;
// a name counts as the id the knowledge base of the day gives it, and otherwise matches an actor
// Orbit found whose name holds it or is held by it, word for word ("Kerry" ~ "John Kerry").
import { createReadStream, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse as parseYaml } from 'yaml';
import { repoRoot, sharedDataDir } from '../../src/core/paths.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/kb/index.js';
import { processInputs } from '../../src/pipeline/index.js';
import { loadOntology } from '../../src/core/ontology.js';
import type { Doc } from '../../src/core/doc.js';
import type { Event, Relation } from '../../src/model/types.js';
import { Score, match } from '../scoring.js';

interface GoldEvent { type: string; source?: string[]; target?: string[]; date?: string | null; modality?: string; quote?: string }
interface GoldRelation { type: string; source: string; target: string; role?: string; quote?: string }
interface GoldDoc { doc: string; half: 'A' | 'B'; events?: GoldEvent[]; relations?: GoldRelation[] }

const norm = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u2018\u2019'`]/g, '').replace(/[-_.,()]/g, ' ')
    .replace(/\b(the|al|el)\b/g, ' ').replace(/\s+/g, ' ').trim();

/** The texts of the gold's documents, read from ../shared/data. */
async function readTexts(shared: string, wanted: Set<string>): Promise<Map<string, { text: string; title?: string }>> {
  const texts = new Map<string, { text: string; title?: string }>();
  const lines = createInterface({ input: createReadStream(join(shared, 'corpora/tehran_times_early.jsonl.gz')).pipe(createGunzip()) });
  for await (const line of lines) {
    if (!line.includes('"id"')) continue;
    const r = JSON.parse(line);
    // The crawl's own text, footer and all: cleaning is part of what is measured.
    if (wanted.has(`tehran-times:${r.id}`)) texts.set(`tehran-times:${r.id}`, { text: r.text });
  }
  for (const source of readdirSync(join(shared, 're3d-dev'))) {
    const file = join(shared, 're3d-dev', source, 'documents.json');
    if (!existsSync(file)) continue;
    for (const l of readFileSync(file, 'utf8').split('\n').filter((x) => x.trim())) {
      const d = JSON.parse(l);
      if (wanted.has(`re3d:${d._id}`)) texts.set(`re3d:${d._id}`, { text: d.text, title: d.title });
    }
  }
  return texts;
}

/** What one actor reference can be matched by: its id, or its normalised name and aliases. */
function actorKeys(kb: KnowledgeBase, doc: Doc, id: string): string[] {
  const known = kb.actor(id) ?? doc.actors.find((a) => a.id === id);
  if (!known) return [id];
  return [id, norm(known.name), ...(known.aliases ?? []).map(norm)];
}

function goldKey(kb: KnowledgeBase, ref: string): string {
  if (kb.actor(ref)) return ref;
  const n = norm(ref);
  const hit = kb.actors.find((a) => norm(a.name) === n || a.aliases.some((x) => norm(x) === n));
  return hit ? hit.id : n;
}

const wordsIn = (inner: string, outer: string) => inner.length > 2 && ` ${outer} `.includes(` ${inner} `);
function sameActor(gold: string, system: string[]): boolean {
  return system.some((k) => k === gold || wordsIn(gold, k) || wordsIn(k, gold));
}
const overlaps = (gold: string[], system: string[][]) =>
  (gold.length === 0 && system.length === 0) || gold.some((g) => system.some((keys) => sameActor(g, keys)));

interface HalfScores {
  docs: number;
  events: Score; typed: Score; sources: Score; targets: Score;
  relations: Score; influence: Score; roles: Score;
  date: [number, number]; modality: [number, number];
  sentences: number; eventSentences: number;
  /** Gold events all of whose actors Orbit found somewhere in the document: the ceiling actor finding sets. */
  reachable: number;
}
const newHalf = (): HalfScores => ({
  docs: 0, events: new Score(), typed: new Score(), sources: new Score(), targets: new Score(),
  relations: new Score(), influence: new Score(), roles: new Score(), date: [0, 0], modality: [0, 0], sentences: 0, eventSentences: 0, reachable: 0,
});

export async function evaluateRealGold(verbose = false): Promise<string[]> {
  const shared = sharedDataDir();
  const goldFile = join(repoRoot(), 'corpus/real-gold/gold.yaml');
  if (!shared || !existsSync(join(shared, 'corpora/tehran_times_early.jsonl.gz'))) return ['real gold: skipped, ../shared/data/corpora is absent'];
  const gold = (parseYaml(readFileSync(goldFile, 'utf8')) as { articles: GoldDoc[] }).articles;
  const texts = await readTexts(shared, new Set(gold.map((g) => g.doc)));
  const dir = mkdtempSync(join(tmpdir(), 'orbit-real-gold-'));
  const input = join(dir, 'docs.jsonl');
  writeFileSync(input, gold.map((g) => JSON.stringify({ url: g.doc, ...texts.get(g.doc) })).join('\n') + '\n');
  const kb = loadKnowledgeBase();
  const byDoc = new Map<string, Doc[]>();
  for await (const doc of processInputs([input], { kb, report: () => {} })) {
    const list = byDoc.get(doc.url ?? '') ?? [];
    list.push(doc);
    byDoc.set(doc.url ?? '', list);
  }
  const influenceTypes = new Set(loadOntology().relationTypes.filter((r) => r.family === 'influence').map((r) => r.id as string));
  const isInfluence = (t: string) => influenceTypes.has(t);
  const halves = { A: newHalf(), B: newHalf() };
  const misses: string[] = [];
  for (const g of gold) {
    const h = halves[g.half];
    h.docs++;
    const docs = byDoc.get(g.doc) ?? [];
    const sysEvents: { e: Event; s: string[][]; t: string[][] }[] = [];
    const sysRelations: { r: Relation; s: string[]; t: string[] }[] = [];
    for (const d of docs) {
      h.sentences += d.sentences.length;
      h.eventSentences += new Set(d.events.map((e) => e.evidence.start)).size;
      for (const e of d.events) sysEvents.push({ e, s: e.sources.map((x) => actorKeys(kb, d, x)), t: e.targets.map((x) => actorKeys(kb, d, x)) });
      for (const r of d.relations) sysRelations.push({ r, s: actorKeys(kb, d, r.source), t: actorKeys(kb, d, r.target) });
    }
    const found = docs.flatMap((d) => [...new Set(d.mentions.map((m) => m.actorId))].map((id) => actorKeys(kb, d, id)));
    const ge = (g.events ?? []).map((x) => ({ ...x, s: (x.source ?? []).map((a) => goldKey(kb, a)), t: (x.target ?? []).map((a) => goldKey(kb, a)) }));
    h.reachable += ge.filter((x) => [...x.s, ...x.t].every((a) => found.some((keys) => sameActor(a, keys)))).length;
    const full = match(ge, sysEvents, (x, y) => x.type === y.e.type && overlaps(x.s, y.s) && overlaps(x.t, y.t));
    h.events.add(full.length, sysEvents.length, ge.length);
    h.typed.add(match(ge, sysEvents, (x, y) => x.type === y.e.type).length, sysEvents.length, ge.length);
    h.sources.add(match(ge, sysEvents, (x, y) => x.s.length > 0 && overlaps(x.s, y.s)).length, sysEvents.filter((y) => y.s.length).length, ge.filter((x) => x.s.length).length);
    h.targets.add(match(ge, sysEvents, (x, y) => x.t.length > 0 && overlaps(x.t, y.t)).length, sysEvents.filter((y) => y.t.length).length, ge.filter((x) => x.t.length).length);
    for (const [x, y] of full) {
      if (x.date !== undefined) (h.date[1]++, (x.date ?? null) === (y.e.date ?? null) && h.date[0]++);
      if (x.modality) (h.modality[1]++, x.modality === y.e.modality && h.modality[0]++);
    }
    const gr = (g.relations ?? []).map((x) => ({ ...x, s: goldKey(kb, x.source), t: goldKey(kb, x.target) }));
    // The gold wrote member_of or leads for a title whose office the knowledge base did not list yet;
    // holds_role of that office's body is the same tie.
    const sameType = (g: string, sys: string) => g === sys || (sys === 'holds_role' && (g === 'member_of' || g === 'leads'));
    const sameRelation = (x: (typeof gr)[0], y: (typeof sysRelations)[0]) =>
      sameType(x.type, y.r.type) && ((sameActor(x.s, y.s) && sameActor(x.t, y.t)) || ((x.type === 'allied_with' || x.type === 'opposes') && sameActor(x.s, y.t) && sameActor(x.t, y.s)));
    const rp = match(gr, sysRelations, sameRelation);
    h.relations.add(rp.length, sysRelations.length, gr.length);
    h.influence.add(rp.filter(([x]) => isInfluence(x.type)).length, sysRelations.filter((y) => isInfluence(y.r.type)).length, gr.filter((x) => isInfluence(x.type)).length);
    h.roles.add(rp.filter(([x]) => x.type === 'holds_role').length, sysRelations.filter((y) => y.r.type === 'holds_role').length, gr.filter((x) => x.type === 'holds_role').length);
    if (verbose) {
      for (const x of ge) if (!full.some(([p]) => p === x)) misses.push(`${g.doc}: missed ${x.type} ${x.s} -> ${x.t} "${x.quote ?? ''}"`);
      for (const y of sysEvents) if (!full.some(([, p]) => p === y)) misses.push(`${g.doc}: extra ${y.e.type} ${y.e.sources} -> ${y.e.targets} "${y.e.evidence.sentence.slice(0, 100)}"`);
      for (const x of gr) if (!rp.some(([p]) => p === x)) misses.push(`${g.doc}: missed relation ${x.type} ${x.s} -> ${x.t} "${x.quote ?? ''}"`);
      for (const y of sysRelations) if (!rp.some(([, p]) => p === y)) misses.push(`${g.doc}: extra relation ${y.r.type} ${y.r.source} -> ${y.r.target}${y.r.role ? ` (${y.r.role})` : ''} "${y.r.evidence.sentence.slice(0, 100)}"`);
    }
  }
  const out: string[] = [];
  for (const [name, h] of Object.entries(halves)) {
    out.push(`real gold half ${name} (${h.docs} documents; ${name === 'A' ? 'the half tuned on' : 'not tuned on'}):`);
    out.push('  ' + h.events.line('events type+src+tgt'), '  ' + h.typed.line('events type'), '  ' + h.sources.line('events source'), '  ' + h.targets.line('events target'));
    out.push(`  on matched events: date ${h.date[0]}/${h.date[1]}, modality ${h.modality[0]}/${h.modality[1]}; events per sentence ${((h.events.tp + h.events.fp) / Math.max(1, h.sentences)).toFixed(2)}, extra (unmatched) events per sentence ${(h.events.fp / Math.max(1, h.sentences)).toFixed(2)}`);
    out.push(`  gold events whose every actor Orbit found somewhere in the document: ${h.reachable}/${h.events.tp + h.events.fn} (the ceiling set by finding actors)`);
    out.push('  ' + h.relations.line('relations'), '  ' + h.influence.line('  influence types'), '  ' + h.roles.line('  holds_role'));
  }
  if (verbose) out.push(...misses.map((m) => '  ' + m));
  return out;
}
