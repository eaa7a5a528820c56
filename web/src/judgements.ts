// Analyst judgements: mark a claim wrong, merge two actors (and split them again), add an alias. They
// are kept apart from what was extracted (the server applies them when reading) and each says who,
// when and why. Controls show only when the server takes edits (orbit serve --allow-edits).
import { api, post } from './api';
import { el, fill } from './dom';
import { update } from './state';
import type { Judgement, Page } from './types';

let editsOn = false;
const listeners: (() => void)[] = [];

export function setEdits(on: boolean): void {
  editsOn = on;
}
export const editsAllowed = () => editsOn;

/** Re-reads whatever views show after a judgement changed what the store says. */
export function onJudged(listener: () => void): void {
  listeners.push(listener);
}
function changed(): void {
  for (const listener of listeners) listener();
}

/** Who is judging: asked once, kept in this browser. */
function author(): string {
  return localStorage.getItem('orbit.author') ?? '';
}

/** A small form asking for the author and the reason, then running `act`. */
function judgeForm(label: string, act: (author: string, reason: string) => Promise<unknown>, extra?: HTMLInputElement): HTMLElement {
  const who = el('input', { type: 'text', placeholder: 'your name', value: author(), 'aria-label': 'Your name', size: 10 });
  const why = el('input', { type: 'text', placeholder: 'why', 'aria-label': 'Why', size: 18 });
  const message = el('span', { class: 'error' });
  const form = el('form', { class: 'judge-form', onclick: (e: Event) => e.stopPropagation(), onsubmit: async (e: Event) => {
    e.preventDefault();
    if (!who.value.trim() || !why.value.trim()) return void (message.textContent = 'say who and why');
    localStorage.setItem('orbit.author', who.value.trim());
    try {
      await act(who.value.trim(), why.value.trim());
      changed();
    } catch (error) {
      message.textContent = (error as Error).message;
    }
  } }, extra ?? null, who, why, el('button', { type: 'submit' }, label), message);
  return form;
}

type Judged = { id: string; judgement?: { id: string; kind: string; author: string; reason: string } | null };

export function claimJudgement(claim: Judged) {
  return claim.judgement && claim.judgement.kind === 'claim_wrong' ? claim.judgement : null;
}

/** "wrong?" on a claim: opens the form, or "undo" when the claim is already judged wrong. */
export function judgeClaimButton(claim: Judged, after: () => void): HTMLElement | null {
  if (!editsOn) return null;
  const judged = claimJudgement(claim);
  const box = el('span', { class: 'judge' });
  const open = () => fill(box, judgeForm(judged ? 'undo' : 'mark wrong', async (who, why) => {
    if (judged) await post(`/api/judgements/${encodeURIComponent(judged.id)}/undo`, { author: who, reason: why });
    else await post('/api/judgements', { kind: 'claim_wrong', claim: claim.id, author: who, reason: why });
    after();
  }));
  fill(box, el('button', { type: 'button', class: 'link', title: judged ? 'Undo the judgement' : 'Mark this claim wrong', onclick: (e: Event) => { e.stopPropagation(); open(); } }, judged ? 'undo' : 'wrong?'));
  return box;
}

/** Merge this actor into another (picked by search), and add an alias. */
export function actorEdits(actorId: string): HTMLElement | null {
  if (!editsOn) return null;
  const into = el('input', { type: 'search', placeholder: 'merge into… (search)', 'aria-label': 'Merge into', list: 'merge-candidates', size: 18 });
  const options = el('datalist', { id: 'merge-candidates' });
  let found = new Map<string, string>();
  into.addEventListener('input', async () => {
    if (into.value.trim().length < 2) return;
    const { items } = await api<{ items: { id: string; name: string }[] }>('/api/actors', { q: into.value.trim(), limit: 10 });
    found = new Map(items.filter((a) => a.id !== actorId).map((a) => [`${a.name} (${a.id})`, a.id]));
    fill(options, ...[...found.keys()].map((label) => el('option', { value: label })));
  });
  const alias = el('input', { type: 'text', placeholder: 'new alias', 'aria-label': 'New alias', size: 14 });
  return el('div', { class: 'card' },
    el('b', {}, 'Judge'), ' ',
    options,
    judgeForm('merge', async (who, why) => {
      const target = found.get(into.value) ?? (/\(([^()]+)\)$/.exec(into.value)?.[1] ?? into.value.trim());
      if (!target) throw new Error('pick the actor to merge into');
      await post('/api/judgements', { kind: 'merge', actor: actorId, into: target, author: who, reason: why });
      update({ selection: { kind: 'actor', id: target }, tab: 'actor' });
    }, into),
    judgeForm('add alias', async (who, why) => {
      if (!alias.value.trim()) throw new Error('type the alias');
      await post('/api/judgements', { kind: 'alias', actor: actorId, alias: alias.value.trim(), author: who, reason: why });
    }, alias));
}

/** Undo one judgement (a merge's undo is the split). */
export function undoButton(judgementId: string, label = 'undo'): HTMLElement | null {
  if (!editsOn) return null;
  const box = el('span');
  fill(box, el('button', { type: 'button', onclick: () => fill(box, judgeForm(label, (who, why) => post(`/api/judgements/${encodeURIComponent(judgementId)}/undo`, { author: who, reason: why }))) }, label));
  return box;
}

/** The judgements tab: every judgement, newest first, with undo. */
export async function loadJudgements(panel: HTMLElement): Promise<void> {
  fill(panel, el('p', { class: 'placeholder muted' }, 'Loading…'));
  try {
    const page = await api<Page<Judgement> | { items: Judgement[] }>('/api/judgements', { limit: 200 });
    fill(panel,
      el('h2', {}, 'Judgements ', el('span', { class: 'muted' }, String(page.items.length))),
      editsOn ? null : el('p', { class: 'card muted' }, 'Read only: start the server with orbit serve --allow-edits to judge.'),
      el('ol', {}, ...page.items.map((j) => el('li', { class: j.undoneAt ? 'judged-wrong' : '' },
        el('div', { class: 'line1' },
          el('span', { class: 'date' }, j.createdAt.slice(0, 10)),
          el('b', {}, j.kind.replaceAll('_', ' ')),
          j.claim ?? '', j.actor ? `${j.actor}` : '', j.into ? ` → ${j.into}` : '', j.alias ? ` “${j.alias}”` : '',
          j.undoneAt ? el('span', { class: 'badge' }, `undone ${j.undoneAt.slice(0, 10)}`) : undoButton(j.id, j.kind === 'merge' ? 'split' : 'undo')),
        el('div', { class: 'sentence' }, `${j.author}: ${j.reason}`)))));
  } catch (error) {
    fill(panel, el('p', { class: 'placeholder error' }, `Could not load judgements: ${(error as Error).message}`));
  }
}
