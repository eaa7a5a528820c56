import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawPage } from '../../src/model/types.js';
import { articleKeys, chromeKey, ChromeCounts, sentenceSpans, siteOf, stripChrome } from '../../src/clean/chrome.js';
import { chromeFilter, dropChrome, learnedFilter, withBatchChrome, type ChromeFilter } from '../../src/clean/chrome-batch.js';
import { chromeModel, parseChromeModel } from '../../src/clean/chrome-model.js';
import { SiteCopies } from '../../src/clean/chrome-copies.js';
import { cleanPage } from '../../src/clean/index.js';
import { cleanInputs } from '../../src/pipeline/clean-inputs.js';
import { learnChrome } from '../../bench/train/learn-chrome.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LICENCE = 'All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.';
const T = { minArticles: 5, minShare: 0.3, maxChars: 240 };

const page = (content: string, url: string | null, line = 1, outlet: string | null = null): RawPage => ({ uri: 'in.jsonl', part: line - 1, line, format: 'text', content, url, outlet });

const WORDS = 'ministers met in Basra to discuss water rights along the river while farmers protested falling prices of dates and wheat as officials promised new pumps canals loans and a census before elections in spring'.split(' ');

/** Different stories of one outlet: each its own words, sharing nothing but what `chrome` adds. */
function stories(n: number, chrome: string[], host = 'https://news.example/a/'): RawPage[] {
  const words = (i: number, k: number) => Array.from({ length: 14 }, (_, j) => WORDS[(i * 7 + j * (k + 3) + k) % WORDS.length]).join(' ');
  return Array.from({ length: n }, (_, i) => page([`Story ${i} says ${words(i, 0)}.`, `It adds that ${words(i, 1)}.`, ...chrome].join('\n\n'), `${host}${i}`, i + 1));
}

test('sentences split at their ends, not after initials or titles', () => {
  const line = 'The U.S. envoy met Mr. Smith. President George W. Bush left. Talks went on!';
  assert.deepEqual(sentenceSpans(line).map(([s, e]) => line.slice(s, e)), ['The U.S. envoy met Mr. Smith.', 'President George W. Bush left.', 'Talks went on!']);
});

test('keys fold case, punctuation and spacing, and keep digits', () => {
  assert.equal(chromeKey('Follow\u00a0us  on  “Twitter”!'), chromeKey('follow us on Twitter'));
  assert.notEqual(chromeKey('Revs 12.3 mln vs 11.0 mln'), chromeKey('Revs 9.1 mln vs 8.4 mln'));
});

test('a site is its outlet, else its URL host without www, else its input', () => {
  assert.equal(siteOf({ outlet: 'Tehran Times', url: 'https://x.com/1', uri: 'a' }), 'tehran times');
  assert.equal(siteOf({ url: 'https://www.tehrantimes.com/news/1/x', uri: 'a' }), 'tehrantimes.com');
  assert.equal(siteOf({ uri: 'dump/file.txt' }), 'dump/file.txt');
});

test('a line recurring in many distinct articles of a site is chrome; a line two syndicated copies share is not', () => {
  const pages = stories(10, [LICENCE]);
  // The same wire story printed twice by the site: its body lines are in two articles that are one.
  const wire = 'Iranian and Iraqi officials signed a border agreement in Baghdad on Sunday, the ministry said.';
  pages.push(page(`${wire}\n\nThe deal covers trade.`, 'https://news.example/w1', 20), page(`${wire}\n\nThe deal covers trade.`, 'https://news.example/w2', 21));
  const learned = learnChrome(pages, { minArticles: 5, minShare: 0.3, maxChars: 240 });
  const lines = learned.sites['news.example'].lines.map((l) => l.key);
  assert.deepEqual(lines, [chromeKey(LICENCE)]);
  assert.equal(learned.counted, 11, 'the second copy of the wire story counts as no new article');
});

test('distinct articles: a copy of an article already counted adds nothing, and removing takes it back', () => {
  const counts = new ChromeCounts();
  const lines = ['Body line of the one story that two sites copied word for word.', 'Share this article'];
  const keys = articleKeys(lines, 240);
  const copies = new SiteCopies();
  const ids = Array.from({ length: 6 }, (_, i) => copies.identity('s', `copy${i}`, lines.join('\n\n')));
  assert.deepEqual(new Set(ids), new Set(['copy0']));
  for (const id of ids) counts.add('s', id, keys);
  assert.equal(counts.articles('s'), 1);
  assert.equal(counts.isChrome('s', chromeKey('Share this article'), T), false);
  counts.remove('s', 'copy0', keys);
  assert.equal(counts.count('s', chromeKey('Share this article')), 0);
});

