// Site chrome: the lines an outlet prints around every article (a licence line, "Follow us", a
// newsletter prompt, "No comments yet", a share bar). No single page shows them to be chrome; many
// articles of one site do. This module holds what the learner (bench/train/learn-chrome.ts) and the
// ingest-time batch view (src/clean/chrome-batch.ts) share: how a line is cut into sentences, how a
// sentence is normalised to a key, whose site a page is, which keys recur, and how they are dropped.
//
// A page that glues its paragraphs together (the Tehran Times crawl joins <p> texts with spaces) puts
// the licence sentence at the end of the last paragraph, so the unit counted is a sentence of a line,
// and a sentence whose tail is a chrome sentence ("MH/PA All Content by ...") loses that tail.

/** What decides that a key is chrome; kept as data in models/chrome/sites.json and explained there. */
export interface ChromeThresholds {
  /** Distinct articles of the site the sentence must be in: two syndicated copies never make chrome. */
  minArticles: number;
  /** Share of the site's distinct articles it must be in. */
  minShare: number;
  /** Only sentences up to this long are counted: chrome is short, and counting stays cheap. */
  maxChars: number;
}

/** Sentence ends, except after an abbreviation or an initial ("U.S.", "Mr.", "George W."). */
const SENTENCE_END = /[.!?…]+["”’')\]]*\s+(?=["“‘(\[]?[\p{Lu}\p{N}])/gu;
const ABBREVIATION = /^[(“"]?(?:\p{Lu}|(?:\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Prof|Rep|Sen|Gov|Jr|Sr|Co|Corp|Inc|Ltd|No|Vol|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/u;

/** The sentences of one line as [start, end) offsets into it (a line without a sentence end is one). */
export function sentenceSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const m of line.matchAll(SENTENCE_END)) {
    const punct = m.index + m[0].trimEnd().length;
    if (m[0].startsWith('.') && ABBREVIATION.test(lastWord(line, start, m.index))) continue;
    spans.push([start, punct]);
    start = m.index + m[0].length;
  }
  if (start < line.length) spans.push([start, line.length]);
  return spans.filter(([s, e]) => line.slice(s, e).trim() !== '');
}

/** The word before `end` (back to a space or `from`): an abbreviation is one word. */
function lastWord(line: string, from: number, end: number): string {
  const space = line.lastIndexOf(' ', end - 1);
  return line.slice(Math.max(from, space + 1), end);
}

/**
 * A sentence as counted: case, punctuation and spacing do not tell two copies of a footer apart (a
 * no-break space, a curly quote). Digits do: with them folded, the rows of every earnings table
 * ("Revs 12.3 mln vs 11.0 mln") became one line in 5% of Reuters' stories.
 */
export function chromeKey(sentence: string): string {
  // Most news text is ASCII: its key needs neither NFKC nor Unicode classes (the hot path of cleaning).
  if (ASCII.test(sentence)) return sentence.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return sentence
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
const ASCII = /^[\x00-\x7f]*$/;

/** A tail counted and cut is a sentence of its own: at least this many words. */
export const MIN_TAIL_WORDS = 4;
/** Heads a tail is counted after: a sign-off ("MH/PA", "SB/MQ/MG") glued before the licence line. */
const COUNTED_HEAD_WORDS = 3;

/**
 * The distinct keys of an article's lines that are short enough to be counted: each sentence's, and
 * its tails after its first one to three words, so that a licence line behind an editor's sign-off
 * ("MH/PA All Content by ...") counts with the ones that stand alone.
 */
export function articleKeys(lines: readonly string[], maxChars: number): Set<string> {
  const keys = new Set<string>();
  for (const line of lines) {
    for (const [s, e] of sentenceSpans(line)) {
      if (e - s > maxChars) continue;
      const key = chromeKey(line.slice(s, e));
      if (key === '') continue;
      keys.add(key);
      const words = key.split(' ');
      for (let k = 1; k <= COUNTED_HEAD_WORDS && words.length - k >= MIN_TAIL_WORDS; k++) keys.add(words.slice(k).join(' '));
    }
  }
  return keys;
}

/** Whose chrome a page carries: its outlet when the source names one, else its URL's host, else its input. */
export function siteOf(page: { outlet?: string | null; url?: string | null; uri: string }): string {
  if (page.outlet) return page.outlet.trim().toLowerCase();
  const url = page.url ?? (/^https?:\/\//i.test(page.uri) ? page.uri : null);
  if (url) {
    try {
      return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
    } catch {
      // not a URL after all: fall through to the input
    }
  }
  return page.uri;
}

/** Counts of keys over distinct articles, per site. */
export class ChromeCounts {
  private readonly sites = new Map<string, { articles: number; identities: Set<string>; keys: Map<string, number>; frequent: Set<string> }>();

  /**
   * `floor`: keys held by at least this many articles are also kept in a set per site, so the chrome
   * of one site can be listed (chromeKeys) without a walk over every key its window holds.
   */
  constructor(private readonly floor = Infinity) {}

  /**
   * Adds one article; a copy of an article already counted (same identity, src/clean/chrome-copies.ts)
   * adds nothing. Returns whether it counted.
   */
  add(site: string, identity: string, keys: Iterable<string>): boolean {
    let s = this.sites.get(site);
    if (!s) this.sites.set(site, (s = { articles: 0, identities: new Set(), keys: new Map(), frequent: new Set() }));
    if (s.identities.has(identity)) return false;
    s.identities.add(identity);
    s.articles += 1;
    for (const key of keys) {
      const n = (s.keys.get(key) ?? 0) + 1;
      s.keys.set(key, n);
      if (n >= this.floor) s.frequent.add(key);
    }
    return true;
  }

  /** Takes back an article added before (the batch view's window moving on). */
  remove(site: string, identity: string, keys: Iterable<string>): void {
    const s = this.sites.get(site);
    if (!s || !s.identities.delete(identity)) return;
    s.articles -= 1;
    // A site with no article left in the window goes: a folder of one-page inputs is one site per file.
    if (s.articles === 0) {
      this.sites.delete(site);
      return;
    }
    for (const key of keys) {
      const n = (s.keys.get(key) ?? 0) - 1;
      if (n <= 0) s.keys.delete(key);
      else s.keys.set(key, n);
      if (n < this.floor) s.frequent.delete(key);
    }
  }

  /** Sites with an article counted. */
  get siteCount(): number {
    return this.sites.size;
  }

  articles(site: string): number {
    return this.sites.get(site)?.articles ?? 0;
  }

  /** How many distinct articles of the site hold the key. */
  count(site: string, key: string): number {
    return this.sites.get(site)?.keys.get(key) ?? 0;
  }

  isChrome(site: string, key: string, t: ChromeThresholds): boolean {
    const n = this.count(site, key);
    return n >= t.minArticles && n >= t.minShare * this.articles(site);
  }

  /** The keys that are the site's chrome now; `t.minArticles` must not be under the counts' floor. */
  chromeKeys(site: string, t: ChromeThresholds): string[] {
    if (t.minArticles < this.floor) throw new Error(`chromeKeys: minArticles ${t.minArticles} is under the floor ${this.floor} these counts keep`);
    const s = this.sites.get(site);
    return s ? [...s.frequent].filter((key) => this.isChrome(site, key, t)) : [];
  }

  /** The chrome keys of every site, with how many articles hold each, most frequent first. */
  chrome(t: ChromeThresholds): Map<string, { articles: number; lines: { key: string; articles: number }[] }> {
    const out = new Map<string, { articles: number; lines: { key: string; articles: number }[] }>();
    for (const [site, s] of this.sites) {
      const chrome = [...s.keys].filter(([key]) => this.isChrome(site, key, t)).map(([key, articles]) => ({ key, articles }));
      // A tail ("content by mehr ...") of a chrome sentence in as many articles adds nothing: the tail cut finds the longer one first.
      const lines = chrome.filter((l) => !chrome.some((o) => o.key.endsWith(' ' + l.key) && o.articles >= l.articles));
      lines.sort((a, b) => b.articles - a.articles || (a.key < b.key ? -1 : 1));
      if (lines.length) out.set(site, { articles: s.articles, lines });
    }
    return out;
  }
}

/** A line as kept, and the sentences cut from it. */
export interface StrippedLines {
  lines: string[];
  dropped: string[];
}

/**
 * Drops every sentence whose key is chrome, and a chrome tail glued to a sentence ("MH/PA All
 * Content by ..."); a line left with nothing goes. The words kept are never changed.
 */
export function stripChrome(lines: readonly string[], isChrome: (key: string) => boolean, maxChars: number): StrippedLines {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const line of lines) {
    const parts: string[] = [];
    let cutHere = false;
    for (const [s, e] of sentenceSpans(line)) {
      const sentence = line.slice(s, e);
      const cut = chromeTail(sentence, isChrome, maxChars);
      if (cut === null) parts.push(sentence);
      else {
        cutHere = true;
        dropped.push(sentence.slice(cut).trim());
        if (sentence.slice(0, cut).trim() !== '') parts.push(sentence.slice(0, cut).trimEnd());
      }
    }
    if (!cutHere) kept.push(line);
    else if (parts.length) kept.push(parts.join(' '));
  }
  return { lines: kept, dropped };
}

/** How many words may stand before a chrome tail: a sign-off ("MH/PA"), "(Source: The Guardian)". */
const MAX_HEAD_WORDS = 6;
/** A chrome tail this long is cut behind any head. */
const LONG_TAIL_WORDS = 8;
const WORD = /[\p{L}\p{N}]+/gu;

/** Where the chrome in a sentence starts (0: all of it), or null when it has none. */
function chromeTail(sentence: string, isChrome: (key: string) => boolean, maxChars: number): number | null {
  const key = chromeKey(sentence);
  if (sentence.length <= maxChars && isChrome(key)) return 0;
  // A tail starts at a word after a space, behind at most MAX_HEAD_WORDS words, and is a sentence
  // of its own (MIN_TAIL_WORDS): a learned one-word line ("Tehran") never cuts "... a visit to
  // Tehran." short. Its key is a tail of the sentence's key (each key word is a word of the
  // sentence), so nothing is normalised twice.
  const words = key.split(' ');
  const starts = [...sentence.matchAll(WORD)].map((m) => m.index);
  if (starts.length !== words.length) return null; // NFKC split or joined a word: no tail is safe to cut
  let tail = key;
  for (let k = 1; k < words.length && words.length - k >= MIN_TAIL_WORDS; k++) {
    tail = tail.slice(words[k - 1].length + 1);
    if (sentence.length - starts[k] > maxChars) continue;
    const cut = tokenStart(sentence, starts[k]);
    if (cut === null) continue;
    // Behind a longer head only a long chrome sentence is cut: the licence glued to a headline
    // fragment that ends in no full stop ("@K= Heinonen: ... in nuclear talks All Content by ...").
    if (words.length - k < LONG_TAIL_WORDS && sentence.slice(0, cut).trim().split(' ').length > MAX_HEAD_WORDS) continue;
    if (sentence.length - cut <= maxChars && isChrome(tail)) return cut;
  }
  return null;
}

/** Where the space-delimited token holding a word starts, if the word is its first ("(Source" yes, "PA" of "MH/PA" no). */
function tokenStart(sentence: string, word: number): number | null {
  let i = word;
  while (i > 0 && !/\s/.test(sentence[i - 1])) {
    if (/[\p{L}\p{N}]/u.test(sentence[i - 1])) return null;
    i--;
  }
  return i;
}
