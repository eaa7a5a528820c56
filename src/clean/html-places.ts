// Where on a page a piece of metadata stands: the machine-readable places (meta tags, JSON-LD), and
// whether an element belongs to this article (its header, its byline) or to something else on the
// page (related stories, comments, captions), whose dates and names are other articles'.
import { normalizeSpace } from './paragraphs.js';

export type JsonNode = Record<string, unknown>;

/** Containers whose dates belong to other articles or to readers. */
const ELSEWHERE_TAG = new Set(['ASIDE', 'NAV', 'FOOTER', 'FIGURE', 'FIGCAPTION']);
const ELSEWHERE_CLASS = /related|recommend|comment|teaser|promo|sidebar|widget|most-?(read|popular|viewed)|trending|more-?(stories|news|from)|caption|newsletter|outbrain|taboola|(^|[-_ ])rail|(^|[-_ ])(card|list|feed)([-_ ]|$)/i;
const BYLINE_CLASS = /byline|dateline|article-?(meta|info|header|date)|meta|posted|publish|pub-?date|timestamp|date|time|author|header|info/i;


/** An element with what the metadata readers test on it, read once. */
export interface IndexedElement {
  el: Element;
  /** Upper-case tag name. */
  tag: string;
  /** Its class and id attributes. */
  names: string;
  itemprop: string | null;
  rel: string | null;
}

const pageIndexes = new WeakMap<Document, IndexedElement[]>();
const tagIndexes = new WeakMap<Document, Map<string, Element[]>>();

/**
 * Every element of the page in document order, walked once per document: the readers filter this
 * list in JavaScript, since substring attribute selectors over a whole page are slow in linkedom.
 */
export function pageElements(document: Document): IndexedElement[] {
  const cached = pageIndexes.get(document);
  if (cached) return cached;
  const out: IndexedElement[] = [];
  const walk = (el: Element) => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      // Attribute reads are slow in linkedom: read only the attributes the element has, of the four we test.
      let cls = '', id = '', itemprop: string | null = null, rel: string | null = null;
      if (c.hasAttributes()) {
        for (const name of c.getAttributeNames()) {
          if (name === 'class') cls = c.getAttribute(name) ?? '';
          else if (name === 'id') id = c.getAttribute(name) ?? '';
          else if (name === 'itemprop') itemprop = c.getAttribute(name);
          else if (name === 'rel') rel = c.getAttribute(name);
        }
      }
      out.push({ el: c, tag: c.tagName.toUpperCase(), names: `${cls} ${id}`, itemprop, rel });
      walk(c);
    }
  };
  if (document.documentElement) walk(document.documentElement);
  pageIndexes.set(document, out);
  return out;
}

/** The page's elements of one tag (upper case), in document order. */
export function elementsByTag(document: Document, tag: string): Element[] {
  let byTag = tagIndexes.get(document);
  if (!byTag) {
    byTag = new Map();
    for (const e of pageElements(document)) {
      const list = byTag.get(e.tag);
      if (list) list.push(e.el);
      else byTag.set(e.tag, [e.el]);
    }
    tagIndexes.set(document, byTag);
  }
  return byTag.get(tag) ?? [];
}

/** The page's elements that carry an attribute with one of the given values. */
export function elementsWith(document: Document, attribute: 'itemprop' | 'rel', values: readonly string[]): Element[] {
  return pageElements(document).filter((e) => { const v = e[attribute]; return v !== null && values.includes(v); }).map((e) => e.el);
}

/** `<meta property|name|itemprop=... content=...>`, first of each name, names lower-cased. */
export function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of elementsByTag(document, 'META')) {
    const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv'))?.toLowerCase().trim();
    const content = el.getAttribute('content');
    if (!name || !content || !content.trim() || tags.has(name)) continue;
    // A meta tag in the head is the page's; one in the body may sit in a related story's markup.
    if (el.parentElement?.tagName.toUpperCase() === 'HEAD' || !isElsewhere(el)) tags.set(name, content.trim());
  }
  return tags;
}

