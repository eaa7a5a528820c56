// Page metadata from small hand-made pages: each place a publication date may stand, and each trap
// (an old photo's "FILED" caption, a related link, "last month", a copyright year, a date the story
// talks about); author, language and title. Nothing here reads ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/clean/html.js';
import { readMeta } from '../../src/clean/html-meta.js';
import { urlDate } from '../../src/clean/html-dates.js';
import { DATE_LABELS, dateRole, labelledDate } from '../../src/clean/date-labels.js';
import { authorText } from '../../src/clean/html-author.js';
import { guessLanguage, pageLanguage } from '../../src/clean/language.js';

const BODY = '<p>Rockets struck near the airport on Tuesday night, officials said, and no one was hurt in the attack on the base.</p>';

/** A page with the given head and the given article body (after an h1 headline). */
function page(head: string, article: string, h1 = 'Rockets hit base near Erbil airport'): string {
  return `<!DOCTYPE html><html><head><title>${h1} | Example Herald</title>${head}</head><body><article><h1>${h1}</h1>${article}${BODY}</article></body></html>`;
}
const meta = (html: string, url: string | null = null) => readMeta(parseDocument(html), url);
const dateOf = (html: string, url: string | null = null) => meta(html, url).publishedAt;

test('a date from the Open Graph article:published_time meta tag', () => {
  assert.equal(dateOf(page('<meta property="article:published_time" content="2021-03-14T10:42:00+03:00">', '')), '2021-03-14');
});

test('a date from JSON-LD datePublished, inside @graph, and from JSON-LD with a raw line break in a string', () => {
  const graph = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example Herald"},{"@type":"NewsArticle","headline":"Rockets","datePublished":"2020-01-03T08:00:00Z","dateModified":"2020-01-05T08:00:00Z"}]}</script>';
  assert.equal(dateOf(page(graph, '')), '2020-01-03');
  const broken = '<script type="application/ld+json">{"@type":"NewsArticle","description":"two\nlines","datePublished":"2019-11-20 12:32:13+08:00",}</script>';
  assert.equal(dateOf(page(broken, '')), '2019-11-20');
});

test('a date from <time> in the byline', () => {
  assert.equal(dateOf(page('', '<div class="byline">By Jane Doe <time datetime="2022-07-30T09:00:00+03:00">July 30, 2022</time></div>')), '2022-07-30');
});

test('a date from the page address', () => {
  assert.equal(dateOf(page('', ''), 'https://example.com/world/2021/03/14/rockets-hit-base/'), '2021-03-14');
  assert.equal(urlDate('https://example.com/news/20191119/story.html'), '2019-11-19');
  assert.equal(urlDate('https://example.com/2019/11/story'), '2019-11');
  assert.equal(urlDate('https://example.com/story-12345'), null);
});

test('a date written in the byline, and as text right under the headline ("Feb. 6, 2024")', () => {
  assert.equal(dateOf(page('', '<p class="byline">By Jane Doe | March 3, 2021</p>')), '2021-03-03');
  assert.equal(dateOf(page('', '<p>Feb. 6, 2024</p>')), '2024-02-06');
  assert.equal(dateOf(page('', '<div>Posted on 25. September 2018 by admin</div>')), '2018-09-25');
});

test('a dateline that opens a text dump gives the date (the header has none)', () => {
  assert.equal(labelledDate('BAGHDAD, March 3, 2021 (Wire) —')?.date, '2021-03-03');
});

test('an old photo\'s "FILED" caption is never the date, in a figure or as a bare line', () => {
  const caption = '<figure><img src="a.jpg"><figcaption>FILED - 06 February 2009, Berlin: the Reichstag in the snow.</figcaption></figure>';
  assert.equal(dateOf(page('', caption)), null);
  assert.equal(dateOf(page('', '<p>FILED - 06 February 2009</p>')), null);
  assert.equal(dateOf(page('', `${caption}<p>Feb. 6, 2024</p>`)), '2024-02-06');
  assert.equal(dateRole('FILED - ')?.id, 'date.filed-photo');
});

test('a related link and its date are never the article\'s date', () => {
  const related = '<aside class="related"><a href="/old">Earlier attack on the base <time datetime="2019-01-01">Jan 1, 2019</time></a></aside>';
  assert.equal(dateOf(page('', related)), null);
  const list = '<ul><li><a href="/older">Drone downed near Erbil, March 3, 2020</a></li></ul>';
  assert.equal(dateOf(page('', list)), null);
  assert.equal(dateOf(page('<meta property="article:published_time" content="2021-03-14">', related)), '2021-03-14');
});

test('"last month", a copyright year and a date the story talks about are no publication date', () => {
  assert.equal(dateOf(page('', '<p>Published last month</p>')), null);
  assert.equal(dateOf(page('', '<p>© 2019 Example Herald. All rights reserved.</p>')), null);
  assert.equal(dateOf(page('', '<p>Copyright March 2019 Example Herald</p>')), null);
  assert.equal(dateRole('© ')?.id, 'date.copyright');
  const prose = '<p>The talks, held on June 5, 2019, in Vienna, ended without a deal after the ministers walked out late in the evening over sanctions.</p>';
  assert.equal(dateOf(page('', prose)), null);
  assert.equal(labelledDate('The ceasefire has held since March 2019')?.role, 'not-publication');
});

