// Reading query parameters: each reader either returns a clean value or throws a 400 that names the
// parameter and says what was wrong with it.
import { isBackwards } from '../store/window.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

const badParameter = (name: string, why: string) => new HttpError(400, `bad parameter '${name}': ${why}`, name);

export function text(query: URLSearchParams, name: string, maxLength = 500): string | undefined {
  const value = query.get(name)?.trim();
  if (!value) return undefined;
  if (value.length > maxLength) throw badParameter(name, `longer than ${maxLength} characters`);
  return value;
}

export function integer(query: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw badParameter(name, `'${value}' is not a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

export function oneOf<T extends string>(query: URLSearchParams, name: string, values: readonly T[]): T | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!(values as readonly string[]).includes(value)) throw badParameter(name, `'${value}' is not one of ${values.join(', ')}`);
  return value as T;
}

/** An ISO date at year, month or day precision that exists on the calendar (no 2020-02-30). */
export function isoDate(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const [year, month, day] = match ? match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) : [];
  const valid = match !== null
    && (month === undefined || (month >= 1 && month <= 12))
    && (day === undefined || (day >= 1 && day <= new Date(Date.UTC(year!, month!, 0)).getUTCDate()));
  if (!valid) throw badParameter(name, `'${value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return value;
}

/** `from` and `to`, with `to` not before `from` ('2020' to '2020' is all of 2020). */
export function dateWindow(query: URLSearchParams): { from?: string; to?: string } {
  const from = isoDate(query, 'from');
  const to = isoDate(query, 'to');
  if (isBackwards({ from, to })) throw badParameter('to', `'${to}' is before from '${from}'`);
  return { from, to };
}

/** A comma list of allowed values ('a,b'), each checked; undefined when absent or empty. */
export function listOf<T extends string>(query: URLSearchParams, name: string, values: readonly T[]): T[] | undefined {
  const value = query.get(name);
  if (value === null || value.trim() === '') return undefined;
  const items = [...new Set(value.split(',').map((item) => item.trim()).filter(Boolean))];
  const unknown = items.filter((item) => !(values as readonly string[]).includes(item));
  if (unknown.length) throw badParameter(name, `'${unknown.join(', ')}' ${unknown.length > 1 ? 'are' : 'is'} not one of ${values.join(', ')}`);
  return items as T[];
}

/** A comma list of ids (actor ids are [a-z0-9-] slugs, or discovered ids of word characters), at most `max`. */
export function idList(query: URLSearchParams, name: string, max: number): string[] | undefined {
  const value = query.get(name);
  if (value === null || value.trim() === '') return undefined;
  const items = [...new Set(value.split(',').map((item) => item.trim()).filter(Boolean))];
  if (items.length > max) throw badParameter(name, `${items.length} ids, more than ${max}`);
  const bad = items.find((item) => item.length > 200 || /[\s<>"]/.test(item));
  if (bad !== undefined) throw badParameter(name, `'${bad.slice(0, 40)}' is not an id`);
  return items;
}

/** A parameter the route cannot do without. */
export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new HttpError(400, `missing parameter '${name}'`, name);
  return value;
}
