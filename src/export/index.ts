// One export, whichever asks for it (`orbit export`, GET /api/export): the window's network or claims
// read from the store, written in the format asked for. The app's filters (kinds, types, modality,
// minimum evidence, search) narrow it as they narrow the app: the network formats hold the network
// the app draws with them (store.graph with the same query), JSONL the claims behind it
// (claim-filter.ts). The checks on what was asked give errors that
// name the input, so the command line and the API can each say it their way.
import type { DateWindow, Store } from '../store/index.js';
import { readWindowClaims } from '../analyze/window-claims.js';
import { writeCsv, CSV_TABLES, type CsvTable } from './csv.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import { claimLines, writeJsonl } from './jsonl.js';
import { exportNetwork } from './network.js';
import { filterClaims } from './claim-filter.js';
import type { ActorKind, EventType, Modality, RelationType } from '../model/types.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export { CSV_TABLES, type CsvTable };

export const FORMAT_INFO: Record<ExportFormat, { extension: string; contentType: string; what: string }> = {
  gexf: { extension: 'gexf', contentType: 'application/xml; charset=utf-8', what: 'the network, GEXF 1.3 with time spells (Gephi)' },
  graphml: { extension: 'graphml', contentType: 'application/xml; charset=utf-8', what: 'the network, GraphML with the same attributes as keys' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8', what: 'the network as a table: one row per edge, or per node with --what nodes' },
  jsonl: { extension: 'jsonl', contentType: 'application/x-ndjson; charset=utf-8', what: 'the claims: one event or relation per line, with sentence, article, date, modality' },
};

export interface ExportRequest extends DateWindow {
  format: ExportFormat;
  /** Only these actors' edges (and the actors they reach), or claims; all when empty. */
  actors?: string[];
  /** For csv: edges (default) or nodes. */
  table?: CsvTable;
  /** Written into the GEXF meta (`orbit 0.1.0`). */
  generator: string;
  /** The app's filters, as /api/graph takes them. */
  kinds?: ActorKind[];
  types?: (EventType | RelationType)[];
  modality?: Modality[];
  minEvidence?: number;
  q?: string;
}

/** True when any of the app's filters is set (the file name says so). */
const filtered = (r: ExportRequest) => Boolean(r.kinds?.length || r.types?.length || r.modality?.length || (r.minEvidence ?? 1) > 1 || r.q);

/** A bad request: `input` names what was wrong (format, actor, what), `status` how the API answers. */
export class ExportInputError extends Error {
  constructor(readonly input: 'format' | 'actor' | 'what', message: string, readonly status: 400 | 404 = 400) {
    super(message);
  }
}

export function exportFormat(value: string): ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(value)) {
    throw new ExportInputError('format', `'${value}' is not an export format (${EXPORT_FORMATS.join(', ')})`);
  }
  return value as ExportFormat;
}

export function csvTable(value: string): CsvTable {
  if (!(CSV_TABLES as readonly string[]).includes(value)) throw new ExportInputError('what', `'${value}' is not one of ${CSV_TABLES.join(', ')}`);
  return value as CsvTable;
}

export interface ExportFile {
  body: string;
  contentType: string;
  /** A file name that says what is inside: orbit-network-2020-2021.gexf. */
  filename: string;
}

function filenameOf(request: ExportRequest): string {
  const parts = ['orbit', request.format === 'jsonl' ? 'claims' : request.table === 'nodes' ? 'nodes' : 'network',
    ...(request.from || request.to ? [`${request.from ?? 'start'}_${request.to ?? 'end'}`] : []),
    ...(request.actors ?? []).slice(0, 3), ...(filtered(request) ? ['filtered'] : [])];
  return `${parts.join('-').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)}.${FORMAT_INFO[request.format].extension}`;
}

/**
 * The ids as the network knows them: each must exist, and an actor an analyst merged into another is
 * taken as the one it was merged into (getActor tells `mergedInto` once judgements exist).
 */
export async function knownActors(store: Store, ids: string[]): Promise<string[]> {
  const known: string[] = [];
  for (const id of ids) {
    const actor = await store.getActor(id);
    if (!actor) throw new ExportInputError('actor', `no actor with id '${id}'`, 404);
    const merged = (actor as { mergedInto?: string | { id: string } | null }).mergedInto;
    known.push(typeof merged === 'string' ? merged : merged?.id ?? id);
  }
  return [...new Set(known)];
}

export async function exportWindow(store: Store, request: ExportRequest): Promise<ExportFile> {
  const actors = await knownActors(store, request.actors ?? []);
  if (request.table && request.format !== 'csv') throw new ExportInputError('what', `'what' chooses the CSV table; it means nothing for ${request.format}`);
  const window: DateWindow = { from: request.from, to: request.to };
  let body: string;
  const filters = { kinds: request.kinds, types: request.types, modality: request.modality, minEvidence: request.minEvidence };
  if (request.format === 'jsonl') {
    const claims = await readWindowClaims(store, window, actors);
    const searched = request.q ? await store.searchClaims(request.q) : undefined;
    body = writeJsonl(claimLines(filtered(request) ? filterClaims(claims, { ...filters, searched }) : claims));
  } else {
    const network = exportNetwork(await store.graph({ ...window, ...filters, q: request.q }), window, actors);
    body = request.format === 'gexf' ? writeGexf(network, request.generator)
      : request.format === 'graphml' ? writeGraphml(network)
      : writeCsv(network, request.table);
  }
  return { body, contentType: FORMAT_INFO[request.format].contentType, filename: filenameOf(request) };
}
