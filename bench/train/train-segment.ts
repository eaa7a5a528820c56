// Trains the story segmenter on multi-story dumps built from the train split of the Article Extraction
// Benchmark's pages (bench/segment-dumps.ts; the dev split, fold 0 by page key, is never seen) and
// writes models/segment/segment.bin.gz. The line model labels each dump as it would in use; so that the
// segmenter does not learn to trust labels of pages the line model was trained on, each training dump's
// labels come from a line model trained without its pages (4 inner folds by page).
// Run: npm run train:segment
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LineModel } from '../../src/clean/line-model.js';
import { labelDump } from '../../src/clean/segment.js';
import { SEGMENT_FEATURES_VERSION, SEGMENT_MODEL_FILE, type SegmentModel } from '../../src/clean/segment-model.js';
import { modelsDir } from '../../src/core/paths.js';
import { writeModelFile } from '../../src/nlp/perceptron/model-file.js';
import type { CompactPerceptron } from '../../src/nlp/perceptron/perceptron.js';
import { DUMP_SEED, TRAIN_DUMPS, makeDumps, segmentSources, type StorySource } from '../segment-dumps.js';
import { trainLineModel } from './line-trainer.js';
import { EPOCHS, SEED, prepareAeb, type PreparedAebPage } from './train-lines.js';
import { trainSegmenter, type LabelledDump } from './segment-trainer.js';

/** 10 epochs: 20 fit the train split closer and the dev split no better (0.763 vs 0.70 for the unit model at 20). */
export const SEGMENT_EPOCHS = 10;
export const SEGMENT_SEED = 20261202;
const INNER_FOLDS = 4;
const innerFold = (key: string) => parseInt(key.slice(6, 12), 16) % INNER_FOLDS;

/** A line model trained on these pages only (their text dumps and gold bodies). */
export function lineModelOn(prepared: PreparedAebPage[], keys: Set<string>): LineModel {
  return trainLineModel(prepared.filter((p) => keys.has(p.key)), EPOCHS, SEED);
}

/** Training dumps of the train split, each labelled by a line model that never saw its pages. */
export function trainingDumps(train: StorySource[], prepared: PreparedAebPage[], count = TRAIN_DUMPS): LabelledDump[] {
  const out: LabelledDump[] = [];
  for (let fold = 0; fold < INNER_FOLDS; fold++) {
    const held = train.filter((s) => innerFold(s.key) === fold);
    const lines = lineModelOn(prepared, new Set(train.filter((s) => innerFold(s.key) !== fold).map((s) => s.key)));
    for (const dump of makeDumps(held, Math.round(count / INNER_FOLDS), DUMP_SEED + 1 + fold, `train${fold}`)) {
      out.push({ dump, lines: labelDump(dump.units, lines) });
    }
  }
  return out;
}

export function writeSegmentModel(model: SegmentModel, provenance: string): number {
  const path = join(modelsDir(), SEGMENT_MODEL_FILE);
  mkdirSync(dirname(path), { recursive: true });
  return writeModelFile(path, { featuresVersion: SEGMENT_FEATURES_VERSION, provenance }, {
    gap: model.gap as CompactPerceptron, start: model.start as CompactPerceptron, title: model.title as CompactPerceptron,
  });
}

function main(): void {
  const started = Date.now();
  const data = segmentSources();
  const prepared = prepareAeb();
  if (data === null || prepared === null) {
    console.log('train-segment: skipped, ../shared/data/aeb is not beside the repo');
    return;
  }
  const dumps = trainingDumps(data.train, prepared);
  const stories = dumps.reduce((n, d) => n + d.dump.stories.length, 0);
  const provenance = `trained by npm run train:segment on ${dumps.length} dumps (${stories} stories) built from the ${data.train.length} train-split pages of ../shared/data/aeb (fold != 0 of 5 by page key), ${SEGMENT_EPOCHS} epochs, seed ${SEGMENT_SEED}`;
  const model = trainSegmenter(dumps, SEGMENT_EPOCHS, SEGMENT_SEED, provenance);
  const bytes = writeSegmentModel(model, provenance);
  writeFileSync(join(modelsDir(), 'segment/README.md'), [
    '# Story segmenter (models/segment/segment.bin.gz)',
    '',
    'Three averaged perceptrons read by src/clean/segment.ts: `gap` scores each gap between two body lines of a text',
    'dump as the place a new story begins (src/clean/segment-gaps.ts), `start` ranks the units of such a gap as the',
    'story\'s first (latent: any unit of the opening block counts), `title` ranks the lines that open a story as its',
    'headline (or none shown).',
    '',
    `- Provenance: ${provenance}.`,
    '- Data: the Article Extraction Benchmark pages (../shared/data/aeb, research data, not in this repo), rendered to',
    '  whole-page text and cut into stories by bench/segment-dumps.ts; only the weights are committed.',
    '- Features: src/clean/segment-gaps.ts (what a gap holds: line shapes, repeats, teasers, headline-like lines; how',
    '  unrelated the prose either side is, src/clean/topic-shift.ts) and src/clean/segment-features.ts (units, titles).',
    '  Each training dump is labelled by a line model trained without its pages (4 inner folds).',
    '- Figures: `npm run bench:segment` (dev split, fold 0, never trained on), beside the old rule segmenter.',
    '  Dev split, 109 dumps / 322 stories: boundary P/R/F1 0.759/0.784/0.771 (unit-by-unit model before: 0.707/0.690/0.698),',
    '  title accuracy 0.612 (0.565), teaser articles 1 (0), story body F1 0.863 (0.828).',
    '',
  ].join('\n'));
  console.log(`wrote models/${SEGMENT_MODEL_FILE} (${(bytes / 1024).toFixed(0)} KB) from ${dumps.length} dumps, ${stories} stories; ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1]?.endsWith('train-segment.js')) main();
