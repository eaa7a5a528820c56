// Training data for the line model: a real page rendered to whole-page text as a browser's copy would
// give it (one block element per line), each line labelled from the benchmark's hand-made article body
// (body), the page's headline (title), and the page's structure (photo captions, bylines and date lines);
// everything else is the rest of the page. The labels come from the ground truth and the HTML, never
// from the line rules the model is given as features.
import { parseDocument } from '../../src/clean/html.js';
import { renderBlocks, type RenderedBlock } from '../../src/clean/html-text.js';
import { LABEL } from '../../src/clean/line-model.js';
import { splitUnits } from '../../src/clean/paragraphs.js';
import { tokens } from '../aeb.js';

export interface LabelledPage {
  key: string;
  /** The whole-page text, as a text dump of the page holds it. */
  text: string;
  units: string[];
  labels: number[];
}

const norm = (s: string) => tokens(s.toLowerCase()).join(' ');

/** A line is body when at least half of its 4-word shingles (or, if shorter, its words in a row) are in the gold body. */
const BODY_SHARE = 0.5;
const CAPTION = /caption|credit|figcaption|photo-?desc|image-?desc|wp-caption/i;
/** Class, id or itemprop words of bylines and date lines (whole words: "updates" is a menu, not a date). */
const META = /(^|[\s_]|--)(by-?line|author(-?name)?s?|dateline|timestamp|(pub|publish(ed)?|post|entry|article)-?date|date(published)?|time|published|posted(-on)?)($|[\s_]|--)/i;

/**
 * Labels a page's lines: its text dump's units (`asBlocks` false), or its rendered blocks one for one
 * (true, for the HTML block model).
 */
export function labelPage(key: string, html: string, goldBody: string, goldTitle?: string | null, asBlocks = false): LabelledPage {
  const document = parseDocument(html);
  const blocks = renderBlocks(document.body ?? document.documentElement);
  const text = blocks.map((b) => b.text).join('\n');
  const units = asBlocks ? blocks.map((b) => b.text) : splitUnits(text);
  const elements = asBlocks ? blocks.map((b) => b.element) : alignElements(units, blocks);

  const goldWords = tokens(goldBody.toLowerCase());
  const goldShingles = new Set<string>();
  for (let i = 0; i + 4 <= goldWords.length; i++) goldShingles.add(goldWords.slice(i, i + 4).join(' '));
  const goldJoined = ` ${goldWords.join(' ')} `;

  const share = units.map((unit) => {
    const words = tokens(unit.toLowerCase());
    if (words.length === 0) return 0;
    if (words.length < 4) return goldJoined.includes(` ${words.join(' ')} `) ? 0.99 : 0;
    let hits = 0;
    for (let i = 0; i + 4 <= words.length; i++) if (goldShingles.has(words.slice(i, i + 4).join(' '))) hits++;
    return hits / (words.length - 3);
  });
  const labels = units.map(() => LABEL.other as number);
  const long = (i: number) => tokens(units[i]).length >= 4;
  units.forEach((_, i) => {
    if (long(i) && share[i] >= BODY_SHARE) labels[i] = LABEL.body;
  });
  // Short lines (subheads, one-line answers) count as body only beside body.
  units.forEach((_, i) => {
    if (!long(i) && share[i] > 0 && (labels[i - 1] === LABEL.body || labels[i + 1] === LABEL.body)) labels[i] = LABEL.body;
  });
  keepOneOfEachRepeat(units, labels);

  const firstBody = labels.indexOf(LABEL.body);
  const titles = new Set([goldTitle, ...headlines(document)].filter((t): t is string => !!t).map(norm).filter((t) => t.length > 0));
  // The headline is the match nearest above the body (a teaser or menu may repeat it elsewhere).
  const matches = units.map((u, i) => (labels[i] === LABEL.other && titles.has(norm(u)) ? i : -1)).filter((i) => i >= 0);
  const above = matches.filter((i) => firstBody < 0 || i < firstBody);
  const titleAt = above.length > 0 ? above[above.length - 1] : matches.length > 0 ? matches[0] : -1;
  if (titleAt >= 0) labels[titleAt] = LABEL.title;

  units.forEach((unit, i) => {
    if (labels[i] !== LABEL.other) return;
    const element = elements[i];
    if (element && within(element, (e) => e.tagName === 'FIGCAPTION' || e.tagName === 'CAPTION' || e.tagName === 'FIGURE' || CAPTION.test(classOf(e)))) {
      labels[i] = LABEL.caption;
    } else if (element && tokens(unit).length <= 25 && within(element, (e) => e.tagName === 'TIME' || e.tagName === 'ADDRESS' || META.test(classOf(e)))) {
      labels[i] = LABEL.meta;
    }
  });
  return { key, text, units, labels };
}

/** A paragraph repeated on the page (a pull quote, a teaser of the lede) is body once: where the body is. */
function keepOneOfEachRepeat(units: string[], labels: number[]): void {
  const body = labels.map((l, i) => (l === LABEL.body ? i : -1)).filter((i) => i >= 0);
  if (body.length === 0) return;
  const centre = body[Math.floor(body.length / 2)];
  const byKey = new Map<string, number[]>();
  for (const i of body) {
    const key = norm(units[i]);
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  }
  for (const places of byKey.values()) {
    if (places.length < 2) continue;
    const keep = places.reduce((a, b) => (Math.abs(b - centre) < Math.abs(a - centre) ? b : a));
    for (const i of places) if (i !== keep) labels[i] = LABEL.other;
  }
}

/** The page's own statements of its headline: h1s, og:title, and <title> without the site's name. */
function headlines(document: Document): string[] {
  const found: string[] = [];
  for (const h of Array.from(document.querySelectorAll('h1'))) found.push(h.textContent ?? '');
  const og = document.querySelector('meta[property="og:title"], meta[name="twitter:title"]')?.getAttribute('content');
  if (og) found.push(og);
  const title = document.querySelector('title')?.textContent ?? '';
  if (title) found.push(title, title.split(/\s[|–—-]\s/)[0]);
  return found;
}

function classOf(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('itemprop') ?? ''} ${element.getAttribute('rel') ?? ''}`;
}

/** The element or one of its four nearest ancestors passes the test. */
function within(element: Element, test: (e: Element) => boolean): boolean {
  let e: Element | null = element;
  for (let depth = 0; e && depth < 5; depth++, e = e.parentElement) if (test(e)) return true;
  return false;
}

/** Each unit's source element: units are the rendered blocks, a few of them joined where lines ran on. */
function alignElements(units: string[], blocks: RenderedBlock[]): (Element | null)[] {
  const out: (Element | null)[] = [];
  let b = 0;
  for (const unit of units) {
    while (b < blocks.length && !unit.startsWith(blocks[b].text)) b++;
    if (b >= blocks.length) {
      out.push(null);
      b = 0;
      continue;
    }
    out.push(blocks[b].element);
    let covered = blocks[b].text.length;
    b++;
    while (b < blocks.length && covered < unit.length) covered += 1 + blocks[b++].text.length;
  }
  return out;
}
