// Readers for the PLOVER training data in ../shared/data/plover, each giving coder examples with the
// sentence, its marked (or parsed) source and target and the gold type:
// - PLV_train.tsv: 1,050 news sentences with <s>source</s> and <t>target</t> marked (YIELD = CONCEDE or RETREAT);
// - PLOVER_GSR_CAMEO.jsonl: 322 CAMEO-manual sentences with actor texts and the older type names;
// - ngec-synthetic: 4,500 generated stories with a type; the first sentence states the event, and
//   its arguments are read from the parse.
// The data is read from ../shared for training and evaluation only and never copied into the repo.
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import type { Span } from '../../model/types.js';
import { parseMarkedPair } from '../pairs.js';

export interface PloverExample {
  id: string;
  text: string;
  source?: Span;
  target?: Span;
  /** The right types (YIELD gives two). */
  gold: string[];
  /** PLV's own label, for scoring by its classes. */
  label: string;
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
