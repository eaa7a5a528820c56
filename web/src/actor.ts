// The actor page: names and aliases, roles over time, relations, event counts, expand in the network,
// a timeline lane, and the dyad view event-data users know: cooperation against conflict over time
// with a chosen counterpart.
import { api } from './api';
import { el, fill, words } from './dom';
import { actorEdits, undoButton } from './judgements';
import { collapse, expand, isExpanded, EXPAND_CAP } from './network';
import { state, update, windowParams } from './state';
import type { ActorDetail, Dyad } from './types';

type ActorPage = ActorDetail & {
  mergedInto?: string | null;
  merged?: { id: string; name: string; judgementId: string }[];
};


export async function loadActor(panel: HTMLElement, id: string): Promise<void> {
  fill(panel, el('p', { class: 'placeholder muted' }, 'Loading…'));
  let actor: ActorPage;
  try {
    actor = await api<ActorPage>(`/api/actors/${encodeURIComponent(id)}`, windowParams());
  } catch (error) {
    return void fill(panel, el('p', { class: 'placeholder error' }, `Could not load actor ${id}: ${(error as Error).message}`));
  }
  if (actor.mergedInto) {
    return void fill(panel, el('div', { class: 'card' }, `${actor.name} is merged into `,
      el('button', { type: 'button', class: 'link', onclick: () => update({ selection: { kind: 'actor', id: actor.mergedInto! } }) }, actor.mergedInto)));
  }
  const s = state();
  const maxYear = Math.max(1, ...actor.eventsByYear.map((y) => y.asSource + y.asTarget));
  fill(panel,
    el('div', { class: 'card', id: 'actor-card' },
      el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'expand', title: `Show up to ${EXPAND_CAP} of its neighbours in the network`,
          onclick: () => { if (isExpanded(id)) collapse(id); else expand(id); void loadActor(panel, id); } }, isExpanded(id) ? 'collapse' : 'expand'),
        el('button', { type: 'button', title: 'Give it a lane on the timeline', onclick: () => update({ lanes: [...new Set([...s.lanes, id])] }) }, 'lane'),
        el('button', { type: 'button', onclick: () => update({ selection: null, tab: 'evidence' }) }, 'close')),
      el('div', { class: 'name' }, actor.name),
      el('div', { class: 'muted' }, [words(actor.kind), actor.country, actor.discovered ? 'found in text' : 'knowledge base'].filter(Boolean).join(' · ')),
      actor.description ? el('div', {}, actor.description) : null,
      actor.aliases.length ? el('div', {}, 'Also: ', actor.aliases.slice(0, 20).join(', ')) : null,
      el('div', { class: 'muted' }, `${actor.mentionCount} mentions in ${actor.articleCount} articles`,
        actor.firstSeen ? ` · ${actor.firstSeen} to ${actor.lastSeen}` : '')),
    actor.merged?.length ? el('div', { class: 'card' }, el('b', {}, 'Merged here: '),
      ...actor.merged.map((m) => el('span', {}, m.name, ' ', undoButton(m.judgementId, 'split'), ' '))) : null,
    actorEdits(id),
    actor.roles?.length ? el('div', { class: 'card' }, el('h3', {}, 'Roles over time'),
      el('table', { class: 'plain' }, ...actor.roles.map((r) => el('tr', {},
        el('td', {}, `${r.from ?? '…'} – ${r.to ?? 'now'}`), el('td', {}, r.title ?? 'role', r.of ? `, ${r.of.name}` : ''),
        el('td', { class: 'muted' }, r.source === 'kb' ? 'knowledge base' : 'read in text'))))) : null,
    relationsCard(actor),
    el('div', { class: 'card' }, el('h3', {}, 'Events by type'),
      el('table', { class: 'plain' }, el('tr', {}, el('th', {}, 'type'), el('th', {}, 'as source'), el('th', {}, 'as target')),
        ...actor.eventCounts.map((c) => el('tr', {}, el('td', {}, c.type), el('td', {}, String(c.asSource)), el('td', {}, String(c.asTarget)))))),
    actor.eventsByYear?.length ? el('div', { class: 'card' }, el('h3', {}, 'Events by year'),
      el('table', { class: 'plain' }, ...actor.eventsByYear.map((y) => el('tr', {}, el('td', {}, y.year),
        el('td', {}, bar((y.asSource + y.asTarget) / maxYear), ` ${y.asSource + y.asTarget}`, el('span', { class: 'muted' }, ` (${y.asSource} as source)`)))))) : null,
    dyadCard(actor));
}

