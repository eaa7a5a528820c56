// Generated from models/ontology.yaml by scripts/gen-ontology.mjs (npm run gen:ontology): do not edit.
// The colours the web app draws actor kinds (nodes) and tones (edges, claim labels) in.

export const KIND_COLORS = {
  state: '#4e79a7', person: '#f28e2b', organization: '#76b7b2', armed_group: '#9c2f2f', party: '#af7aa1',
  government_body: '#59a14f', igo: '#edc948', media: '#9c755f', group: '#ff9da7', place: '#bab0ac',
  other: '#bab0ac',
};
/** The kinds the legend lists, in order. */
export const LEGEND_KINDS = [
  'state', 'person', 'organization', 'armed_group', 'party', 'government_body', 'igo', 'media', 'group',
  'other',
];
export const TONE_COLORS = {
  conflict: '#c8453b', cooperation: '#2f8f57', neutral: '#8a94a6',
};
