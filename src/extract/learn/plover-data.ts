// Readers for the PLOVER training data in ../shared/data/plover, each giving coder examples with the
// sentence, its marked (or parsed) source and target and the gold type:
// - PLV_train.tsv: 1,050 news sentences with <s>source</s> and <t>target</t> marked (YIELD = CONCEDE or RETREAT);
// - PLOVER_GSR_CAMEO.jsonl: 322 CAMEO-manual sentences with actor texts and the older type names;
// - ngec-synthetic: 4,500 generated stories with a type; the first sentence states the event, and
//   its arguments are read from the parse.
// The data is read from ../shared for training and evaluation only and never copied into the repo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import type { Span } from '../../model/types.js';
import { parseMarkedPair } from '../pairs.js';
import type { KnownRoles } from '../coder/candidate-of-text.js';

export interface PloverExample {
  id: string;
  text: string;
  source?: Span;
  target?: Span;
  /** The right types (YIELD gives two). */
  gold: string[];
  /** PLV's own label, for scoring by its classes. */
  label: string;
  /** For a labelled pipeline candidate: its predicate and the roles of source and target. */
  known?: KnownRoles;
}

/** PLOVER's merged class in PLV: CONCEDE and RETREAT count as one. */
export const PLV_YIELD = ['CONCEDE', 'RETREAT'];
export const plvLabel = (type: string): string => (PLV_YIELD.includes(type) ? 'YIELD' : type);

export function readPlv(file: string): PloverExample[] {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split(/\r?\n/).map((l) => l.split('\t'));
  const col = (name: string) => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`${file}: no column "${name}"`);
    return k;
  };
  const [id, marked, gold] = [col('sentence_id'), col('marked_sentence'), col('gold_root')];
  const out: PloverExample[] = [];
  for (const row of rows) {
    const pair = parseMarkedPair(row[marked] ?? '');
    if (!pair) continue;
    const label = row[gold];
    out.push({ id: `plv:${row[id]}`, text: pair.text, source: pair.source, target: pair.target, gold: label === 'YIELD' ? PLV_YIELD : [label], label });
  }
  return out;
}

/** The GSR's older type names, as PLOVER 2 merged them. */
const GSR_TYPES: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

function spanOf(text: string, actor: unknown): Span | undefined {
  const first = Array.isArray(actor) ? actor[0] : undefined;
  const words = typeof first?.actorText === 'string' ? first.actorText : '';
  const at = words ? text.indexOf(words) : -1;
  return at < 0 ? undefined : { start: at, end: at + words.length };
}

export function readGsr(file: string): PloverExample[] {
  const out: PloverExample[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    const r = JSON.parse(line);
    const type = GSR_TYPES[r.event] ?? r.event;
    const text = String(r.text ?? '').trim();
    out.push({ id: String(r.id ?? `gsr:${n}`), text, source: spanOf(text, r.source), target: spanOf(text, r.target), gold: [type], label: plvLabel(type) });
  });
  return out;
}

/** The synthetic stories' first sentences (the event), unmarked: the coder reads their arguments from the parse. */
export function readSynthetic(zipFile: string, firstSentence: (text: string) => string): PloverExample[] {
  const files = unzipSync(readFileSync(zipFile));
  const csv = Object.entries(files).find(([name]) => name.endsWith('.csv'));
  if (!csv) throw new Error(`${zipFile}: no .csv inside`);
  const rows: Record<string, string>[] = parseCsv(Buffer.from(csv[1]).toString('utf8'), { columns: true, skip_empty_lines: true });
  return rows.map((r, i) => {
    const text = firstSentence(String(r.text ?? '').trim());
    return { id: `synthetic:${i}`, text, gold: [r.label], label: plvLabel(r.label) };
  });
}

/**
 * The hand-labelled Tehran Times pairs (corpus/real-pairs/labels.jsonl), both orders of each pair: the
 * labelled direction gets the type, the other NONE (both for a joint act); a NONE pair is NONE both ways.
 * `rawText` gives a story's raw text by its id.
 */
