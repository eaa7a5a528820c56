// JSON Lines: one article per line, `{"text" | "html", "title"?, "url"?, "publishedAt"?, "outlet"?}`.
// A bad line is reported with its line number and skipped; the other lines still go through.
import type { RawPage } from '../model/types.js';
import { message, type Report, type Severity } from '../core/messages.js';
import { parseDate } from '../clean/dates.js';

/** A JSONL text held whole (a fetched URL): every line through parseJsonlLine. */
export function readJsonl(content: string, uri: string, report: Report): RawPage[] {
  const pages: RawPage[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    const page = parseJsonlLine(line, index + 1, uri, report);
    if (page) pages.push(page);
  });
  return pages;
}

/** One line to a page, or null (a blank line; a bad one, reported with its number). */
export function parseJsonlLine(line: string, lineNo: number, uri: string, report: Report): RawPage | null {
  if (line.trim() === '') return null;
  const fail = (reason: string, severity: Severity = 'error', id = 'ingest.bad-jsonl-line') => {
    report(message(id, severity, uri, reason, { line: lineNo }));
    return null;
  };
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return fail(`invalid JSON on line ${lineNo}: ${(error as Error).message}`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return fail(`line ${lineNo} is not a JSON object`);
  }
  const r = record as Record<string, unknown>;
  const html = nonEmpty(r.html);
  const text = nonEmpty(r.text);
  if (html === null && text === null) return fail(`line ${lineNo} has no "text" or "html" string`);
  let publishedAt: string | null = null;
  const rawDate = nonEmpty(r.publishedAt);
  if (rawDate !== null) {
    publishedAt = parseDate(rawDate);
    if (publishedAt === null) fail(`line ${lineNo}: publishedAt "${rawDate}" is not a date; ignored`, 'warning', 'ingest.bad-date');
  }
  return {
    uri,
    part: lineNo - 1,
    line: lineNo,
    format: text !== null ? 'text' : 'html',
    content: text ?? html!,
    title: nonEmpty(r.title),
    url: nonEmpty(r.url),
    publishedAt,
    outlet: nonEmpty(r.outlet),
  };
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