test('a chrome sentence glued to the end of a paragraph is cut, with what is before it kept verbatim', () => {
  const isChrome = (k: string) => k === chromeKey(LICENCE);
  const got = stripChrome([`The talks ended on Wednesday. MH/PA ${LICENCE}`, LICENCE, 'Nothing to cut here.'], isChrome, 240);
  assert.deepEqual(got.lines, ['The talks ended on Wednesday. MH/PA', 'Nothing to cut here.']);
  assert.deepEqual(got.dropped, [LICENCE, LICENCE]);
});

test('a tail is cut behind a short head only, and only where a word starts after a space', () => {
  const isChrome = (k: string) => k === chromeKey(LICENCE) || k === 'pa all content by mehr';
  const short = (k: string) => k === 'follow us on telegram';
  const got = stripChrome([`(Source: The Guardian) ${LICENCE}`, 'Analysts in the region and elsewhere said they follow us on Telegram', 'Analysts say they follow us on Telegram'], (k) => isChrome(k) || short(k), 240);
  assert.deepEqual(got.lines, ['(Source: The Guardian)', 'Analysts in the region and elsewhere said they follow us on Telegram', 'Analysts say they']);
  // A long chrome sentence is cut behind any head: a licence glued to a headline fragment.
  assert.deepEqual(stripChrome([`@K= Heinonen: IAEA, Iran make "some important steps" in nuclear talks ${LICENCE}`], isChrome, 240).lines, ['@K= Heinonen: IAEA, Iran make "some important steps" in nuclear talks']);
  assert.deepEqual(stripChrome(['MH/PA All Content by Mehr'], isChrome, 240).lines, ['MH/PA All Content by Mehr'], 'no cut inside "MH/PA"');
});

test('a short learned line never cuts the tail of a body sentence', () => {
  const got = stripChrome(['He arrived on a visit to Tehran.', 'Tehran'], (k) => k === 'tehran', 240);
  assert.deepEqual(got.lines, ['He arrived on a visit to Tehran.']);
});

test('the committed model holds the Tehran Times licence line and cleaning drops it', () => {
  const model = chromeModel();
  assert.ok(model.thresholds.minArticles >= 2 && model.thresholds.minShare > 0);
  const text = `TEHRAN – Iran and Iraq signed a trade deal on Sunday, officials said in Tehran after two days of talks.\n\nThe agreement covers tariffs on fruit and steel. MH/PA ${LICENCE}`;
  const doc = cleanPage(page(text, 'https://www.tehrantimes.com/news/1/x')).docs[0];
  assert.ok(!doc.text.includes('Mehr News Agency'), doc.text);
  // The model learned the sign-off with the licence ("MH/PA All Content ..."): both go.
  assert.match(doc.text, /signed a trade deal on Sunday.*\n\nThe agreement covers tariffs on fruit and steel\.$/s);
  assert.ok(doc.messages.some((m) => m.id === 'clean.site-chrome'));
  // Another site's article is cleaned without Tehran Times' chrome (chrome is per site), and so is
  // one cleaned with chrome: null. The line filter alone then drops the paragraph the licence is
  // glued to, body sentence and all.
  for (const alone of [cleanPage(page(text, 'https://elsewhere.example/1')), cleanPage(page(text, 'https://www.tehrantimes.com/news/2/y'), 0, { chrome: null })]) {
    assert.ok(!alone.docs[0].messages.some((m) => m.id === 'clean.site-chrome'));
    assert.notEqual(alone.docs[0].text, doc.text);
  }
});

test('a bad model file is named with what is wrong', () => {
  assert.throws(() => parseChromeModel('{', 'm.json'), /m\.json: not JSON/);
  assert.throws(() => parseChromeModel('{"thresholds":{}}', 'm.json'), /m\.json: "thresholds" needs minArticles/);
});

