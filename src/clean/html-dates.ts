// A page's publication date. Every place a page may state it gives a candidate (meta tags, JSON-LD,
// microdata, <time>, a byline, the URL, a date line by the headline); the choice goes by how surely
// each source speaks of this article, published before updated. Never read: related-story lists,
// comments, captions ("FILED - 06 February 2009"), copyright lines, dates inside prose.
import type { IsoDate } from '../model/types.js';
import { findDate, parseDate } from './dates.js';
import { dateRole, labelledDate, type DateRole } from './date-labels.js';
import { wordCount } from './lines.js';
import { normalizeSpace } from './paragraphs.js';
import { isElsewhere, inByline, classAndId, elementsByTag, elementsWith, pageElements, shortText, type JsonNode } from './html-places.js';

export type DateSource =
  | 'meta' | 'jsonld' | 'microdata' | 'time-byline' | 'time-text' | 'byline-text' | 'labelled-text' | 'url' | 'near-headline' | 'time-other'
  | 'meta-modified' | 'jsonld-modified';

export interface DateCandidate {
  date: IsoDate;
  source: DateSource;
  role: DateRole | null;
  /** What produced it: a meta name, a label id, an element's class. */
  detail: string;
}

/** The order sources are trusted in: publishers' machine-readable dates first, text last, edits only when nothing else speaks. */
export const SOURCE_ORDER: readonly DateSource[] = [
  'meta', 'jsonld', 'microdata', 'time-byline', 'time-text', 'near-headline', 'byline-text', 'labelled-text', 'url', 'time-other', 'jsonld-modified', 'meta-modified',
];
/** Sources a reader sees: the date as the page writes it, in the outlet's own zone. */
const VISIBLE: ReadonlySet<DateSource> = new Set(['time-text', 'near-headline', 'byline-text', 'labelled-text']);
/** Machine timestamps, often in UTC: a day off the visible date is the zone, not another date. */
const MACHINE: ReadonlySet<DateSource> = new Set(['meta', 'jsonld', 'microdata', 'time-byline']);

export const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'datepublished', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'publication_date', 'dc.date.issued', 'dc.date.created', 'dc.date', 'dcterms.created', 'dcterms.issued',
  'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'article.published', 'originalpublicationdate', 'displaydate', 'cxenseparse:recs:publishtime',
  'date', 'og:pubdate', 'pub_date', 'article_date_original', 'citation_publication_date',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified', 'revised'];

/** Blocks after the headline in which a date line still counts as the article's own. */
const NEAR_HEADLINE_BLOCKS = 12;
/** Blocks before the headline (a kicker, a date above the title). */
const ABOVE_HEADLINE_BLOCKS = 3;

export interface DatePlaces {
  document: Document;
  meta: Map<string, string>;
  article: JsonNode | null;
  headline: Element | null;
  url: string | null;
}

export function dateCandidates({ document, meta, article, headline, url }: DatePlaces): DateCandidate[] {
  const out: DateCandidate[] = [];
  const add = (text: string | null | undefined, source: DateSource, detail: string, role: DateRole | null = null) => {
    const date = text ? parseDate(text) : null;
    if (date && date.length >= 7) out.push({ date, source, role, detail });
  };
  for (const name of PUBLISHED_META) add(meta.get(name), 'meta', name, 'published');
  if (article) {
    add(stringOf(article.datePublished), 'jsonld', 'datePublished', 'published');
    add(stringOf(article.dateCreated), 'jsonld', 'dateCreated', 'published');
    add(stringOf(article.dateModified), 'jsonld-modified', 'dateModified', 'updated');
  }
  for (const name of MODIFIED_META) add(meta.get(name), 'meta-modified', name, 'updated');
  for (const el of elementsWith(document, 'itemprop', ['datePublished', 'dateCreated'])) {
    if (el.tagName.toUpperCase() === 'META' && el.parentElement?.tagName.toUpperCase() === 'HEAD') continue;
    if (!isElsewhere(el)) add(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent, 'microdata', 'itemprop', 'published');
  }
  for (const el of elementsByTag(document, 'TIME')) {
    if (isElsewhere(el)) continue;
    const text = el.getAttribute('datetime') ?? el.textContent ?? '';
    const role = timeRole(el);
    if (role === 'not-publication') continue;
    const byline = inByline(el);
    add(text, byline ? 'time-byline' : 'time-other', classAndId(el).trim() || 'time', role);
    // The text a reader sees beside the machine stamp ("Nov 18, 2019 at 9:24 pm ET").
    const shown = normalizeSpace(el.textContent ?? '');
    if (byline && el.hasAttribute('datetime') && shown) {
      const found = labelledDate(shown);
      if (found && found.date.length === 10) out.push({ date: found.date, source: 'time-text', role: role ?? found.role, detail: 'time text' });
    }
  }
  out.push(...bylineText(document));
  out.push(...nearHeadline(document, headline));
  // Labelled lines anywhere are a last resort (and a whole-page walk): only when nothing visible gave a day.
  if (!out.some((c) => VISIBLE.has(c.source) && c.date.length === 10)) out.push(...labelledLines(document));
  const fromUrl = urlDate(url);
  if (fromUrl) out.push({ date: fromUrl, source: 'url', role: null, detail: 'url' });
  return out;
}

