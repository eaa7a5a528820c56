// The evidence panel: the claims behind what is selected (the window's events, an actor's, an edge's,
// a place's) with their sentences, and the reader, which opens the whole cleaned article with the
// sentence marked. Article text is untrusted: it reaches the page only as text nodes (dom.ts).
import { api } from './api';
import { el, fill, sourceName, words } from './dom';
import { claimJudgement, judgeClaimButton } from './judgements';
import { state, update, windowParams, type AppState } from './state';
import type { ArticleDetail, ArticleSummary, EventRow, Page, RelationRow } from './types';

const PAGE = 50;

type Claim = (EventRow | RelationRow) & { judgement?: { id: string; kind: string; author: string; reason: string } | null };

const isEvent = (claim: Claim): claim is EventRow & Claim => 'sources' in claim;
const names = (actors: { name: string }[]) => actors.map((a) => a.name).join(', ') || '?';

interface ListState { items: Claim[]; total: number; error?: string }

let claims: ListState = { items: [], total: 0 };
let articles: { items: ArticleSummary[]; total: number; error?: string } = { items: [], total: 0 };
let request = 0;

/** What the claims list asks for, from the selection. */
function claimQuery(s: AppState): { path: string; params: Record<string, unknown>; keep?: (c: Claim) => boolean; title: string } {
  const base = { ...windowParams(s), q: s.q, modality: s.modality, types: s.types };
  const sel = s.selection;
  if (!sel) return { path: '/api/events', params: base, title: 'Events in the window' };
  if (sel.kind === 'actor') return { path: '/api/events', params: { ...base, actor: sel.id }, title: 'Events of the actor' };
  if (sel.kind === 'place') return { path: '/api/events', params: { ...base, ids: sel.eventIds.slice(0, 200) }, title: `Events at ${sel.name}` };
  if (sel.edgeKind === 'relation') {
    return { path: '/api/relations', params: { ...windowParams(s), types: s.types, source: sel.source, target: sel.target }, title: 'Relations on this tie' };
  }
  // an event edge is one pair and one tone: the events of the pair with that tone
  return {
    path: '/api/events', params: { ...base, q: '', source: sel.source, target: sel.target },
    keep: (c) => c.tone === sel.type, title: `${words(sel.type)} events on this tie`,
  };
}

export async function loadEvidence(panel: HTMLElement, more = false): Promise<void> {
  const s = state();
  const mine = more ? request : ++request;
  const query = claimQuery(s);
  const offset = more ? claims.items.length : 0;
  if (!more) fill(panel, el('p', { class: 'placeholder muted' }, 'Loading…'));
  try {
    const page = await api<Page<Claim>>(query.path, { ...query.params, limit: PAGE, offset } as never);
    const items = query.keep ? page.items.filter(query.keep) : page.items;
    if (mine !== request) return;
    claims = { items: more ? [...claims.items, ...items] : items, total: query.keep ? (more ? claims.total : items.length) : page.total };
  } catch (error) {
    if (mine !== request) return;
    claims = { items: [], total: 0, error: (error as Error).message };
  }
  if (!more) {
    const sel = s.selection;
    try {
      if (sel?.kind === 'edge' || sel?.kind === 'place') {
        // the articles of an edge or place are those its claims were read from
        const seen = new Map<string, ArticleSummary>();
        for (const claim of claims.items) seen.set(claim.article.id, claim.article as ArticleSummary);
        articles = { items: [...seen.values()], total: seen.size };
      } else {
        const page = await api<Page<ArticleSummary>>('/api/articles', { ...windowParams(s), q: s.q, actor: sel?.kind === 'actor' ? sel.id : '', limit: PAGE });
        articles = { items: page.items, total: page.total };
      }
    } catch (error) {
      articles = { items: [], total: 0, error: (error as Error).message };
    }
  }
  if (mine !== request) return;
  render(panel, query.title, query.path === '/api/relations' ? 'Relations' : 'Events');
  if (s.article) void showArticle(s.article, spanOf(s.span));
  else if (!more && (s.selection?.kind === 'edge') && claims.items.length) showClaim(claims.items[0]);
}

function spanOf(text: string): { start: number; end: number } | null {
  const m = /^(\d+)-(\d+)$/.exec(text);
  return m ? { start: +m[1], end: +m[2] } : null;
}

