// What kind of line a paragraph unit is: article prose, or one of the kinds of clutter that
// news pages and their text dumps carry (nav, app banners, prompts, teasers, captions, bylines,
// date lines). Shared by the text filter and the story segmenter.
import type { IsoDate } from '../model/types.js';
import { findDate } from './dates.js';
import { detached } from '../core/strings.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

const wordCounts = new Map<string, number>();
/** Characters held as keys: units can be whole articles, so the cache is bounded by size, not count. */
let countedChars = 0;
const MAX_COUNTED_CHARS = 2_000_000;

/** Words, counting every two Chinese or Japanese characters as one (those scripts write no spaces). */
export function wordCount(unit: string): number {
  // The classifiers ask again and again of the same units, some of them whole articles long.
  const known = wordCounts.get(unit);
  if (known !== undefined) return known;
  if (wordCounts.size > 5000 || countedChars > MAX_COUNTED_CHARS) {
    wordCounts.clear();
    countedChars = 0;
  }
  const count = countWords(unit);
  wordCounts.set(detached(unit), count);
  countedChars += unit.length;
  return count;
}

function countWords(unit: string): number {
  let count = 0;
  for (const token of unit.split(' ')) {
    if (!/[\p{L}\p{N}]/u.test(token)) continue;
    const cjk = token.match(CJK)?.length ?? 0;
    count += cjk > 0 ? Math.max(1, Math.round(cjk / 2)) : 1;
  }
  return count;
}

