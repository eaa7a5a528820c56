// A page's own metadata: headline, outlet, publication date. Read from the places publishers put
// them for machines (Open Graph, JSON-LD, microdata, <time> in the article's byline), never from
// related-story lists, comments or captions, which carry other articles' dates.
import type { IsoDate } from '../model/types.js';
import { parseDate } from './dates.js';
import { dateLine } from './lines.js';
import { normalizeSpace } from './paragraphs.js';

export interface PageMeta {
  title: string | null;
  outlet: string | null;
  publishedAt: IsoDate | null;
  /** The page's canonical address, when it gives one. */
  url: string | null;
}

type JsonNode = Record<string, unknown>;

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date',
  'publish_date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date',
  'article.published', 'originalpublicationdate', 'date',
];
const ARTICLE_TYPE = /Article|BlogPosting|Report|LiveBlogPosting/;
/** Containers whose dates belong to other articles or to readers. */
const ELSEWHERE_TAG = new Set(['ASIDE', 'NAV', 'FOOTER', 'FIGURE', 'FIGCAPTION']);
const ELSEWHERE_CLASS = /related|recommend|comment|teaser|promo|sidebar|widget|most-?(read|popular|viewed)|trending|more-?(stories|news|from)|caption|newsletter|outbrain|taboola|(^|[-_ ])rail|(^|[-_ ])(card|list|feed)([-_ ]|$)/i;
const BYLINE_CLASS = /byline|dateline|article-?(meta|info|header|date)|meta|posted|publish|pub-?date|timestamp|date|time|author|header|info/i;

export function readMeta(document: Document): PageMeta {
  const meta = metaTags(document);
  const ld = jsonLd(document);
  const article = ld.find((n) => typeNames(n).some((t) => ARTICLE_TYPE.test(t))) ?? ld.find((n) => typeof n.datePublished === 'string') ?? null;

  const named = clean(meta.get('og:site_name')) ?? publisherName(article, ld) ?? null;
  const rawTitle = clean(meta.get('og:title')) ?? headlineH1(document) ?? clean(meta.get('twitter:title')) ?? clean(stringOf(article?.headline)) ?? clean(document.title);
  const split = rawTitle === null ? null : splitSiteSuffix(rawTitle, named);
  // Without a declared site name, the one the <title> ends with ("... - Daily News Hub 24") will do.
  const outlet = named ?? split?.site ?? siteFromTitleTag(document, named);
  return {
    title: split?.title ?? null,
    outlet,
    publishedAt: publishedDate(document, meta, article),
    url: absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta.get('og:url') ?? null),
  };
}

function publishedDate(document: Document, meta: Map<string, string>, article: JsonNode | null): IsoDate | null {
  const fromMeta = (name: string) => { const v = meta.get(name); return v ? parseDate(v) : null; };
  return (
    fromMeta('article:published_time') ??
    (article && typeof article.datePublished === 'string' ? parseDate(article.datePublished) : null) ??
    microdataDate(document) ??
    PUBLISHED_META.map(fromMeta).find((d) => d !== null) ??
    bylineTime(document) ??
    bylineText(document)
  );
}

/** `<meta property|name|itemprop=... content=...>`, first of each name, names lower-cased. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.toLowerCase();
    const content = el.getAttribute('content');
    if (name && content && !tags.has(name) && !isElsewhere(el)) tags.set(name, content);
  }
  return tags;
}

/** Every JSON-LD node on the page, with @graph and arrays flattened. */
function jsonLd(document: Document): JsonNode[] {
  const nodes: JsonNode[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (typeof value !== 'object' || value === null) return;
    nodes.push(value as JsonNode);
    if ('@graph' in value) collect((value as JsonNode)['@graph']);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = (script.textContent ?? '').replace(/^\s*(<!\[CDATA\[|<!--)|(\]\]>|-->)\s*$/g, '');
    try {
      collect(JSON.parse(text));
    } catch {
      // Broken JSON-LD is common; the other sources still speak.
    }
  }
  return nodes;
}

function typeNames(node: JsonNode): string[] {
  const type = node['@type'];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
}

function publisherName(article: JsonNode | null, nodes: JsonNode[]): string | null {
  let publisher = article?.publisher ?? nodes.find((n) => typeNames(n).includes('NewsMediaOrganization'));
  if (Array.isArray(publisher)) publisher = publisher[0];
  if (typeof publisher === 'string') return clean(publisher);
  if (typeof publisher !== 'object' || publisher === null) return null;
  const p = publisher as JsonNode;
  if (typeof p.name === 'string') return clean(p.name);
  // A reference to a node elsewhere in the graph.
  const ref = typeof p['@id'] === 'string' ? nodes.find((n) => n['@id'] === p['@id'] && typeof n.name === 'string') : undefined;
  return ref ? clean(ref.name as string) : null;
}

