// Bytes to text: gunzip, refuse binary, strip the BOM, decode. Kept apart from the readers so that
// files and URLs go through the same checks.
import { gunzipSync } from 'node:zlib';

export type Decoded = { text: string; warning?: string } | { error: string };

const GZIP_MAGIC = [0x1f, 0x8b];
const SNIFF_BYTES = 8192;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

export function decodeBytes(input: Uint8Array): Decoded {
  let bytes = input;
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      return { error: `not valid gzip: ${(error as Error).message}` };
    }
  }
  if (bytes.length === 0) return { error: 'file is empty' };
  // UTF-16 text has NUL bytes, so honour its BOM before sniffing for binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { error: 'looks binary (NUL bytes), not text or HTML' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // Old saved pages are often in a legacy charset: use the one the page declares, else windows-1252
    // (a superset of Latin-1 that maps every byte), and say so.
    const label = declaredCharset(bytes) ?? 'windows-1252';
    const decoder = safeDecoder(label) ?? new TextDecoder('windows-1252');
    return finish(decoder.decode(bytes), `not valid UTF-8; decoded as ${decoder.encoding}`);
  }
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