/**
 * The publication date among the candidates: the first source in SOURCE_ORDER that gives a date not
 * labelled an edit; an edit's date only when no source says when it was published.
 */
export function chooseDate(candidates: DateCandidate[]): DateCandidate | null {
  const usable = candidates.filter((c) => c.role !== 'not-publication');
  const rank = (c: DateCandidate) => SOURCE_ORDER.indexOf(c.source) + (c.role === 'updated' ? SOURCE_ORDER.length : 0);
  const sorted = [...usable].sort((a, b) => rank(a) - rank(b));
  const best = sorted[0] ?? null;
  if (best === null || !MACHINE.has(best.source) || best.role === 'updated') return best;
  // A UTC stamp of an evening story falls on the next day: the page's own written date wins when it is a day off.
  const shown = sorted.find((c) => VISIBLE.has(c.source) && c.role !== 'updated' && c.date.length === 10);
  return shown && best.date.length === 10 && Math.abs(dayNumber(shown.date) - dayNumber(best.date)) === 1 ? shown : best;
}

const dayNumber = (iso: IsoDate) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** What the text around a <time> says it is ("Updated", "Published"). */
function timeRole(el: Element): DateRole | null {
  const attr = `${classAndId(el)} ${el.getAttribute('itemprop') ?? ''}`;
  if (/modif|updat/i.test(attr)) return 'updated';
  if (/publish|pubdate|created/i.test(attr) || el.hasAttribute('pubdate')) return 'published';
  const parent = el.parentElement;
  const before = parent ? normalizeSpace(textBefore(parent, el)) : '';
  return dateRole(before)?.role ?? null;
}

/** The text of `container` that stands before `child`. */
function textBefore(container: Element, child: Element): string {
  let text = '';
  for (let n = container.firstChild; n && n !== child; n = n.nextSibling) text += n.textContent ?? '';
  return text;
}

/** A date written as text in a byline or meta element ("Posted on June 29, 2020 by admin"), short elements only. */
function bylineText(document: Document): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const { el, tag, names } of pageElements(document)) {
    if (!/byline|date|posted|publish|meta|time/i.test(names) || /update|modif/i.test(names)) continue;
    if (/^(META|TIME|SCRIPT|STYLE|BODY|HTML|HEAD)$/.test(tag)) continue;
    const text = shortText(el, 160);
    if (text === null || !/\d/.test(text) || wordCount(text) > 25 || isElsewhere(el)) continue;
    const found = labelledDate(text);
    if (found && found.role !== 'not-publication') out.push({ date: found.date, source: 'byline-text', role: found.role, detail: classAndId(el).trim() });
    if (out.length >= 3) break;
  }
  return out;
}

/**
 * Date lines right below (or just above) the headline: "Feb. 6, 2024", "Published: 12:40 GMT, 3 March
 * 2021", "By Jane Doe | March 3, 2021". Captions, figures, related lists and link-heavy blocks are skipped.
 */
function nearHeadline(document: Document, headline: Element | null): DateCandidate[] {
  if (!headline) return [];
  const blocks = blocksAround(document, headline);
  const out: DateCandidate[] = [];
  for (const { text, element, after } of blocks) {
    if (element && isElsewhere(element)) continue;
    const found = labelledDate(text);
    if (!found) continue;
    if (found.role === 'not-publication') continue;
    out.push({ date: found.date, source: 'near-headline', role: found.role, detail: `${after ? 'below' : 'above'}${found.label ? ` ${found.label}` : ''}` });
    if (found.role !== 'updated') break;
  }
  return out;
}

