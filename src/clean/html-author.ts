// The article's author(s) as the byline names them: JSON-LD author, author meta tags, microdata, a
// rel=author link or a byline element ("By Jane Doe and John Roe"). An agency ("Reuters") counts;
// links to profile pages, the outlet's own name as a placeholder and "Editorial" labels do not.
import { ancestors, classAndId, clean, isElsewhere, type JsonNode, typeNames } from './html-places.js';
import { normalizeSpace } from './paragraphs.js';

const AUTHOR_META = ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'twitter:creator', 'cxenseparse:author'];
/** Words that stand in a byline slot without naming anyone. */
const NOT_A_NAME = /^(editorial|admin|administrator|staff|web desk|webdesk|news desk|desk|guest|unknown|anonymous|null|undefined|by)$/i;

export function readAuthor(document: Document, meta: Map<string, string>, article: JsonNode | null, nodes: JsonNode[]): string | null {
  return (
    jsonLdAuthor(article, nodes) ??
    AUTHOR_META.map((name) => authorText(meta.get(name))).find((a) => a !== null) ??
    markupAuthor(document) ??
    null
  );
}

function jsonLdAuthor(article: JsonNode | null, nodes: JsonNode[]): string | null {
  let authors = article?.author ?? article?.creator;
  if (authors === undefined || authors === null) return null;
  if (!Array.isArray(authors)) authors = [authors];
  const names = (authors as unknown[]).map((a) => {
    if (typeof a === 'string') return authorText(a);
    if (typeof a !== 'object' || a === null) return null;
    const node = a as JsonNode;
    if (typeof node.name === 'string') return authorText(node.name);
    const ref = typeof node['@id'] === 'string' ? nodes.find((n) => n['@id'] === node['@id'] && typeof n.name === 'string' && typeNames(n).includes('Person')) : undefined;
    return ref ? authorText(ref.name as string) : null;
  });
  return joinNames(names);
}

/** Byline elements: itemprop=author, rel=author, class byline/author. */
function markupAuthor(document: Document): string | null {
  const itemprop = Array.from(document.querySelectorAll('[itemprop="author"]')).filter((el) => !isElsewhere(el));
  const fromItemprop = joinNames(itemprop.map((el) => authorText(el.querySelector('[itemprop="name"]')?.getAttribute('content') ?? el.querySelector('[itemprop="name"]')?.textContent ?? el.getAttribute('content') ?? el.textContent)));
  if (fromItemprop) return fromItemprop;
  const rel = Array.from(document.querySelectorAll('a[rel="author"]')).filter((el) => !isElsewhere(el));
  const fromRel = joinNames(rel.map((el) => authorText(el.textContent)));
  if (fromRel) return fromRel;
  for (const el of Array.from(document.querySelectorAll('[class*="byline"], [class*="author"], [class*="Byline"], [class*="Author"]'))) {
    if (/^(META|SCRIPT|STYLE|BODY|HTML|IMG)$/i.test(el.tagName) || isElsewhere(el) || ancestors(el).some((a) => /bio|about-?author/i.test(classAndId(a)))) continue;
    const text = normalizeSpace(el.textContent ?? '');
    if (text.length > 80) continue;
    const name = authorText(text);
    if (name) return name;
  }
  return null;
}

/** A byline's names, without "By", a trailing date, a role or a profile link; null when it names nobody. */
export function authorText(raw: string | null | undefined): string | null {
  let text = clean(raw);
  if (!text || /^https?:\/\/|^www\.|\.(com|org|net)\b|^@/i.test(text)) return null;
  text = text.replace(/^(written |reported |words |story |posted )?by[:\s]+/i, '');
  // A date, a time or a role after the names: "Jane Doe | March 3, 2021", "Jane Doe, Senior Reporter".
  text = text.replace(/\s*(\||•|·|—|–|-\s|\bon\b|\bupdated\b|\bpublished\b|\d{1,2}:\d{2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$/i, '').trim();
  text = text.replace(/,?\s+(senior |chief |staff |political |special )?(reporter|correspondent|editor|writer|columnist|contributor)s?\b.*$/i, '').trim();
  text = text.replace(/[,;:]+$/, '').trim();
  if (!text || NOT_A_NAME.test(text) || text.length > 80 || !/\p{L}/u.test(text)) return null;
  const words = text.split(/\s+/).length;
  if (words > 10) return null;
  return text;
}

function joinNames(names: (string | null)[]): string | null {
  const unique = [...new Set(names.filter((n): n is string => n !== null))];
  return unique.length ? unique.join(', ') : null;
}
