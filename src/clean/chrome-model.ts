// The committed site-chrome model (models/chrome/sites.json, written by npm run train:chrome): for
// each site seen in training, the sentence keys that recur in a large share of its articles, with
// the thresholds that chose them and the batch view's own thresholds, all as data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../core/paths.js';
import type { ChromeThresholds } from './chrome.js';

export interface BatchChromeSettings extends ChromeThresholds {
  /** Pages read ahead of the page being cleaned (held whole in memory). */
  lookahead: number;
  /** Pages already cleaned whose keys still count (only their keys are held). */
  history: number;
}

export interface ChromeModel {
  version: string;
  /** What the learner kept; see models/chrome/README.md. */
  thresholds: ChromeThresholds;
  /** What the batch view at ingest time counts as chrome, for a site in training or not. */
  batch: BatchChromeSettings;
  provenance: Record<string, unknown>;
  sites: Record<string, { articles: number; lines: { key: string; articles: number }[] }>;
}

export const CHROME_MODEL_FILE = 'chrome/sites.json';

let loaded: ChromeModel | undefined;

/** The committed model, read once per process. */
export function chromeModel(): ChromeModel {
  if (loaded) return loaded;
  const path = join(modelsDir(), CHROME_MODEL_FILE);
  if (!existsSync(path)) throw new Error(`${path}: the chrome model is missing; rebuild it with npm run train:chrome`);
  return (loaded = parseChromeModel(readFileSync(path, 'utf8'), path));
}

/** Reads a model file's text, naming the file and what is wrong with it. */
export function parseChromeModel(text: string, path: string): ChromeModel {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON: ${(error as Error).message}`);
  }
  const m = data as Partial<ChromeModel>;
  const numbers = (t: unknown, keys: string[]) => typeof t === 'object' && t !== null && keys.every((k) => typeof (t as Record<string, unknown>)[k] === 'number');
  if (!numbers(m.thresholds, ['minArticles', 'minShare', 'maxChars'])) throw new Error(`${path}: "thresholds" needs minArticles, minShare and maxChars`);
  if (!numbers(m.batch, ['minArticles', 'minShare', 'maxChars', 'lookahead', 'history'])) throw new Error(`${path}: "batch" needs minArticles, minShare, maxChars, lookahead and history`);
  if (typeof m.sites !== 'object' || m.sites === null) throw new Error(`${path}: "sites" must be an object of site to lines`);
  return m as ChromeModel;
}

/** The learned chrome keys of one site (none for a site not seen in training). */
export function learnedKeys(model: ChromeModel, site: string): ReadonlySet<string> {
  let bySite = keySets.get(model);
  if (!bySite) keySets.set(model, (bySite = new Map()));
  // Only sites the model knows are remembered: a crawl meets many it does not.
  if (!model.sites[site]) return NO_KEYS;
  let keys = bySite.get(site);
  if (!keys) bySite.set(site, (keys = new Set(model.sites[site].lines.map((l) => l.key))));
  return keys;
}
const NO_KEYS: ReadonlySet<string> = new Set();
const keySets = new WeakMap<ChromeModel, Map<string, Set<string>>>();
