// The JSON API, typed at the boundary. Errors carry the server's message ("no actor with id 'x'").
import type { Judgement } from './types';

export type Params = Record<string, string | number | boolean | string[] | null | undefined>;

export function query(params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function read<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body as { error?: string }).error ?? `${response.status} ${response.statusText}`);
  return body as T;
}

export async function api<T>(path: string, params: Params = {}): Promise<T> {
  return read<T>(await fetch(path + query(params)));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return read<T>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

export type { Judgement };
