// The ingest batch's own view of site chrome: a line printed in many articles of one outlet in the
// input is chrome even for an outlet the learner never saw. The pages still stream: this holds a
// bounded look-ahead of pages (settings.lookahead) and the keys of the pages already cleaned
// (settings.history), and counts keys over that window, the way dedupe compares each Doc with the
// ones before it without holding the corpus. An input of at most `lookahead` + 1 pages is seen whole
// by every page.
import type { RawPage } from '../model/types.js';
import { articleKeys, chromeKey, ChromeCounts, siteOf, stripChrome } from './chrome.js';
import { learnedKeys, type BatchChromeSettings, type ChromeModel } from './chrome-model.js';
import { splitUnits } from './paragraphs.js';
import { endsSentence, wordCount } from './lines.js';
import { SiteCopies } from './chrome-copies.js';

/** Which chrome a page's sentence key is, for cleanPage. */
export interface ChromeFilter {
  site: string;
  kind(key: string): 'learned' | 'batch' | null;
  /** Longest sentence either source counts. */
  maxChars: number;
}

/** A filter from the learned model alone (one page, no batch around it). */
export function learnedFilter(model: ChromeModel, site: string): ChromeFilter {
  const learned = learnedKeys(model, site);
  return { site, kind: (key) => (learned.has(key) ? 'learned' : null), maxChars: model.thresholds.maxChars };
}

/**
 * A page's chrome filter as data: what the batch counted as its site's chrome when the page's turn
 * came, so the page can be cleaned on another thread with what it would have been cleaned with here.
 */
export interface ChromeSnapshot {
  site: string;
  /** The site's keys recurring across the batch's window at that moment. */
  batchKeys: string[];
  /** Whether the committed model's learned keys for the site count too. */
  learned: boolean;
  maxChars: number;
}

/** The filter a snapshot stands for; `model` gives the learned keys when the snapshot counts them. */
export function chromeFilter(snapshot: ChromeSnapshot, model: ChromeModel | null): ChromeFilter {
  const learned = snapshot.learned && model ? learnedKeys(model, snapshot.site) : new Set<string>();
  const batch = new Set(snapshot.batchKeys);
  return {
    site: snapshot.site,
    kind: (key) => (learned.has(key) ? 'learned' : batch.has(key) ? 'batch' : null),
    maxChars: snapshot.maxChars,
  };
}

/** A page with its site's chrome as the batch saw it when the page's turn came. */
export interface ChromePage {
  page: RawPage;
  snapshot: ChromeSnapshot;
}

interface Counted {
  site: string;
  identity: string;
  keys: Set<string>;
  counted: boolean;
}

/**
 * Each page with the chrome filter to clean it with: the learned keys of its site (when `model` is
 * given) and the keys that recur across the window of this batch.
 */
export async function* withBatchChrome(
  pages: AsyncIterable<RawPage>,
  model: ChromeModel | null,
  settings: BatchChromeSettings,
): AsyncGenerator<ChromePage> {
  const counts = new ChromeCounts(settings.minArticles);
  // Copies are looked for among the window's pages and as many before them.
  const copies = new SiteCopies(settings.lookahead + settings.history);
  const ahead: { page: RawPage; entry: Counted }[] = [];
  const behind: Counted[] = [];
  const maxChars = Math.max(settings.maxChars, model?.thresholds.maxChars ?? 0);
  const release = function* () {
    const { page, entry } = ahead.shift()!;
    // Taken now, while the counts hold the pages around it; chromeFilter(snapshot, model) cleans with it.
    yield { page, snapshot: { site: entry.site, batchKeys: counts.chromeKeys(entry.site, settings), learned: model !== null, maxChars } };
    behind.push(entry);
    if (behind.length > settings.history) {
      const old = behind.shift()!;
      if (old.counted) counts.remove(old.site, old.identity, old.keys);
    }
  };
  for await (const page of pages) {
    const site = siteOf(page);
    const id = `${page.uri}#${page.part}`;
    let entry: Counted;
    try {
      const lines = countedLines(page);
      entry = { site, identity: copies.identity(site, id, identityText(lines)), keys: articleKeys(lines, settings.maxChars), counted: false };
      entry.counted = counts.add(entry.site, entry.identity, entry.keys);
    } catch {
      // A page the cheap reading breaks on counts for nothing here; cleanPage reports what is wrong with it.
      entry = { site, identity: id, keys: new Set(), counted: false };
    }
    ahead.push({ page, entry });
    if (ahead.length > settings.lookahead) yield* release();
  }
  while (ahead.length) yield* release();
}

/** Words a line needs to be read as the article's own text when copies are told apart. */
const IDENTITY_LINE_WORDS = 12;

/**
 * What copies are told apart by: the page's prose lines (long, ending a sentence). Its whole text
 * would start with the site's menu, the same on every page, and every page would look like a copy of
 * the first.
 */
function identityText(lines: string[]): string {
  const prose = lines.filter((l) => wordCount(l) >= IDENTITY_LINE_WORDS && endsSentence(l));
  return (prose.length > 0 ? prose : lines).join('\n\n');
}

/** The lines a page's reader would see, cheaply: a text dump's units, an HTML page's blocks by tag. */
export function countedLines(page: RawPage): string[] {
  if (page.format === 'text') return splitUnits(page.content);
  const text = page.content
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(?:p|div|li|h[1-6]|br|tr|td|section|article|footer|header|aside|nav|ul|ol|blockquote|figcaption)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"');
  return splitUnits(text);
}

/** A page's lines without the filter's chrome, and what was cut, by where it was learned. */
export function dropChrome(lines: readonly string[], filter: ChromeFilter): { lines: string[]; learned: string[]; batch: string[] } {
  const stripped = stripChrome(lines, (key) => filter.kind(key) !== null, filter.maxChars);
  const learned: string[] = [];
  const batch: string[] = [];
  for (const d of stripped.dropped) (filter.kind(chromeKey(d)) === 'learned' ? learned : batch).push(d);
  return { lines: stripped.lines, learned, batch };
}
