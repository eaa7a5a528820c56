import type { IsoDate } from '../../src/model/types.js';
import { Doc } from '../../src/core/doc.js';
import type { KnowledgeBase } from '../../src/kb/index.js';
import { createPipeline } from '../../src/pipeline/component.js';
import { DOCUMENT_COMPONENTS, GIVEN_LAYERS } from '../../src/pipeline/components.js';

/** A Doc as cleaning would give it: the text, no source map. */
export function cleanDoc(text: string, publishedAt: IsoDate | null = '2021-03-14', id = 'atest'): Doc {
  const doc = new Doc({ id, source: { uri: 'test.txt', index: 0, outlet: null }, title: null, publishedAt, url: null, text });
  doc.assign(...GIVEN_LAYERS);
  return doc;
}

/** A Doc run through every document component. */
export function extractDoc(text: string, kb: KnowledgeBase, publishedAt: IsoDate | null = '2021-03-14'): Doc {
  return createPipeline(DOCUMENT_COMPONENTS, GIVEN_LAYERS, { kb }).run(cleanDoc(text, publishedAt));
}
