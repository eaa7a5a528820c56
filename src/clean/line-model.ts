// The line model: what each paragraph unit of a text dump is (article body, headline, photo caption,
// byline or date line, or the rest of the page), learned from real pages (bench/train/train-lines.ts on
// ../shared/data/aeb). A linear model scores each unit's features; a first-order Viterbi pass over the
// page picks the best sequence of labels, so a body line among body lines needs less evidence.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../core/paths.js';
import type { Scorer } from '../nlp/perceptron/perceptron.js';
import { readModelFile } from '../nlp/perceptron/model-file.js';
import { contextFeatures, lineFeatures } from './line-features.js';

export const LINE_LABELS = ['other', 'body', 'title', 'caption', 'meta'] as const;
export type LineLabel = (typeof LINE_LABELS)[number];
export const LABEL = { other: 0, body: 1, title: 2, caption: 3, meta: 4 } as const satisfies Record<LineLabel, number>;

export interface LineModelMeta {
  labels: readonly string[];
  /** Per pass, transitions[p][y]: the score of label y after label p; the last row is the page's start. */
  transitions: number[][][];
  provenance: string;
}

export interface LabelledLines {
  labels: number[];
  /** Per unit, each label's emission score (before transitions) in the last pass. */
  scores: Float64Array[];
}

/** One pass over a page: a linear scorer of each unit and the label-to-label transitions. */
export interface LinePass {
  scorer: Scorer;
  transitions: number[][];
}

/**
 * Two passes: the first labels each unit from what it is and what stands beside it; the second reads
 * the first's labels around it too (contextFeatures), where the body begins and ends.
 */
export class LineModel {
  constructor(readonly passes: LinePass[], readonly provenance = '') {}

  /** The best label sequence for a page's units, given the rule filter's body decision for each. */
  label(units: string[], ruleKeep: boolean[]): LabelledLines {
    return this.decode(lineFeatures(units, ruleKeep), units);
  }

  decode(features: Uint32Array[], units: string[]): LabelledLines {
    let result = decodePass(this.passes[0], features);
    for (const pass of this.passes.slice(1)) result = decodePass(pass, contextFeatures(features, result.labels, result.scores, units));
    return result;
  }
}

export function emissions(scorer: Scorer, features: Uint32Array[]): Float64Array[] {
  return features.map((f) => {
    const scores = new Float64Array(LINE_LABELS.length);
    scorer.score(f, f.length, scores);
    return scores;
  });
}

export function decodePass(pass: LinePass, features: Uint32Array[]): LabelledLines {
  const scores = emissions(pass.scorer, features);
  return { labels: viterbi(scores, pass.transitions), scores };
}

/** The label sequence with the highest sum of emission and transition scores. */
export function viterbi(emissions: Float64Array[], transitions: number[][]): number[] {
  const n = emissions.length;
  const L = LINE_LABELS.length;
  if (n === 0) return [];
  const best = emissions.map(() => new Float64Array(L));
  const back = emissions.map(() => new Int8Array(L));
  for (let y = 0; y < L; y++) best[0][y] = transitions[L][y] + emissions[0][y];
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const s = best[i - 1][p] + transitions[p][y];
        if (s > top) {
          top = s;
          arg = p;
        }
      }
      best[i][y] = top + emissions[i][y];
      back[i][y] = arg;
    }
  }
  const labels = new Array<number>(n);
  let y = 0;
  for (let c = 1; c < L; c++) if (best[n - 1][c] > best[n - 1][y]) y = c;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = y;
    y = back[i][y];
  }
  return labels;
}

export const LINE_MODEL_FILE = 'lines/lines.bin.gz';
export const HTML_MODEL_FILE = 'lines/html.bin.gz';

const loaded = new Map<string, LineModel>();

/** The committed line model for text dumps, read once per process (or thread). */
export const lineModel = () => loadLineModel(LINE_MODEL_FILE);
/** The committed block model for HTML pages (the same labels over the page's rendered blocks). */
export const htmlBlockModel = () => loadLineModel(HTML_MODEL_FILE);

function loadLineModel(file: string): LineModel {
  const known = loaded.get(file);
  if (known) return known;
  const path = join(modelsDir(), file);
  if (!existsSync(path)) throw new Error(`${path}: the model is missing; rebuild it with npm run train:lines`);
  const { meta, perceptrons } = readModelFile<LineModelMeta>(path);
  const passes = meta.transitions.map((transitions, k) => ({ scorer: perceptrons[`pass${k + 1}`], transitions }));
  if (meta.labels.join() !== LINE_LABELS.join() || passes.length === 0 || passes.some((p) => !p.scorer)) {
    throw new Error(`${path}: labels ${meta.labels.join(',')} do not match this code's ${LINE_LABELS.join(',')}; retrain with npm run train:lines`);
  }
  const model = new LineModel(passes, meta.provenance);
  loaded.set(file, model);
  return model;
}