test('the batch view drops a line in many articles of an outlet never seen in training, and keeps it for a lone article', async () => {
  const pages = stories(8, ['No comments yet', 'Follow us on Telegram'], 'https://unseen.example/');
  pages.push(page('A lone story elsewhere ends with a line of its own.\n\nNo comments yet', 'https://other.example/1', 30));
  const seen: { site: string; text: string[] }[] = [];
  async function* source() { yield* pages; }
  for await (const { page: p, snapshot } of withBatchChrome(source(), chromeModel(), { ...T, lookahead: 8, history: 10 })) {
    const chrome = chromeFilter(snapshot, chromeModel());
    seen.push({ site: chrome.site, text: dropChrome(p.content.split('\n\n'), chrome).lines });
  }
  assert.equal(seen.length, 9, 'every page comes out, in order');
  assert.deepEqual(seen.map((s) => s.site).slice(0, 2), ['unseen.example', 'unseen.example']);
  for (const s of seen.slice(0, 8)) assert.deepEqual(s.text.length, 2, s.text.join(' | '));
  assert.ok(seen[8].text.includes('No comments yet'), 'one article of another outlet keeps it');
});

test('the batch view is bounded: with no look-ahead the first pages cannot know the line recurs', async () => {
  const pages = stories(8, ['No comments yet']);
  async function* source() { yield* pages; }
  const kept: boolean[] = [];
  for await (const { page: p, snapshot } of withBatchChrome(source(), null, { ...T, lookahead: 0, history: 100 })) {
    const chrome = chromeFilter(snapshot, null);
    kept.push(dropChrome(p.content.split('\n\n'), chrome).lines.includes('No comments yet'));
  }
  assert.deepEqual(kept, [true, true, true, true, false, false, false, false]);
});

test('ingest drops batch chrome through cleanInputs, and the JSONL input still streams whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-chrome-'));
  const file = join(dir, 'feed.jsonl');
  writeFileSync(file, stories(7, ['Subscribe to our newsletter for the latest news', 'No comments yet'], 'https://feed.example/').map((p) => JSON.stringify({ text: p.content, url: p.url })).join('\n'));
  const texts: string[] = [];
  for await (const doc of cleanInputs([file], { report: () => {} })) texts.push(doc.text);
  assert.equal(texts.length, 7);
  for (const t of texts) {
    assert.ok(!/No comments yet|newsletter/.test(t), t);
    assert.match(t, /^Story \d+ says/);
  }
});

test('learnedFilter tells learned chrome from nothing', () => {
  const f: ChromeFilter = learnedFilter(chromeModel(), 'tehrantimes.com');
  assert.equal(f.kind(chromeKey(LICENCE)), 'learned');
  assert.equal(f.kind(chromeKey('Iran and Iraq signed a deal.')), null);
});

test('the batch view tells HTML pages of one site apart behind the menu they all share', async () => {
  const menu = `<nav>${['Home', 'World', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion', 'Video', 'Podcasts', 'Weather'].map((w) => `<a href="/${w}">${w} section of the site and its latest news</a>`).join('')}</nav>`;
  const pages = stories(8, ['Subscribe to our newsletter for the day in brief']).map((p) => ({
    ...p,
    format: 'html' as const,
    content: `<html><body>${menu}<article>${p.content.split('\n\n').map((l) => `<p>${l}</p>`).join('')}</article></body></html>`,
  }));
  async function* source() { yield* pages; }
  const kinds: (string | null)[] = [];
  for await (const { snapshot } of withBatchChrome(source(), null, { ...T, lookahead: 8, history: 10 })) {
    const chrome = chromeFilter(snapshot, null);
    kinds.push(chrome.kind(chromeKey('Subscribe to our newsletter for the day in brief')));
  }
  assert.deepEqual(kinds, Array(8).fill('batch'));
});

test('the batch view forgets sites: counts of a site whose articles left, copy indexes past the cap', () => {
  const counts = new ChromeCounts();
  counts.add('a.txt', 'a#0', ['one line']);
  counts.add('b.txt', 'b#0', ['another line']);
  counts.remove('a.txt', 'a#0', ['one line']);
  assert.equal(counts.siteCount, 1);
  assert.equal(counts.articles('a.txt'), 0);
  const copies = new SiteCopies(Infinity, 3);
  for (let i = 0; i < 10; i++) copies.identity(`file-${i}.txt`, `file-${i}.txt#0`, `A story of its own, number ${i}, told in a sentence long enough to hash.`);
  assert.equal(copies.siteCount, 3);
  // A site seen again is kept as the most recent one.
  const text = 'The same wire story printed twice by one site, word for word, in the same batch of pages.';
  assert.equal(copies.identity('wire.example', 'w#0', text), 'w#0');
  copies.identity('x.example', 'x#0', 'Another story entirely, on another topic, from another site.');
  assert.equal(copies.identity('wire.example', 'w#1', text), 'w#0');
});