/** A unit's key for "the same paragraph": case, punctuation and spacing aside. */
export function repeatKey(unit: string): string {
  return unit.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function endsSentence(unit: string): boolean {
  return /[.!?…。！？]["'”’)\]」』）]*$/.test(unit);
}

/**
 * A full sentence, or a long run of words with some punctuation in it (a paragraph whose end was
 * lost): what article bodies are made of. A long run with no punctuation at all is a tag cloud.
 */
export function isProse(unit: string): boolean {
  const words = wordCount(unit);
  return (words >= 8 && endsSentence(unit)) || (words >= 20 && /[.,;:!?。、，]/.test(unit));
}

const SHARE_WORDS = '(share|tweet|email|e-mail|print|copy link|copy|save|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest|messenger|flipboard|comments?)';

// Each prompt with the most words it may have: prompts are short, and a longer paragraph that
// happens to say "newsletter" or "app" is prose.
const PROMPTS: [RegExp, number][] = [
  // app banners
  [/\b(download|get|install|open|try|use)\b.{0,40}\bapps?\b/i, 25],
  [/\b(app store|google play)\b/i, 25],
  [/\b(read|continue|view) (this (story|article) )?in (the |our )?([\p{L}\p{N}]+ ){0,3}app\b|^continue in (the )?browser$|\bbreaking news alerts\b|\bon your (phone|mobile)\b/iu, 16],
  // paywall meters
  [/\b\d+ free (articles?|stories) (left|remaining)\b|\bunlimited access\b|\bsubscribers? only\b/i, 20],
  // share / follow / subscribe / newsletter / accounts
  [new RegExp(`^(${SHARE_WORDS}[\\s,|·•/]*)+$`, 'i'), 12],
  [/^share (this|on|via|the (story|article|page)|article|story|link|page)\b/i, 12],
  [/^click (here )?to (share|email|print|tweet|open)\b|\(opens in (a )?new window\)/i, 16],
  [/^follow (us|@\w+|\w+ on)\b|\bfollow us on\b/i, 25],
  [/\bnewsletters?\b|\bsubscribe\b|\bunsubscribe\b|\balready a (subscriber|member)\b|\bsupport (our|independent) journalism\b/i, 25],
  [/^(log ?in|sign ?in|sign ?up|register|create (an|a free) account|my account)\b/i, 12],
  [/\bsign up (for|to) (our|the|free)\b/i, 25],
  // cookies and consent banners
  [/\bcookies?\b.*\b(use|uses|accept|consent|policy|settings|preferences|agree)\b|\b(accept|agree to|allow)\b.*\bcookies?\b/i, 80],
  // comments
  [/^(\d+\s+)?comments?$/i, 3],
  [/\b(leave|post|add|view|show|read|load|see) (a |the |all |\d+ )?(comments?|replies)\b/i, 12],
  [/^(comments? (are|have been) (closed|disabled)|join the (conversation|discussion)|be the first to comment)/i, 25],
  // advertising and page furniture
  [/^(advertisement|advertising|sponsored( content)?|ad|promoted( content)?|paid content|story continues( below)?( advertisement)?|continue reading( below| the main story)?|scroll (down )?to continue.*|skip (to )?(main )?content|skip advert(isement)?|back to top|go to top|click here.*|report an (error|ad)|listen to (this )?(article|story).*|\d+ min(ute)?s? read|image|video|photo|gallery|loading\.*|menu|search|close)$/i, 12],
  [/^(\d+|an?) (minutes?|mins?|hours?|hrs?|days?|weeks?) ago$/i, 4],
  // syndication notices
  [/\b(this (article|story|report) (first |originally )?(appeared|was (first |originally )?published)|(is |was )?republished (here )?(with|under|by)\b)/i, 30],
  // WordPress feeds close every item with "The post <title> appeared first on <site>."
  [/^the post .{3,300} appeared first on\b/i, 60],
  // copyright footers and site links
  [/^(©|\(c\)|copyright\b)/i, 40],
  [/©\s*(19|20)\d{2}|\ball rights reserved\b|\blicensed under (a |the )?creative commons\b/i, 40],
  [/^(terms (of (use|service))?|privacy( policy)?|contact us|about us|careers|sitemap|accessibility)(\s*[|·•]\s*.*)?$/i, 25],
];

/** Who a copyright footer names: "© 2019 Tigris Wire. All rights reserved." -> "Tigris Wire". */
export function copyrightHolder(unit: string): string | null {
  const m = /^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*)?(\p{Lu}[\p{L}\p{N}&'-]*(?: [\p{Lu}\p{N}&][\p{L}\p{N}&'-]*){0,5})/iu.exec(unit);
  if (!m) return null;
  // "Gulf Ledger Media FZ-LLC" -> "Gulf Ledger": the company form is not the masthead.
  const name = m[1].replace(/(\s+(19|20)\d{2})+$/, '').replace(/(\s+(Media|Group|Holdings?|Corporation|Corp\.?|Co\.?|Inc\.?|Ltd\.?|LLC|FZ-LLC|FZE|GmbH|S\.A\.|PLC|Limited|All|Rights|Reserved))+$/i, '');
  return /^(All|The)$/i.test(name) ? null : name;
}

export function isPrompt(unit: string): boolean {
  const words = wordCount(unit);
  return PROMPTS.some(([re, most]) => words <= most && re.test(unit));
}

/** Headings that can only open reader comments. */
const COMMENTS_HEAD = [
  /^\d+\s+(comments?|responses?|replies|reactions)\s+(to|on)\b/i,
  /^(leave|post|add|write) a (comment|reply|response)\b/i,
  /^(join|start) the (discussion|conversation)\b/i,
  /^comments? (are|have been) (closed|disabled)\b/i,
  /\b\d+ (comments?|responses?) (feed|to)\b/i,
];
/**
 * A reader's comment header: "Jane on September 12, 2018 at 4:47 pm said:" (a clock time before
 * "said:"), or a handle alone before "says:" ("thelastfan says:"). "The minister said:" introducing a
 * quote is neither, and neither is "He says:": a handle is written in lower case.
 */