function bar(share: number): HTMLElement {
  const node = el('span', { class: 'bar' });
  node.style.width = `${Math.round(120 * share)}px`;
  return node;
}

function relationsCard(actor: ActorPage): HTMLElement | null {
  const out = actor.relationsOut.map((r) => el('li', {}, `${r.negated ? 'not ' : ''}${words(r.type)} `, actorLink(r.actor)));
  const inbound = actor.relationsIn.map((r) => el('li', {}, actorLink(r.actor), ` ${r.negated ? 'not ' : ''}${words(r.type)} it`));
  if (!out.length && !inbound.length) return null;
  return el('div', { class: 'card' }, el('h3', {}, 'Relations'), el('ul', { class: 'plain' }, ...out, ...inbound));
}

function actorLink(actor: { id: string; name: string }): HTMLElement {
  return el('button', { type: 'button', class: 'link', onclick: () => update({ selection: { kind: 'actor', id: actor.id }, tab: 'actor' }) }, actor.name);
}

/** Cooperation against conflict, both directions, per bucket, with a counterpart picked from the top ones. */
function dyadCard(actor: ActorPage): HTMLElement {
  const s = state();
  const counterparts = actor.counterparts;
  const chosen = s.dyad || counterparts[0]?.actor.id || '';
  const picker = el('select', { 'aria-label': 'Counterpart', onchange: (e: Event) => update({ dyad: (e.target as HTMLSelectElement).value }) },
    ...counterparts.map((c) => el('option', { value: c.actor.id, selected: c.actor.id === chosen }, `${c.actor.name} (${c.events}: ${c.cooperation} coop., ${c.conflict} conflict)`)));
  const chart = el('div', { id: 'dyad-chart' });
  const card = el('div', { class: 'card' }, el('h3', {}, 'Dyad: cooperation and conflict with '), counterparts.length ? picker : el('span', { class: 'muted' }, 'no counterpart in the window'), chart);
  if (chosen) void drawDyad(chart, actor, chosen);
  return card;
}

async function drawDyad(chart: HTMLElement, actor: ActorPage, other: string): Promise<void> {
  try {
    const { buckets } = await api<Dyad>('/api/dyad', { a: actor.id, b: other, ...windowParams() });
    const max = Math.max(1, ...buckets.flatMap((b) => [b.aToB.cooperation + b.bToA.cooperation, b.aToB.conflict + b.bToA.conflict]));
    fill(chart, el('table', { class: 'plain' },
      el('tr', {}, el('th', {}, 'when'), el('th', {}, 'cooperation'), el('th', {}, 'conflict')),
      ...buckets.map((b) => {
        const coop = b.aToB.cooperation + b.bToA.cooperation;
        const conflict = b.aToB.conflict + b.bToA.conflict;
        const c = bar(coop / max); c.style.background = 'var(--cooperation)';
        const k = bar(conflict / max); k.style.background = 'var(--conflict)';
        return el('tr', { title: `${actor.name} → other: ${b.aToB.cooperation} coop., ${b.aToB.conflict} conflict; other → ${actor.name}: ${b.bToA.cooperation}, ${b.bToA.conflict}` },
          el('td', {}, b.start), el('td', {}, c, ` ${coop}`), el('td', {}, k, ` ${conflict}`));
      })));
  } catch (error) {
    fill(chart, el('p', { class: 'error' }, `Could not load the dyad: ${(error as Error).message}`));
  }
}
