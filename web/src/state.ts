// One state for every view: the time window, search, filters, what is selected and which panel shows.
// It lives in the address (#from=2019-01&to=2020-06&actor=...), so a view can be bookmarked and shared;
// views subscribe and redraw when the keys they read change.

export type Selection =
  | { kind: 'actor'; id: string }
  | { kind: 'edge'; id: string; edgeKind: 'event' | 'relation'; source: string; target: string; type: string }
  | { kind: 'place'; name: string; eventIds: string[] };

export type Tab = 'evidence' | 'actor' | 'moved' | 'judgements';

export interface AppState {
  /** ISO dates of any precision; '' is open on that side. */
  from: string;
  to: string;
  q: string;
  kinds: string[];
  types: string[];
  modality: string[];
  minEvidence: number;
  limit: number;
  colour: 'kind' | 'community';
  selection: Selection | null;
  tab: Tab;
  /** The actor page's counterpart for the dyad view. */
  dyad: string;
  /** The article in the reader, with the span marked. */
  article: string;
  span: string;
  /** "Who moved": the earlier window compared with the current one. */
  before: { from: string; to: string };
  /** Actors with a lane of their own on the timeline. */
  lanes: string[];
}

export const DEFAULTS: AppState = {
  from: '', to: '', q: '', kinds: [], types: [], modality: [], minEvidence: 1, limit: 150, colour: 'kind',
  selection: null, tab: 'evidence', dyad: '', article: '', span: '', before: { from: '', to: '' }, lanes: [],
};

/**
 * The network's actor caps (`limit` of /api/graph, which takes any from 1 to MAX_LIMIT), in the steps
 * the filter menu and the network's "show more" button offer.
 */
export const LIMIT_STEPS = [50, 150, 400, 1000, 2000];
export const MAX_LIMIT = 10000;

/** The step above `limit`, or null when it is at the last. */
export function moreActors(limit: number): number | null {
  return LIMIT_STEPS.find((step) => step > limit) ?? null;
}

type Key = keyof AppState;
type Listener = (state: AppState, changed: Set<Key>) => void;

let current: AppState = { ...DEFAULTS };
const listeners: { keys: Set<Key> | null; listener: Listener }[] = [];

export const state = (): AppState => current;

/** Calls `listener` whenever one of `keys` changes (every change when no keys are given). */
export function subscribe(keys: Key[] | null, listener: Listener): void {
  listeners.push({ keys: keys ? new Set(keys) : null, listener });
}

export function update(patch: Partial<AppState>): void {
  const changed = new Set<Key>();
  for (const key of Object.keys(patch) as Key[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(patch[key])) changed.add(key);
  }
  if (!changed.size) return;
  current = { ...current, ...patch };
  writeAddress();
  for (const { keys, listener } of listeners) {
    if (!keys || [...changed].some((key) => keys.has(key))) listener(current, changed);
  }
}

/** The window and filters as API parameters. */
export function windowParams(s: AppState = current) {
  return { from: s.from, to: s.to };
}

/** The event types among the filter's types (it lists relation types too). */
export function eventTypes(types: string[]): string[] {
  return types.filter((t) => /^[A-Z]+$/.test(t));
}

export function filterParams(s: AppState = current) {
  return { ...windowParams(s), kinds: s.kinds, types: s.types, modality: s.modality, minEvidence: s.minEvidence > 1 ? s.minEvidence : null };
}

// ---- the address ---------------------------------------------------------------------------------

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function readAddress(hash = location.hash): AppState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const selection = (): Selection | null => {
    if (p.get('actor')) return { kind: 'actor', id: p.get('actor')! };
    const edge = /^(event|relation):([^>]+)>([^:]+):(.+)$/.exec(p.get('edge') ?? '');
    if (edge) return { kind: 'edge', edgeKind: edge[1] as 'event' | 'relation', source: edge[2], target: edge[3], type: edge[4], id: '' };
    return null;
  };
  const number = (key: string, fallback: number) => (Number.isFinite(Number(p.get(key))) && p.get(key) ? Number(p.get(key)) : fallback);
  return {
    ...DEFAULTS,
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    q: p.get('q') ?? '',
    kinds: list(p.get('kinds')),
    types: list(p.get('types')),
    modality: list(p.get('modality')),
    minEvidence: number('minEvidence', DEFAULTS.minEvidence),
    // a cap the API refuses (0, 20000, 2.5) is brought inside its range, not sent to fail
    limit: Math.min(MAX_LIMIT, Math.max(1, Math.round(number('limit', DEFAULTS.limit)))),
    colour: p.get('colour') === 'community' ? 'community' : 'kind',
    selection: selection(),
    tab: (['evidence', 'actor', 'moved', 'judgements'] as const).find((t) => t === p.get('tab')) ?? (p.get('actor') ? 'actor' : 'evidence'),
    dyad: p.get('dyad') ?? '',
    article: p.get('article') ?? '',
    span: p.get('span') ?? '',
    before: { from: p.get('beforeFrom') ?? '', to: p.get('beforeTo') ?? '' },
    lanes: list(p.get('lanes')),
  };
}

function writeAddress(): void {
  const s = current;
  const p = new URLSearchParams();
  const put = (key: string, value: string | number, fallback: string | number = '') => {
    if (value !== fallback && value !== '') p.set(key, String(value));
  };
  put('from', s.from);
  put('to', s.to);
  put('q', s.q);
  put('kinds', s.kinds.join(','));
  put('types', s.types.join(','));
  put('modality', s.modality.join(','));
  put('minEvidence', s.minEvidence, DEFAULTS.minEvidence);
  put('limit', s.limit, DEFAULTS.limit);
  put('colour', s.colour, DEFAULTS.colour);
  if (s.selection?.kind === 'actor') p.set('actor', s.selection.id);
  if (s.selection?.kind === 'edge') p.set('edge', `${s.selection.edgeKind}:${s.selection.source}>${s.selection.target}:${s.selection.type}`);
  put('tab', s.tab, s.selection?.kind === 'actor' ? 'actor' : 'evidence');
  put('dyad', s.dyad);
  put('article', s.article);
  put('span', s.span);
  put('beforeFrom', s.before.from);
  put('beforeTo', s.before.to);
  put('lanes', s.lanes.join(','));
  const hash = p.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

export function start(initial: AppState): void {
  current = initial;
  writeAddress();
}
