// One raw page to the stories it holds: body text, headline, date, outlet. HTML goes through
// Readability, text dumps through the paragraph filter, and a page holding several stories is split.
import type { Diagnostic, IsoDate, RawPage } from '../model/types.js';
import { readHtmlBody } from './html.js';
import { splitUnits } from './paragraphs.js';
import { segmentUnits } from './segment.js';
import { filterUnits, repeatedUnits } from './text.js';

export interface CleanStory {
  title: string | null;
  publishedAt: IsoDate | null;
  outlet: string | null;
  url: string | null;
  text: string;
  diagnostics: Diagnostic[];
}

/** Where a page came from, for messages: the input, with `#N` (1-based) for the later lines or items of a file. */
export function pageUri(page: RawPage): string {
  return page.part > 0 ? `${page.uri}#${page.part + 1}` : page.uri;
}

export function cleanPage(page: RawPage): CleanStory[] {
  const where = pageUri(page);
  const diagnostics: Diagnostic[] = [];
  let units: string[];
  let fromArticleBody = false;
  let meta = { title: null as string | null, outlet: null as string | null, publishedAt: null as IsoDate | null, url: null as string | null };
  if (page.format === 'html') {
    const body = readHtmlBody(page.content);
    units = body.units;
    fromArticleBody = body.fromArticleBody;
    meta = body.meta;
    diagnostics.push(...body.diagnostics.map((d) => ({ ...d, uri: where })));
  } else {
    units = splitUnits(page.content);
  }
  // What the source said (a JSONL field, a feed item) outranks what the page itself says.
  const title = page.title ?? meta.title;
  const publishedAt = page.publishedAt ?? meta.publishedAt;
  const outlet = page.outlet ?? meta.outlet;
  const url = page.url ?? meta.url;
  const repeated = repeatedUnits(units);
  const segments = segmentUnits(units);

  if (segments.length === 1) {
    const found = filterUnits(units, { repeated, title, referenceDate: publishedAt, fromArticleBody });
    return [{ title: found.title, publishedAt: publishedAt ?? found.publishedAt, outlet: outlet ?? found.outlet, url, text: found.paragraphs.join('\n\n'), diagnostics }];
  }
  diagnostics.push({ severity: 'info', stage: 'clean', uri: where, message: `page holds ${segments.length} separate stories; split them` });
  // A dateline leaves out the year ("BAKU, June 15 (Wire) —"): the page's date gives it, else the
  // date of the story before on the same page.
  let reference = publishedAt;
  return segments.map((segment, k) => {
    const found = filterUnits(segment.units, { repeated, title: segment.title, referenceDate: reference, fromArticleBody });
    reference = publishedAt ?? found.publishedAt ?? reference;
    return {
      title: found.title ?? (k === 0 ? title : null),
      // Each story's own date first: the page's date is only the date of the page.
      publishedAt: found.publishedAt ?? publishedAt,
      outlet: outlet ?? found.outlet,
      url,
      text: found.paragraphs.join('\n\n'),
      diagnostics: k === 0 ? diagnostics : [],
    };
  });
}
