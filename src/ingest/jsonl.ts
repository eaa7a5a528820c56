// JSON Lines: one article per line, `{"text" | "html", "title"?, "url"?, "publishedAt"?, "outlet"?}`.
// A bad line is reported with its line number and skipped; the other lines still go through.
import type { RawPage } from '../model/types.js';
import { message, type Report, type Severity } from '../core/messages.js';
import { parseDate } from '../clean/dates.js';

export function readJsonl(content: string, uri: string, report: Report): RawPage[] {
  const pages: RawPage[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNo = index + 1;
    const fail = (reason: string, severity: Severity = 'error', id = 'ingest.bad-jsonl-line') => report(message(id, severity, uri, reason, { line: lineNo }));
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      return fail(`invalid JSON on line ${index + 1}: ${(error as Error).message}`);
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return fail(`line ${index + 1} is not a JSON object`);
    }
    const r = record as Record<string, unknown>;
    const html = nonEmpty(r.html);
    const text = nonEmpty(r.text);
    if (html === null && text === null) return fail(`line ${index + 1} has no "text" or "html" string`);
    let publishedAt: string | null = null;
    const rawDate = nonEmpty(r.publishedAt);
    if (rawDate !== null) {
      publishedAt = parseDate(rawDate);
      if (publishedAt === null) fail(`line ${index + 1}: publishedAt "${rawDate}" is not a date; ignored`, 'warning', 'ingest.bad-date');
    }
    pages.push({
      uri,
      part: index,
      line: lineNo,
      format: text !== null ? 'text' : 'html',
      content: text ?? html!,
      title: nonEmpty(r.title),
      url: nonEmpty(r.url),
      publishedAt,
      outlet: nonEmpty(r.outlet),
    });
  });
  return pages;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
