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
  const units: string[] = [];
  let current = '';
  const flush = () => {
    const unit = normalizeSpace(decodeLeftoverEntities(current));
    if (unit !== '') units.push(unit);
    current = '';
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as Element).tagName?.toUpperCase() ?? '';
    if (SKIP.has(tag) || (node.nodeType === 1 && isHidden(node as Element))) return;
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) flush();
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
