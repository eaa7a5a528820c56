// Publication dates as pages write them, to ISO at the precision given: "2021-03-14T10:42:00Z",
// "Published 14 March 2021", "March 14, 2021 10:42 GMT", "Tue, 03 Mar 2020 10:00:00 +0000",
// "14/03/2021", "March 2021". A small strict parser rather than chrono-node: chrono is built to
// find dates in prose and happily resolves "today" or "Friday" against the clock, which would
// invent publication dates; here only absolute dates count, and we need to know the precision.
import type { IsoDate } from '../model/types.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // German and French names whose first three letters differ from the English ones.
  mär: 3, mai: 5, okt: 10, dez: 12, janv: 1, févr: 2, fév: 2, avr: 4, juin: 6, juil: 7, aoû: 8, déc: 12,
};
const MONTH =
  '(jan(?:uary|uar|vier|v)?|feb(?:ruary|ruar)?|févr(?:ier)?|fév|mar(?:ch|s)?|märz|mär|apr(?:il)?|avr(?:il)?|may|mai|june?|juni|juin|july?|juli|juil(?:let)?|aug(?:ust)?|août|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|\\.)?';
const YEAR = '((?:19|20)\\d{2})';

// Each alternative names its parts; tried left to right at every position.
const PATTERNS: { re: RegExp; parts: (m: RegExpExecArray) => [string, string | null, string | null] }[] = [
  // 2021-03-14, 2021/03/14, 2021-03, with an optional time after.
  { re: new RegExp(`\\b${YEAR}[-/](\\d{1,2})(?:[-/](\\d{1,2}))?(?![\\d/])`, 'giy'), parts: (m) => [m[1], m[2], m[3] ?? null] },
  // 14 March 2021, 14th Mar. 2021, 03 Mar 2020 (RFC 822)
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'giy'), parts: (m) => [m[3], m[2], m[1]] },
  // March 14, 2021; Mar 14 2021; March 14th, 2021
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'giy'), parts: (m) => [m[3], m[1], m[2]] },
  // 14/03/2021, 14.03.2021, 3-14-2021
  { re: new RegExp(`\\b(\\d{1,2})([./-])(\\d{1,2})\\2${YEAR}\\b`, 'giy'), parts: (m) => numericDayMonth(m[1], m[3], m[4]) },
  // November 20 15:23 2019 (a date block with the time between)
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?,?\\s+${YEAR}\\b`, 'giy'), parts: (m) => [m[3], m[1], m[2]] },
  // March 2021
  { re: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, 'giy'), parts: (m) => [m[2], m[1], null] },
  // 20210314 (compact meta dates)
  { re: /\b((?:19|20)\d{2})(\d{2})(\d{2})\b/giy, parts: (m) => [m[1], m[2], m[3]] },
];

export interface FoundDate {
  date: IsoDate;
  start: number;
  end: number;
}

/** The first absolute date written in `text`, with where it stands. */
export function findDate(text: string): FoundDate | null {
  for (let i = 0; i < text.length; i++) {
    // Dates start at a word boundary with a digit or a letter; skip the rest quickly.
    if (!/[\p{L}\p{N}]/u.test(text[i]) || (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]))) continue;
    for (const { re, parts } of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const date = toIso(...parts(m));
      if (date) return { date, start: i, end: i + m[0].length };
      // An impossible date ("31 February 2021") is no date; its "February 2021" is not one either.
      i += m[0].length - 1;
      break;
    }
  }
  return null;
}

/** A string that is a date (with perhaps a weekday, a time, a zone or a label around it), as ISO. */
export function parseDate(text: string): IsoDate | null {
  const found = findDate(text);
  if (!found) return /^\s*((?:19|20)\d{2})\s*$/.test(text) ? text.trim() : null;
  return found.date;
}

/** The year a dateline like "BAGHDAD, March 3 —" leaves out comes from elsewhere (the page's date). */
export function parseMonthDay(text: string, year: number): IsoDate | null {
  const m = new RegExp(`^\\s*${MONTH}\\s+${DAY}\\b`, 'i').exec(text) ?? new RegExp(`^\\s*${DAY}\\s+${MONTH}\\b`, 'i').exec(text);
  if (!m) return null;
  const [month, day] = /^\s*\d/.test(m[0]) ? [m[2], m[1]] : [m[1], m[2]];
  return toIso(String(year), month, day);
}

/**
 * dd/mm/yyyy unless that is impossible (then mm/dd/yyyy): most of the world, and most outlets
 * covering this theater, write the day first; an American 03/14/2021 still reads right.
 */
function numericDayMonth(a: string, b: string, year: string): [string, string | null, string | null] {
  return Number(b) > 12 && Number(a) <= 12 ? [year, a, b] : [year, b, a];
}

function toIso(year: string, month: string | null, day: string | null): IsoDate | null {
  const y = Number(year);
  if (y < 1900 || y > 2100) return null;
  if (month === null) return year;
  const name = month.toLowerCase().replace(/\.$/, '');
  const m = /^\d+$/.test(month) ? Number(month) : MONTHS[name.slice(0, 4)] ?? MONTHS[name.slice(0, 3)];
  if (!m || m < 1 || m > 12) return null;
  const mm = String(m).padStart(2, '0');
  if (day === null) return `${year}-${mm}`;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return null;
  return `${year}-${mm}-${String(d).padStart(2, '0')}`;
}
