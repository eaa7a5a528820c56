// An HTML page to its metadata and the paragraph units of its article body. Readability finds the
// body; when it finds none, the whole page's text goes to the text filter instead.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { capElementDepth, moveStrayContentIntoBody } from './html-depth.js';
import { readMeta, type PageMeta } from './html-meta.js';
import { blockUnits, pageText } from './html-text.js';
import { wordCount } from './lines.js';
import { splitUnits } from './paragraphs.js';

export interface HtmlBody {
  meta: PageMeta;
  units: string[];
  /** True when the units are Readability's article body, false when they are the whole page's text. */
  fromArticleBody: boolean;
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

export function readHtmlBody(html: string): HtmlBody {
  const document = parseDocument(html);
  // Metadata first: Readability rewrites the document it is given.
  const meta = readMeta(document);
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  const units = article?.content ? blockUnits(article.content) : [];
  if (units.reduce((n, u) => n + wordCount(u), 0) >= MIN_ARTICLE_WORDS) return { meta, units, fromArticleBody: true };
  // The caller says so in a message (clean.no-readability-article).
  return { meta, units: splitUnits(pageText(parseDocument(html))), fromArticleBody: false };
}
