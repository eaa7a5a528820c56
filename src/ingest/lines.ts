// The lines of a file (gzipped or not) as a stream, so that a JSONL file of any size is read in
// bounded memory: a line longer than the limit is skipped as it streams, never held whole, and a
// gzip stream cut short gives the lines before the cut and says so.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { isGzip } from './decode.js';

export type LineItem =
  | { line: number; bytes: Buffer }
  | { line: number; tooLong: number }
  | { line: number; error: string };

const NEWLINE = 0x0a;

async function startsWithGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return isGzip(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Yields each line's bytes (without its newline), 1-based numbers; over-long lines as their size only. */
export async function* readLines(path: string, maxLineBytes: number): AsyncGenerator<LineItem> {
  const gzipped = await startsWithGzip(path);
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = gzipped ? file.pipe(createGunzip()) : file;
  if (gzipped) file.on('error', (error) => stream.destroy(error));
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = 0; // bytes of an over-long line seen so far, 0 when not skipping
  let line = 1;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(NEWLINE, from); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
        const piece = chunk.subarray(from, nl);
        if (skipping) {
          yield { line, tooLong: skipping + piece.length };
        } else if (pendingBytes + piece.length > maxLineBytes) {
          yield { line, tooLong: pendingBytes + piece.length };
        } else {
          yield { line, bytes: pendingBytes ? Buffer.concat([...pending, piece]) : piece };
        }
        pending = [];
        pendingBytes = 0;
        skipping = 0;
        line++;
        from = nl + 1;
      }
      const rest = chunk.subarray(from);
      if (skipping) skipping += rest.length;
      else if (pendingBytes + rest.length > maxLineBytes) {
        skipping = pendingBytes + rest.length;
        pending = [];
        pendingBytes = 0;
      } else if (rest.length) {
        pending.push(Buffer.from(rest)); // a copy: the stream may reuse its chunk
        pendingBytes += rest.length;
      }
    }
  } catch (error) {
    const reason = (error as Error).message;
    yield { line, error: gzipped ? `not valid gzip after line ${line - 1} (${reason}); the lines before it were read` : reason };
    return;
  }
  if (skipping) yield { line, tooLong: skipping };
  else if (pendingBytes) yield { line, bytes: Buffer.concat(pending) };
}
