// Turn the inputs a user names into a list of sources: files as given, folders walked in sorted order
// (hidden entries and files of other types are skipped silently: a folder of saved pages holds
// images and stylesheets too), URLs as they are.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { kindOfName, SUPPORTED_EXTENSIONS, type InputKind } from './kind.js';

export type Source =
  | { type: 'file'; path: string; kind: InputKind; explicit: boolean }
  | { type: 'url'; url: string }
  | { type: 'error'; uri: string; id: string; message: string };

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export async function* expandInput(input: string): AsyncGenerator<Source> {
  if (isUrl(input)) return yield { type: 'url', url: input };
  let info;
  try {
    info = await stat(input);
  } catch (error) {
    return yield { type: 'error', uri: input, id: 'ingest.unreadable', message: fsMessage(error) };
  }
  if (info.isDirectory()) return yield* walk(input);
  const kind = kindOfName(input);
  if (kind === null) {
    const supported = SUPPORTED_EXTENSIONS.join(', ');
    return yield { type: 'error', uri: input, id: 'ingest.unsupported-type', message: `unsupported file type (expected ${supported}, optionally .gz)` };
  }
  yield { type: 'file', path: input, kind, explicit: true };
}

async function* walk(dir: string): AsyncGenerator<Source> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    return yield { type: 'error', uri: dir, id: 'ingest.unreadable', message: fsMessage(error) };
  }
  // Code-point order, not locale order, so that every machine walks a folder the same way.
  const names = entries.map((e) => e.name).filter((n) => !n.startsWith('.')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      yield { type: 'error', uri: path, id: 'ingest.unreadable', message: fsMessage(error) };
      continue;
    }
    if (info.isDirectory()) yield* walk(path);
    else {
      const kind = kindOfName(name);
      if (kind !== null) yield { type: 'file', path, kind, explicit: false };
    }
  }
}

/** Node's error codes in the words a user reads. */
export function fsMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return (error as Error).message;
}
