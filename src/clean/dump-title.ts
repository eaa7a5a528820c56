// Lines the line model may label a headline in a text dump that no headline is: a byline ("Greg
// Beacham, AP Sports Writer", "Analysis by Chris Cillizza, CNN"), a date or time line ("Published 1
// day ago", "Today 12:01 AM"), or the page's interface ("Open Navigation Menu"). Each rule has an id.
import { dateLine, isByline } from './lines.js';
import { headerDateLine } from './text-dates.js';

export const NOT_A_HEADLINE: readonly { id: string; pattern: RegExp }[] = [
  { id: 'title.relative-time', pattern: /^(published|updated|posted|last updated|today|yesterday)\b|\b\d+\s+(sec|secs|seconds?|min|mins|minutes?|hrs?|hours?|days?|weeks?)\s+ago\b/i },
  { id: 'title.byline-role', pattern: /^(analysis|opinion|commentary|review|story|words|text)?\s*by\s|,\s*(the\s+)?(ap|associated press|cnn|reuters|afp|usa today)?\s*(senior |chief |staff |sports |political |auto |business |news )?(writer|editor|correspondent|reporter|columnist|editor-at-large)\b/i },
  { id: 'title.interface', pattern: /^(open|close|toggle|show|hide|skip to|sign in|log in|subscribe|search)\b.*\b(menu|navigation|content|search)$|^something went wrong\b/i },
];

/** Why a line labelled a headline is none (the rule's id), or null when it may be one. */
export function notAHeadline(unit: string): string | null {
  if (isByline(unit)) return 'title.byline';
  if (dateLine(unit) !== null || headerDateLine(unit) !== null) return 'title.date-line';
  return NOT_A_HEADLINE.find((rule) => rule.pattern.test(unit))?.id ?? null;
}
