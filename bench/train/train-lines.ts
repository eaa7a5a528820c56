// Trains the line model for text dumps on the Article Extraction Benchmark's real pages
// (../shared/data/aeb), reports 5-fold cross-validation by page beside the rule filter alone, and
// writes models/lines/lines.bin.gz. Run: npm run train:lines
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HTML_MODEL_FILE, LABEL, LINE_LABELS, LINE_MODEL_FILE, type LineModel } from '../../src/clean/line-model.js';
import { modelsDir, repoRoot } from '../../src/core/paths.js';
import { writeModelFile } from '../../src/nlp/perceptron/model-file.js';
import { CompactPerceptron } from '../../src/nlp/perceptron/perceptron.js';
import { bodyScores, foldOf, matchBodies, readAeb, type Counts } from '../aeb.js';
import { labelPage } from './line-labels.js';
import { readHtmlBlocks } from '../../src/clean/html.js';
import { splitUnits } from '../../src/clean/paragraphs.js';
import { modelKeep, repeatedUnits, ruleBody } from '../../src/clean/text.js';
import { prepare, trainLineModel, type PreparedPage } from './line-trainer.js';

export const EPOCHS = 20;
export const SEED = 20261202;
export const FOLDS = 5;

/**
 * Annotated headlines of the benchmark's pages (bench/gold/aeb-meta.json), when present: the gold of
 * the title benchmarks (segmentation, metadata). Not a training label of the line models: labelled
 * with them, the models' body F1 fell (5-fold CV: text 0.911 -> 0.907, HTML 0.969 -> 0.967, 2026-12-02),
 * so their title lines come from the page's own headlines alone (line-labels.ts).
 */
export function annotatedTitles(): Map<string, string | null> {
  const path = join(repoRoot(), 'bench/gold/aeb-meta.json');
  if (!existsSync(path)) return new Map();
  const gold = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { title?: string | null }>;
  return new Map(Object.entries(gold).map(([key, v]) => [key, v.title ?? null]));
}

export interface PreparedAebPage extends PreparedPage {
  body: string;
  /** A page made from a real page's gold body alone (see prepareAeb): trained on, never scored. */
  augmented: boolean;
  /** For HTML pages: which blocks Readability keeps (the peer's decision, scored beside the model's). */
  readability?: boolean[];
}

export function prepareAeb(): PreparedAebPage[] | null {
  const pages = readAeb();
  if (pages === null) return null;
  const out: PreparedAebPage[] = [];
  for (const page of pages) {
    const labelled = labelPage(page.key, page.html, page.body, undefined);
    out.push({ ...prepare(labelled), body: page.body, augmented: false });
    // Plain article text with nothing of a page around it (a .txt file, a feed item's body) is all
    // body: whole-page dumps alone never show the model that case. The page's own headline on top.
    // Half of them with the page's headline on top, and two in three cut to their first 1-6 paragraphs,
    // as short inputs are (the choice is the page's hash, so it never moves).
    const h = parseInt(page.key.slice(12, 18), 16);
    const title = h % 2 === 0 ? labelled.units.find((_, i) => labelled.labels[i] === LABEL.title) : undefined;
    const paragraphs = splitUnits(page.body);
    const units = [...(title ? [title] : []), ...(h % 3 === 0 ? paragraphs : paragraphs.slice(0, 1 + (h % 6)))];
    const labels = units.map((_, i) => (title && i === 0 ? LABEL.title : LABEL.body));
    out.push({ ...prepare({ key: page.key, units, labels }), body: page.body, augmented: true });
  }
  return out;
}

/** The benchmark's pages as the HTML block model reads them: every rendered block, labelled. */
export function prepareAebHtml(): PreparedAebPage[] | null {
  const pages = readAeb();
  if (pages === null) return null;
  return pages.map((page) => {
    const labelled = labelPage(page.key, page.html, page.body, undefined, true);
    const read = readHtmlBlocks(page.html);
    if (read.blocks.length !== labelled.units.length) throw new Error(`${page.key}: ${read.blocks.length} blocks read, ${labelled.units.length} labelled`);
    return { key: page.key, units: labelled.units, labels: labelled.labels, features: read.features, body: page.body, augmented: false, readability: read.inReadability };
  });
}

export interface CrossValidation {
  model: Counts[];
  rules: Counts[];
  /** Units whose label the model got right, of all units. */
  unitAccuracy: number;
  /** Per label: [right, gold, predicted]. */
  perLabel: [number, number, number][];
  /** Per page: the predicted labels, in the page's order. */
  predictions: Map<string, number[]>;
}

