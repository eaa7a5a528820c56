// RSS 2.0 / RSS 1.0 (RDF) and Atom feeds: one page per item, with the item's own title, link and date,
// and the feed's title as the outlet. Items without any body text are reported and skipped.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RawPage } from '../model/types.js';
import { message, type Report } from '../core/messages.js';
import { parseDate } from '../clean/dates.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // content:encoded -> encoded, dc:date -> date: the prefixes vary between feeds, the local names do not.
  removeNSPrefix: true,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** The feed's root element name when the XML is a feed, else null (used to sniff `.xml` files and URLs). */
export function feedRoot(content: string): 'rss' | 'atom' | 'rdf' | null {
  const root = rootElement(content);
  if (root === 'rss') return 'rss';
  if (root === 'feed') return 'atom';
  if (root === 'rdf:RDF' || root === 'RDF') return 'rdf';
  return null;
}

export function rootElement(content: string): string | null {
  // Skip the XML declaration, comments, processing instructions and a doctype.
  const stripped = content.replace(/^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<([A-Za-z_][\w:.-]*)/.exec(stripped)?.[1] ?? null;
}

export function readFeed(content: string, uri: string, report: Report): RawPage[] {
  const error = (reason: string, id = 'ingest.malformed-feed') => report(message(id, 'error', uri, reason));
  const valid = XMLValidator.validate(content);
  if (valid !== true) return error(`malformed feed: ${valid.err.msg} (line ${valid.err.line})`), [];
  const kind = feedRoot(content);
  if (kind === null) return error(`not an RSS or Atom feed (root element <${rootElement(content) ?? '?'}>)`, 'ingest.not-a-feed'), [];
  const doc = parser.parse(content) as Node;
  let items: Node[];
  let outlet: string | null;
  if (kind === 'atom') {
    const feed = asNode(doc.feed);
    items = asNodes(feed.entry);
    outlet = textOf(feed.title);
  } else {
    const root = asNode(kind === 'rss' ? doc.rss : doc.RDF);
    const channel = asNode(root.channel);
    // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
    items = asNodes(channel.item).concat(asNodes(root.item));
    outlet = textOf(channel.title);
  }
  const pages: RawPage[] = [];
  items.forEach((item, part) => {
    const body = firstText(item, ['encoded', 'content', 'description', 'summary']);
    if (body === null) {
      report(message('ingest.empty-feed-item', 'warning', uri, `feed item ${part + 1} has no content or description`, { item: part + 1 }));
      return;
    }
    const rawDate = firstText(item, ['pubDate', 'published', 'date', 'issued', 'updated']);
    pages.push({
      uri,
      part,
      item: part + 1,
      format: /<[a-z][\s\S]*>/i.test(body) ? 'html' : 'text',
      content: body,
      title: plain(firstText(item, ['title'])),
      url: linkOf(item.link),
      publishedAt: rawDate ? parseDate(rawDate) : null,
      outlet: plain(outlet),
    });
  });
  return pages;
}

function asNode(value: unknown): Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : {};
}

function asNodes(value: unknown): Node[] {
  return Array.isArray(value) ? value.map(asNode) : value === undefined ? [] : [asNode(value)];
}

/** Text of an element that may be a string or an object carrying attributes and `#text`. */
function textOf(value: unknown): string | null {
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) return textOf((value as Node)['#text']);
  return null;
}

function firstText(item: Node, names: string[]): string | null {
  for (const name of names) {
    const text = textOf(item[name]);
    if (text) return text;
  }
  return null;
}

/** RSS `<link>text</link>` or Atom `<link rel="alternate" href>`; Atom's self/edit links are not the article. */
function linkOf(value: unknown): string | null {
  const links = Array.isArray(value) ? value : value === undefined ? [] : [value];
  for (const link of links) {
    if (typeof link === 'string' && link.trim()) return link.trim();
    const node = asNode(link);
    const rel = node['@_rel'];
    if (typeof node['@_href'] === 'string' && (rel === undefined || rel === 'alternate')) return node['@_href'];
    const text = textOf(node);
    if (text) return text;
  }
  return null;
}

/** Titles may be typed html in Atom: keep only their text. */
function plain(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim() || null;
}
