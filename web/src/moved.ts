// "Who moved": the influence of one window against an earlier one — which actors entered or left whose
// orbit, which ties rose or fell, and the terms (with their evidence) that changed.
import { api } from './api';
import { el, fill, words } from './dom';
import { state, update } from './state';

import type { MovedAnswer } from './types';

export async function loadMoved(panel: HTMLElement): Promise<void> {
  const s = state();
  const before = el('input', { type: 'date', 'aria-label': 'Earlier window from', value: s.before.from.length === 10 ? s.before.from : '' });
  const beforeTo = el('input', { type: 'date', 'aria-label': 'Earlier window to', value: s.before.to.length === 10 ? s.before.to : '' });
  const form = el('form', { class: 'card', onsubmit: (e: Event) => { e.preventDefault(); update({ before: { from: before.value, to: beforeTo.value } }); } },
    el('div', {}, 'Compare the window ', el('b', {}, `${s.from || '…'} – ${s.to || '…'}`), ' with the earlier window'),
    before, ' – ', beforeTo, ' ', el('button', { type: 'submit' }, 'compare'));
  if (!s.before.from && !s.before.to) return void fill(panel, form, el('p', { class: 'placeholder muted' }, 'Pick an earlier window to see who moved.'));
  fill(panel, form, el('p', { class: 'placeholder muted' }, 'Comparing…'));
  try {
    const answer = await api<MovedAnswer>('/api/moved', { from1: s.before.from, to1: s.before.to, from2: s.from, to2: s.to, limit: 100 });
    const moves = answer.actors.flatMap((a) => a.moves.map((m) => ({ target: a.actor, ...m })));
    fill(panel, form,
      el('h2', {}, 'Who moved ', el('span', { class: 'muted' }, `${moves.length} moves · influence ≥ ${answer.threshold} counts as in the orbit`)),
      el('ol', {}, ...moves.map((m) => el('li', {
        title: 'Open the ties between them',
        onclick: () => update({ selection: { kind: 'edge', id: '', edgeKind: 'relation', source: m.source.id, target: m.target.id, type: 'relation' }, tab: 'evidence' }),
      },
        el('div', { class: 'line1' }, el('span', { class: `badge ${m.change === 'left' || m.change === 'fell' ? 'warn' : ''}` }, m.change),
          `${m.source.name} over ${m.target.name}: ${m.score1.toFixed(2)} → ${m.score2.toFixed(2)}`),
        el('div', { class: 'sentence' }, 'why: ', m.terms.map((t) => `${words(t.term)} ${t.count1}→${t.count2} articles`).join('; '))))));
  } catch (error) {
    fill(panel, form, el('p', { class: 'placeholder error' }, `Could not compare: ${(error as Error).message}`));
  }
}
