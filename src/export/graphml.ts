// GraphML (http://graphml.graphdrawing.org), read by Gephi, yEd, Cytoscape, NetworkX and igraph: the
// same attributes as the GEXF export, declared as <key>s; the time interval as start/end keys (GraphML
// has no notion of time of its own).
import type { ExportEdge, ExportNetwork, ExportNode } from './network.js';
import { ATTR, buildXml, type XmlTree } from './xml.js';

type Key<T> = { id: string; name: string; type: 'string' | 'int' | 'double'; value: (item: T) => string | number | null | undefined };

export const GRAPHML_NODE_KEYS: Key<ExportNode>[] = [
  { id: 'n-label', name: 'label', type: 'string', value: (n) => n.name },
  { id: 'n-kind', name: 'kind', type: 'string', value: (n) => n.kind },
  { id: 'n-country', name: 'country', type: 'string', value: (n) => n.country },
  { id: 'n-weight', name: 'weight', type: 'int', value: (n) => n.weight },
  { id: 'n-start', name: 'start', type: 'string', value: (n) => n.interval?.start },
  { id: 'n-end', name: 'end', type: 'string', value: (n) => n.interval?.end },
];

export const GRAPHML_EDGE_KEYS: Key<ExportEdge>[] = [
  { id: 'e-kind', name: 'kind', type: 'string', value: (e) => e.kind },
  { id: 'e-type', name: 'type', type: 'string', value: (e) => e.type },
  { id: 'e-count', name: 'count', type: 'int', value: (e) => e.count },
  { id: 'e-weight', name: 'weight', type: 'double', value: (e) => e.count },
  { id: 'e-tone', name: 'tone', type: 'string', value: (e) => e.tone },
  { id: 'e-meanIntensity', name: 'meanIntensity', type: 'double', value: (e) => e.meanIntensity },
  { id: 'e-first', name: 'first', type: 'string', value: (e) => e.first },
  { id: 'e-last', name: 'last', type: 'string', value: (e) => e.last },
  { id: 'e-start', name: 'start', type: 'string', value: (e) => e.interval?.start },
  { id: 'e-end', name: 'end', type: 'string', value: (e) => e.interval?.end },
  { id: 'e-evidenceIds', name: 'evidenceIds', type: 'string', value: (e) => e.evidenceIds.join(' ') },
];

const declare = <T>(target: 'node' | 'edge', keys: Key<T>[]): XmlTree[] => keys.map((k) => ({
  [`${ATTR}id`]: k.id, [`${ATTR}for`]: target, [`${ATTR}attr.name`]: k.name, [`${ATTR}attr.type`]: k.type,
}));

const data = <T>(item: T, keys: Key<T>[]): XmlTree[] => keys.flatMap((k) => {
  const value = k.value(item);
  return value === null || value === undefined || value === '' ? [] : [{ [`${ATTR}key`]: k.id, '#text': value }];
});

export function writeGraphml(network: ExportNetwork): string {
  return buildXml({
    graphml: {
      [`${ATTR}xmlns`]: 'http://graphml.graphdrawing.org/xmlns',
      [`${ATTR}xmlns:xsi`]: 'http://www.w3.org/2001/XMLSchema-instance',
      [`${ATTR}xsi:schemaLocation`]: 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: [...declare('node', GRAPHML_NODE_KEYS), ...declare('edge', GRAPHML_EDGE_KEYS)],
      graph: {
        [`${ATTR}id`]: 'orbit',
        [`${ATTR}edgedefault`]: 'directed',
        node: network.nodes.map((n) => ({ [`${ATTR}id`]: n.id, data: data(n, GRAPHML_NODE_KEYS) })),
        edge: network.edges.map((e) => ({
          [`${ATTR}id`]: e.id, [`${ATTR}source`]: e.source, [`${ATTR}target`]: e.target, data: data(e, GRAPHML_EDGE_KEYS),
        })),
      },
    },
  });
}
