// The spin check as a document component: a Doc that copies nothing known (dedupe found no original)
// but reads as synonym-spun (src/clean/spin.ts) gets the warning clean.spun-no-original. It runs with
// the other document components, on the pipeline threads, because it costs as much as the rest of
// cleaning together and needs nothing from any other Doc; dedupe, which does, stays on the main thread.
import type { Component } from '../pipeline/component.js';
import type { Doc } from '../core/doc.js';
import { message, type Message } from '../core/messages.js';
import { VERSIONS } from '../extract/producers.js';
import { spinModel } from './spin.js';

export const spin: Component = {
  name: 'spin',
  requires: ['text', 'duplicates'],
  assigns: [],
  version: VERSIONS.spin,
  description: 'warns of a synonym-spun rewrite whose original is not known (word-pair language model; models/spin)',
  run(doc) {
    const warning = spinWarning(doc);
    if (warning) doc.messages.push(warning);
  },
};

/** The warning for a Doc dedupe found no original of that reads as spun, else null. */
export function spinWarning(doc: Doc): Message | null {
  // duplicateOf and spun stay as dedupe found them: with no original there is nothing to name.
  if (doc.duplicateOf !== null) return null;
  // The detector knows only English news: any other language would read as spun to it.
  if (doc.language != null && doc.language !== 'en') return null;
  const verdict = spinModel().judge(doc.text);
  if (!verdict.spun) return null;
  return message('clean.spun-no-original', 'warning', doc.source.uri,
    `reads as a synonym-spun rewrite (p = ${verdict.probability.toFixed(3)}: word pairs real news does not write) and no original was found`,
    { item: doc.source.index + 1, start: 0, end: doc.text.length });
}
