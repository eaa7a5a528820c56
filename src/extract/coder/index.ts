// The trained event coder (models/coder/plover.json.gz, made by `npm run train:coder`): what a
// candidate's features say — a PLOVER type, or NONE for no event — loaded once per process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../../core/paths.js';
import { loadClusters } from '../../nlp/clusters.js';
import { triggerLexicon } from '../lexicon.js';
import type { FeatureContext } from './features.js';
import { SoftmaxModel } from './softmax.js';

export const NO_EVENT = 'NONE';
export const DEFAULT_CODER = () => join(modelsDir(), 'coder', 'plover.json.gz');

let coder: SoftmaxModel | undefined;
let context: FeatureContext | undefined;

export function sharedCoder(): SoftmaxModel {
  if (!coder) {
    const file = DEFAULT_CODER();
    if (!existsSync(file)) throw new Error(`${file}: the event coder's model is missing (npm run train:coder makes it)`);
    coder = SoftmaxModel.load(file);
  }
  return coder;
}

export function coderContext(): FeatureContext {
  return (context ??= { clusters: loadClusters(), lexicon: triggerLexicon() });
}
