// npm run bench:clean: every cleaning figure in one command, each beside its peer or baseline:
//  - HTML main text and text-dump body F1 on the Article Extraction Benchmark (5-fold CV by page),
//    ms/page, Readability.js on the same pages (clean-aeb.ts);
//  - title, date, author, outlet and language of the AEB pages against our annotation (clean-dates.ts);
//  - story boundaries and titles of multi-story dumps built from AEB renders (clean-segment.ts);
//  - spin detection without the original, and duplicate links (clean-spin.ts);
//  - learned site chrome and datelines on a held-out part of the Tehran Times crawl (clean-chrome.ts).
// Each part says which split its figures come from, and skips with one line when its data is absent.
import { aebReport } from './clean-aeb.js';
import { chromeReport } from './clean-chrome.js';
import { metaReport } from './clean-dates.js';
import { segmentReport } from './clean-segment.js';
import { spinReport } from './clean-spin.js';

type Part = { name: string; run: () => string[] | Promise<string[]> };

const parts: Part[] = [
  { name: 'main text (AEB)', run: () => aebReport() },
  { name: 'metadata: title, date, author, outlet, language (AEB)', run: () => metaReport() },
  { name: 'segmentation of multi-story dumps (AEB renders)', run: () => segmentReport() },
  { name: 'spin without the original; duplicate links', run: () => spinReport() },
  { name: 'site chrome and datelines (Tehran Times crawl)', run: () => chromeReport() },
];

async function main(): Promise<void> {
  const started = Date.now();
  for (const part of parts) {
    const at = Date.now();
    console.log(`\n=== ${part.name}`);
    for (const line of await part.run()) console.log(line);
    console.log(`(${((Date.now() - at) / 1000).toFixed(0)} s)`);
  }
  console.log(`\nbench:clean done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1]?.endsWith('clean.js')) await main();
