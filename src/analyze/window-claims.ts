// A window's claims read through the store's own event and relation lists, so whatever the store
// applies when listing (analysts' judgements: a claim marked wrong, actors merged) reaches the
// influence score and the exports as it reaches the app. The one module here that talks to the store;
// the analyses themselves stay pure.
import type { Modality } from '../model/types.js';
import type { DateWindow, EventRow, Page, RelationRow, Store } from '../store/index.js';
import { MAX_LIMIT } from '../store/sql.js';
import type { InfluenceClaim } from './influence.js';

/** What the judgements add to a listed claim (src/store/judgements.ts); absent before they exist. */
interface Judged {
  judgement?: { kind?: string } | null;
}

export interface WindowClaims {
  events: EventRow[];
  relations: RelationRow[];
  /** Copy article id -> the article it copies, for the articles of these claims that are copies. */
  originals: Map<string, string>;
}

/** True when an analyst marked the claim wrong: it is left out of every analysis and export. */
export function judgedWrong(row: object): boolean {
  return (row as Judged).judgement?.kind === 'claim_wrong';
}

async function allPages<T>(list: (page: { limit: number; offset: number }) => Promise<Page<T>>, start = 0): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = start; ; offset += MAX_LIMIT) {
    const page = await list({ limit: MAX_LIMIT, offset });
    rows.push(...page.items);
    if (page.items.length < MAX_LIMIT || offset + MAX_LIMIT >= page.total) return rows;
  }
}

/**
 * The window cut at year boundaries. The lists page by offset, and each page sorts every row that
 * matches, so one long window read whole costs pages x rows (76 s for 100k events); read a year at a
 * time it costs about the rows once. Every dated event falls in exactly one year.
 */
export function yearSlices(window: DateWindow, firstDate: string | null, lastDate: string | null): DateWindow[] {
  const first = Number((window.from ?? firstDate)?.slice(0, 4));
  const last = Number((window.to ?? lastDate)?.slice(0, 4));
  if (!Number.isInteger(first) || !Number.isInteger(last)) return [];
  const slices: DateWindow[] = [];
  for (let year = first; year <= last; year++) {
    slices.push({
      from: year === first && window.from ? window.from : String(year),
      to: year === last && window.to ? window.to : String(year),
    });
  }
  return slices;
}

async function windowEvents(store: Store, window: DateWindow, actor: string | undefined, dates: { firstDate: string | null; lastDate: string | null }) {
  const rows: EventRow[] = [];
  for (const slice of yearSlices(window, dates.firstDate, dates.lastDate)) {
    rows.push(...await allPages((page) => store.listEvents({ ...slice, actor, ...page })));
  }
  // with no bound at all the undated events count too: they sort after every dated one
  if (!window.from && !window.to) rows.push(...await allPages((page) => store.listEvents({ actor, ...page }), rows.length));
  return rows;
}

/** Every claim of the window (each once), those touching any of `actors` when some are given. */
export async function readWindowClaims(store: Store, window: DateWindow, actors: string[] = []): Promise<WindowClaims> {
  const { from, to } = window;
  const dates = await store.stats();
  const events = new Map<string, EventRow>();
  const relations = new Map<string, RelationRow>();
  for (const actor of actors.length ? actors : [undefined]) {
    for (const row of await windowEvents(store, window, actor, dates)) {
      if (!judgedWrong(row)) events.set(row.id, row);
    }
    // relations are fewer, and their spans cross years: read whole
    for (const row of await allPages((page) => store.listRelations({ from, to, actor, ...page }))) {
      if (!judgedWrong(row)) relations.set(row.id, row);
    }
  }
  const articleIds = [...new Set([...events.values(), ...relations.values()].map((row) => row.article.id))];
  const originals = new Map((await store.copiesAmong(articleIds)).map((c) => [c.id, c.duplicateOf]));
  return { events: [...events.values()], relations: [...relations.values()], originals };
}

/** A relation's modality: negated, claimed when the article attributes it to someone, else asserted. */
export function relationModality(row: Pick<RelationRow, 'negated' | 'evidence'>): Modality {
  return row.negated ? 'negated' : row.evidence.attributedTo ? 'claimed' : 'asserted';
}

/** The claims as influence reads them, copies folded into their original article. */
export function influenceClaims(claims: WindowClaims): InfluenceClaim[] {
  const article = (id: string) => claims.originals.get(id) ?? id;
  return [
    ...claims.events.map((e): InfluenceClaim => ({
      kind: 'event', id: e.id, type: e.type, mode: e.mode, sources: e.sources, targets: e.targets,
      modality: e.modality, articleId: article(e.article.id), evidenceId: e.evidence.id, date: e.when,
    })),
    ...claims.relations.map((r): InfluenceClaim => ({
      kind: 'relation', id: r.id, type: r.type, mode: null, sources: [r.source], targets: [r.target],
      modality: relationModality(r), articleId: article(r.article.id), evidenceId: r.evidence.id,
      date: r.validFrom ?? r.article.publishedAt,
    })),
  ];
}
