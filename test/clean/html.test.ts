import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripSiteSuffix } from '../../src/clean/html-meta.js';
import { cleanDocs, readFixture } from './helpers.js';

const page = (content: string) => ({ uri: 'page.html', part: 0, format: 'html' as const, content });

test('a cluttered page: the body is kept; nav, cookie banner, share buttons, caption, related stories, comments and footer are gone', () => {
  const [story, ...rest] = cleanDocs(page(readFixture('cluttered.html')));
  assert.equal(rest.length, 0);
  assert.equal(story.title, 'Drone strike hits militia convoy near Qaim');
  assert.equal(story.source.outlet, 'Example Herald');
  assert.equal(story.publishedAt, '2021-06-28');
  const paragraphs = story.text.split('\n\n');
  assert.equal(paragraphs.length, 6);
  assert.ok(paragraphs[0].startsWith('QAIM, Iraq — A drone strike hit a convoy'));
  assert.ok(paragraphs[3].includes('“flagrant violation”'), 'entities decoded');
  assert.ok(paragraphs[5].startsWith('Washington has blamed'));
  for (const clutter of ['cookie', 'Home', 'Share on Facebook', 'Tweet', 'Photo:', 'Related stories', 'Rocket attack targets Baghdad airport', 'newsletter', 'disgrace', 'All rights reserved', 'Privacy']) {
    assert.ok(!story.text.includes(clutter), `dropped: ${clutter}`);
  }
  assert.ok(!/<[a-z]|&[a-z]+;/i.test(story.text), 'no tags or entities');
  assert.ok(!/[ \t]{2,}|\n{3,}/.test(story.text), 'whitespace normalised');
});

test('the date comes from the article, never from related stories or comments', () => {
  // No meta or JSON-LD date: only the byline <time> may date it; the related list and comments carry other dates.
  const html = readFixture('cluttered.html')
    .replace(/<meta property="article:published_time"[^>]*>/, '')
    .replace(/"datePublished":"[^"]*",/, '');
  assert.equal(cleanDocs(page(html))[0].publishedAt, '2021-06-28');
  const withoutByline = html.replace(/<div class="byline">.*?<\/div>/, '');
  assert.equal(cleanDocs(page(withoutByline))[0].publishedAt, null);
});

test('a byline written as text dates the page when nothing else does', () => {
  const html = `<html><head><title>Iraqi troops storm base, hold 14 - Daily News Hub 24</title></head><body>
    <div class="post"><h1>Iraqi troops storm base, hold 14</h1><div class="post-info">Posted on June 29, 2020 by admin in World News</div>
    <p>${'Iraqi counter-terrorism troops stormed a base of an armed group in southern Baghdad late on Thursday and held 14 of its members, officials stated. '.repeat(3)}</p>
    <p>${'The armed group demanded their release and deployed fighters near the Green Zone, according to witnesses and officials. '.repeat(3)}</p></div>
    <div class="sidebar"><h3>Recent Posts</h3><ul><li>10 best phones of 2020</li><li>Stock market today, March 3, 2020</li></ul></div></body></html>`;
  const [story] = cleanDocs(page(html));
  assert.equal(story.publishedAt, '2020-06-29');
  assert.equal(story.title, 'Iraqi troops storm base, hold 14');
  assert.equal(story.source.outlet, 'Daily News Hub 24');
});

test('a fragment without an article (a feed item body) falls back to the text filter', () => {
  const [story] = cleanDocs(page('<p>BAGHDAD — Iraq recalled its ambassador from Tehran on Tuesday, the foreign ministry said.</p>'));
  assert.equal(story.text, 'BAGHDAD — Iraq recalled its ambassador from Tehran on Tuesday, the foreign ministry said.');
});

test('site suffixes are stripped only where they are site names', () => {
  assert.equal(stripSiteSuffix('Rockets hit base near Erbil | Example Herald', null), 'Rockets hit base near Erbil');
  assert.equal(stripSiteSuffix('Rockets hit base near Erbil – Example Herald', 'Example Herald'), 'Rockets hit base near Erbil');
  assert.equal(stripSiteSuffix('Iraq - US talks resume', null), 'Iraq - US talks resume');
  assert.equal(stripSiteSuffix('Sadr calls for protests after vote - officials say', null), 'Sadr calls for protests after vote - officials say');
});
