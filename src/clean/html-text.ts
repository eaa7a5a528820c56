// DOM to plain text: one paragraph unit per block (p, li, h1-h6, div ...), inline elements run
// together, whitespace normalised, nothing of scripts or styles. Used on Readability's article
// content, and on a whole page when Readability finds no article.
import { normalizeSpace } from './paragraphs.js';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD',
  'TR', 'UL', 'OPTION', 'BODY', 'HTML',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'HEAD', 'OBJECT', 'CANVAS', 'SELECT', 'TEXTAREA', 'MATH']);

/** The paragraph units of a DOM subtree, in document order. */
export function blockUnits(root: Node): string[] {
  return renderBlocks(root).map((b) => b.text);
}

/** A paragraph unit with the block element it was rendered from (for labelling lines from a page's structure). */
export interface RenderedBlock {
  text: string;
  /** The nearest block element around the unit's first text. */
  element: Element | null;
  /** How many of the unit's characters are link text (menus and teasers are mostly links). */
  linkChars: number;
}

/** The paragraph units of a DOM subtree with the element each came from, in document order. */
export function renderBlocks(root: Node): RenderedBlock[] {
  const units: RenderedBlock[] = [];
  let current = '';
  let element: Element | null = null;
  let linkChars = 0;
  let inLink = 0;
  const blocks: Element[] = [];
  const flush = () => {
    const unit = normalizeSpace(decodeLeftoverEntities(current));
    if (unit !== '') units.push({ text: unit, element, linkChars: Math.min(linkChars, unit.length) });
    current = '';
    element = null;
    linkChars = 0;
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      if (current === '' && element === null) element = blocks[blocks.length - 1] ?? null;
      const text = node.nodeValue ?? '';
      current += text;
      if (inLink > 0) linkChars += text.trim().length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as Element).tagName?.toUpperCase() ?? '';
    if (SKIP.has(tag) || (node.nodeType === 1 && isHidden(node as Element))) return;
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      blocks.push(node as Element);
    }
    const link = tag === 'A';
    if (link) inLink++;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (link) inLink--;
    if (block) {
      flush();
      blocks.pop();
    }
  };
  visit(root);
  flush();
  return units;
}

/** What a browser would not show: `hidden`, and inline `display:none`. */
function isHidden(element: Element): boolean {
  return element.hasAttribute('hidden') || /display\s*:\s*none/i.test(element.getAttribute('style') ?? '');
}

/** The whole visible text of a page, one block per line: what "save as text" of a page gives. */
export function pageText(document: Document): string {
  return blockUnits(document.body ?? document.documentElement).join('\n');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Pages that escape twice leave "&amp;" or "&#8217;" in the text after parsing: decode those once more. */
function decodeLeftoverEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos|nbsp);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
  });
}
