// CSV (RFC 4180: comma-separated, fields with a comma, quote or line break quoted, quotes doubled,
// CRLF line ends, a header row) of the network: one row per edge (`edges`, the default) or per node
// (`nodes`). Written here rather than with a library because quoting is the whole of it and no CSV
// writer is a dependency (the tests read it back with csv-parse). Text that a spreadsheet would run
// as a formula (starting with = + - @, a tab or CR) is prefixed with ', as OWASP advises: actor names
// come from untrusted article text.
import type { ExportEdge, ExportNetwork, ExportNode } from './network.js';

export const CSV_TABLES = ['edges', 'nodes'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

type Cell = string | number | null | undefined;

export const EDGE_COLUMNS: [string, (e: ExportEdge, names: Map<string, string>) => Cell][] = [
  ['id', (e) => e.id],
  ['kind', (e) => e.kind],
  ['type', (e) => e.type],
  ['source_id', (e) => e.source],
  ['source_name', (e, names) => names.get(e.source)],
  ['target_id', (e) => e.target],
  ['target_name', (e, names) => names.get(e.target)],
  ['count', (e) => e.count],
  ['tone', (e) => e.tone],
  ['mean_intensity', (e) => e.meanIntensity],
  ['first', (e) => e.first],
  ['last', (e) => e.last],
  ['start', (e) => e.interval?.start],
  ['end', (e) => e.interval?.end],
  ['evidence_ids', (e) => e.evidenceIds.join(' ')],
];

export const NODE_COLUMNS: [string, (n: ExportNode) => Cell][] = [
  ['id', (n) => n.id],
  ['name', (n) => n.name],
  ['kind', (n) => n.kind],
  ['country', (n) => n.country],
  ['weight', (n) => n.weight],
  ['start', (n) => n.interval?.start],
  ['end', (n) => n.interval?.end],
];

/** One field as RFC 4180 has it; numbers as they are, empty for none. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: Cell[]) => cells.map(csvField).join(',') + '\r\n';

export function writeCsv(network: ExportNetwork, table: CsvTable = 'edges'): string {
  if (table === 'nodes') {
    return line(NODE_COLUMNS.map(([name]) => name)) + network.nodes.map((n) => line(NODE_COLUMNS.map(([, get]) => get(n)))).join('');
  }
  const names = new Map(network.nodes.map((n) => [n.id, n.name]));
  return line(EDGE_COLUMNS.map(([name]) => name)) + network.edges.map((e) => line(EDGE_COLUMNS.map(([, get]) => get(e, names)))).join('');
}
