// JSON Schemas of the knowledge-base YAML files (see kb/README.md). Checked with Ajv when loaded,
// so a typo in a pack is reported with its file and path instead of surfacing as a wrong match.
import { ACTOR_KINDS, RELATION_TYPES } from '../core/ontology.generated.js';

const date = { type: ['string', 'null'], pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;
const id = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' } as const;
const strings = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

export const actorsFileSchema = {
  type: 'object',
  required: ['actors'],
  additionalProperties: false,
  properties: {
    pack: { type: 'string' },
    actors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'kind'],
        additionalProperties: false,
        properties: {
          id,
          name: { type: 'string', minLength: 1 },
          kind: { enum: [...ACTOR_KINDS] },
          country: { type: ['string', 'null'], pattern: '^[A-Z]{3}$' },
          aliases: strings,
          demonyms: strings,
          descriptions: strings,
          supporters: id,
          description: { type: ['string', 'null'] },
          theater: { type: 'boolean' },
          affiliations: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'target'],
              additionalProperties: false,
              properties: {
                type: { enum: [...RELATION_TYPES] },
                target: id,
                role: { type: ['string', 'null'] },
                from: date,
                to: date,
              },
            },
          },
        },
      },
    },
  },
} as const;

export const rolesFileSchema = {
  type: 'object',
  required: ['roles'],
  additionalProperties: false,
  properties: {
    roles: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'patterns', 'holders'],
        additionalProperties: false,
        properties: {
          id,
          title: { type: 'string', minLength: 1 },
          of: { type: ['string', 'null'] },
          patterns: { ...strings, minItems: 1 },
          holders: {
            type: 'array',
            items: {
              type: 'object',
              required: ['actor'],
              additionalProperties: false,
              properties: { actor: id, from: date, to: date },
            },
          },
        },
      },
    },
  },
} as const;

export const placesFileSchema = {
  type: 'object',
  required: ['places'],
  additionalProperties: false,
  properties: {
    places: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'lat', 'lon'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          country: { type: ['string', 'null'] },
          lat: { type: 'number', minimum: -90, maximum: 90 },
          lon: { type: 'number', minimum: -180, maximum: 180 },
          aliases: strings,
          kind: { type: 'string' },
        },
      },
    },
  },
} as const;

export const packFileSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    /** Actors defined elsewhere (usually world states) whose mentions make an article relevant to this theater. */
    focus: { type: 'array', items: id },
  },
} as const;
