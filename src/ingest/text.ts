// A plain-text file is one page; cleaning decides what in it is article text.
import type { RawPage } from '../model/types.js';

export function readText(content: string, uri: string): RawPage[] {
  return [{ uri, part: 0, format: 'text', content }];
}
