// A page's own metadata: headline, outlet, author, publication date, language. Read from the places
// publishers put them for machines (Open Graph, JSON-LD, microdata, <time> in the article's byline)
// and from what the page shows by its headline, never from related-story lists, comments or captions,
// which carry other articles' dates and names.
import type { IsoDate } from '../model/types.js';
import { chooseDate, dateCandidates, type DateCandidate } from './html-dates.js';
import { readAuthor } from './html-author.js';
import { articleNode, clean, elementsByTag, isElsewhere, jsonLd, metaTags, pageElements, stringOf, typeNames, type JsonNode } from './html-places.js';
import { declaredLanguage, pageLanguage } from './language.js';

export interface PageMeta {
  title: string | null;
  outlet: string | null;
  publishedAt: IsoDate | null;
  /** The byline's names joined with ", " (an agency counts), null when the page names none. */
  author: string | null;
  /** ISO 639-1 code of the page's language, as declared, else guessed from its text. */
  language: string | null;
  /** The page's canonical address, when it gives one. */
  url: string | null;
  /** Every date the page offered and where (for the benchmark and for messages); the chosen one is `publishedAt`. */
  dateCandidates?: DateCandidate[];
}

/** `pageUrl` is where the page was read from, when known (its path may carry the date). */
export function readMeta(document: Document, pageUrl: string | null = null): PageMeta {
  const meta = metaTags(document);
  const ld = jsonLd(document);
  const article = articleNode(ld);

  const named = siteName(clean(meta.get('og:site_name'))) ?? publisherName(article, ld) ?? null;
  const declared = [clean(meta.get('og:title')), clean(meta.get('twitter:title')), clean(stringOf(article?.headline)), clean(document.title)].filter((t): t is string => t !== null);
  const h1 = headlineElement(document);
  const headline = h1 ? clean(h1.textContent) : null;
  // Without an <h1>, the element that shows the declared title is where the date line stands by.
  const shownTitle = h1 ?? titleElement(document, declared.map((t) => splitSiteSuffix(t, named).title));
  const split = declared.length ? splitSiteSuffix(declared[0], named) : null;
  const title = chooseTitle(headline, declared.map((t) => splitSiteSuffix(t, named).title), named);
  // Without a declared site name, the one the <title> ends with ("... - Daily News Hub 24") will do.
  const url = absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta.get('og:url') ?? null);
  // Last, the site's domain: a reader knows "wday.ru" or "comwrap.com" by it.
  const outlet = named ?? split?.site ?? siteFromTitleTag(document, named) ?? siteDomain(url ?? pageUrl);
  const candidates = dateCandidates({ document, meta, article, headline: shownTitle, url: url ?? pageUrl });
  if (pageUrl && url) candidates.push(...dateCandidates({ document, meta: new Map(), article: null, headline: null, url: pageUrl }).filter((c) => c.source === 'url'));
  return {
    title,
    outlet,
    publishedAt: chooseDate(candidates)?.date ?? null,
    author: readAuthor(document, meta, article, ld, outlet),
    language: pageLanguage(declaredLanguage(document, meta, article), bodyText(document)),
    url,
    dateCandidates: candidates,
  };
}

/**
 * The headline a reader sees: the story's <h1> when the page's declared titles agree with it (or it
 * stands inside the article), else the declared title without its site suffix.
 */
function chooseTitle(headline: string | null, declared: string[], outlet: string | null): string | null {
  const usable = headline !== null && wordsOf(headline).length >= 2 && !(outlet && sameWords(headline, outlet));
  if (usable && (declared.length === 0 || declared.some((d) => overlap(d, headline!) >= 0.5))) return headline;
  return declared[0] ?? (usable ? headline : null);
}

const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const sameWords = (a: string, b: string) => wordsOf(a).join(' ') === wordsOf(b).join(' ');

/** Share of the shorter title's words the other has. */
function overlap(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = new Set(wordsOf(b));
  if (wa.length === 0 || wb.size === 0) return 0;
  const shared = wa.filter((w) => wb.has(w)).length;
  return shared / Math.min(wa.length, wb.size);
}

function publisherName(article: JsonNode | null, nodes: JsonNode[]): string | null {
  let publisher = article?.publisher ?? nodes.find((n) => typeNames(n).some((t) => /NewsMediaOrganization|Organization/.test(t)));
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
function headlineElement(document: Document): Element | null {
  const h1s = elementsByTag(document, 'H1');
  const inArticle = (h: Element) => h.closest('article, main, [role="main"]') !== null;
  const scoped = h1s.find((h) => inArticle(h) && !isElsewhere(h) && wordsOf(h.textContent ?? '').length >= 2);
  return scoped ?? h1s.find((h) => !isElsewhere(h) && (h.textContent ?? '').trim().split(/\s+/).length >= 3) ?? null;
}

/** A heading-like element whose text is one of the declared titles. */
function titleElement(document: Document, titles: string[]): Element | null {
  if (titles.length === 0) return null;
  const candidates = pageElements(document).filter(({ tag, names }) => /^(H2|H3|DT)$/.test(tag) || /title|headline/i.test(names)).map(({ el }) => el);
  return candidates.find((el) => {
    const text = clean(el.textContent);
    return text !== null && !isElsewhere(el) && text.length < 300 && titles.some((t) => overlap(t, text) >= 0.8 && Math.abs(wordsOf(t).length - wordsOf(text).length) <= 3);
  }) ?? null;
}

/** The page's paragraphs' text, for guessing its language. */
function bodyText(document: Document): string {
  return elementsByTag(document, 'P').slice(0, 60).map((p) => p.textContent ?? '').join(' ');
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

/** "Autoracing | F1 | Indy" or "Remember 80/90 - Memorabilia anni 80/90": the name before its tagline. */
function siteName(name: string | null): string | null {
  return name === null ? null : name.split(/\s+(?:\||–|—|-|::|»|·)\s+/)[0] || null;
}

/** "https://blog.comwrap.com/x" -> "comwrap.com"; null for what is not a web address. */
export function siteDomain(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^(www\d?|m|amp|blog|news|mobile)\./i, '') || null;
  } catch {
    return null;
  }
}

function absoluteUrl(href: string | null): string | null {
  return href && /^https?:\/\//i.test(href.trim()) ? href.trim() : null;
}

