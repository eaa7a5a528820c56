// Bytes to text: gunzip, refuse binary, strip the BOM, decode. Kept apart from the readers so that
// files and URLs go through the same checks.
import { constants, gunzipSync } from 'node:zlib';

export type Decoded = { text: string; warning?: string } | { error: string };

const GZIP_MAGIC = [0x1f, 0x8b];
const SNIFF_BYTES = 8192;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** Bytes to text; a gzip stream that unpacks past `maxBytes` is refused, one cut short is read up to the cut. */
export function decodeBytes(input: Uint8Array, maxBytes = Infinity): Decoded {
  let bytes = input;
  let cut: string | undefined;
  if (isGzip(bytes)) {
    const limit = Number.isFinite(maxBytes) ? { maxOutputLength: maxBytes } : {};
    try {
      bytes = gunzipSync(bytes, limit);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') return { error: `unpacks to more than ${maxBytes / 2 ** 20} MB; a page is read up to that (give many articles as JSONL)` };
      if (!/unexpected end of file/i.test((error as Error).message)) return { error: `not valid gzip: ${(error as Error).message}` };
      // a download cut short: what came before the cut is still text
      bytes = gunzipSync(bytes, { ...limit, finishFlush: constants.Z_SYNC_FLUSH });
      cut = `gzip stream cut short after ${bytes.length} bytes; read what came before`;
      if (bytes.length === 0) return { error: 'not valid gzip: cut short before any data' };
    }
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded || !cut) return decoded;
  return { text: decoded.text, warning: decoded.warning ? `${cut}; ${decoded.warning}` : cut };
}

/** One line of a JSONL file: UTF-8, else windows-1252 (said so in the warning). */
export function decodeLine(bytes: Uint8Array): { text: string; warning?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), warning: `not valid UTF-8 at byte ${firstInvalidUtf8(bytes)}; decoded as windows-1252` };
  }
}

function decodeText(input: Uint8Array): Decoded {
  let bytes = input;
  if (bytes.length === 0) return { error: 'file is empty' };
  // UTF-16 text has NUL bytes, so honour its BOM before sniffing for binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { error: 'looks binary (NUL bytes), not text or HTML' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const at = firstInvalidUtf8(bytes);
    const declared = declaredCharset(bytes);
    if (!declared && mostlyUtf8(bytes)) {
      // UTF-8 with a few broken bytes (a bad copy, a cut multi-byte character): keep UTF-8, mark them
      const text = new TextDecoder('utf-8').decode(bytes);
      const bad = (text.match(/\uFFFD/g) ?? []).length;
      return finish(text, `${bad} invalid UTF-8 sequence${bad === 1 ? '' : 's'} (the first at byte ${at}) replaced by U+FFFD`);
    }
    // Old saved pages are often in a legacy charset: use the one the page declares, else windows-1252
    // (a superset of Latin-1 that maps every byte), and say so.
    const decoder = safeDecoder(declared ?? 'windows-1252') ?? new TextDecoder('windows-1252');
    return finish(decoder.decode(bytes), `not valid UTF-8 at byte ${at}; decoded as ${decoder.encoding}`);
  }
}

/** The length of a valid UTF-8 sequence starting at i (1 for ASCII), or 0 when none starts there. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const length = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return length;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return bytes.length;
}

/**
 * True when the text has valid multi-byte UTF-8 sequences and they outnumber the invalid ones: a
 * legacy charset rarely forms valid sequences by chance, so the file is UTF-8 with damage.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n > 1) valid++;
    else if (n === 0) invalid++;
    i += Math.max(n, 1);
  }
  return valid > 0 && valid >= invalid;
}

function finish(text: string, warning?: string): Decoded {
  if (text.trim() === '') return { error: 'file is empty' };
  return warning ? { text, warning } : { text };
}

/** The charset an HTML or XML head declares (`<meta charset>`, http-equiv, or the XML declaration). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return match && !/^utf-?8$/i.test(match[1]) ? match[1] : null;
}

export function safeDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}
