// A saved HTML page is one page; cleaning reads its metadata and body.
import type { RawPage } from '../model/types.js';

export function readHtml(content: string, uri: string): RawPage[] {
  return [{ uri, part: 0, format: 'html', content }];
}