const bodyOf = (units: string[], keep: (i: number) => boolean) => units.filter((_, i) => keep(i)).join('\n\n');

export function crossValidate(pages: PreparedAebPage[], folds = FOLDS): CrossValidation {
  const out: CrossValidation = { model: [], rules: [], unitAccuracy: 0, perLabel: LINE_LABELS.map(() => [0, 0, 0]), predictions: new Map() };
  let right = 0, total = 0;
  for (let fold = 0; fold < folds; fold++) {
    const model = trainLineModel(pages.filter((p) => foldOf(p.key, folds) !== fold), EPOCHS, SEED);
    for (const page of pages.filter((p) => foldOf(p.key, folds) === fold && !p.augmented)) {
      const { labels } = model.decode(page.features, page.units);
      out.predictions.set(page.key, labels);
      const ruleReading = ruleBody(page.units, { repeated: repeatedUnits(page.units) });
      const rules = page.readability ?? ruleReading?.keep ?? page.units.map(() => false);
      const keep = ruleReading ? modelKeep(labels, ruleReading) : rules;
      out.model.push(matchBodies(page.body, bodyOf(page.units, (i) => keep[i])));
      out.rules.push(matchBodies(page.body, bodyOf(page.units, (i) => rules[i])));
      labels.forEach((label, i) => {
        const gold = page.labels[i];
        total++;
        if (label === gold) {
          right++;
          out.perLabel[gold][0]++;
        }
        out.perLabel[gold][1]++;
        out.perLabel[label][2]++;
      });
    }
  }
  out.unitAccuracy = right / Math.max(1, total);
  return out;
}

export function crossValidationLines(cv: CrossValidation): string[] {
  const m = bodyScores(cv.model);
  const r = bodyScores(cv.rules);
  const lines = [
    `body lines, ${FOLDS}-fold CV by page        precision  recall  F1     pages<0.5`,
    `  line model                          ${m.precision.toFixed(3).padEnd(11)}${m.recall.toFixed(3).padEnd(8)}${m.f1.toFixed(3).padEnd(7)}${m.below50}`,
    `  rules / Readability alone (peer)    ${r.precision.toFixed(3).padEnd(11)}${r.recall.toFixed(3).padEnd(8)}${r.f1.toFixed(3).padEnd(7)}${r.below50}`,
    `  line labels right: ${(100 * cv.unitAccuracy).toFixed(1)}% of units; per label P/R: ` +
      LINE_LABELS.map((name, c) => {
        const [ok, gold, pred] = cv.perLabel[c];
        return `${name} ${(100 * ok / Math.max(1, pred)).toFixed(0)}/${(100 * ok / Math.max(1, gold)).toFixed(0)}`;
      }).join(', '),
  ];
  return lines;
}

function writeModel(file: string, model: LineModel, provenance: string): number {
  const path = join(modelsDir(), file);
  mkdirSync(dirname(path), { recursive: true });
  const perceptrons = Object.fromEntries(model.passes.map((p, k) => [`pass${k + 1}`, p.scorer as CompactPerceptron]));
  return writeModelFile(path, { labels: LINE_LABELS, transitions: model.passes.map((p) => p.transitions), provenance }, perceptrons);
}

function main(): void {
  const started = Date.now();
  const text = prepareAeb();
  const html = prepareAebHtml();
  if (text === null || html === null) {
    console.log('train-lines: skipped, ../shared/data/aeb is not beside the repo');
    return;
  }
  // --only text | --only html retrains one of the two.
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  for (const [name, pages, file] of [['text dumps', text, LINE_MODEL_FILE], ['HTML blocks', html, HTML_MODEL_FILE]] as const) {
    if (only !== null && !name.startsWith(only === 'html' ? 'HTML' : only)) continue;
    console.log(`== ${name}`);
    for (const line of crossValidationLines(crossValidate(pages))) console.log(line);
    const real = pages.filter((p) => !p.augmented);
    const units = real.reduce((n, p) => n + p.units.length, 0);
    const provenance = `trained by npm run train:lines on the ${real.length} pages of ../shared/data/aeb (${units} ${name === 'text dumps' ? 'lines, and the pages\' gold bodies alone' : 'rendered blocks'}), ${EPOCHS} epochs, seed ${SEED}`;
    const bytes = writeModel(file, trainLineModel(pages, EPOCHS, SEED), provenance);
    console.log(`wrote models/${file} (${(bytes / 1024).toFixed(0)} KB)`);
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1]?.endsWith('train-lines.js')) main();
