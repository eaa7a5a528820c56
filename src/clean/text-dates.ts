// The publication date of a whole-page text dump, from its header lines: the date line under (or
// just above) the headline ("By Tess Bonn - 11/19/2019 06:56 AM EST", "Associated Press November 19,
// 2019, 9:02 AM", "Carlos Nadalim 27/09/2018 2 comentários"), published before updated. Never a
// caption ("FILED - 06 February 2009"), a teaser of another story, a copyright line or a sentence of prose.
import type { IsoDate } from '../model/types.js';
import { labelledDate } from './date-labels.js';
import { isCaption, teaserKind } from './lines.js';

/** Lines under the headline a date line may stand in (kicker, standfirst, byline, share bar ...). */
const BELOW_TITLE = 10;
const ABOVE_TITLE = 2;

/**
 * The date a line under the headline gives, when it is a date line (a date with a label, a byline, a
 * time, a place or a reading time around it), not a sentence that names a date.
 */
export function headerDateLine(unit: string): { date: IsoDate; updated: boolean } | null {
  if (isCaption(unit) || teaserKind(unit) !== null) return null;
  // labelledDate reads only date lines: prose that names a date is no date line.
  const found = labelledDate(unit);
  if (!found || found.role === 'not-publication' || found.date.length < 10) return null;
  return { date: found.date, updated: found.role === 'updated' };
}

/** The first published date line near the headline at `titleAt` (else the first updated one), or null. */
export function dateNearTitle(units: string[], titleAt: number): IsoDate | null {
  if (titleAt < 0) return null;
  const order = [
    ...range(titleAt + 1, Math.min(units.length, titleAt + 1 + BELOW_TITLE)),
    ...range(Math.max(0, titleAt - ABOVE_TITLE), titleAt).reverse(),
  ];
  let updated: IsoDate | null = null;
  for (const i of order) {
    const line = headerDateLine(units[i]);
    if (!line) continue;
    if (!line.updated) return line.date;
    updated ??= line.date;
  }
  return updated;
}

/** Lines above the body's first paragraph a date line may stand in when no headline was found. */
const ABOVE_BODY = 8;

/** Without a headline: the first published date line just above the body (else an updated one), or null. */
export function dateAboveBody(units: string[], first: number): IsoDate | null {
  let updated: IsoDate | null = null;
  for (const i of range(Math.max(0, first - ABOVE_BODY), Math.min(units.length, first + 1))) {
    const line = headerDateLine(units[i]);
    if (!line) continue;
    if (!line.updated) return line.date;
    updated ??= line.date;
  }
  return updated;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
