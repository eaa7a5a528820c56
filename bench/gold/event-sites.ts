// Place and modality of events on real Tehran Times articles (issue 6, item 3), scored against
// corpus/real-gold/event-sites.jsonl: the events Orbit found on a fixed sample of 80 articles (before
// and after place and modality were read from the clause), each annotated by hand with where the act
// took place and whether it happened. An event is keyed by its article, the first 60 characters of its
// sentence, its trigger and its type; the texts stay in ../shared/data. Events the annotators marked
// `none` (no happening: a wish, a capability, a habit) count as right when Orbit does not code them.
// Documents are split in halves by id (A: even position in the sample, B: odd); cues were written
// before the annotation, and only half A may be looked at when changing them.
import { createReadStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { repoRoot, sharedDataDir } from '../../src/core/paths.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { processInputs } from '../../src/pipeline/index.js';
import type { Event } from '../../src/model/types.js';
import { pct } from '../scoring.js';

export interface SiteGold {
  doc: string;
  half: 'A' | 'B';
  quote: string;
  trigger: string | null;
  type: string;
  place: string | null;
  country: string | null;
  modality: string;
}

export const SITE_GOLD = () => join(repoRoot(), 'corpus/real-gold/event-sites.jsonl');
export const siteKey = (doc: string, sentence: string, trigger: string | null, type: string) => [doc, sentence.slice(0, 60), trigger ?? '', type].join('|');

const norm = (s: string | null) => (s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^al-/, '').trim();

interface HalfSites {
  placed: number; placeRight: number; countryRight: number; atDateline: number;
  judged: number; modalityRight: number; noneGold: number; noneDropped: number; lostReal: number;
  confusion: Map<string, number>;
}
const newHalf = (): HalfSites => ({ placed: 0, placeRight: 0, countryRight: 0, atDateline: 0, judged: 0, modalityRight: 0, noneGold: 0, noneDropped: 0, lostReal: 0, confusion: new Map() });

export async function evaluateEventSites(): Promise<string[]> {
  const shared = sharedDataDir();
  if (!shared || !existsSync(join(shared, 'corpora/tehran_times_early.jsonl.gz'))) return ['event sites: skipped, ../shared/data/corpora is absent'];
  if (!existsSync(SITE_GOLD())) return [`event sites: skipped, ${SITE_GOLD()} is absent`];
  const gold = readFileSync(SITE_GOLD(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SiteGold);
  const docs = new Set(gold.map((g) => g.doc));
  const texts: { url: string; text: string }[] = [];
  const lines = createInterface({ input: createReadStream(join(shared, 'corpora/tehran_times_early.jsonl.gz')).pipe(createGunzip()) });
  for await (const line of lines) {
    const r = JSON.parse(line) as { id: number; text: string };
    if (docs.has(`tehran-times:${r.id}`)) texts.push({ url: `tehran-times:${r.id}`, text: r.text });
  }
  const dir = mkdtempSync(join(tmpdir(), 'orbit-sites-'));
  writeFileSync(join(dir, 'docs.jsonl'), texts.map((t) => JSON.stringify(t)).join('\n') + '\n');
  const found = new Map<string, { e: Event; dateline: string | null }>();
  for await (const doc of processInputs([join(dir, 'docs.jsonl')], { kb: loadKnowledgeBase(), report: () => {} })) {
    const dateline = doc.place ? doc.text.slice(doc.place.start, doc.place.end) : null;
    for (const e of doc.events) found.set(siteKey(doc.url ?? '', e.evidence.sentence, e.trigger ? doc.text.slice(e.trigger.start, e.trigger.end) : null, e.type), { e, dateline });
  }
  const halves = { A: newHalf(), B: newHalf() };
  let coded = 0;
  for (const g of gold) {
    const h = halves[g.half];
    const hit = found.get(siteKey(g.doc, g.quote, g.trigger, g.type));
    if (g.modality === 'none') {
      h.noneGold++;
      if (!hit) h.noneDropped++;
    }
    if (!hit) {
      if (g.modality !== 'none') h.lostReal++;
      continue;
    }
    coded++;
    const { e, dateline } = hit;
    if (g.modality !== 'none') {
      h.judged++;
      if (e.modality === g.modality) h.modalityRight++;
      else h.confusion.set(`${g.modality}->${e.modality}`, (h.confusion.get(`${g.modality}->${e.modality}`) ?? 0) + 1);
      h.placed++;
      const place = e.location?.name ?? null;
      if (norm(place) === norm(g.place)) h.placeRight++;
      if ((e.location?.country ?? null) === g.country) h.countryRight++;
      if (place && dateline && norm(place) === norm(dateline)) h.atDateline++;
    }
  }
  const out = [`Event place and modality, real Tehran Times events (corpus/real-gold/event-sites.jsonl, ${gold.length} events of ${docs.size} articles annotated by hand; ${coded} coded by this build, ${found.size - coded} coded events unannotated):`];
  for (const [name, h] of Object.entries(halves)) {
    const top = [...h.confusion].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => `${k} ${n}`).join(', ');
    out.push(`  half ${name}${name === 'A' ? ' (looked at)' : ' (not looked at)'}: place right ${h.placeRight}/${h.placed} (${pct(h.placeRight / Math.max(1, h.placed))}), country right ${h.countryRight}/${h.placed}, placed at the dateline ${h.atDateline}; modality right ${h.modalityRight}/${h.judged} (${pct(h.modalityRight / Math.max(1, h.judged))}); no-event statements left out ${h.noneDropped}/${h.noneGold}; real events no longer coded ${h.lostReal}${top ? `; errors ${top}` : ''}`);
  }
  return out;
}
