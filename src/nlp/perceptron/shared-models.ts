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

/** By path: what this thread was given, or what it read while sharing was on. */
const registry = new Map<string, SharedModelFile>();
let sharing = false;

/** The shared form of a file read before, or null. */
export function sharedModelFile(path: string): SharedModelFile | null {
  return registry.get(path) ?? null;
}

/** Whether model files read now should be built in shared memory and remembered. */
export function sharingModels(): boolean {
  return sharing;
}

export function rememberModelFile(path: string, meta: unknown, perceptrons: Record<string, CompactPerceptron>): void {
  registry.set(path, { meta, perceptrons: Object.fromEntries(Object.entries(perceptrons).map(([name, p]) => [name, p.shared()])) });
}

/** Turns sharing on for the reads `during` makes (a pool's caller reading the files its threads will). */
export function whileSharing<T>(during: () => T): T {
  sharing = true;
  try {
    return during();
  } finally {
    sharing = false;
  }
}

/** Every file shared so far, for a pool to pass to its threads. */
export function sharedModelFiles(): Record<string, SharedModelFile> {
  return Object.fromEntries(registry);
}

/** In a thread: the files its pool shared, found by readModelFile instead of the disk. */
export function adoptModelFiles(files: Record<string, SharedModelFile>): void {
  for (const [path, file] of Object.entries(files)) registry.set(path, file);
}
