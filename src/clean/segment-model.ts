// The story segmenter's model: three averaged perceptrons learned from multi-story dumps built of real
// pages (bench/train/train-segment.ts): `gap` scores "a new story begins in this gap between body
// lines" (segment-gaps.ts), `start` ranks the units of such a gap as the story's first, and `title`
// ranks the lines that open a story as its headline (or "no headline shown"). Read once per process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../core/paths.js';
import type { Scorer } from '../nlp/perceptron/perceptron.js';
import { readModelFile } from '../nlp/perceptron/model-file.js';

export const SEGMENT_MODEL_FILE = 'segment/segment.bin.gz';
/** Bumped when the features change, so an old weights file is refused rather than misread. */
export const SEGMENT_FEATURES_VERSION = 8;

export interface SegmentModelMeta {
  featuresVersion: number;
  provenance: string;
}

export class SegmentModel {
  constructor(readonly gap: Scorer, readonly start: Scorer, readonly title: Scorer, readonly provenance = '') {}

  /** Score (positive: yes) that a new story begins in a gap with these features. */
  gapScore(features: Uint32Array): number {
    return twoClassScore(this.gap, features);
  }

  /** Score (higher: likelier) that a story starts at a unit with these features. */
  startScore(features: Uint32Array): number {
    return twoClassScore(this.start, features);
  }

  titleScore(features: Uint32Array): number {
    return twoClassScore(this.title, features);
  }
}

const scratch = new Float64Array(2);

export function twoClassScore(scorer: Scorer, features: Uint32Array): number {
  scratch[0] = 0;
  scratch[1] = 0;
  scorer.score(features, features.length, scratch);
  return scratch[1] - scratch[0];
}

let loaded: SegmentModel | null = null;

/** The committed segmenter. */
export function segmentModel(): SegmentModel {
  if (loaded) return loaded;
  const path = join(modelsDir(), SEGMENT_MODEL_FILE);
  if (!existsSync(path)) throw new Error(`${path}: the segmenter model is missing; rebuild it with npm run train:segment`);
  const { meta, perceptrons } = readModelFile<SegmentModelMeta>(path);
  if (meta.featuresVersion !== SEGMENT_FEATURES_VERSION || !perceptrons.gap || !perceptrons.start || !perceptrons.title) {
    throw new Error(`${path}: made for segmenter features v${meta.featuresVersion}, this code reads v${SEGMENT_FEATURES_VERSION}; retrain with npm run train:segment`);
  }
  loaded = new SegmentModel(perceptrons.gap, perceptrons.start, perceptrons.title, meta.provenance);
  return loaded;
}
