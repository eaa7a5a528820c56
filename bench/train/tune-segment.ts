// Tuning split for the story segmenter, inside the train split only: the segmenter is trained on the
// training dumps of inner folds 1-3 and its story starts are scored on those of inner fold 0 (each
// dump labelled by a line model that never saw its pages, as in train:segment). The dev split (fold 0
// of 5) is never read here. Labelled dumps are cached in /tmp between runs (pass --fresh to rebuild).
// Run: npm run build && node dist/bench/train/tune-segment.js [epochs]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { segmentSources, type SegmentDump } from '../segment-dumps.js';
import { storyStarts } from '../../src/clean/segment.js';
import { dumpFacts } from '../../src/clean/segment-features.js';
import { prepareAeb } from './train-lines.js';
import { SEGMENT_SEED, trainingDumps } from './train-segment.js';
import { trainSegmenter, type LabelledDump } from './segment-trainer.js';

const COUNT = Number(process.argv.find((a) => a.startsWith('--dumps='))?.slice(8) ?? 600);
const CACHE = `/tmp/seg2-tune-dumps-${COUNT}.json`;

function load(): LabelledDump[] | null {
  if (existsSync(CACHE) && !process.argv.includes('--fresh')) {
    const raw = JSON.parse(readFileSync(CACHE, 'utf8')) as { dump: SegmentDump & { teaserUnits: number[] }; lines: { labels: number[]; scores: number[][] } }[];
    return raw.map(({ dump, lines }) => ({ dump: { ...dump, teaserUnits: new Set(dump.teaserUnits) }, lines: { labels: lines.labels, scores: lines.scores.map((s) => Float64Array.from(s)) } }));
  }
  const data = segmentSources();
  const prepared = prepareAeb();
  if (data === null || prepared === null) return null;
  const dumps = trainingDumps(data.train, prepared, COUNT);
  writeFileSync(CACHE, JSON.stringify(dumps.map(({ dump, lines }) => ({ dump: { ...dump, teaserUnits: [...dump.teaserUnits] }, lines: { labels: lines.labels, scores: lines.scores.map((s) => [...s]) } }))));
  return dumps;
}

function main(): void {
  const dumps = load();
  if (dumps === null) {
    console.log('tune-segment: skipped, ../shared/data/aeb is not beside the repo');
    return;
  }
  const epochs = Number(process.argv[2] ?? 20);
  const fold = `train${process.argv.find((a) => a.startsWith('--fold='))?.slice(7) ?? '0'}-`;
  const held = dumps.filter((d) => d.dump.id.startsWith(fold));
  const use = Number(process.argv.find((a) => a.startsWith('--use='))?.slice(6) ?? Infinity);
  const model = trainSegmenter(dumps.filter((d) => !d.dump.id.startsWith(fold)).slice(0, use), epochs, SEGMENT_SEED);
  const thresholds = (process.argv.find((a) => a.startsWith('--t='))?.slice(4) ?? '0').split(',').map(Number);
  for (const threshold of thresholds) {
  let tp = 0, fp = 0, fn = 0, shown = 0;
  const byCat = new Map<string, number[]>();
  for (const { dump, lines } of held) {
    const predicted = storyStarts(dumpFacts(dump.units, lines), model, threshold).filter((s) => s > 0);
    const used = new Set<number>();
    for (const story of dump.stories.slice(1)) {
      const hit = predicted.find((p) => !used.has(p) && p >= story.start && p <= Math.max(story.start, story.openEnd));
      if (hit !== undefined) used.add(hit);
      const cat = `${story.pattern}${dump.teaserUnits.has(story.start - 1) ? '+afterTeasers' : ''}`;
      const cell = byCat.get(cat) ?? [0, 0];
      cell[0] += hit !== undefined ? 1 : 0;
      cell[1]++;
      byCat.set(cat, cell);
    }
    if (process.argv.includes('--errors') && shown++ < 60) {
      const gold = new Set(dump.stories.slice(1).map((s) => s.start));
      const open = new Set(dump.stories.flatMap((s) => Array.from({ length: s.openEnd - s.start + 1 }, (_, k) => s.start + k)));
      for (let i = 1; i < dump.units.length; i++) {
        const mark = gold.has(i) && !used.has(i) && !dump.stories.some((s) => s.start === i && [...used].some((u) => u >= s.start && u <= s.openEnd)) ? 'MISS' : predicted.includes(i) && !used.has(i) ? 'FALSE' : '';
        if (mark) console.log(`${dump.id} ${mark} @${i} lab=${lines.labels[i]} | ${dump.units[i - 1].slice(0, 70)} || ${dump.units[i].slice(0, 90)} || ${(dump.units[i + 1] ?? '').slice(0, 60)}${open.has(i) ? ' [in opening]' : ''} ${dump.stories.find((s) => s.start === i)?.pattern ?? ''}`);
      }
    }
    tp += used.size;
    fp += predicted.length - used.size;
    fn += dump.stories.length - 1 - used.size;
  }
  const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
  console.log(`tune (train split, inner ${fold.slice(0, -1)}, ${held.length} dumps): boundary P/R/F1 ${p.toFixed(3)} ${r.toFixed(3)} ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)} (${epochs} epochs, threshold ${threshold}); recall by kind: ${[...byCat].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}`);
  }
}

main();
