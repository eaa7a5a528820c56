// Generated from models/ontology.yaml by scripts/gen-ontology.mjs (npm run gen:ontology): do not edit.
// The web app's legends and filters: colours of actor kinds and tones, the event types' tones, relation families, modalities.

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
/** Each event type's tone: its family in the filters and its colour. */
export const EVENT_TONES = {
  AGREE: 'cooperation', CONSULT: 'cooperation', SUPPORT: 'cooperation', CONCEDE: 'cooperation',
  COOPERATE: 'cooperation', AID: 'cooperation', RETREAT: 'cooperation', REQUEST: 'neutral',
  ACCUSE: 'conflict', REJECT: 'conflict', THREATEN: 'conflict', PROTEST: 'conflict', SANCTION: 'conflict',
  MOBILIZE: 'conflict', COERCE: 'conflict', ASSAULT: 'conflict',
};
/** Each relation type's family (influence, affiliation, alignment). */
export const RELATION_FAMILIES = {
  backs: 'influence', controls: 'influence', funds: 'influence', arms: 'influence', trains: 'influence',
  leads: 'affiliation', member_of: 'affiliation', part_of: 'affiliation', holds_role: 'affiliation',
  allied_with: 'alignment', opposes: 'alignment', supplies: 'influence',
};
export const MODALITIES = ['asserted', 'negated', 'hypothetical', 'future', 'claimed'];
/** The modalities that draw a tie in the network by default. */
export const TIE_MODALITIES = ['asserted', 'claimed'];
export const ACTOR_KINDS = ['state', 'person', 'organization', 'armed_group', 'party', 'government_body', 'igo', 'media', 'group', 'place', 'other'];
