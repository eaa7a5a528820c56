// Scores extraction on the hand-annotated demo corpus (corpus/demo.gold.yaml): actors, events and
// relations (precision, recall, F1), event dates and modality, cleaning metadata, and speed.
// Run: npm run eval   (or node dist/bench/eval-demo.js [--verbose])
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadKnowledgeBase, defaultKbDir } from '../src/kb/index.js';
import { processInputs } from '../src/pipeline/index.js';
import type { Doc } from '../src/core/doc.js';
import type { Message } from '../src/core/messages.js';
import type { Event, Relation } from '../src/model/types.js';
import { foldToken } from '../src/nlp/fold.js';
import { Score, match } from './scoring.js';

interface GoldRef { file: string; index: number }
interface GoldEvent { type: string; source?: string[]; target?: string[]; date?: string | null; modality?: string; quote?: string }
interface GoldRelation { type: string; source: string; target: string; role?: string; quote?: string; negated?: boolean }
interface GoldArticle extends GoldRef {
  title?: string;
  publishedAt?: string | null;
  duplicateOf?: GoldRef | null;
  spun?: boolean;
  actors?: string[];
  discovered?: string[];
  events?: GoldEvent[];
  relations?: GoldRelation[];
}

const SYMMETRIC = new Set(['allied_with', 'opposes']);
const verbose = process.argv.includes('--verbose');

const overlaps = (a: string[] = [], b: string[] = []) => (a.length === 0 && b.length === 0) || a.some((x) => b.includes(x));

function eventMatches(g: GoldEvent, e: Event): boolean {
  return g.type === e.type && overlaps(g.source, e.sources) && overlaps(g.target, e.targets);
}
function relationMatches(g: GoldRelation, r: Relation): boolean {
  if (g.type !== r.type) return false;
  if (g.source === r.source && g.target === r.target) return true;
  return SYMMETRIC.has(g.type) && g.source === r.target && g.target === r.source;
}

