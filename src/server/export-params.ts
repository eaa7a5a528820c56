// The app's filters as an export takes them (GET /api/export and `orbit export`), read as /api/graph
// reads them: each bad one is a 400 naming it (the command line says its flag).
import { ACTOR_KINDS, EVENT_TYPES, MODALITIES, RELATION_TYPES } from '../core/ontology.js';
import { integer, listOf, text } from './params.js';

export function exportFilters(query: URLSearchParams) {
  return {
    kinds: listOf(query, 'kinds', ACTOR_KINDS),
    types: listOf(query, 'types', [...EVENT_TYPES, ...RELATION_TYPES]),
    modality: listOf(query, 'modality', MODALITIES),
    minEvidence: integer(query, 'minEvidence', 1, 10000),
    q: text(query, 'q', 200),
  };
}

/** The command line's flag for a parameter: --min-evidence for minEvidence. */
export const flagOf = (parameter: string) => `--${parameter.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
