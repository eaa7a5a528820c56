// The article's author(s) as the byline names them: JSON-LD author, author meta tags, microdata, a
// rel=author link or a byline element ("By Jane Doe and John Roe"). An agency ("Reuters") counts;
// links to profile pages, the outlet's own name as a placeholder and "Editorial" labels do not.
import { ancestors, classAndId, clean, elementsWith, isElsewhere, pageElements, shortText, type JsonNode, typeNames } from './html-places.js';

const AUTHOR_META = ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'twitter:creator', 'cxenseparse:author'];
/** Words that stand in a byline slot without naming anyone. */
const NOT_A_NAME = /^(editorial|admin|administrator|staff|web desk|webdesk|news desk|desk|guest|unknown|anonymous|null|undefined|by)$/i;

export function readAuthor(document: Document, meta: Map<string, string>, article: JsonNode | null, nodes: JsonNode[], outlet: string | null = null): string | null {
  const sources = [
    jsonLdAuthor(article, nodes),
    ...AUTHOR_META.map((name) => authorText(meta.get(name))),
    ...markupAuthors(document),
  ].map((a) => (a === null ? null : withoutOutlet(a, outlet))).filter((a): a is string => a !== null);
  if (sources.length === 0) return null;
  // The first source speaks, unless another names the same people and more (a JSON-LD that lists one of three bylines).
  const names = (a: string) => new Set(a.split(', ').map((n) => n.toLowerCase()));
  const first = names(sources[0]);
  return sources.find((a) => names(a).size > first.size && [...first].every((n) => names(a).has(n))) ?? sources[0];
}

/** The outlet's own name in a byline is no author ("BBC News"); after the names, it goes ("Jane Doe, CNN"). */
function withoutOutlet(author: string, outlet: string | null): string | null {
  const key = (s: string) => s.toLowerCase().replace(/^the\s+/, '').replace(/\.(com|info|net|org)$/, '').replace(/[^\p{L}\p{N}]/gu, '');
  if (outlet && (key(author) === key(outlet) || (key(author).length >= 3 && key(outlet).startsWith(key(author))))) return null;
  const names = author.split(', ').map((name) => {
    if (outlet && name.toLowerCase().endsWith(outlet.toLowerCase()) && name.length > outlet.length + 2) return name.slice(0, -outlet.length).replace(/[\s,.|-]+$/, '');
    return name;
  }).filter((n) => !(outlet && key(n) === key(outlet)));
  return names.length ? names.join(', ') : null;
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

/**
 * Byline elements, each one candidate: itemprop=author, rel=author, class byline/author, a meta line
 * that opens with "By". An author box in the article's own footer counts; one in a list of other stories does not.
 */
function markupAuthors(document: Document): string[] {
  const out: string[] = [];
  const own = (el: Element) => !isElsewhere(el, true);
  const itemprop = elementsWith(document, 'itemprop', ['author']).filter(own);
  out.push(joinNames(itemprop.map((el) => {
    const name = el.querySelector('[itemprop="name"]');
    return authorText(name?.getAttribute('content') ?? name?.textContent ?? el.getAttribute('content') ?? el.textContent);
  })) ?? '');
  out.push(joinNames(elementsWith(document, 'rel', ['author']).filter((el) => el.tagName.toUpperCase() === 'A' && own(el)).map((el) => authorText(el.textContent))) ?? '');
  for (const { el, tag, names } of pageElements(document)) {
    if (!/byline|author|meta/i.test(names)) continue;
    if (/^(META|SCRIPT|STYLE|BODY|HTML|IMG|ARTICLE|MAIN|HEAD|LINK)$/.test(tag)) continue;
    const text = shortText(el, 160);
    if (text === null || !own(el) || [el, ...ancestors(el)].some((a) => /bio|about-?author|avatar/i.test(classAndId(a)))) continue;
    // A meta line names its author only after "By".
    if (!/byline|author/i.test(classAndId(el)) && !/^by\s/i.test(text)) continue;
    const name = authorText(text);
    if (name) out.push(name);
    if (out.length >= 8) break;
  }
  return out.filter(Boolean);
}

/** What stands after the names in a byline: an agency or outlet credit, a role, a degree, a glued-on date. */
const AFTER_NAMES: readonly RegExp[] = [
  /\s*(\||•|·|—|–|-\s|\bon\b|\bupdated\b|\bpublished\b|\d{1,2}:\d{2}).*$/i,
  // "Carrie ArnoldNovember 15, 2019": a date glued to the name.
  /\s*(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2}\b.*$/,
  /,\s*(the )?(Associated Press|AP|Reuters|AFP|CNN|USA TODAY|Bloomberg)\b.*$/i,
  /(?<=\p{L})\s*(the )?(Associated Press|AP|Reuters|AFP|CNN|USA TODAY|Bloomberg)\b.*$/u,
  // "Finian Cunningham. Sputnik International": an outlet after a full stop.
  /(?<=\p{Ll}{2})\.\s+\p{Lu}.*$/u,
  /\s*\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$/,
  /,?\s+(senior |chief |staff |political |special |contributing |sports |auto |news |business )?(reporter|correspondent|editor|writer|columnist|contributor)s?\b.*$/i,
  // Degrees after a name: "Rachael Link, MS, RD".
  /(,\s*(MS|MA|RD|RDN|PhD|MD|MPH|CPT|LD|CDE|BSc|MSc|RN))+\s*$/,
  /[,;:]+$/,
];
const AGENCY = /^(Reuters|AP|Associated Press|AFP|PTI|IANS|ANI|UPI|dpa|Xinhua|Bloomberg|Anadolu|TASS|IRNA)$/i;
/** Particles that stand lower-case inside names ("Ursula von der Leyen", "Haider al-Abadi"). */
const PARTICLE = /^(de|da|di|du|del|della|der|den|van|von|la|le|al|el|bin|ibn|y|e|dos|das|ter|zu|of)$/i;

/** A person's or desk's name: a few words, each capitalised in scripts that have case. */
function nameLike(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 5 || /^(the|a|an)$/i.test(words[0])) return false;
  return words.every((w) => PARTICLE.test(w) || !/^\p{Ll}/u.test(w));
}