test('published wins over updated; an update date only when nothing says when it was published', () => {
  assert.equal(dateOf(page('', '<p>Updated: March 5, 2021 | Published: March 3, 2021</p>')), '2021-03-03');
  assert.equal(dateOf(page('<meta property="article:modified_time" content="2021-03-05T10:00:00Z">', '')), '2021-03-05');
  assert.equal(dateOf(page('<meta property="article:modified_time" content="2021-03-05T10:00:00Z"><meta property="article:published_time" content="2021-03-03T10:00:00Z">', '')), '2021-03-03');
});

test('a UTC stamp a day after the date the page shows is the same evening: the shown date wins', () => {
  const head = '<meta property="article:published_time" content="2019-11-20T01:50:59Z">';
  assert.equal(dateOf(page(head, '<p class="byline">Nov. 19, 2019 5:50 PM</p>')), '2019-11-19');
  // Further apart, the shown date is another date (a related story's): the publisher's stamp stands.
  assert.equal(dateOf(page(head, '<p class="byline">Nov. 12, 2019 5:50 PM</p>')), '2019-11-20');
});

test('every date label has an id and a role, and says what it is meant to', () => {
  const ids = DATE_LABELS.map((l) => l.id);
  assert.equal(new Set(ids).size, ids.length);
  const cases: [string, string][] = [
    ['FILED - ', 'date.filed-photo'], ['file photo taken on ', 'date.photo-taken'], ['Copyright ', 'date.copyright'],
    ['Last updated: ', 'date.updated'], ['Published on ', 'date.published'], ['기사입력 :[ ', 'date.published'], ['held talks until ', 'date.event-story'],
  ];
  for (const [before, id] of cases) assert.equal(dateRole(before)?.id, id, before);
  assert.equal(dateRole('By Jane Doe | '), null);
});

test('author: JSON-LD names, a byline with "By" and "and", the outlet itself is no author', () => {
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}</script>';
  assert.equal(meta(page(ld, '')).author, 'Jane Doe, John Roe');
  assert.equal(meta(page('', '<p class="byline">By Jane Doe and John Roe</p>')).author, 'Jane Doe, John Roe');
  assert.equal(meta(page('<meta property="og:site_name" content="Example Herald"><meta name="author" content="Example Herald">', '')).author, null);
  assert.equal(authorText('By TOM KRISHER, AP Auto Writer'), 'TOM KRISHER');
  assert.equal(authorText('Analysis by Chris Cillizza, CNN'), 'Chris Cillizza');
  assert.equal(authorText('Reuters, Washington'), 'Reuters');
  assert.equal(authorText('Rachael Link, MS, RD'), 'Rachael Link');
  assert.equal(authorText('Carrie ArnoldNovember 15, 2019'), 'Carrie Arnold');
  assert.equal(authorText('https://www.facebook.com/janedoe'), null);
  assert.equal(authorText('The Russian, Syrian defense ministries'), null);
});

test('language: declared, guessed from the text, and the text overruling a wrong template declaration', () => {
  assert.equal(meta(page('', '').replace('<html>', '<html lang="en-GB">')).language, 'en');
  const german = 'Die Bundesregierung hat am Dienstag erklärt, dass sie die Pläne nicht unterstützen werde. Es ist nicht klar, ob die Gespräche mit den Partnern auf eine Einigung hinauslaufen, und die Opposition wirft der Regierung vor, sich auf eine Linie mit der Industrie einzulassen. Der Minister sagte, die Entscheidung sei eine Frage der Zeit, und die Verbände kündigten an, sich nicht zurückzuziehen. Die Kritik an dem Vorhaben ist groß, und die Frage, ob das Gesetz noch in diesem Jahr kommt, ist offen. Das Parlament soll im Herbst darüber abstimmen, und die Fraktionen haben sich auf einen Zeitplan geeinigt, der die Beratung in den Ausschüssen vorsieht.';
  assert.equal(guessLanguage(german), 'de');
  assert.equal(pageLanguage('en', german.repeat(2)), 'de');
  assert.equal(pageLanguage('en', 'A short text with the words of English.'), 'en');
  assert.equal(guessLanguage('Rockets'), null);
});

test('title: the visible headline when the declared titles agree, the declared one when the h1 is the site\'s name', () => {
  const og = '<meta property="og:title" content="Rockets hit base near Erbil airport, officials say">';
  assert.equal(meta(page(og, '')).title, 'Rockets hit base near Erbil airport');
  const logo = '<meta property="og:site_name" content="Example Herald"><meta property="og:title" content="Rockets hit base near Erbil airport">';
  assert.equal(meta(page(logo, '', 'Example Herald')).title, 'Rockets hit base near Erbil airport');
});
