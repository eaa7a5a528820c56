// An HTML page to its metadata and the paragraph units of its article body. The HTML block model
// (trained on real pages, Readability's choice among its features) finds the body; when it finds too
// little, Readability's article; when neither, the whole page's text goes to the text filter.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { capElementDepth, moveStrayContentIntoBody } from './html-depth.js';
import { readMeta, type PageMeta } from './html-meta.js';
import { blockUnits, renderBlocks, type RenderedBlock } from './html-text.js';
import { domFeatures, htmlBlockFeatures } from './html-features.js';
import { dateLine, isByline, repeatKey, wordCount } from './lines.js';
import { splitUnits } from './paragraphs.js';
import { LABEL, htmlBlockModel, type LineModel } from './line-model.js';

export interface HtmlBody {
  meta: PageMeta;
  units: string[];
  /** True when the units are an article body found in the page's structure, false when they are the whole page's text. */
  fromArticleBody: boolean;
  /** True when the HTML block model chose the units (kept as they are), false for Readability's or the whole page's. */
  decided: boolean;
  /** Whether the block model read a headline or a byline/date line inside the body: only then can the page hold a second story. */
  innerHeadline: boolean;
}

/** Fewer words than this from Readability means it found no article (a fragment, an index page). */
const MIN_ARTICLE_WORDS = 25;

export function parseDocument(html: string): Document {
  // linkedom builds a broken tree from a bare fragment (a feed item's HTML): give it a page to live in.
  const page = /<(html|body|head)[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const document = parseHTML(page).document as unknown as Document;
  if (document.documentElement) {
    moveStrayContentIntoBody(document);
    capElementDepth(document.documentElement);
  }
  return document;
}

/** A page's rendered blocks with what the HTML block model reads of them. */
export interface HtmlBlocks {
  meta: PageMeta;
  blocks: RenderedBlock[];
  /** Which blocks Readability's article holds. */
  inReadability: boolean[];
  features: Uint32Array[];
  /** Readability's article as paragraph units (empty when it found none). */
  readabilityUnits: string[];
}

export function readHtmlBlocks(html: string, pageUrl: string | null = null): HtmlBlocks {
  const document = parseDocument(html);
  // Metadata and structure first: Readability rewrites the document it is given.
  const meta = readMeta(document, pageUrl);
  const blocks = renderBlocks(document.body ?? document.documentElement);
  const dom = domFeatures(blocks);
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  const readabilityUnits = article?.content ? blockUnits(article.content) : [];
  const kept = new Set(readabilityUnits.map(repeatKey));
  const inReadability = blocks.map((b) => kept.has(repeatKey(b.text)));
  return { meta, blocks, inReadability, features: htmlBlockFeatures(blocks, dom, inReadability), readabilityUnits };
}

/** Labels of blocks the article is made of: its body, and the headlines and date lines that open its stories (segmentation reads them). */
const ARTICLE_LABELS: ReadonlySet<number> = new Set([LABEL.body, LABEL.title, LABEL.meta]);

/**
 * The article's units: the blocks the HTML block model reads as body (with the headlines and date
 * lines among them), else Readability's article, else the whole page's text for the text filter.
 */
export function readHtmlBody(html: string, model: LineModel = htmlBlockModel(), pageUrl: string | null = null): HtmlBody {
  const read = readHtmlBlocks(html, pageUrl);
  const { labels } = model.decode(read.features, read.blocks.map((b) => b.text));
  const firstBody = labels.indexOf(LABEL.body);
  const lastBody = labels.lastIndexOf(LABEL.body);
  // Headlines and date lines count only between the body's first and last block (the page's own
  // headline above it is the page's title, read from its metadata).
  const inside = (i: number) => i > firstBody && i < lastBody;
  const units = read.blocks.filter((_, i) => labels[i] === LABEL.body || (ARTICLE_LABELS.has(labels[i]) && inside(i))).map((b) => b.text);
  // A date or byline line past the body's first block says a second story may start there (digests
  // print one under each headline); a subhead alone does not.
  const innerHeadline = labels.some((label, i) => (label === LABEL.title || label === LABEL.meta) && inside(i)) ||
    units.some((u, k) => k > 0 && (dateLine(u) !== null || isByline(u)));
  const words = (us: string[]) => us.reduce((n, u) => n + wordCount(u), 0);
  if (words(units) >= MIN_ARTICLE_WORDS) return { meta: read.meta, units, fromArticleBody: true, decided: true, innerHeadline };
  if (words(read.readabilityUnits) >= MIN_ARTICLE_WORDS) return { meta: read.meta, units: read.readabilityUnits, fromArticleBody: true, decided: false, innerHeadline: true };
  // The caller says so in a message (clean.no-readability-article).
  return { meta: read.meta, units: splitUnits(read.blocks.map((b) => b.text).join('\n')), fromArticleBody: false, decided: false, innerHeadline: true };
}