function count(list: { items: unknown[]; total: number; error?: string }): string {
  return list.error ? `(${list.error})` : `${list.items.length < list.total ? `${list.items.length} of ` : ''}${list.total}`;
}

function render(panel: HTMLElement, title: string, kind: string): void {
  const sel = state().selection;
  fill(panel,
    sel ? el('div', { class: 'card' },
      el('div', { class: 'actions' }, el('button', { type: 'button', onclick: () => update({ selection: null, article: '', span: '' }) }, 'Clear')),
      el('div', { class: 'name' }, title)) : null,
    el('h2', {}, kind, ' ', el('span', { class: 'muted', id: 'claims-count' }, count(claims))),
    el('ol', { id: 'claims' }, ...claims.items.map(claimItem)),
    claims.items.length < claims.total ? el('button', { type: 'button', class: 'more', onclick: () => void loadEvidence(panel, true) }, 'More') : null,
    el('div', { id: 'reader' }, el('p', { class: 'muted placeholder' }, 'Click a claim or an article to read it with its sentence marked.')),
    el('h2', {}, 'Articles ', el('span', { class: 'muted', id: 'articles-count' }, count(articles))),
    el('ol', { id: 'articles' }, ...articles.items.map(articleItem)));
}

function claimItem(claim: Claim): HTMLElement {
  const judged = claimJudgement(claim);
  const item = el('li', { class: judged ? 'judged-wrong' : '', 'data-claim': claim.id, title: claim.evidence.sentence, onclick: () => showClaim(claim, item) },
    el('div', { class: 'line1' },
      el('span', { class: 'date' }, isEvent(claim) ? claim.when ?? 'undated' : claim.article.publishedAt ?? 'undated'),
      isEvent(claim)
        ? el('span', {}, names(claim.sources), ' → ', el('span', { class: `type ${claim.tone}` }, claim.type), ' → ', names(claim.targets))
        : el('span', {}, claim.source.name, ' → ', el('span', { class: `type ${claim.tone}` }, words(claim.type)), ' → ', claim.target.name),
      isEvent(claim) && claim.modality !== 'asserted' ? el('span', { class: 'badge warn' }, claim.modality) : null,
      !isEvent(claim) && claim.negated ? el('span', { class: 'badge warn' }, 'negated') : null,
      !isEvent(claim) && (claim.validFrom || claim.validTo) ? el('span', { class: 'badge' }, `${claim.validFrom ?? '…'} to ${claim.validTo ?? 'now'}`) : null,
      claim.evidence.attributedTo ? el('span', { class: 'badge' }, 'attributed') : null,
      judged ? el('span', { class: 'badge warn', title: `${judged.author}: ${judged.reason}` }, 'judged wrong') : null,
      isEvent(claim) && claim.retellings?.length ? el('span', { class: 'badge', title: 'the article tells this happening in more sentences: one event, every sentence its evidence' }, `told ${claim.retellings.length + 1} times`) : null,
      judgeClaimButton(claim, () => void loadEvidence(item.closest('#panel') as HTMLElement))),
    el('div', { class: 'sentence' }, claim.evidence.sentence),
    ...(isEvent(claim) ? claim.retellings ?? [] : []).map((t) => el('div', { class: 'sentence retelling' }, t.sentence)));
  return item;
}

function articleItem(article: ArticleSummary): HTMLElement {
  const item = el('li', { onclick: () => { markActive(item); update({ article: article.id, span: '' }); void showArticle(article.id, null); } },
    el('div', { class: 'line1' },
      el('span', { class: 'date' }, article.publishedAt ?? 'undated'),
      el('span', { class: 'title' }, article.title ?? '(untitled)')),
    el('div', { class: 'line1 muted' },
      article.outlet ?? sourceName(article.sourceUri),
      article.duplicateOf ? el('span', { class: 'badge warn', title: `copy of ${article.duplicateOf}` }, 'duplicate') : null,
      article.spun ? el('span', { class: 'badge warn' }, 'spun') : null,
      article.eventCount !== undefined ? el('span', { class: 'badge' }, `${article.eventCount} events`) : null));
  return item;
}

function markActive(item?: HTMLElement): void {
  for (const node of document.querySelectorAll('li.active')) node.classList.remove('active');
  item?.classList.add('active');
}

