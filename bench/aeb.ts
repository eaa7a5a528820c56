// The Article Extraction Benchmark (181 real news pages with hand-made article bodies, in
// ../shared/data/aeb): reading its pages, and its metric as the benchmark's evaluate.py computes it:
// 4-word shingle precision and recall per page (counts normalised per page), averaged over pages,
// F1 of the averages. Shared by the cleaning benchmarks and the line model's training.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repoRoot } from '../src/core/paths.js';

export const aebDir = () => resolve(repoRoot(), '../shared/data/aeb');

export interface AebPage {
  /** The page's file name without .html.gz: a hash, which also splits pages into folds. */
  key: string;
  html: string;
  /** The hand-made article body. */
  body: string;
  url: string;
}

/** Every page with its gold body, in key order; null when the benchmark is not beside the repo. */
export function readAeb(only?: string): AebPage[] | null {
  const dir = aebDir();
  const truthPath = join(dir, 'ground-truth.json');
  if (!existsSync(truthPath)) return null;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => f.replace(/\.html\.gz$/, ''))
    .filter((key) => key in truth && (!only || key.startsWith(only)))
    .map((key) => ({
      key,
      html: gunzipSync(readFileSync(join(dir, 'html', `${key}.html.gz`))).toString('utf8'),
      body: truth[key].articleBody,
      url: truth[key].url,
    }));
}

/** The fold of a page in k-fold cross-validation by page: from its key, so it never moves. */
export const foldOf = (key: string, folds: number) => parseInt(key.slice(0, 6), 16) % folds;

export type Counts = [tp: number, fp: number, fn: number];

/** evaluate.py's tokens: \w+ runs (Unicode letters, digits, marks, underscore), case kept. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
}

export function shingles(text: string, n = 4): Map<string, number> {
  const words = tokens(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, words.length - n + 1); i++) {
    const key = words.slice(i, i + n).join(' ');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One page's shingle counts of the prediction against the truth, normalised to sum to 1. */
export function matchBodies(truth: string, predicted: string): Counts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0, fp = 0, fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

export interface BodyScores {
  precision: number;
  recall: number;
  f1: number;
  /** Pages whose own F1 is under 0.5. */
  below50: number;
}

export function bodyScores(all: Counts[]): BodyScores {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const prec = ([tp, fp, fn]: Counts) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
  const rec = ([tp, fp, fn]: Counts) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
  const precision = mean(all.filter(([tp, fp]) => tp + fp > 0).map(prec));
  const recall = mean(all.filter(([tp, , fn]) => tp + fn > 0).map(rec));
  const pageF1 = (c: Counts) => {
    const p = prec(c), r = rec(c);
    return p + r > 0 ? (2 * p * r) / (p + r) : 0;
  };
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), below50: all.filter((c) => pageF1(c) < 0.5).length };
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