async function main(): Promise<void> {
  const root = resolve(defaultKbDir(), '..');
  const demo = join(root, 'corpus/demo');
  const gold = (parseYaml(readFileSync(join(root, 'corpus/demo.gold.yaml'), 'utf8')) as { articles: GoldArticle[] }).articles;
  const kb = loadKnowledgeBase();

  // Extract three times; report the median time.
  const times: number[] = [];
  let processed: Doc[] = [];
  const diagnostics: Message[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const out: Doc[] = [];
    for await (const p of processInputs([demo], { kb, report: (d) => run === 0 && diagnostics.push(d) })) out.push(p);
    times.push(performance.now() - started);
    processed = out;
  }
  const byKey = new Map<string, Doc>();
  for (const article of processed) byKey.set(`${relative(demo, resolve(article.source.uri))}#${article.source.index}`, article);
  const idToKey = new Map([...byKey].map(([k, a]) => [a.id, k]));

  const actors = new Score(), discovered = new Score(), events = new Score(), eventsTyped = new Score(), relations = new Score();
  let dateOk = 0, dateN = 0, modalityOk = 0, modalityN = 0, quoteOk = 0, quoteN = 0;
  let published = 0, dupOk = 0, spunOk = 0, found = 0;
  const misses: string[] = [];

  for (const g of gold) {
    const key = `${g.file}#${g.index}`;
    const a = byKey.get(key);
    if (!a) {
      misses.push(`article not found: ${key}`);
      actors.fn += g.actors?.length ?? 0;
      events.fn += g.events?.length ?? 0;
      eventsTyped.fn += g.events?.length ?? 0;
      relations.fn += g.relations?.length ?? 0;
      continue;
    }
    found++;
    if ((g.publishedAt ?? null) === a.publishedAt) published++;
    else misses.push(`${key}: publishedAt ${a.publishedAt} != gold ${g.publishedAt}`);
    const goldDup = g.duplicateOf ? `${g.duplicateOf.file}#${g.duplicateOf.index}` : null;
    const sysDup = a.duplicateOf ? idToKey.get(a.duplicateOf) ?? a.duplicateOf : null;
    if (goldDup === sysDup) dupOk++;
    else misses.push(`${key}: duplicateOf ${sysDup} != gold ${goldDup}`);
    if (Boolean(g.spun) === a.spun) spunOk++;
    else misses.push(`${key}: spun ${a.spun} != gold ${Boolean(g.spun)}`);

    const sysActors = new Set(a.mentions.map((m) => m.actorId).filter((id) => kb.actor(id)));
    const goldActors = new Set(g.actors ?? []);
    for (const id of sysActors) goldActors.has(id) ? actors.tp++ : (actors.fp++, verbose && misses.push(`${key}: extra actor ${id}`));
    for (const id of goldActors) if (!sysActors.has(id)) (actors.fn++, verbose && misses.push(`${key}: missed actor ${id}`));

    const fold = (s: string) => s.split(/\s+/).map(foldToken).join(' ').replace(/^the /, '');
    const sysFound = new Set(a.mentions.filter((m) => !kb.actor(m.actorId) && m.method === 'pattern').map((m) => fold(m.text)));
    const goldFound = new Set((g.discovered ?? []).map(fold));
    for (const n of sysFound) [...goldFound].some((x) => x.includes(n) || n.includes(x)) ? discovered.tp++ : discovered.fp++;
    for (const n of goldFound) if (![...sysFound].some((x) => x.includes(n) || n.includes(x))) discovered.fn++;

    // The gold names actors by knowledge-base id only: actors the system discovered cannot be scored in
    // events, and relations that involve one are left out of the relation score.
    const known = (ids: string[]) => ids.filter((id) => kb.actor(id));
    const sysEvents = a.events.map((e) => ({ ...e, sources: known(e.sources), targets: known(e.targets) }));
    const ge = g.events ?? [];
    const pairs = match(ge, sysEvents, eventMatches);
    events.tp += pairs.length;
    events.fp += sysEvents.length - pairs.length;
    events.fn += ge.length - pairs.length;
    const typed = match(ge, a.events, (x, e) => x.type === e.type);
    eventsTyped.tp += typed.length;
    eventsTyped.fp += a.events.length - typed.length;
    eventsTyped.fn += ge.length - typed.length;
    for (const [x, e] of pairs) {
      if (x.date !== undefined) {
        dateN++;
        if ((x.date ?? null) === e.date) dateOk++;
        else if (verbose) misses.push(`${key}: date ${e.date} != gold ${x.date} for ${x.type} "${x.quote ?? ''}"`);
      }
      if (x.modality) {
        modalityN++;
        if (x.modality === e.modality) modalityOk++;
        else if (verbose) misses.push(`${key}: modality ${e.modality} != gold ${x.modality} for ${x.type} "${x.quote ?? ''}"`);
      }
      if (x.quote) (quoteN++, e.evidence.sentence.includes(x.quote) && quoteOk++);
    }
    if (verbose) {
      for (const x of ge) {
        if (pairs.some(([p]) => p === x)) continue;
        // Say whether the type was found with other actors in the quoted sentence, or not at all.
        const near = sysEvents.find((e) => e.type === x.type && x.quote && e.evidence.sentence.includes(x.quote));
        const why = near ? `found as ${near.sources} -> ${near.targets}` : 'not found';
        misses.push(`${key}: missed event ${x.type} ${x.source} -> ${x.target} "${x.quote ?? ''}" (${why})`);
      }
      for (const e of sysEvents) if (!pairs.some(([, p]) => p === e)) misses.push(`${key}: extra event ${e.type} ${e.sources} -> ${e.targets} "${e.evidence.sentence.slice(0, 90)}"`);
    }

    const gr = g.relations ?? [];
    const sysRel = a.relations.filter((r) => kb.actor(r.source) && kb.actor(r.target));
    const rpairs = match(gr, sysRel, relationMatches);
    relations.tp += rpairs.length;
    relations.fp += sysRel.length - rpairs.length;
    relations.fn += gr.length - rpairs.length;
    if (verbose) {
      for (const x of gr) if (!rpairs.some(([p]) => p === x)) misses.push(`${key}: missed relation ${x.source} ${x.type} ${x.target} "${x.quote ?? ''}"`);
      for (const r of sysRel) if (!rpairs.some(([, p]) => p === r)) misses.push(`${key}: extra relation ${r.source} ${r.type} ${r.target} "${r.evidence.sentence.slice(0, 90)}"`);
    }
  }

  const median = [...times].sort((x, y) => x - y)[1];
  const out = [
    `demo gold: ${gold.length} articles annotated, ${found} found by the pipeline (${processed.length} articles extracted in all)`,
    actors.line('actors (KB, per article)'),
    discovered.line('actors (discovered)'),
    events.line('events (type+actors)'),
    eventsTyped.line('events (type only)'),
    relations.line('relations'),
    `event attributes on matched events: date ${dateOk}/${dateN}, modality ${modalityOk}/${modalityN}, evidence sentence holds the quote ${quoteOk}/${quoteN}`,
    `cleaning: publishedAt ${published}/${found}, duplicateOf ${dupOk}/${found}, spun ${spunOk}/${found}`,
    `speed: median ${median.toFixed(0)} ms for the demo corpus over 3 runs (${((processed.length / median) * 1000).toFixed(1)} articles/s); messages: ${diagnostics.filter((d) => d.severity === 'error').length} errors, ${diagnostics.filter((d) => d.severity === 'warning').length} warnings`,
  ];
  process.stdout.write(out.join('\n') + '\n');
  if (misses.length) process.stdout.write(`\n${verbose ? '' : 'cleaning mismatches (--verbose lists every miss):\n'}${misses.map((m) => '  ' + m).join('\n')}\n`);
}

await main();
