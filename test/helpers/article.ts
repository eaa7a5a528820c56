import type { CleanArticle, IsoDate } from '../../src/model/types.js';

export function cleanArticle(text: string, publishedAt: IsoDate | null = '2021-03-14', id = 'atest'): CleanArticle {
  return { id, source: { uri: 'test.txt', index: 0, outlet: null }, title: null, publishedAt, url: null, text, duplicateOf: null, spun: false, diagnostics: [] };
}
