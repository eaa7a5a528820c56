// The gap view of a dump and the topic-shift measure the segmenter reads (no ../shared data needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitUnits } from '../../src/clean/paragraphs.js';
import { labelDump } from '../../src/clean/segment.js';
import { dumpFacts } from '../../src/clean/segment-features.js';
import { gapsOf, positionsOf } from '../../src/clean/segment-gaps.js';
import { cosine, gapShift, topicSpace, windowBag } from '../../src/clean/topic-shift.js';

const oil = [
  'Oil exports from the Kurdistan region through the Turkish pipeline remained halted on Wednesday, officials in Erbil said.',
  'The pipeline halt has cost the Kurdistan region about a billion dollars in lost oil exports, the officials said.',
  'Turkish officials said the pipeline would reopen once repairs to the exports terminal were finished.',
];
const football = [
  'The home side scored twice in the second half to win the football derby in front of a full stadium on Saturday.',
  'Their goalkeeper saved a penalty in the first half, and the football crowd in the stadium sang his name.',
  'The derby win lifts the home side to third place in the league table.',
];

test('topic shift: two unrelated stories meet at a low cosine, one story runs on at a higher one', () => {
  const units = [...oil, ...football];
  const space = topicSpace(units);
  const within = cosine(windowBag(space, 1, -1, 2, 10), windowBag(space, 2, 1, 1, 10));
  const across = cosine(windowBag(space, 2, -1, 3, 10), windowBag(space, 3, 1, 3, 10));
  assert.ok(within > across, `within ${within} across ${across}`);
  assert.ok(across < 0.05, `across ${across}`);
  assert.ok(gapShift(space, 3, 4, 10).depth > gapShift(space, 2, 4, 10).depth, 'the gap between the stories is the deepest');
});

test('gaps stand between body lines, and a gap\'s story may start at any of its units or the body line after it', () => {
  const units = splitUnits([...oil, 'Kurdish oil exports remain halted', ...football].join('\n\n'));
  const facts = dumpFacts(units, labelDump(units));
  const gaps = gapsOf(facts);
  const headline = units.indexOf('Kurdish oil exports remain halted');
  const holding = gaps.find((g) => g.from <= headline && headline < g.to);
  assert.ok(holding, 'the headline line stands in a gap');
  assert.deepEqual(positionsOf(holding), Array.from({ length: holding.to - holding.from + 1 }, (_, k) => holding.from + k));
  for (const g of gaps) assert.ok(facts.bodyLine[g.to] && (g.from === 0 || facts.bodyLine[g.from - 1]));
});
