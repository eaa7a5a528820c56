// One raw page to the Docs of the stories it holds: body text with its map back to the page,
// headline, date, outlet, and what cleaning doubted as messages. HTML goes through Readability, text
// dumps through the paragraph filter, and a page holding several stories is split.
import type { IsoDate, RawPage } from '../model/types.js';
import { Doc } from '../core/doc.js';
import { articleId } from '../core/ids.js';
import { message, type Message } from '../core/messages.js';
import { readHtmlBody } from './html.js';
import { splitUnits } from './paragraphs.js';
import { segmentUnits } from './segment.js';
import type { SegmentModel } from './segment-model.js';
import { derivedTitle } from './story-title.js';
import { mapParagraphs } from './source-map.js';
import { filterUnits, repeatedUnits } from './text.js';
import { guessLanguage } from './language.js';
import type { LineModel } from './line-model.js';
import { dropChrome, learnedFilter, type ChromeFilter } from './chrome-batch.js';
import { chromeModel } from './chrome-model.js';
import { siteOf } from './chrome.js';

/** Paragraphs of a Doc's text are separated by a blank line. */
const PARAGRAPH_BREAK = '\n\n';

export interface CleanedPage {
  /** The page's stories that have text, numbered on from `firstIndex`. */
  docs: Doc[];
  /** Messages about stories that yielded no Doc (no text found): they have no Doc to go in. */
  dropped: Message[];
}

/** The models cleaning reads; the committed ones when absent (a benchmark passes models trained without the page). */
export interface CleaningModels {
  html?: LineModel;
  lines?: LineModel;
  /** Site chrome to drop (src/clean/chrome-batch.ts); the committed model's lines for the page's site when absent, none when null. */
  chrome?: ChromeFilter | null;
  segment?: SegmentModel;
}

/** Where a page stands in its input, as message fields. */
export function pagePosition(page: RawPage): Pick<Message, 'line' | 'item'> {
  return { ...(page.line !== undefined && { line: page.line }), ...(page.item !== undefined && { item: page.item }) };
}

/**
 * Cleans one page. `firstIndex` is how many articles earlier pages of the same input gave: an
 * article's id is made of its input and its index there, so the same file gives the same ids.
 */
export function cleanPage(page: RawPage, firstIndex = 0, models: CleaningModels = {}): CleanedPage {
  const at = pagePosition(page);
  const pageMessages: Message[] = [];
  let units: string[];
  let fromArticleBody = false;
  let bodyDecided = false;
  // A body the HTML block model chose holds a second story only where it read a headline or a date
  // line inside it
  // (the text segmenter alone split real one-story pages at their subheads: AEB html F1 -0.003).
  let mayHoldStories = true;
  let meta = {
    title: null as string | null, outlet: null as string | null, publishedAt: null as IsoDate | null, url: null as string | null,
    author: null as string | null, language: null as string | null,
  };
  if (page.format === 'html') {
    const body = readHtmlBody(page.content, models.html, page.url ?? null);
    units = body.units;
    fromArticleBody = body.fromArticleBody;
    bodyDecided = body.decided;
    mayHoldStories = body.innerHeadline;
    meta = body.meta;
    if (!fromArticleBody) pageMessages.push(message('clean.no-readability-article', 'info', page.uri, 'no article found by Readability; cleaned the whole page text instead', at));
  } else {
    units = splitUnits(page.content);
  }
  const chrome = models.chrome === undefined ? learnedFilter(chromeModel(), siteOf(page)) : models.chrome;
  if (chrome) {
    const cut = dropChrome(units, chrome);
    units = cut.lines;
    const n = cut.learned.length + cut.batch.length;
    if (n) pageMessages.push(message('clean.site-chrome', 'info', page.uri, `dropped ${n} sentence(s) of ${chrome.site}'s site chrome (${cut.learned.length} learned, ${cut.batch.length} recurring in this batch)`, at));
  }
  // What the source said (a JSONL field, a feed item) outranks what the page itself says.
  const title = page.title ?? meta.title;
  const publishedAt = page.publishedAt ?? meta.publishedAt;
  const outlet = page.outlet ?? meta.outlet;
  const url = page.url ?? meta.url;
  const author = page.author ?? meta.author;
  const repeated = repeatedUnits(units);
  const segments = mayHoldStories ? segmentUnits(units, { model: models.segment, lineModel: models.lines }) : [];

  const stories: { title: string | null; publishedAt: IsoDate | null; outlet: string | null; author: string | null; paragraphs: string[] }[] = [];
  if (segments.length <= 1) {
    const found = filterUnits(units, { repeated, title, referenceDate: publishedAt, fromArticleBody, bodyDecided, lineModel: models.lines });
    stories.push({ title: found.title, publishedAt: publishedAt ?? found.publishedAt, outlet: outlet ?? found.outlet, author, paragraphs: found.paragraphs });
  } else {
    pageMessages.push(message('clean.split-stories', 'info', page.uri, `page holds ${segments.length} separate stories; split them`, at));
    // A dateline leaves out the year ("BAKU, June 15 (Wire) —"): the page's date gives it, else the
    // date of the story before on the same page.
    let reference = publishedAt;
    segments.forEach((segment, k) => {
      const found = filterUnits(segment.units, { repeated, title: segment.title, referenceDate: reference, fromArticleBody, bodyDecided, lineModel: models.lines });
      reference = publishedAt ?? found.publishedAt ?? reference;
      stories.push({
        // The segmenter's headline; the page's own title (a JSONL field) is the first story's only when it shows none.
        title: segment.title ?? (k === 0 ? title : null),
        // Each story's own date first: the page's date is only the date of the page.
        publishedAt: found.publishedAt ?? publishedAt,
        outlet: outlet ?? found.outlet,
        // The page's byline is its first story's; a later one has only what the source said.
        author: k === 0 ? author : page.author ?? null,
        paragraphs: found.paragraphs,
      });
    });
  }

  const result: CleanedPage = { docs: [], dropped: [] };
  // Page-level messages go with the page's first story, as they did with its first article.
  let pending = pageMessages;
  for (const story of stories) {
    const text = story.paragraphs.join(PARAGRAPH_BREAK);
    // A text story with no headline line takes its first sentence as title, marked as derived.
    if (story.title === null && page.format === 'text' && text.trim() !== '') {
      story.title = derivedTitle(story.paragraphs);
      if (story.title !== null) pending = [...pending, message('clean.title-derived', 'info', page.uri, 'no headline line: the title is the story\'s first sentence', at)];
    }
    if (text.trim() === '') {
      result.dropped.push(...pending, message('clean.no-text', 'warning', page.uri, 'no article text found', at));
      pending = [];
      continue;
    }
    const index = firstIndex + result.docs.length;
    result.docs.push(new Doc({
      id: articleId(page.uri, index),
      source: { uri: page.uri, index, outlet: story.outlet },
      title: story.title,
      publishedAt: story.publishedAt,
      url,
      author: story.author,
      // A text dump declares no language: its words say it.
      language: page.language ?? meta.language ?? guessLanguage(text),
      text,
      sourceMap: mapParagraphs(story.paragraphs, PARAGRAPH_BREAK, page.content, page.format),
      messages: pending,
    }));
    pending = [];
  }
  return result;
}
