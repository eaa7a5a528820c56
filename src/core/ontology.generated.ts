// Generated from models/ontology.yaml by scripts/gen-ontology.mjs (npm run gen:ontology): do not edit.
// Import them from src/model/types.ts (or src/core/ontology.ts for definitions, tones and flags).

export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const RELATION_TYPES = [
  'backs', 'controls', 'funds', 'arms', 'trains', 'leads', 'member_of', 'part_of', 'holds_role',
  'allied_with', 'opposes', 'supplies',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const ACTOR_KINDS = [
  'state', 'person', 'organization', 'armed_group', 'party', 'government_body', 'igo', 'media', 'group',
  'place', 'other',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const MODALITIES = ['asserted', 'negated', 'hypothetical', 'future', 'claimed'] as const;
export type Modality = (typeof MODALITIES)[number];

export const TONES = ['conflict', 'cooperation', 'neutral'] as const;
export type Tone = (typeof TONES)[number];
