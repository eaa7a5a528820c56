// Prints dev-split segmentation dumps unit by unit, for reading the segmenter's errors: the gold story
// marks (S start, o the block that opens it, T its headline, r teaser), the line model's label, the
// start ranker's score, and the segmenter's starts (>>) and headlines (**).
// Run: node dist/bench/segment-inspect.js dev-5 [dev-7 ...]   (no ids: every dump with an error)
import { LINE_LABELS } from '../src/clean/line-model.js';
import { labelDump, segmentUnits } from '../src/clean/segment.js';
import { dumpFacts, startFeatures } from '../src/clean/segment-features.js';
import { segmentModel } from '../src/clean/segment-model.js';
import { repeatKey } from '../src/clean/lines.js';
import { DEV_DUMPS, DUMP_SEED, makeDumps, segmentSources } from './segment-dumps.js';
import { lineModelOn } from './train/train-segment.js';
import { prepareAeb } from './train/train-lines.js';

const data = segmentSources();
const prepared = prepareAeb();
if (data === null || prepared === null) throw new Error('no ../shared/data/aeb');
const lines = lineModelOn(prepared, new Set(data.train.map((s) => s.key)));
const model = segmentModel();
const wanted = new Set(process.argv.slice(2));
for (const dump of makeDumps(data.dev, DEV_DUMPS, DUMP_SEED, 'dev')) {
  if (wanted.size > 0 && !wanted.has(dump.id)) continue;
  const labelled = labelDump(dump.units, lines);
  const facts = dumpFacts(dump.units, labelled);
  const segments = segmentUnits(dump.units, { model, lines: labelled });
  const starts = new Set(segments.map((s) => s.start));
  const titles = new Set(segments.map((s) => s.title));
  const goldStart = new Map(dump.stories.map((s, k) => [s.start, k]));
  const opening = (i: number) => dump.stories.some((s) => i > s.start && i <= s.openEnd);
  const goldTitle = (i: number) => dump.stories.some((s) => s.title !== null && i >= s.start && i <= s.openEnd + 1 && repeatKey(s.title) === repeatKey(dump.units[i]));
  const errors = dump.stories.slice(1).some((s) => ![...starts].some((p) => p >= s.start && p <= Math.max(s.start, s.openEnd))) || starts.size !== dump.stories.length;
  if (wanted.size === 0 && !errors) continue;
  console.log(`=== ${dump.id}: ${dump.stories.map((s) => `${s.pattern}${s.teasers ? '+t' : ''}`).join(', ')}`);
  dump.units.forEach((u, i) => {
    const g = goldStart.has(i) ? 'S' : opening(i) ? 'o' : ' ';
    const t = goldTitle(i) ? 'T' : dump.teaserUnits.has(i) ? 'r' : ' ';
    const p = starts.has(i) ? '>>' : '  ';
    const h = titles.has(u) ? '**' : '  ';
    const score = i === 0 ? 0 : model.startScore(startFeatures(facts, i));
    console.log(`${String(i).padStart(4)} ${g}${t} ${p}${h} ${LINE_LABELS[labelled.labels[i]].padEnd(7)} ${score.toFixed(1).padStart(6)} ${u.slice(0, 110)}`);
  });
}