function showClaim(claim: Claim, item?: HTMLElement): void {
  markActive(item ?? document.querySelector<HTMLElement>(`li[data-claim="${CSS.escape(claim.id)}"]`) ?? undefined);
  const summary = isEvent(claim)
    ? `${names(claim.sources)} → ${claim.type}${claim.mode ? ` (${claim.mode})` : ''} → ${names(claim.targets)}${claim.modality !== 'asserted' ? ` · ${claim.modality}` : ''}`
    : `${claim.source.name} ${claim.negated ? 'not ' : ''}${words(claim.type)} ${claim.target.name}`;
  update({ article: claim.article.id, span: `${claim.evidence.start}-${claim.evidence.end}` });
  const retellings = isEvent(claim) ? (claim.retellings ?? []).map((t) => ({ start: t.start, end: t.end })) : [];
  void showArticle(claim.article.id, { start: claim.evidence.start, end: claim.evidence.end }, { summary, attributedTo: claim.evidence.attributedTo }, retellings);
}

let readerRequest = 0;

async function showArticle(id: string, focus: { start: number; end: number } | null, claim?: { summary: string; attributedTo: string | null }, retellings: { start: number; end: number }[] = []): Promise<void> {
  const reader = document.getElementById('reader');
  if (!reader) return;
  const mine = ++readerRequest;
  try {
    const article = await api<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`);
    if (mine !== readerRequest) return;
    const meta = [article.outlet, article.author, article.publishedAt ?? 'undated', sourceName(article.sourceUri)].filter(Boolean).join(' · ');
    const link = /^https?:\/\//i.test(article.url ?? '') ? el('a', { href: article.url!, target: '_blank', rel: 'noopener noreferrer' }, 'original') : null;
    const body = el('div', { class: 'article-text' }, ...markedText(article, focus, retellings));
    // attributedTo is an actor id or a plain name ('militia officials')
    const by = claim?.attributedTo ? article.actors.find((a) => a.id === claim.attributedTo)?.name ?? claim.attributedTo : null;
    fill(reader,
      claim ? el('p', { class: 'claim' }, claim.summary, by ? ` — according to ${by}` : '') : null,
      el('h3', {}, article.title ?? '(untitled)'),
      el('p', { class: 'meta' }, meta, link ? ' · ' : '', link,
        article.duplicateOf ? ` · duplicate of ${article.duplicateOf}` : '', article.spun ? ' · spun' : ''),
      body);
    const target = body.querySelector('mark.focus');
    if (target) target.scrollIntoView({ block: 'center' });
  } catch (error) {
    fill(reader, el('p', { class: 'muted' }, `Could not load article ${id}: ${(error as Error).message}`));
  }
}

/**
 * The article's text as nodes: the focused span marked strongly (and the event's other tellings with
 * it), other evidence sentences lightly.
 */
function markedText(article: ArticleDetail, focus: { start: number; end: number } | null, retellings: { start: number; end: number }[] = []): (string | HTMLElement)[] {
  const text = article.text;
  const spans = focus
    ? [{ start: focus.start, end: focus.end, focus: true }, ...retellings.map((t) => ({ ...t, focus: true }))]
    : article.evidence.map((e) => ({ start: e.start, end: e.end, focus: false }));
  spans.sort((a, b) => a.start - b.start);
  const nodes: (string | HTMLElement)[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > text.length || span.end <= span.start) continue;
    nodes.push(text.slice(at, span.start));
    const mark = el('mark', { class: span.focus ? 'focus' : 'evidence' }, text.slice(span.start, span.end));
    if (!span.focus) {
      // the claims read from this sentence; one an analyst judged wrong says so, and a sentence whose
      // every claim is judged wrong is marked as such (the views leave those claims out)
      const here = [...article.events, ...article.relations].filter((c) => c.evidence.start === span.start);
      mark.title = here.map((c) => (c.judgement ? `${c.type} (judged wrong: ${c.judgement.reason || c.judgement.author})` : c.type)).join(', ');
      if (here.length && here.every((c) => c.judgement)) mark.classList.add('judged-wrong');
    }
    nodes.push(mark);
    at = span.end;
  }
  nodes.push(text.slice(at));
  return nodes;
}
