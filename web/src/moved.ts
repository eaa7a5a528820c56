// "Who moved": the influence of one window against an earlier one — which actors entered or left whose
// orbit, which ties rose or fell, and the terms (with their evidence) that changed.
import { api } from './api';
import { el, fill, words } from './dom';
import { state, update } from './state';

interface MovedTerm { term: string; type: string; before: number; after: number; evidenceIds: string[] }
interface MovedPair { source: { id: string; name: string }; target: { id: string; name: string }; change: 'entered' | 'left' | 'rose' | 'fell'; before: number; after: number; terms: MovedTerm[] }

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
    const { items } = await api<{ items: MovedPair[] }>('/api/moved', { from1: s.before.from, to1: s.before.to, from2: s.from, to2: s.to, limit: 100 });
    fill(panel, form,
      el('h2', {}, 'Who moved ', el('span', { class: 'muted' }, String(items.length))),
      el('ol', {}, ...items.map((p) => el('li', { onclick: () => update({ selection: { kind: 'edge', id: '', edgeKind: 'relation', source: p.source.id, target: p.target.id, type: 'relation' }, tab: 'evidence' }) },
        el('div', { class: 'line1' }, el('span', { class: `badge ${p.change === 'left' || p.change === 'fell' ? 'warn' : ''}` }, p.change),
          `${p.source.name} over ${p.target.name}: ${p.before.toFixed(2)} → ${p.after.toFixed(2)}`),
        el('div', { class: 'sentence' }, p.terms.map((t) => `${words(t.type)} ${t.before}→${t.after}`).join('; '))))));
  } catch (error) {
    fill(panel, form, el('p', { class: 'placeholder error' }, `Could not compare: ${(error as Error).message}`));
  }
}