/**
 * Short lines anywhere in the article that say outright they give its publication date ("기사입력 :[
 * 2018-08-25 15:24 ]", "First published on November 20, 2019"), for pages without a usable headline element.
 */
function labelledLines(document: Document): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const { el, tag } of pageElements(document)) {
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|A|ASIDE|NAV|FIGURE|FIGCAPTION|HEAD|META|LINK|TITLE|HTML|BODY)$/.test(tag)) continue;
    // The element's own text (its text nodes, not its children's): one line of the page.
    let own = '';
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += c.nodeValue ?? '';
    if (own.length < 8 || !/\d{4}/.test(own)) continue;
    own = normalizeSpace(own);
    if (own.length < 8 || own.length > 120) continue;
    const found = labelledDate(own);
    if (!found || found.role !== 'published' || found.date.length < 10) continue;
    if (/^(ASIDE|NAV)$/i.test(el.tagName) || isElsewhere(el, true)) continue;
    out.push({ date: found.date, source: 'labelled-text', role: 'published', detail: found.label ?? '' });
    if (out.length >= 2) break;
  }
  return out;
}

interface NearBlock { text: string; element: Element | null; after: boolean }

/** Short text blocks in document order around the headline: a few above it, more below it. */
function blocksAround(document: Document, headline: Element): NearBlock[] {
  const all: { text: string; element: Element | null }[] = [];
  let headlineAt = -1;
  // Entries past the headline after which no more near lines can come (block ends come at most one per entry).
  const enough = () => headlineAt >= 0 && all.length - headlineAt > NEAR_HEADLINE_BLOCKS * 4;
  const visit = (node: Node, inLink: boolean) => {
    if (enough()) return;
    if (node === headline) headlineAt = all.length;
    if (node.nodeType === 3) {
      const text = normalizeSpace(node.nodeValue ?? '');
      if (text && !inLink) all.push({ text, element: node.parentElement });
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|IFRAME|HEAD|FIGURE|FIGCAPTION|ASIDE|NAV)$/.test(tag)) return;
    if (node === headline) {
      all.push({ text: '', element: headline });
      return;
    }
    // Text inside links is another page's (a related headline with its date), unless it is a date alone.
    const link = tag === 'A';
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c, inLink || (link && !dateOnly(node as Element)));
    if (/^(P|DIV|LI|H[1-6]|SPAN|TIME|SECTION|HEADER|ARTICLE|TD|BR)$/.test(tag)) all.push({ text: '', element: null });
  };
  visit(document.body ?? document.documentElement, false);
  if (headlineAt < 0) return [];
  // Text nodes of one block run together; blank entries mark block ends.
  const lines: { text: string; element: Element | null; index: number }[] = [];
  let current = '';
  let element: Element | null = null;
  all.forEach((a, i) => {
    if (a.text === '') {
      if (current) lines.push({ text: current, element, index: i });
      current = '';
      element = null;
      return;
    }
    current = current ? `${current} ${a.text}` : a.text;
    element ??= a.element;
  });
  if (current) lines.push({ text: current, element, index: all.length });
  const below = lines.filter((l) => l.index > headlineAt).slice(0, NEAR_HEADLINE_BLOCKS).map((l) => ({ ...l, after: true }));
  const above = lines.filter((l) => l.index <= headlineAt).slice(-ABOVE_HEADLINE_BLOCKS).map((l) => ({ ...l, after: false }));
  return [...below, ...above];
}

function dateOnly(el: Element): boolean {
  const text = normalizeSpace(el.textContent ?? '');
  return text.length < 40 && findDate(text) !== null && wordCount(text) <= 6;
}

/** "/2019/11/19/", "/2019-11-19-", "/20191119/", "/2019/11/" in the page's address. */
export function urlDate(url: string | null): IsoDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|[/_-])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(path);
  if (m) return parseDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
  // "/2019/nov/18/" (PolitiFact, The Guardian)
  const named = /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(\d{1,2})\//i.exec(path);
  if (named) return parseDate(`${named[3]} ${named[2]} ${named[1]}`);
  const month = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//.exec(path);
  return month ? `${month[1]}-${month[2]}` : null;
}

function stringOf(value: unknown): string | null {
  if (Array.isArray(value)) return stringOf(value[0]);
  return typeof value === 'string' ? value : null;
}