const COMMENT_BY = /^([\p{L}\p{N}_.,' ()-]{1,80}?\b\d{1,2}:\d{2}\s*([aApP]\.?[mM]\.?)? ([Ss]aid|[Ss]ays|[Ww]rote)|[\p{Ll}\p{N}_.-]{2,40} says):$/u;
/** A bare "Comments" or "34 comments": the heading of the comments, or a link to them in a share bar. */
const COMMENTS_LINK = /^(\d+\s+)?(reader )?(comments?|responses?|replies|reactions)(\s*\(\d+\))?:?$/i;

/** Where reader comments begin: 'sure' for headings only comments have, 'maybe' for a bare "Comments". */
export function commentsStart(unit: string): 'sure' | 'maybe' | null {
  if (wordCount(unit) > 16) return null;
  if (COMMENTS_HEAD.some((re) => re.test(unit)) || COMMENT_BY.test(unit)) return 'sure';
  return COMMENTS_LINK.test(unit) ? 'maybe' : null;
}

const TEASER_HEAD =
  /^(read more|read also|also read|more reading|related( (stories|articles|coverage|content|news|topics|links|reading|posts))?|see also|more (from|on|in|stories|news|coverage)\b[^.]{0,40}|recommended( (for you|stories|articles))?|most (read|popular|viewed|shared|watched)|trending( now| stories)?|you (may|might) (also )?(like|be interested in)|top stories|editor'?s picks|latest( news| stories| articles)?|more|watch|listen|opinion|explainer)\s*(:|—|–|-|\||>>|»|›)/i;
const TEASER_ALONE =
  /^(read more|read also|also read|related( (stories|articles|coverage|content|news|topics|links|reading|posts))?|see also|more (from|on|in) [^.]{1,40}|more (stories|news|coverage)|recommended( (for you|stories|articles))?|most (read|popular|viewed|shared|watched)|trending( now| stories)?|you (may|might) (also )?(like|be interested in)|top stories|editor'?s picks|latest( news| stories| articles)?|what to read next|further reading)\s*[:»›]?$/i;

/** A "Read more:" / "Related:" teaser: the line itself, and when it stands alone, the head of a list. */
export function teaserKind(unit: string): 'inline' | 'head' | null {
  if (TEASER_ALONE.test(unit)) return 'head';
  if (TEASER_HEAD.test(unit)) return 'inline';
  return null;
}

const CAPTION: RegExp[] = [
  /^\(?(photo|picture|image|pictured|photograph|file( photo)?|illustration|video)s?\s*(:|\(|\/|—|–|-)/i,
  /\((photo|picture|image|file photo|photograph|credit)s?\b[^)]*\)/i,
  /\b(photo|photograph|picture|image)s? (by|courtesy|credit)\b/i,
  /^(image |photo |picture )?credits?\s*:/i,
  /\bfile (photo|picture|image)\b/i,
  /\b(AFP|AP|Reuters|EPA|Anadolu|Xinhua|Sipa|ANSA|IRNA|WANA)\s*(\/|via)\s*(Getty|Pool|File|Images|Shutterstock|Alamy|\p{Lu}[\p{L}'-]+\s+\p{Lu})/u,
  /\((AFP|AP|Reuters|EPA|Anadolu|Xinhua|Sipa|ANSA|IRNA|WANA|Getty|Shutterstock|Alamy)\b[^)]*\)\s*$/,
  /\bGetty Images\b|\b(AFP|AP|Reuters|EPA) (Photo|Images)\b/,
];

/** A photo caption or credit line. Captions are short; a long paragraph that names a photo is prose. */
export function isCaption(unit: string): boolean {
  return wordCount(unit) <= 60 && CAPTION.some((re) => re.test(unit));
}

const BYLINE = /^(by|written by|words by|reporting by|author:?|posted by|story by)\s+\p{L}/iu;
/** A credit without "By": "Levant Daily correspondents", "Gulf Ledger staff", "Jane Doe, Baghdad bureau". */
const CREDIT = /^(\p{Lu}[\p{L}'.-]*[ ,]+){1,5}(staff|staff writers?|correspondents?|reporters?|writers?|editors?|desk|bureau|newsroom|and agencies|with agencies)$/u;

export function isByline(unit: string): boolean {
  const words = wordCount(unit);
  if (CREDIT.test(unit) && words <= 7) return true;
  return BYLINE.test(unit) && words <= 14 && !(endsSentence(unit) && words > 8);
}

const DATE_LABEL = /\b(published|updated|last updated|first published|posted|modified|created|date|on|at|edited|am|pm|gmt|utc|bst|est|edt|cet|cest|ast|ist|pst|pdt|local time|time)\b/gi;
const WEEKDAY = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\b\.?/gi;

export interface DateLine {
  date: IsoDate;
  /** Whether the line says the article was updated then, rather than published. */
  updated: boolean;
}

/**
 * A line that only gives a date (perhaps with a label, a time, a zone, a byline): "Published 14 March
 * 2021", "March 14, 2021 10:42 GMT", "Updated: 14/03/2021", "By Jane Doe | 3 March 2020".
 */
export function dateLine(unit: string): DateLine | null {
  if (wordCount(unit) > 16) return null;
  const found = findDate(unit);
  if (!found) return null;
  const before = unit.slice(0, found.start);
  let rest = before + ' ' + unit.slice(found.end);
  // "By Jane Doe", "by admin in World News": who posted it and where, not what it says.
  rest = rest.replace(/^.*?\bby\s+(\p{Lu}[\p{L}.'-]*\s*){1,4}/u, ' ').replace(/\bby\s+[\p{L}\p{N}_.-]+(\s+in\s+(\p{Lu}[\p{L}-]*\s*){1,3})?/u, ' ');
  rest = rest.replace(/\d{1,2}[:.]\d{2}(:\d{2})?/g, ' ').replace(WEEKDAY, ' ').replace(DATE_LABEL, ' ');
  rest = rest.replace(/[+-]\d{2}:?\d{2}\b|\bZ\b/g, ' ');
  // What is left may name an author or an outlet (capitalised words), not say anything.
  const left = rest.replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w !== '');
  if (left.length > 3 || left.some((w) => !/^[\p{Lu}0-9]/u.test(w))) return null;
  return { date: found.date, updated: /\b(updated|modified|edited)\b/i.test(before) };
}

/**
 * The opening of a wire story: "BAGHDAD, March 3 (Wire) —", "ERBIL —", "WASHINGTON (AP) -",
 * "Baghdad (AFP) -". Returns the text between the place and the dash (the date part, if any).
 */
const DATELINE = /^((?:\p{Lu}[\p{Lu}.'’-]+)(?:[ ,-]+\p{Lu}[\p{Lu}.'’-]+){0,3})((?:,\s*[\p{L}0-9 .,]+?)?)\s*(\([^)]{2,40}\))?\s*(?:—|–|--|-)\s+\S/u;
const DATELINE_MIXED = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2})((?:,\s*[\p{L}0-9 .,]+?)?)\s*(\([^)]{2,40}\))\s*(?:—|–|--|-|:)\s+\S/u;

export function datelineOf(unit: string): { place: string; datePart: string } | null {
  const m = DATELINE.exec(unit) ?? DATELINE_MIXED.exec(unit);
  if (!m) return null;
  // "US —" or "I —" are not places on a dateline; a real one is a word of 3+ letters.
  if (m[1].replace(/[^\p{L}]/gu, '').length < 3) return null;
  return { place: m[1], datePart: m[2].replace(/^,\s*/, '') };
}

/** Links joined by separators ("Home | World | Middle East"), a menu in one line. */
export function isSeparatedMenu(unit: string): boolean {
  const items = unit.split(/\s+[|·•»›]\s+|\s{2,}/);
  return items.length >= 3 && items.every((item) => wordCount(item) <= 4);
}

/** Short and without sentence punctuation: a menu entry, a tag, a related-link headline, or a subhead. */
export function isShortLine(unit: string): boolean {
  return wordCount(unit) <= 10 && !endsSentence(unit);
}

/** Could stand as a story's headline: a short line that starts with a capital and does not end a sentence. */
export function isHeadlineLike(unit: string): boolean {
  const words = wordCount(unit);
  return (
    words >= 3 && words <= 20 && !/[.:;,]$/.test(unit) && /^[\p{Lu}"“‘'0-9]/u.test(unit) &&
    !isPrompt(unit) && !isCaption(unit) && teaserKind(unit) === null && !isByline(unit) && dateLine(unit) === null &&
    !isSeparatedMenu(unit)
  );
}
