// Publication dates as pages write them, to ISO at the precision given: "2021-03-14T10:42:00Z",
// "Published 14 March 2021", "March 14, 2021 10:42 GMT", "Tue, 03 Mar 2020 10:00:00 +0000",
// "14/03/2021", "March 2021". A small strict parser rather than chrono-node: chrono is built to
// find dates in prose and happily resolves "today" or "Friday" against the clock, which would
// invent publication dates; here only absolute dates count, and we need to know the precision.
import type { IsoDate } from '../model/types.js';

/**
 * Month names as pages write them, each with its number: English with its abbreviations, and the
 * other languages of news pages seen in real dumps (German, French, Spanish, Portuguese, Italian,
 * Dutch, Indonesian, Russian in the genitive that dates use).
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'janvier', 'janv', 'enero', 'janeiro', 'gennaio', 'januari', 'января', 'янв'],
  ['february', 'feb', 'februar', 'février', 'févr', 'fév', 'febrero', 'fevereiro', 'febbraio', 'februari', 'февраля', 'фев'],
  ['march', 'mar', 'märz', 'mär', 'mars', 'marzo', 'março', 'maart', 'maret', 'марта', 'мар'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'aprile', 'апреля', 'апр'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mei', 'мая', 'май'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'junho', 'giugno', 'июня', 'июн'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'июля', 'июл'],
  ['august', 'aug', 'août', 'agosto', 'augustus', 'agustus', 'agu', 'августа', 'авг'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'settembre', 'сентября', 'сен'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'outubro', 'ottobre', 'октября', 'окт'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'ноября', 'ноя'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'diciembre', 'dezembro', 'dicembre', 'desember', 'des', 'декабря', 'дек'],
];
const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as [string, number])));
// Longest names first, so "september" is not read as "sep" and a stray "tember".
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|\\.)?';
const YEAR = '((?:19|20)\\d{2})';

// Each alternative names its parts; tried left to right at every position.
const PATTERNS: { re: RegExp; parts: (m: RegExpExecArray) => [string, string | null, string | null] }[] = [
  // 2021-03-14, 2021/03/14, 2021-03, with an optional time after.
  { re: new RegExp(`\\b${YEAR}[-/](\\d{1,2})(?:[-/](\\d{1,2}))?(?![\\d/])`, 'giy'), parts: (m) => [m[1], m[2], m[3] ?? null] },
  // 14 March 2021, 14th Mar. 2021, 03 Mar 2020 (RFC 822), 5 de outubro de 2019
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+|de\\s+)?${MONTH},?\\s+(?:de\\s+)?${YEAR}\\b`, 'giy'), parts: (m) => [m[3], m[2], m[1]] },
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
  const m = /^\d+$/.test(month) ? Number(month) : MONTHS.get(month.toLowerCase().replace(/\.$/, ''));
  if (!m || m < 1 || m > 12) return null;
  const mm = String(m).padStart(2, '0');
  if (day === null) return `${year}-${mm}`;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return null;
  return `${year}-${mm}-${String(d).padStart(2, '0')}`;
}
