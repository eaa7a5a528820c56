// Where each kept paragraph of the cleaned text stands in the raw page, so the UI and a reviewer can
// go from any span back to the input. Paragraphs are looked for in order, from where the previous one
// was found. A text dump's paragraphs are there with their whitespace changed (wrapped lines joined,
// spaces collapsed), so whitespace may differ. An HTML page's paragraph is found only where its text
// stands verbatim between tags; entities (&amp;), inline markup (<a>, <em>) or Readability's
// rewriting break that, and the segment then says null rather than guess.
import type { SourceSegment } from '../core/doc.js';

/** What splitUnits collapses to one space. */
const SPACE = /[\s\u00a0\u200b\ufeff]/;

export function mapParagraphs(paragraphs: string[], separator: string, content: string, format: 'html' | 'text'): SourceSegment[] {
  const segments: SourceSegment[] = [];
  let at = 0;
  let cursor = 0;
  for (const paragraph of paragraphs) {
    const found = find(paragraph, content, cursor, format === 'text');
    segments.push({ start: at, end: at + paragraph.length, sourceStart: found?.start ?? null, sourceEnd: found?.end ?? null });
    if (found) cursor = found.end;
    at += paragraph.length + separator.length;
  }
  return segments;
}

function find(paragraph: string, content: string, from: number, looseSpace: boolean): { start: number; end: number } | null {
  if (!looseSpace) {
    const exact = content.indexOf(paragraph, from);
    return exact >= 0 ? { start: exact, end: exact + paragraph.length } : null;
  }
  if (paragraph === '') return null;
  // Whitespace may differ: look in the page with every run of it as one space, then map back. A
  // pattern per paragraph cost a compile each and, for a paragraph not there, a scan to the page's
  // end: the main thread's largest cleaning cost on wrapped wire copy.
  const page = collapsed(content);
  const hit = page.text.indexOf(paragraph, lowerBound(page.at, from));
  if (hit < 0) return null;
  return { start: page.at[hit], end: page.at[hit + paragraph.length - 1] + 1 };
}

interface Collapsed {
  text: string;
  /** Where each character of `text` stands in the content (a collapsed run: its first character). */
  at: Int32Array;
}

// The stories of one page are mapped one after another against the same content.
let last: { content: string; page: Collapsed } | null = null;

function collapsed(content: string): Collapsed {
  if (last?.content === content) return last.page;
  const at = new Int32Array(content.length);
  let text = '';
  let n = 0;
  let start = 0;
  for (let i = 0; i < content.length; ) {
    if (isSpace(content, i)) {
      at[n++] = i;
      while (i < content.length && isSpace(content, i)) i++;
      text += content.slice(start, at[n - 1]) + ' ';
      start = i;
    } else {
      at[n++] = i++;
    }
  }
  text += content.slice(start);
  last = { content, page: { text, at: at.subarray(0, n) } };
  return last.page;
}

function isSpace(content: string, i: number): boolean {
  const code = content.charCodeAt(i);
  if (code > 32 && code < 127) return false;
  return SPACE.test(content[i]);
}

/** The first position of `text` at or after `offset` of the content. */
function lowerBound(at: Int32Array, offset: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