/** What stands before the names: "By", "Analysis by", "Text:", "Von". */
const BEFORE_NAMES = /^((written|reported|words|story|posted|analysis|opinion|commentary|review|photos?|text|von|par|por|di|текст|автор|autor|author)\s*(by)?[:\s]+|by[:\s]+)/iu;

/** A byline's names (joined with ", "), without "By", a trailing date, a role or a profile link; null when it names nobody. */
export function authorText(raw: string | null | undefined): string | null {
  let text = clean(raw);
  if (!text || /^https?:\/\/|^www\.|\.(com|org|net)\b\/|^@/i.test(text)) return null;
  for (let k = 0; k < 2; k++) text = text.replace(/^[^\p{L}\p{N}]+/u, '').replace(BEFORE_NAMES, '');
  const full = text;
  for (const pattern of AFTER_NAMES) {
    const cut = text.replace(pattern, '').trim();
    // An agency alone is the byline ("Reuters"); it goes only from after a name.
    if (cut) text = cut;
  }
  if (text !== full && !text) text = full;
  if (!text || NOT_A_NAME.test(text) || text.length > 80 || !/\p{L}/u.test(text)) return null;
  if (text.split(/\s+/).length > 10) return null;
  const names = text.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  // An agency first is the whole byline ("Reuters, Washington": the rest is where).
  if (AGENCY.test(names[0])) return names[0];
  return names.every(nameLike) ? names.join(', ') : null;
}

function joinNames(names: (string | null)[]): string | null {
  const unique = [...new Set(names.filter((n): n is string => n !== null))];
  return unique.length ? unique.join(', ') : null;
}
