// GEXF 1.3 (https://gexf.net), Gephi's own format, in dynamic mode: every node and edge carries the
// spell (whole days, ends included) it is present in, so Gephi's timeline plays the window. Edges of
// different types between the same two actors are kept apart by the edge `kind` GEXF 1.3 has for
// parallel edges.
import type { ExportEdge, ExportNetwork, ExportNode, Interval } from './network.js';
import { ATTR, buildXml, type XmlTree } from './xml.js';

type Column<T> = { id: string; type: 'string' | 'integer' | 'double'; value: (item: T) => string | number | null };

export const GEXF_NODE_ATTRIBUTES: Column<ExportNode>[] = [
  { id: 'kind', type: 'string', value: (n) => n.kind },
  { id: 'country', type: 'string', value: (n) => n.country },
  { id: 'weight', type: 'integer', value: (n) => n.weight },
];

export const GEXF_EDGE_ATTRIBUTES: Column<ExportEdge>[] = [
  { id: 'kind', type: 'string', value: (e) => e.kind },
  { id: 'type', type: 'string', value: (e) => e.type },
  { id: 'count', type: 'integer', value: (e) => e.count },
  { id: 'tone', type: 'string', value: (e) => e.tone },
  { id: 'meanIntensity', type: 'double', value: (e) => e.meanIntensity },
  { id: 'first', type: 'string', value: (e) => e.first },
  { id: 'last', type: 'string', value: (e) => e.last },
  { id: 'evidenceIds', type: 'string', value: (e) => e.evidenceIds.join(' ') },
];

const declare = <T>(klass: 'node' | 'edge', columns: Column<T>[]): XmlTree => ({
  [`${ATTR}class`]: klass,
  [`${ATTR}mode`]: 'static',
  attribute: columns.map((c) => ({ [`${ATTR}id`]: c.id, [`${ATTR}title`]: c.id, [`${ATTR}type`]: c.type })),
});

const values = <T>(item: T, columns: Column<T>[]): XmlTree => ({
  attvalue: columns.flatMap((c) => {
    const value = c.value(item);
    return value === null || value === '' ? [] : [{ [`${ATTR}for`]: c.id, [`${ATTR}value`]: value }];
  }),
});

const spells = (interval: Interval | null): XmlTree | undefined =>
  interval ? { spell: [{ [`${ATTR}start`]: interval.start, [`${ATTR}end`]: interval.end }] } : undefined;

export function writeGexf(network: ExportNetwork, generator: string, today = new Date().toISOString().slice(0, 10)): string {
  const { span } = network;
  const described = [
    'Orbit actor network',
    network.window.from || network.window.to ? `from ${network.window.from ?? 'the start'} to ${network.window.to ?? 'the end'}` : 'all dates',
    network.actors.length ? `around ${network.actors.join(', ')}` : '',
  ].filter(Boolean).join(', ');
  return buildXml({
    gexf: {
      [`${ATTR}xmlns`]: 'http://gexf.net/1.3',
      [`${ATTR}xmlns:xsi`]: 'http://www.w3.org/2001/XMLSchema-instance',
      [`${ATTR}xsi:schemaLocation`]: 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd',
      [`${ATTR}version`]: '1.3',
      meta: { [`${ATTR}lastmodifieddate`]: today, creator: generator, description: described },
      graph: {
        [`${ATTR}mode`]: 'dynamic',
        [`${ATTR}defaultedgetype`]: 'directed',
        [`${ATTR}timeformat`]: 'date',
        [`${ATTR}timerepresentation`]: 'interval',
        [`${ATTR}start`]: span.start ?? undefined,
        [`${ATTR}end`]: span.end ?? undefined,
        attributes: [declare('node', GEXF_NODE_ATTRIBUTES), declare('edge', GEXF_EDGE_ATTRIBUTES)],
        nodes: {
          node: network.nodes.map((n) => ({
            [`${ATTR}id`]: n.id, [`${ATTR}label`]: n.name,
            attvalues: values(n, GEXF_NODE_ATTRIBUTES), spells: spells(n.interval),
          })),
        },
        edges: {
          edge: network.edges.map((e) => ({
            [`${ATTR}id`]: e.id, [`${ATTR}source`]: e.source, [`${ATTR}target`]: e.target,
            [`${ATTR}kind`]: e.type, [`${ATTR}label`]: e.type, [`${ATTR}weight`]: e.count,
            attvalues: values(e, GEXF_EDGE_ATTRIBUTES), spells: spells(e.interval),
          })),
        },
      },
    },
  });
}
