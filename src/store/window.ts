// Date windows over ISO dates of mixed precision (YYYY, YYYY-MM, YYYY-MM-DD), done as string comparison:
// '2020' < '2020-03' < '2020-03-15', and a date followed by '~' (after every digit and '-') sorts after
// every date it covers. So an item [start, end] overlaps the window [from, to] when
// start <= to + '~' and end + '~' >= from: a window to '2020' takes all of 2020, and an event dated
// '2020-03' falls in a window from '2020-03-15'.
import type { DateWindow } from './types.js';
import type { Params } from './sql.js';

export const END = '~';

export function windowParams(window: DateWindow): Params {
  return {
    windowFrom: window.from ?? null,
    windowFromYear: window.from?.slice(0, 4) ?? null,
    windowToEnd: window.to ? window.to + END : null,
  };
}

/** Conditions for an item dated by one column; undated items fall outside any bounded window. */
export function dateInWindow(column: string, window: DateWindow): string[] {
  const conditions: string[] = [];
  // the year bound is implied by the exact one but, unlike it, can use an index on the column
  if (window.from) conditions.push(`${column} >= @windowFromYear`, `${column} || '${END}' >= @windowFrom`);
  if (window.to) conditions.push(`${column} <= @windowToEnd`);
  return conditions;
}

/** Conditions for an item holding from one column to another, NULL meaning open on that side. */
export function spanInWindow(fromColumn: string, toColumn: string, window: DateWindow): string[] {
  if (!window.from && !window.to) return [];
  const conditions = [`(${fromColumn} IS NOT NULL OR ${toColumn} IS NOT NULL)`];
  if (window.from) conditions.push(`(${toColumn} IS NULL OR ${toColumn} || '${END}' >= @windowFrom)`);
  if (window.to) conditions.push(`(${fromColumn} IS NULL OR ${fromColumn} <= @windowToEnd)`);
  return conditions;
}

/** True when `to` ends before `from` starts, so the window holds nothing. */
export function isBackwards(window: DateWindow): boolean {
  return Boolean(window.from && window.to && window.from > window.to + END);
}