export function readPairLabels(file: string, rawText: (doc: string) => string | undefined): PloverExample[] {
  const out: PloverExample[] = [];
  for (const { r, n, text } of labelledSentences(file, rawText)) {
    const a = { start: r.a[0], end: r.a[1] }, b = { start: r.b[0], end: r.b[1] };
    const forward = r.type !== 'NONE' && (r.source === 'A' || r.source === 'both') ? r.type : 'NONE';
    const backward = r.type !== 'NONE' && (r.source === 'B' || r.source === 'both') ? r.type : 'NONE';
    out.push({ id: `${r.doc}#${n}:ab`, text, source: a, target: b, gold: [forward], label: plvLabel(forward) });
    out.push({ id: `${r.doc}#${n}:ba`, text, source: b, target: a, gold: [backward], label: plvLabel(backward) });
  }
  return out;
}

/** The lines of a labels file whose sentence could be placed in its story's raw text, with that sentence. */
function* labelledSentences(file: string, rawText: (doc: string) => string | undefined) {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let n = 0; n < lines.length; n++) {
    if (!lines[n].trim()) continue;
    const r = JSON.parse(lines[n]);
    const story = r.at >= 0 ? rawText(r.doc) : undefined;
    if (story) yield { r, n, text: story.slice(r.at, r.at + r.length) };
  }
}

/** The Tehran Times crawl's raw texts by story id ("tehran-times:2879"). */
export function readTehranTimes(file: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    texts.set(`tehran-times:${r.id}`, String(r.text));
  }
  return texts;
}

/** Where the training data lives under ../shared/data, and the repo's own labels. */
export function ploverFiles(shared: string, repo: string) {
  return {
    plv: join(shared, 'plover', 'PLV_train.tsv'),
    gsr: join(shared, 'plover', 'PLOVER_GSR_CAMEO.jsonl'),
    synthetic: join(shared, 'plover', 'ngec-synthetic', 'gpt_synthetic_events_2023-10-19_19.csv.zip'),
    tehranTimes: join(shared, 'corpora', 'tehran_times_early.jsonl.gz'),
    pairs: join(repo, 'corpus', 'real-pairs', 'labels.jsonl'),
    candidates: join(repo, 'corpus', 'real-candidates', 'labels.jsonl'),
  };
}

interface CandidateArg { n: number; role: string; via: string; start: number; end: number }

/**
 * The hand-labelled pipeline candidates (corpus/real-candidates/labels.jsonl): every way of making the
 * candidate's arguments source and target, as the pipeline tries them, is an example — of the labelled
 * type when it is the labelled assignment, NONE otherwise.
 */
export function readCandidateLabels(file: string, rawText: (doc: string) => string | undefined): PloverExample[] {
  const out: PloverExample[] = [];
  for (const { r, n, text } of labelledSentences(file, rawText)) {
    const args: CandidateArg[] = r.args;
    const sources = new Set<number>(r.source ?? []), targets = new Set<number>(r.target ?? []);
    const role = (a: CandidateArg | undefined) => a && `${a.role}:${a.via}`;
    const span = (a: CandidateArg | undefined) => a && { start: a.start, end: a.end };
    const options: [CandidateArg | undefined, CandidateArg | undefined][] = [];
    for (const s of args) {
      options.push([s, undefined]);
      for (const t of args) if (t !== s) options.push([s, t]);
    }
    for (const t of args) options.push([undefined, t]);
    for (const [s, t] of options) {
      const right = r.type !== 'NONE' &&
        (s ? sources.has(s.n) : sources.size === 0) &&
        (t ? targets.has(t.n) : targets.size === 0 || ![...targets].some((k) => args.some((a) => a.n === k)));
      const type = right ? r.type : 'NONE';
      out.push({
        id: `${r.doc}#c${n}:${s?.n ?? 0}-${t?.n ?? 0}`, text, source: span(s), target: span(t), gold: [type], label: plvLabel(type),
        known: { predicateAt: r.predicate[0], sourceRole: role(s), targetRole: role(t) },
      });
    }
  }
  return out;
}
