// Model files read once per process and shared by its pipeline threads. A perceptron's tables (60 MB
// for the parser) live in SharedArrayBuffers, so N threads hold one copy, read the same cache lines,
// and start without decoding the file again. Only the pool's caller shares: a process with no
// threads reads its models into ordinary memory, as before.
import type { CompactPerceptron, SharedPerceptron } from './perceptron.js';

/** A model file as its threads receive it: its header and each perceptron's shared tables. */
export interface SharedModelFile {
  meta: unknown;
  perceptrons: Record<string, SharedPerceptron>;
}

/** By path: what this thread was given, or what it read for its threads. */
const registry = new Map<string, SharedModelFile>();

/** The shared form of a file read before, or null. */
export function sharedModelFile(path: string): SharedModelFile | null {
  return registry.get(path) ?? null;
}

/** Keeps a file's shared tables (src/nlp/perceptron/model-file.ts reads it so) and returns them. */
export function rememberModelFile(path: string, meta: unknown, perceptrons: Record<string, CompactPerceptron>): SharedModelFile {
  const file = { meta, perceptrons: Object.fromEntries(Object.entries(perceptrons).map(([name, p]) => [name, p.shared()])) };
  registry.set(path, file);
  return file;
}

/** In a thread: the files its pool shared, found by readModelFile instead of the disk. */
export function adoptModelFiles(files: Record<string, SharedModelFile>): void {
  for (const [path, file] of Object.entries(files)) registry.set(path, file);
}
