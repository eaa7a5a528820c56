// Dates named in a sentence, resolved against the article's publication date: "on Tuesday",
// "last month", "in January 2020", "in 2019". chrono-node parses the phrases; we decide the precision
// (what the text actually pins down) and the direction (past unless the sentence speaks of the future).
import * as chrono from 'chrono-node';
import type { IsoDate, Span } from '../model/types.js';

export interface DateMention extends Span {
  text: string;
  date: IsoDate;
}

const DURATION = /^(?:in|within|for|over)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+(?:hours?|days?|weeks?|months?|years?)$/i;
const BARE_YEAR = /\b(?:in|since|during|by|until|early|late|mid-?|throughout|of|from)\s+((?:19|20)\d{2})\b(?!\s*(?:-|–)?\s*(?:19|20)\d{2})/gi;

export function findDates(sentence: string, offset: number, published: IsoDate | null, future = false): DateMention[] {
  const reference = published && published.length === 10 ? new Date(`${published}T12:00:00Z`) : null;
  const found: DateMention[] = [];
  const results = chrono.en.parse(sentence, reference ? { instant: reference, timezone: 0 } : undefined);
  for (const r of results) {
    // Without a report date only a phrase that names its year can be trusted ("last month" of when?).
    if (!reference && !/\b\d{4}\b/.test(r.text)) continue;
    // "for the second time in a week", "within two days": a span of time, not a date.
    if (DURATION.test(r.text)) continue;
    // "two days after the strike", "a week later": counted from another happening, not from the report.
    if (/\b(?:after|before|later|earlier)$/i.test(r.text)) continue;
    const date = resolve(r.start, reference, future);
    if (date) found.push({ text: r.text, start: offset + r.index, end: offset + r.index + r.text.length, date });
  }
  for (const m of sentence.matchAll(BARE_YEAR)) {
    const start = offset + m.index! + m[0].length - m[1].length;
    if (!found.some((d) => d.start <= start && start < d.end)) found.push({ text: m[1], start, end: start + 4, date: m[1] });
  }
  return found.sort((a, b) => a.start - b.start);
}

function resolve(c: chrono.ParsedComponents, reference: Date | null, future: boolean): IsoDate | null {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y == null || m == null) return null;
  const certain = (k: chrono.Component) => c.isCertain(k);
  // A lone weekday: the nearest one before the report (after it, when the sentence looks ahead).
  if (!certain('day') && !certain('month') && certain('weekday') && reference) {
    const weekday = c.get('weekday')!;
    const delta = future ? ((weekday - reference.getUTCDay() + 7) % 7 || 7) : -((reference.getUTCDay() - weekday + 7) % 7);
    return isoDay(new Date(reference.getTime() + delta * 86_400_000));
  }
  // Only the clock was given ("at 10:42 GMT"): that dates nothing.
  if (!certain('day') && !certain('month') && !certain('year')) return null;
  if (!reference && !certain('year')) return null;
  // chrono reads some numbers as years ("'76", "2974"): news dates outside this range are misreadings.
  if (certain('year') && (y < 1900 || y > 2100)) return null;
  let year = y;
  if (!certain('year') && reference) {
    // "in May" in a report from March means last May, or next May when the sentence looks ahead.
    const refMonth = reference.getUTCMonth() + 1;
    const after = m > refMonth || (m === refMonth && certain('day') && d! > reference.getUTCDate());
    const before = m < refMonth || (m === refMonth && certain('day') && d! < reference.getUTCDate());
    year = reference.getUTCFullYear() + (future ? (before ? 1 : 0) : after ? -1 : 0);
  }
  const yyyy = String(year).padStart(4, '0');
  const mm = String(m).padStart(2, '0');
  if (certain('day') || (certain('month') && certain('year') && certain('weekday'))) return `${yyyy}-${mm}-${String(d).padStart(2, '0')}`;
  if (certain('month')) return `${yyyy}-${mm}`;
  return yyyy;
}

function isoDay(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
