// Where each kept paragraph of the cleaned text stands in the raw page, so the UI and a reviewer can
// go from any span back to the input. Paragraphs are looked for in order, from where the previous one
// was found. A text dump's paragraphs are there with their whitespace changed (wrapped lines joined,
// spaces collapsed), so whitespace may differ. An HTML page's paragraph is found only where its text
// stands verbatim between tags; entities (&amp;), inline markup (<a>, <em>) or Readability's
// rewriting break that, and the segment then says null rather than guess.
import type { SourceSegment } from '../core/doc.js';

/** Paragraphs longer than this are matched on their head only: the regex stays cheap on long pages. */
const HEAD_CHARS = 400;
/** What splitUnits collapses to one space. */
const SPACE = '[\\s\\u00a0\\u200b\\ufeff]+';

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
  const exact = content.indexOf(paragraph, from);
  if (exact >= 0) return { start: exact, end: exact + paragraph.length };
  if (!looseSpace) return null;
  const words = paragraph.split(' ');
  if (paragraph.length > HEAD_CHARS) return findHead(words, content, from);
  const pattern = new RegExp(words.map(escape).join(SPACE), 'g');
  pattern.lastIndex = from;
  const m = pattern.exec(content);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** A long paragraph: find its first words, then walk the page word by word to its end. */
function findHead(words: string[], content: string, from: number): { start: number; end: number } | null {
  const pattern = new RegExp(words.slice(0, 12).map(escape).join(SPACE), 'g');
  pattern.lastIndex = from;
  const m = pattern.exec(content);
  if (!m) return null;
  let end = m.index;
  for (const word of words) {
    const next = content.indexOf(word, end);
    if (next < 0 || /\S/.test(content.slice(end, next).replace(/[\u00a0\u200b\ufeff]/g, ' '))) return null;
    end = next + word.length;
  }
  return { start: m.index, end };
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
