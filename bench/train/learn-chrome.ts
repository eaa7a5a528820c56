// Learns site chrome from a crawl: counts normalised sentences of every line per site over distinct
// articles, keeps those in a large share of the site's articles (thresholds below, as data), and
// writes models/chrome/sites.json with its provenance. Run: npm run train:chrome
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RawPage } from '../../src/model/types.js';
import { articleKeys, ChromeCounts, siteOf, type ChromeThresholds } from '../../src/clean/chrome.js';
import { countedLines } from '../../src/clean/chrome-batch.js';
import { SiteCopies } from '../../src/clean/chrome-copies.js';
import { CHROME_MODEL_FILE, type BatchChromeSettings, type ChromeModel } from '../../src/clean/chrome-model.js';
import { modelsDir } from '../../src/core/paths.js';
import { readCrawl, TEHRAN_TIMES } from '../chrome-corpus.js';

/**
 * Learned chrome: in at least 20 distinct articles of the site and in 5% of them. The licence line
 * is in 97% of the Tehran Times crawl's distinct articles (counted also behind an editor's sign-off,
 * "MH/PA All Content by ...", see articleKeys); a body sentence two syndicated copies share is in 2
 * (and counts once, src/clean/chrome-copies.ts); the most repeated real sentences of the crawl
 * (background paragraphs of one beat) are under 0.3%, and the headers of Reuters' earnings tables
 * ("Year", "Nine mths") at 2-3%, so 5% leaves a margin. Sentences over 240 characters are not
 * counted: chrome is short.
 */
export const LEARNED: ChromeThresholds = { minArticles: 20, minShare: 0.05, maxChars: 240 };

/**
 * At ingest, within the batch: in at least 5 distinct articles of the outlet and in 30% of those in
 * the window (100 pages ahead, 400 behind). A small batch must show the line in nearly every article.
 */
export const BATCH: BatchChromeSettings = { minArticles: 5, minShare: 0.3, maxChars: 240, lookahead: 100, history: 400 };

/** The chrome of every site in the pages, by LEARNED (or the given thresholds). */
export function learnChrome(pages: Iterable<RawPage>, thresholds: ChromeThresholds = LEARNED): { sites: ChromeModel['sites']; articles: number; counted: number } {
  const counts = new ChromeCounts();
  const copies = new SiteCopies();
  let articles = 0;
  let counted = 0;
  for (const page of pages) {
    const lines = countedLines(page);
    const site = siteOf(page);
    articles += 1;
    const identity = copies.identity(site, `${page.uri}#${page.part}`, lines.join('\n\n'));
    if (counts.add(site, identity, articleKeys(lines, thresholds.maxChars))) counted += 1;
  }
  return { sites: Object.fromEntries(counts.chrome(thresholds)), articles, counted };
}

export function chromeModelOf(pages: RawPage[], provenance: Record<string, unknown>): ChromeModel {
  const learned = learnChrome(pages);
  return {
    version: 'chrome-1',
    thresholds: LEARNED,
    batch: BATCH,
    provenance: { ...provenance, articles: learned.articles, distinctArticles: learned.counted },
    sites: learned.sites,
  };
}

async function main(): Promise<void> {
  const pages = readCrawl(TEHRAN_TIMES);
  if (!pages) {
    console.log(`train:chrome: ../shared/data/${TEHRAN_TIMES} is absent; nothing learned`);
    return;
  }
  const model = chromeModelOf(pages, {
    data: `../shared/data/${TEHRAN_TIMES} (Tehran Times crawl, github.com/Kmahmoudi/Tehran-Times-Dataset @5441021; CC BY 4.0 as stated, Tehran Times / Mehr News Agency)`,
    command: 'npm run train:chrome',
    note: 'only normalised sentence keys of site chrome are kept, no article text; bench/clean-chrome.ts retrains on 4/5 of the crawl for its held-out figures',
  });
  const path = join(modelsDir(), CHROME_MODEL_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(model, null, 1) + '\n');
  for (const [site, s] of Object.entries(model.sites)) {
    console.log(`${site}: ${s.lines.length} chrome sentence(s) over ${s.articles} distinct articles`);
    for (const l of s.lines.slice(0, 15)) console.log(`  ${l.articles}\t${l.key.slice(0, 110)}`);
  }
  console.log(`wrote ${path}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