/** The article's h1: inside <article> or <main> first, else the first h1 that reads like a headline. */
function headlineH1(document: Document): string | null {
  const scoped = document.querySelector('article h1, main h1, [role="main"] h1');
  const h1 = scoped ?? Array.from(document.querySelectorAll('h1')).find((h) => (h.textContent ?? '').trim().split(/\s+/).length >= 3) ?? null;
  return h1 && !isElsewhere(h1) ? clean(h1.textContent) : null;
}

function microdataDate(document: Document): IsoDate | null {
  for (const el of Array.from(document.querySelectorAll('[itemprop="datePublished"]'))) {
    if (isElsewhere(el)) continue;
    const date = parseDate(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '');
    if (date) return date;
  }
  return null;
}

/** A <time> in the article's header or byline, outside any list of other stories. */
function bylineTime(document: Document): IsoDate | null {
  for (const el of Array.from(document.querySelectorAll('time'))) {
    if (isElsewhere(el) || !inByline(el)) continue;
    const date = parseDate(el.getAttribute('datetime') ?? el.textContent ?? '');
    if (date) return date;
  }
  return null;
}

/**
 * The element's ancestors up to the enclosing <article> or <main> (inclusive), never <body>: page-wide
 * wrappers often carry classes like "has-sidebar" that say nothing about this element.
 */
/**
 * A date written as text in the article's byline or meta line ("Posted on June 29, 2020 by admin",
 * `<span class="pubdate">Oct 12, 2021</span>`), for pages that mark it up no other way. Only short
 * elements whose whole text is a date line count, so a paragraph that names a date does not.
 */
function bylineText(document: Document): IsoDate | null {
  const selector = '[class*="date"], [class*="byline"], [class*="posted"], [class*="publish"], [class*="meta"], [class*="info"], [class*="time"], [id*="date"], [id*="byline"]';
  for (const el of Array.from(document.querySelectorAll(selector))) {
    if (el.tagName.toUpperCase() === 'META' || isElsewhere(el) || !BYLINE_CLASS.test(classAndId(el))) continue;
    const text = normalizeSpace(el.textContent ?? '');
    if (text.length > 160) continue;
    const found = dateLine(text);
    if (found) return found.date;
  }
  return null;
}

function ancestors(el: Element): Element[] {
  const chain: Element[] = [];
  for (let p = el.parentElement; p && !/^(BODY|HTML)$/i.test(p.tagName); p = p.parentElement) {
    chain.push(p);
    if (/^(ARTICLE|MAIN)$/i.test(p.tagName) || p.getAttribute('role') === 'main') break;
  }
  return chain;
}

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function isElsewhere(el: Element): boolean {
  return [el, ...ancestors(el)].some((a) => ELSEWHERE_TAG.has(a.tagName.toUpperCase()) || ELSEWHERE_CLASS.test(classAndId(a)));
}

function inByline(el: Element): boolean {
  if (el.hasAttribute('pubdate') || /publish/i.test(classAndId(el))) return true;
  return ancestors(el).some((a) => a.tagName.toUpperCase() === 'HEADER' || BYLINE_CLASS.test(classAndId(a)));
}

/** "Rockets hit base | Example News" -> "Rockets hit base". Only a short tail goes, and only when the head is a headline. */
export function stripSiteSuffix(title: string, outlet: string | null): string {
  return splitSiteSuffix(title, outlet).title;
}

/** The headline and the site name a <title> carries after a separator, when it carries one. */
export function splitSiteSuffix(title: string, outlet: string | null): { title: string; site: string | null } {
  const m = /^(.*\S)\s+(\||–|—|-|::|»|·)\s+([^|–—»·]+)$/.exec(title);
  if (!m) return { title, site: null };
  const [, head, separator, tail] = m;
  const same = (a: string, b: string) => a.toLowerCase().replace(/[^a-z0-9]/g, '') === b.toLowerCase().replace(/[^a-z0-9]/g, '');
  const headWords = head.split(/\s+/).length;
  const tailWords = tail.split(/\s+/).length;
  const dash = separator === '-' || separator === '–' || separator === '—';
  // A site name is a few capitalised words or numbers ("Daily News Hub 24"); "US talks resume" is not.
  const nameLike = tailWords <= 5 && tail.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w));
  const strip =
    (outlet !== null && same(tail, outlet)) ||
    /\.(com|org|net|co\.uk|news|info|iq|ir)$/i.test(tail.trim()) ||
    (!dash && tailWords <= 5 && headWords >= 3) ||
    (dash && nameLike && headWords >= 4);
  if (!strip) return { title, site: null };
  const inner = splitSiteSuffix(head, outlet);
  return { title: inner.title, site: tail.trim() };
}

function siteFromTitleTag(document: Document, outlet: string | null): string | null {
  const title = clean(document.title);
  return title ? splitSiteSuffix(title, outlet).site : null;
}

function absoluteUrl(href: string | null): string | null {
  return href && /^https?:\/\//i.test(href.trim()) ? href.trim() : null;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function clean(text: string | null | undefined): string | null {
  if (!text) return null;
  return normalizeSpace(text) || null;
}