/** Every JSON-LD node on the page, with @graph and arrays flattened. */
export function jsonLd(document: Document): JsonNode[] {
  const nodes: JsonNode[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (typeof value !== 'object' || value === null) return;
    nodes.push(value as JsonNode);
    if ('@graph' in value) collect((value as JsonNode)['@graph']);
    if ('mainEntity' in value) collect((value as JsonNode).mainEntity);
  };
  for (const script of elementsByTag(document, 'SCRIPT').filter((s) => s.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json')) {
    const text = (script.textContent ?? '').replace(/^\s*(<!\[CDATA\[|<!--)|(\]\]>|-->)\s*$/g, '');
    try {
      collect(JSON.parse(text));
    } catch {
      // Broken JSON-LD is common: raw line breaks inside strings, trailing commas. One repair, else the other sources speak.
      try {
        collect(JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1')));
      } catch {
        // Still broken.
      }
    }
  }
  return nodes;
}

export function typeNames(node: JsonNode): string[] {
  const type = node['@type'];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
}

/** The JSON-LD node that describes the article: an Article type first, else any node with a datePublished. */
export function articleNode(nodes: JsonNode[]): JsonNode | null {
  const article = (n: JsonNode) => typeNames(n).some((t) => /Article|BlogPosting|Report|LiveBlogPosting/.test(t));
  return nodes.find(article) ?? nodes.find((n) => typeof n.datePublished === 'string') ?? null;
}

/**
 * The element's ancestors up to the enclosing <article> or <main> (inclusive), never <body>: page-wide
 * wrappers often carry classes like "has-sidebar" that say nothing about this element.
 */
export function ancestors(el: Element): Element[] {
  const chain: Element[] = [];
  for (let p = el.parentElement; p && !/^(BODY|HTML)$/i.test(p.tagName); p = p.parentElement) {
    chain.push(p);
    if (/^(ARTICLE|MAIN)$/i.test(p.tagName) || p.getAttribute('role') === 'main') break;
  }
  return chain;
}

export function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** Inside a related-stories list, comments, a caption, a figure, a nav or a footer. */
const elsewhereCache = [new WeakMap<Element, boolean>(), new WeakMap<Element, boolean>()];

export function isElsewhere(el: Element, footerIsOwn = false): boolean {
  const cache = elsewhereCache[footerIsOwn ? 1 : 0];
  const known = cache.get(el);
  if (known !== undefined) return known;
  const result = elsewhere(el, footerIsOwn);
  cache.set(el, result);
  return result;
}

function elsewhere(el: Element, footerIsOwn: boolean): boolean {
  return [el, ...ancestors(el)].some((a) => {
    const tag = a.tagName.toUpperCase();
    return (ELSEWHERE_TAG.has(tag) && !(footerIsOwn && tag === 'FOOTER')) || ELSEWHERE_CLASS.test(sayingClasses(a));
  });
}

/** Class and id tokens that say what an element is: "content__header--no-promo" or "has-sidebar" say what it lacks or holds. */
function sayingClasses(el: Element): string {
  return classAndId(el).split(/\s+/).filter((t) => !/(^|[-_])(no|has|with|without|hide|hidden)[-_]/i.test(t)).join(' ');
}

export function inByline(el: Element): boolean {
  if (el.hasAttribute('pubdate') || /publish/i.test(classAndId(el))) return true;
  return ancestors(el).some((a) => a.tagName.toUpperCase() === 'HEADER' || BYLINE_CLASS.test(classAndId(a)));
}

/**
 * The element's text when it is at most `max` characters, else null, without building the text of a
 * large subtree (a "meta" class on a wrapper of the whole article is common).
 */
export function shortText(el: Element, max: number): string | null {
  let text = '';
  const walk = (node: Node): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        text += c.nodeValue ?? '';
        if (text.length > max * 2 && normalizeSpace(text).length > max) return false;
      } else if (c.nodeType === 1 && !/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test((c as Element).tagName)) {
        if (!walk(c)) return false;
      }
    }
    return true;
  };
  if (!walk(el)) return null;
  const normal = normalizeSpace(text);
  return normal.length <= max ? normal : null;
}

export function clean(text: string | null | undefined): string | null {
  if (!text) return null;
  return normalizeSpace(text) || null;
}

export function stringOf(value: unknown): string | null {
  if (Array.isArray(value)) return stringOf(value[0]);
  return typeof value === 'string' ? value : null;
}
