// The neural parser's file: gzip of "ONN1", a JSON header (configuration, vocabularies, label and
// UPOS lists, provenance), then the parameters as little-endian float32 (or, with `quantise`, int16
// with one scale per tensor: half the size).
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BiaffineNetwork, type NetworkConfig, type NetworkSizes } from './biaffine-parser.js';
import type { InputVocabulary } from './word-inputs.js';

export interface NeuralParserMeta {
  config: NetworkConfig;
  sizes: NetworkSizes;
  vocabulary: InputVocabulary;
  labels: string[];
  upos: string[];
  clusters: boolean;
  provenance: Record<string, unknown>;
}

interface Header extends NeuralParserMeta {
  encoding: 'float32' | 'int16';
  /** int16 only: one scale per tensor, in spec order. */
  scales?: number[];
}

const MAGIC = 'ONN1';

export function writeNeuralParser(path: string, meta: NeuralParserMeta, net: BiaffineNetwork, quantise = false): number {
  const data = net.params.data;
  let body: Buffer;
  const header: Header = { ...meta, encoding: quantise ? 'int16' : 'float32' };
  if (quantise) {
    const q = new Int16Array(data.length);
    header.scales = [];
    for (const spec of net.params.specs) {
      const o = net.params.offsets.get(spec.name)!;
      let max = 0;
      for (let i = o; i < o + spec.size; i++) max = Math.max(max, Math.abs(data[i]));
      const scale = max > 0 ? max / 32767 : 1;
      header.scales.push(scale);
      for (let i = o; i < o + spec.size; i++) q[i] = Math.round(data[i] / scale);
    }
    body = Buffer.from(q.buffer, q.byteOffset, q.byteLength);
  } else body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const pad = Buffer.alloc((4 - ((MAGIC.length + 4 + json.length) % 4)) % 4);
  const file = gzipSync(Buffer.concat([Buffer.from(MAGIC), length, json, pad, body]), { level: 6 });
  writeFileSync(path, file);
  return file.length;
}

export function readNeuralParser(path: string): { meta: NeuralParserMeta; net: BiaffineNetwork } {
  const raw = gunzipSync(readFileSync(path));
  if (raw.subarray(0, 4).toString() !== MAGIC) throw new Error(`${path}: not a neural parser file (no ${MAGIC} header)`);
  const length = raw.readUInt32LE(4);
  const header = JSON.parse(raw.subarray(8, 8 + length).toString('utf8')) as Header;
  let start = 8 + length;
  start += (4 - (start % 4)) % 4;
  const bytes = raw.subarray(start);
  let data: Float32Array;
  if (header.encoding === 'int16') {
    const q = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    data = new Float32Array(q.length);
    const probe = new BiaffineNetwork(header.config, header.sizes, new Float32Array(q.length));
    probe.params.specs.forEach((spec, k) => {
      const o = probe.params.offsets.get(spec.name)!;
      const scale = header.scales![k];
      for (let i = o; i < o + spec.size; i++) data[i] = q[i] * scale;
    });
  } else data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const { encoding: _e, scales: _s, ...meta } = header;
  return { meta, net: new BiaffineNetwork(header.config, header.sizes, data) };
}
