// Provenance for what extraction produces: each component's version, in one place, and the producer
// record a span or claim carries ({component, rule, version}) so a wrong one can be traced to its rule.
import type { Producer } from '../model/types.js';

/** Bump a component's version when what it outputs changes for the same input. */
export const VERSIONS = {
  spin: '1',
  tokenizer: '1',
  tagger: '1',
  ner: '1',
  place: '1',
  mentions: '4',
  coreference: '3',
  events: '4',
  relations: '2',
  relevance: '1',
  actors: '1',
  pairs: '2',
} as const;

export type ComponentName = keyof typeof VERSIONS;

export function producedBy(component: ComponentName, rule?: string): Producer {
  return rule === undefined ? { component, version: VERSIONS[component] } : { component, rule, version: VERSIONS[component] };
}
