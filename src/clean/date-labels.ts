// The words around a date that say what the date is, as data with ids (tests in test/clean/meta-dates.test.ts).
// A date next to "Published" is this article's; next to "Updated" a later edit; next to "FILED" or
// "file photo" the date an old photo was taken; in "© 2019" the site's copyright.
import type { IsoDate } from '../model/types.js';
import { findDate } from './dates.js';
import { isCaption, wordCount } from './lines.js';

export type DateRole = 'published' | 'updated' | 'not-publication';

export interface DateLabel {
  id: string;
  role: DateRole;
  /** Tested on the text just before the date (and, for `after`, just after it). */
  pattern: RegExp;
  after?: boolean;
}

/** Words as whole words in any script: JavaScript's \b only knows ASCII letters ("publié", "기사입력"). */
const word = (alternatives: string, tail = '') => new RegExp(`(?<!\\p{L})(${alternatives})(?!\\p{L})${tail}`, 'iu');

export const DATE_LABELS: readonly DateLabel[] = [
  // dpa and agency captions: "FILED - 06 February 2009, Berlin: ...", "ARCHIVE - ...".
  { id: 'date.filed-photo', role: 'not-publication', pattern: /\b(FILED|FILE|ARCHIVE|ARCHIV|ARCHIVBILD)\s*[-–—:|]\s*$/ },
  { id: 'date.photo-taken', role: 'not-publication', pattern: word('file (photo|picture|image)|photo (taken|from|dated)|picture taken|taken on|pictured on|photographed on', '[^.]{0,40}$') },
  { id: 'date.copyright', role: 'not-publication', pattern: /(©|\(c\)|\bcopyright\b)\s*[^.]{0,20}$/i },
  { id: 'date.updated', role: 'updated', pattern: word('updated|last updated|modified|last modified|edited|revised|aktualisiert|mis à jour|actualizado|atualizado|수정', '[^.]{0,20}$') },
  {
    id: 'date.published',
    role: 'published',
    pattern: word('published|first published|posted|posted on|released|publication date|date published|veröffentlicht|publiziert|erschienen|publié|publicado|pubblicato|기사입력|입력시간|입력|등록|发布时间|发布|公開', '[^.]{0,20}$'),
  },
  // A date the story talks about: "since March 2019", "until June 5, 2020".
  { id: 'date.event-story', role: 'not-publication', pattern: word('since|until|from|before|after|between|in early|in late|scheduled for|expected on|due on|deadline of', '\\s*$') },
];

/** What the words before (and after) a date say it is; null when they say nothing. */
export function dateRole(before: string, after = ''): DateLabel | null {
  const head = before.slice(-60);
  for (const label of DATE_LABELS) {
    if (label.pattern.test(head) || (label.after && label.pattern.test(after.slice(0, 40)))) return label;
  }
  return null;
}

/** The first full date in a short line, with what its label says; a line of prose is no date line. */
/** A date line says little beside its date: a label, a byline, a place, a time, "2 min read". */
const MAX_OTHER_WORDS = 12;

export function labelledDate(line: string): { date: IsoDate; role: DateRole | null; label: string | null } | null {
  if (isCaption(line)) return null;
  // A date inside a sentence of the story ("held on June 5, 2019, in Vienna, ...") is what the story talks about.
  const first = findDate(line);
  if (!first) return null;
  // Times and weekdays are part of a date line ("on Monday, November 18th, 2019 at 11:08 a.m.").
  const besides = (line.slice(0, first.start) + ' ' + line.slice(first.end))
    .replace(/\b\d{1,2}([:.]\d{2})+\s*([ap]\.?\s?m\b\.?)?/gi, ' ')
    .replace(/\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b\.?/gi, ' ');
  const others = wordCount(besides);
  if (others > MAX_OTHER_WORDS || (/[.!?]["”’]?$/.test(besides.trim()) && others > 4)) return null;
  let rest = line;
  let offset = 0;
  let updatedFallback: { date: IsoDate; role: DateRole | null; label: string | null } | null = null;
  for (let k = 0; k < 3; k++) {
    const found = findDate(rest);
    if (!found || found.date.length < 7) return updatedFallback;
    const before = line.slice(0, offset + found.start);
    const label = dateRole(before.slice(Math.max(0, before.length - 60)));
    const result = { date: found.date, role: label?.role ?? null, label: label?.id ?? null };
    // "Updated June 2, 2020 | Published June 1, 2020": keep looking for the published one.
    if (result.role !== 'updated') return result.role === 'not-publication' && updatedFallback ? updatedFallback : result;
    updatedFallback ??= result;
    offset += found.end;
    rest = line.slice(offset);
  }
  return updatedFallback;
}
