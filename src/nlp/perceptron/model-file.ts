// One binary file for a model: a JSON header (labels, vocabularies, provenance) and the perceptrons'
// arrays, gzipped. Weights are stored as 16-bit integers with one scale per perceptron: the figures do
// not move (checked by the benchmark, which reads the saved file) and the file is half the size.
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { CompactPerceptron } from './perceptron.js';
import { rememberModelFile, sharedModelFile, type SharedModelFile } from './shared-models.js';

const MAGIC = 'ORBIT-MODEL-1\n';

interface PerceptronHeader {
  classes: number;
  features: number;
  weights: number;
  scale: number;
}

export interface ModelFile<Meta> {
  meta: Meta;
  perceptrons: Record<string, CompactPerceptron>;
}

export function writeModelFile<Meta>(path: string, meta: Meta, perceptrons: Record<string, CompactPerceptron>): number {
  const headers: Record<string, PerceptronHeader> = {};
  const chunks: Buffer[] = [];
  for (const [name, perceptron] of Object.entries(perceptrons)) {
    const p = { classes: perceptron.classes, ...perceptron.arrays() };
    let max = 0;
    for (const v of p.vals) max = Math.max(max, Math.abs(v));
    const scale = max / 32767 || 1;
    const counts = new Uint8Array(p.keys.length);
    for (let i = 0; i < p.keys.length; i++) counts[i] = p.starts[i + 1] - p.starts[i] - 1; // 1..256 stored as 0..255
    const quantized = new Int16Array(p.vals.length);
    for (let i = 0; i < p.vals.length; i++) quantized[i] = Math.round(p.vals[i] / scale);
    headers[name] = { classes: p.classes, features: p.keys.length, weights: p.vals.length, scale };
    chunks.push(bytes(p.keys), bytes(counts), bytes(p.cls), bytes(quantized));
  }
  const header = Buffer.from(JSON.stringify({ meta, perceptrons: headers }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const file = gzipSync(Buffer.concat([Buffer.from(MAGIC), length, header, ...chunks]), { level: 9 });
  writeFileSync(path, file);
  return file.length;
}

export function readModelFile<Meta>(path: string): ModelFile<Meta> {
  // a pipeline thread is handed the files its pool read (src/nlp/perceptron/shared-models.ts)
  const shared = sharedModelFile(path);
  if (shared) {
    const perceptrons = Object.fromEntries(Object.entries(shared.perceptrons).map(([name, p]) => [name, CompactPerceptron.fromShared(p)]));
    return { meta: shared.meta as Meta, perceptrons };
  }
  return decodeModelFile<Meta>(path, false);
}

/** A file read once into shared memory for a pool's threads (what was read so before is not read again). */
export function shareModelFile(path: string): SharedModelFile {
  const known = sharedModelFile(path);
  if (known) return known;
  const { meta, perceptrons } = decodeModelFile(path, true);
  return rememberModelFile(path, meta, perceptrons);
}

function decodeModelFile<Meta>(path: string, shared: boolean): ModelFile<Meta> {
  let raw: Buffer;
  try {
    raw = gunzipSync(readFileSync(path));
  } catch (error) {
    throw new Error(`${path}: cannot read the model (${(error as Error).message}); rebuild it with its training script`);
  }
  if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error(`${path}: not an Orbit model file`);
  let at = MAGIC.length;
  const headerLength = raw.readUInt32LE(at);
  at += 4;
  const { meta, perceptrons: headers } = JSON.parse(raw.subarray(at, at + headerLength).toString('utf8')) as {
    meta: Meta;
    perceptrons: Record<string, PerceptronHeader>;
  };
  at += headerLength;
  const take = (n: number) => {
    // copy out: typed arrays need aligned offsets, which a packed file does not give
    const slice = raw.subarray(at, at + n);
    at += n;
    return new Uint8Array(slice).buffer;
  };
  const perceptrons: Record<string, CompactPerceptron> = {};
  for (const [name, h] of Object.entries(headers)) {
    const keys = new Uint32Array(take(h.features * 4));
    const counts = new Uint8Array(take(h.features));
    const cls = new Uint8Array(take(h.weights));
    const quantized = new Int16Array(take(h.weights * 2));
    const starts = new Int32Array(h.features + 1);
    for (let i = 0; i < h.features; i++) starts[i + 1] = starts[i] + counts[i] + 1;
    const vals = new Float32Array(h.weights);
    for (let i = 0; i < h.weights; i++) vals[i] = quantized[i] * h.scale;
    perceptrons[name] = new CompactPerceptron(h.classes, keys, starts, cls, vals, shared);
  }
  return { meta, perceptrons };
}

function bytes(array: Uint32Array | Uint8Array | Int16Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
