// What the HTML block model sees of a page's structure around each rendered block, beside the text
// features of line-features.ts: the tags around it, the words of their class and id names ("article-body",
// "sidebar", "related"), how much of it is link text, and whether Readability kept it.
import { feature1, feature2, feature3, hashString } from '../nlp/perceptron/hash.js';
import type { RenderedBlock } from './html-text.js';
import { lineFeatures } from './line-features.js';

const T = {
  tag: 201, parentTag: 202, tagPath: 203, classWord: 204, section: 205, linkShare: 206, readability: 207,
  readabilityLink: 208, depth: 209, classWordTag: 210, headingLevel: 211, siblings: 212,
  readabilityAround: 213, container: 214, readabilityLength: 215, neighbourLinks: 216, region: 217, regionTag: 218,
  regionDistance: 219, windowLinks: 220, underTag: 221, classWordReadability: 222,
} as const;

/** Elements whose presence above a block says what part of the page it is in. */
const SECTIONS = ['ARTICLE', 'MAIN', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'FIGURE', 'LI', 'TABLE', 'BLOCKQUOTE'];
/** How far up class and id words are read. */
const CLASS_DEPTH = 4;
const MAX_CLASS_WORDS = 24;

/** The structural features of each block: read before Readability runs, since it rewrites the document. */
export function domFeatures(blocks: RenderedBlock[]): number[][] {
  return blocks.map((block, i) => {
    const out: number[] = [];
    const element = block.element;
    const tag = element?.tagName ?? '#';
    const parent = element?.parentElement?.tagName ?? '#';
    const grand = element?.parentElement?.parentElement?.tagName ?? '#';
    out.push(feature1(T.tag, hashString(tag)), feature2(T.parentTag, hashString(tag), hashString(parent)), feature3(T.tagPath, hashString(tag), hashString(parent), hashString(grand)));
    if (/^H[1-6]$/.test(tag)) out.push(feature1(T.headingLevel, Number(tag[1])));
    const words = new Set<string>();
    const sections = new Set<string>();
    let depth = 0;
    for (let e: Element | null = element; e; e = e.parentElement, depth++) {
      if (SECTIONS.includes(e.tagName)) sections.add(e.tagName);
      if (depth < CLASS_DEPTH && words.size < MAX_CLASS_WORDS) {
        const names = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''} ${e.getAttribute('itemprop') ?? ''} ${e.getAttribute('role') ?? ''}`;
        for (const w of names.toLowerCase().split(/[^a-z]+/)) if (w.length >= 3) words.add(w);
      }
    }
    for (const s of sections) out.push(feature1(T.section, hashString(s)));
    for (const w of words) out.push(feature1(T.classWord, hashString(w)));
    for (const w of words) if (/^H[1-6]$|^P$|^LI$|^DIV$/.test(tag)) out.push(feature2(T.classWordTag, hashString(w), hashString(tag)));
    out.push(feature1(T.depth, Math.min(12, Math.floor(depth / 2))));
    out.push(feature1(T.linkShare, linkBinOf(block)));
    // Blocks in a row under the same parent: a list of teasers, or the paragraphs of one body.
    const sameParent = (j: number) => blocks[j]?.element?.parentElement === element?.parentElement && element !== null;
    out.push(feature1(T.siblings, (sameParent(i - 1) ? 1 : 0) + (sameParent(i + 1) ? 2 : 0)));
    return out;
  });
}

function linkBinOf(block: RenderedBlock): number {
  const share = block.text.length > 0 ? block.linkChars / block.text.length : 0;
  return share === 0 ? 0 : share < 0.2 ? 1 : share < 0.5 ? 2 : share < 0.9 ? 3 : 4;
}

/** Whether Readability's article holds each block, alone and with its link share. */
export function readabilityFeatures(blocks: RenderedBlock[], inReadability: boolean[]): number[][] {
  const container = mainContainer(blocks, inReadability);
  // Where the block stands against Readability's article: before it, inside its span, or after it
  // (author bios, "about us" paragraphs and related stories follow the body), and how far out.
  const first = inReadability.indexOf(true);
  const last = inReadability.lastIndexOf(true);
  return blocks.map((block, i) => {
    const region = first < 0 ? 3 : i < first ? 0 : i > last ? 2 : 1;
    const distance = first < 0 ? 0 : Math.min(4, Math.ceil(Math.log2(1 + (i < first ? first - i : i > last ? i - last : 0))));
    const r = inReadability[i] ? 1 : 0;
    const words = Math.min(6, Math.ceil(Math.log2(1 + block.text.split(' ').length)));
    const around = (inReadability[i - 1] ? 1 : 0) + (inReadability[i + 1] ? 2 : 0);
    const under = container !== null && block.element !== null && container.contains(block.element) ? 1 : 0;
    return [
      feature1(T.readability, r),
      feature2(T.readabilityLink, r, linkBinOf(block)),
      feature2(T.readabilityAround, around, r),
      feature2(T.container, under, r),
      feature3(T.readabilityLength, r, words, linkBinOf(block)),
      feature3(T.neighbourLinks, blocks[i - 1] ? linkBinOf(blocks[i - 1]) : 9, blocks[i + 1] ? linkBinOf(blocks[i + 1]) : 9, r),
      feature3(T.region, region, r, words),
      feature3(T.regionTag, region, r, hashString(block.element?.tagName ?? '#')),
      feature2(T.regionDistance, region, distance),
      feature2(T.windowLinks, windowLinkBin(blocks, i), r),
      feature3(T.underTag, under, r, hashString(block.element?.tagName ?? '#')),
      ...nearClassWords(block.element).map((w) => feature3(T.classWordReadability, hashString(w), r, region)),
    ];
  });
}

/** Class and id words of a block's element and its parent: "author-bio", "related" inside Readability's article. */
function nearClassWords(element: Element | null): string[] {
  const words = new Set<string>();
  for (let e = element, depth = 0; e && depth < 2; e = e.parentElement, depth++) {
    for (const w of `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.toLowerCase().split(/[^a-z]+/)) if (w.length >= 3) words.add(w);
  }
  return [...words].slice(0, 12);
}

/** Link share of the text of the blocks within three of this one: a teaser list reads as links all round. */
function windowLinkBin(blocks: RenderedBlock[], i: number): number {
  let chars = 0;
  let links = 0;
  for (let j = Math.max(0, i - 3); j <= Math.min(blocks.length - 1, i + 3); j++) {
    chars += blocks[j].text.length;
    links += blocks[j].linkChars;
  }
  const share = chars > 0 ? links / chars : 0;
  return Math.min(5, Math.floor(share * 6));
}

/** The nearest element holding most of Readability's blocks: the article's container on the page. */
function mainContainer(blocks: RenderedBlock[], inReadability: boolean[]): Element | null {
  const chosen = blocks.filter((b, i) => inReadability[i] && b.element !== null).map((b) => b.element as Element);
  if (chosen.length === 0) return null;
  const counts = new Map<Element, number>();
  for (const e of chosen) for (let a: Element | null = e; a; a = a.parentElement) counts.set(a, (counts.get(a) ?? 0) + 1);
  // The deepest ancestor that still holds 80% of them.
  let best: Element | null = null;
  let bestDepth = -1;
  for (const [e, n] of counts) {
    if (n < chosen.length * 0.8) continue;
    let depth = 0;
    for (let a = e.parentElement; a; a = a.parentElement) depth++;
    if (depth > bestDepth) {
      best = e;
      bestDepth = depth;
    }
  }
  return best;
}

/** Everything the HTML block model reads of each block: its text and neighbours, the page's structure, Readability's choice. */
export function htmlBlockFeatures(blocks: RenderedBlock[], dom: number[][], inReadability: boolean[]): Uint32Array[] {
  const text = lineFeatures(blocks.map((b) => b.text), inReadability);
  const readability = readabilityFeatures(blocks, inReadability);
  return text.map((t, i) => {
    const all = new Uint32Array(t.length + dom[i].length + readability[i].length);
    all.set(t);
    all.set(dom[i], t.length);
    all.set(readability[i], t.length + dom[i].length);
    return all;
  });
}
