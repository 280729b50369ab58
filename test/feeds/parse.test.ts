import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed, sniffFeed } from '../../electron/core/feeds/parse';
import type { ParsedItem } from '../../electron/core/feeds/parsed';
import { fixtureBytes, fixtureText } from '../support/fixtures';

function parseFixture(name: string, feedUrl = `https://feeds.example.net/path/${name}`) {
  return parseFeed(fixtureText(`feeds/${name}`), feedUrl);
}

function at(items: readonly ParsedItem[], index: number): ParsedItem {
  const item = items[index];
  if (!item) throw new Error(`no item ${index}`);
  return item;
}

const empty = { categories: [], enclosures: [], imageUrl: null, commentsUrl: null, commentFeedUrl: null, commentCount: null, authorUrl: null, inReplyTo: null, baseUrl: null, sharedLink: false, untitled: false } as const;

describe('RSS 0.91 / 0.92', () => {
  it('reads channel and items, decoding entities (the Netscape DOCTYPE is not fetched)', async () => {
    const feed = await parseFixture('rss091.xml');
    expect(feed).toMatchObject({
      kind: 'rss',
      title: 'Harbour Town Gazette',
      siteUrl: 'http://gazette.example.org/',
      description: 'Local news from the harbour & the hills.',
      iconUrl: 'http://gazette.example.org/images/masthead.gif',
      language: 'en-gb',
    });
    expect(feed.items.map((i) => i.title)).toEqual(['Ferry timetable changes for the winter', 'Café on Quay Street reopens']);
    expect(at(feed.items, 1)).toEqual({
      ...empty,
      guid: null,
      link: 'http://gazette.example.org/news/cafe-reopens.html',
      title: 'Café on Quay Street reopens',
      author: null,
      publishedAt: null,
      updatedAt: null,
      summaryHtml: 'After a long refit, the café is open again.',
      contentHtml: null,
    });
  });

  it('reads 0.92 enclosures and categories', async () => {
    const item = at((await parseFixture('rss092.xml')).items, 0);
    expect(item.categories).toEqual(['jazz']);
    expect(item.enclosures).toEqual([{ url: 'http://nightradio.example.net/sets/tuesday.mp3', type: 'audio/mpeg', length: 53829120 }]);
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads dc:date, dc:creator, dc:subject, rdf:about and the channel image resource', async () => {
    const feed = await parseFixture('rss10.rdf');
    expect(feed).toMatchObject({ kind: 'rdf', title: 'Lab Notes', siteUrl: 'https://lab.example.net/', iconUrl: 'https://lab.example.net/logo.png', language: 'en' });
    expect(at(feed.items, 0)).toEqual({
      ...empty,
      guid: 'https://lab.example.net/notes/12',
      link: 'https://lab.example.net/notes/12',
      title: 'Calibrating the spectrometer',
      author: 'Ana Ruiz',
      publishedAt: Date.parse('2024-03-05T13:30:00Z'),
      updatedAt: null,
      summaryHtml: 'Three steps that took us a week to learn.',
      contentHtml: null,
      categories: ['instruments'],
      commentCount: 4,
    });
    expect(at(feed.items, 1)).toMatchObject({
      author: 'Tomasz Nowak',
      publishedAt: Date.UTC(2024, 1, 28),
      contentHtml: '<p>It was the door seal.</p>',
    });
  });
});

describe('RSS 2.0', () => {
  it('reads the channel, resolving a relative image against the site link', async () => {
    const feed = await parseFixture('rss20-full.xml');
    expect(feed).toMatchObject({
      kind: 'rss',
      title: 'The Weekly & Co. Review',
      siteUrl: 'https://review.example.com/',
      description: 'Long reads, every Friday',
      iconUrl: 'https://review.example.com/assets/icon.png',
      language: 'en-us',
    });
    expect(feed.items).toHaveLength(3);
  });

  it('reads content:encoded, dc:creator, categories, every enclosure, media, comments and counts', async () => {
    const item = at((await parseFixture('rss20-full.xml')).items, 0);
    expect(item).toEqual({
      baseUrl: null,
      sharedLink: false,
      untitled: false,
      guid: 'review-2024-0517',
      link: 'https://review.example.com/2024/05/rivers-and-roads',
      title: 'Rivers & roads: a history',
      author: 'Maria Okafor',
      publishedAt: Date.parse('2024-05-17T08:00:00Z'),
      updatedAt: null,
      summaryHtml: '<p>How trade routes shaped the valley.</p>',
      contentHtml:
        '<p>How trade routes shaped the valley.</p><p>It began with the river &mdash; long before the road.</p><img src="/img/bridge.jpg" alt="">',
      categories: ['History', 'Transport'],
      enclosures: [
        { url: 'https://cdn.example.com/audio/rivers.mp3', type: 'audio/mpeg', length: 24986239 },
        // length="0" means unknown
        { url: 'https://cdn.example.com/docs/rivers.pdf', type: 'application/pdf', length: null },
      ],
      // The 1,200-pixel media:content, not the 300-pixel thumbnail.
      imageUrl: 'https://cdn.example.com/img/rivers-large.jpg',
      commentsUrl: 'https://review.example.com/2024/05/rivers-and-roads#comments',
      commentFeedUrl: 'https://review.example.com/2024/05/rivers-and-roads/feed/',
      commentCount: 12,
      authorUrl: null,
      inReplyTo: null,
    });
  });

  it('takes a permalink guid as the link, the name from an e-mail author, an image from media:group', async () => {
    const item = at((await parseFixture('rss20-full.xml')).items, 1);
    expect(item).toMatchObject({
      guid: 'https://review.example.com/2024/05/letters',
      link: 'https://review.example.com/2024/05/letters',
      author: 'Jo Editor',
      publishedAt: Date.parse('2024-05-16T18:30:00Z'),
      summaryHtml: "Your replies to last week's issue.",
      imageUrl: 'https://cdn.example.com/img/letters.png',
    });
  });

  it('resolves a relative item link and falls back to itunes:image', async () => {
    const item = at((await parseFixture('rss20-full.xml')).items, 2);
    expect(item.link).toBe('https://review.example.com/podcast/12');
    expect(item.imageUrl).toBe('https://cdn.example.com/img/ep12.jpg');
    expect(item.publishedAt).toBe(Date.parse('2024-05-15T04:00:00Z'));
  });

  it('accepts <rss> without a version attribute', async () => {
    const feed = await parseFixture('rss-no-version.xml');
    expect(feed.kind).toBe('rss');
    expect(feed.items.map((i) => i.title)).toEqual(['Still a feed']);
  });

  it('parses text whose XML declaration still names a non-UTF-8 encoding', async () => {
    const text = fixtureText('feeds/rss-declared-windows-1251.xml');
    expect(text.startsWith('<?xml version="1.0" encoding="windows-1251"?>')).toBe(true);
    const feed = await parseFeed(text, 'https://gorod.example.ru/rss');
    expect(feed.title).toBe('Новости города');
    expect(at(feed.items, 0)).toMatchObject({ title: 'Мост откроют в пятницу', summaryHtml: 'Ремонт моста закончен раньше срока.' });
  });
});

describe('items that bend the rules', () => {
  it('keeps the first of repeated guids, nulls invalid dates and blank guids, falls back for titles', async () => {
    const feed = await parseFixture('rss-edge-items.xml');
    expect(feed.items.map((i) => i.title)).toEqual([
      'No guid, has a link',
      'No guid, no link',
      'No date at all',
      'An invalid date',
      'First with a repeated guid',
      'An item with no title & a blank guid: its description names it.',
      'Unsafe addresses',
    ]);
    const [noGuid, , noDate, badDate, , untitled] = feed.items;
    expect(noGuid).toMatchObject({ guid: null, link: 'https://odds.example.com/a' });
    expect(noDate).toMatchObject({ publishedAt: null, updatedAt: null });
    expect(badDate).toMatchObject({ publishedAt: null });
    expect(untitled).toMatchObject({ guid: null, link: 'https://odds.example.com/relative/page.html' });
  });

  it('drops links, enclosures and comment pages that are not http(s)', async () => {
    const unsafe = (await parseFixture('rss-edge-items.xml')).items.find((i) => i.guid === 'odds-8');
    expect(unsafe).toMatchObject({ link: null, enclosures: [], commentsUrl: null });
  });

  it('falls back to "Untitled" when there is no text at all', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>T</title><item><guid>x</guid></item></channel></rss>', 'https://t.example/');
    expect(at(feed.items, 0).title).toBe('Untitled');
  });

  it('names a feed without a title after its site', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><link>https://nameless.example/</link></channel></rss>', 'https://x.example/rss');
    expect(feed.title).toBe('nameless.example');
  });
});

describe('Atom', () => {
  it('reads Atom 1.0 with xml:base, html titles, xhtml content, replies links and thread counts', async () => {
    const feed = await parseFixture('atom10.xml');
    expect(feed).toMatchObject({
      kind: 'atom',
      title: 'Field & Notebook',
      siteUrl: 'https://notebook.example.org/blog/',
      description: 'Walking, drawing, writing',
      iconUrl: 'https://notebook.example.org/favicon.png',
      language: 'de-DE',
    });
    expect(at(feed.items, 0)).toEqual({
      // xml:base is set, so the content's relative addresses resolve against it, not the link.
      baseUrl: 'https://notebook.example.org/blog/',
      sharedLink: false,
      untitled: false,
      guid: 'tag:notebook.example.org,2024:old-mill',
      link: 'https://notebook.example.org/blog/2024/06/old-mill',
      title: 'Sketching the old mill',
      author: 'Lena Brandt',
      publishedAt: Date.parse('2024-06-01T07:15:00Z'),
      updatedAt: Date.parse('2024-06-02T06:00:00Z'),
      summaryHtml: '<p>A morning by the water wheel &amp; the pond.</p>',
      contentHtml: '<p>The wheel turns <em>slowly</em> now &amp; the pond is full.</p><p><img src="/media/mill-sketch.png" alt="sketch" /></p>',
      categories: ['Drawing', 'mills'],
      enclosures: [{ url: 'https://notebook.example.org/media/mill.jpg', type: 'image/jpeg', length: 48213 }],
      imageUrl: 'https://notebook.example.org/media/mill.jpg',
      commentsUrl: 'https://notebook.example.org/blog/2024/06/old-mill#comments',
      commentFeedUrl: 'https://notebook.example.org/blog/2024/06/old-mill/comments.atom',
      commentCount: 5,
      authorUrl: null,
      inReplyTo: null,
    });
  });

  it('applies an entry xml:base, dates an entry by <updated> alone, reads an untyped replies link as a feed', async () => {
    const entry = at((await parseFixture('atom10.xml')).items, 1);
    expect(entry).toMatchObject({
      link: 'https://notebook.example.org/elsewhere/rain',
      title: 'Rain again',
      author: 'Guest Writer',
      publishedAt: Date.parse('2024-05-20T17:45:00Z'),
      updatedAt: Date.parse('2024-05-20T17:45:00Z'),
      contentHtml: '<p>It rained for the third day.</p>',
      commentsUrl: null,
      commentFeedUrl: 'https://notebook.example.org/elsewhere/rain/comments.xml',
      commentCount: 2,
    });
  });

  it('survives invalid dates, attribute-less links, missing titles and out-of-line content', async () => {
    const feed = await parseFixture('atom-edge.xml');
    expect(feed.siteUrl).toBe('https://edge.example.org/');
    const [garbageDate, untitled, elsewhere] = feed.items;
    expect(garbageDate).toMatchObject({ link: 'https://edge.example.org/garbage-date', publishedAt: Date.parse('2024-07-01T00:00:00Z') });
    expect(untitled).toMatchObject({
      title: 'A post without a title.',
      publishedAt: null,
      updatedAt: null,
    });
    expect(elsewhere).toMatchObject({ title: 'Content elsewhere', contentHtml: null });
  });

  it('reads Atom 0.3 (tagline, issued, modified, escaped content)', async () => {
    const feed = await parseFixture('atom03.xml');
    expect(feed).toMatchObject({ kind: 'atom', title: 'Old Blog', description: 'Since 2004', siteUrl: 'http://oldblog.example.com/', language: 'en' });
    expect(at(feed.items, 0)).toMatchObject({
      link: 'http://oldblog.example.com/2005/03/first.html',
      author: 'Sam',
      publishedAt: Date.parse('2005-03-01T16:00:00Z'),
      updatedAt: Date.parse('2005-03-01T17:30:00Z'),
      contentHtml: '<p>Hello, world.</p>',
    });
  });
});

describe('JSON Feed', () => {
  it('reads version 1.0 (single author, content_text escaped to HTML)', async () => {
    const feed = await parseFixture('jsonfeed10.json');
    expect(feed).toMatchObject({
      kind: 'json',
      title: 'Tiny Kitchen',
      siteUrl: 'https://kitchen.example.com/',
      description: 'Recipes for small flats',
      iconUrl: 'https://kitchen.example.com/icon-512.png',
      language: null,
    });
    expect(at(feed.items, 0)).toEqual({
      ...empty,
      guid: '2',
      link: 'https://kitchen.example.com/2024/lentil-soup',
      title: 'Lentil soup in 20 minutes',
      author: 'Priya Nair',
      publishedAt: Date.parse('2024-01-10T17:00:00Z'),
      updatedAt: Date.parse('2024-01-11T13:00:00Z'),
      summaryHtml: '<p>Red lentils cook fast.</p>',
      contentHtml: '<p>Red lentils cook fast.</p>',
      categories: ['soup', 'quick'],
      imageUrl: 'https://kitchen.example.com/img/soup.jpg',
    });
    expect(at(feed.items, 1)).toMatchObject({
      guid: '1',
      title: 'No title here.',
      contentHtml: '<p>No title here.</p>\n<p>Just bread &amp; butter &lt;3</p>',
    });
  });

  it('reads version 1.1 (authors, language, attachments, relative URLs, version after items)', async () => {
    const feed = await parseFixture('jsonfeed11.json');
    expect(feed).toMatchObject({ kind: 'json', title: 'Orbit Podcast', language: 'en-AU', iconUrl: 'https://orbit.example.fm/favicon.ico' });
    expect(at(feed.items, 0)).toMatchObject({
      link: 'https://orbit.example.fm/episodes/7',
      author: 'Mele',
      imageUrl: 'https://orbit.example.fm/img/ep7-banner.jpg',
      enclosures: [
        { url: 'https://cdn.orbit.example.fm/ep7.mp3', type: 'audio/mpeg', length: 31457280 },
        { url: 'https://cdn.orbit.example.fm/ep7.m4a', type: 'audio/mp4', length: null },
      ],
    });
    expect(at(feed.items, 1)).toMatchObject({ link: 'https://elsewhere.example.com/orbit-6', author: 'Kai, Mele', publishedAt: null });
  });

  it('reads a 1.1 item\'s author from the 1.0 field its generator still writes, when its authors list names no one', async () => {
    // 1.1 asks publishers to keep `author` beside `authors`, whose `name` is optional: a list of an
    // avatar and an address alone gave the item no byline, and the list left empty gave it the feed's.
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Tidewater Notes',
      home_page_url: 'https://tidewater.example.blog/',
      authors: [{ name: 'Tidewater Notes team' }],
      items: [
        { id: 'https://tidewater.example.blog/2026/12/07/neap-tides/', url: 'https://tidewater.example.blog/2026/12/07/neap-tides/', title: 'Neap tides this week', content_html: '<p>Low water stays high.</p>', authors: [{ url: 'https://tidewater.example.blog/ines', avatar: 'https://tidewater.example.blog/ines.jpg' }], author: { name: 'Inês Duarte', url: 'https://tidewater.example.blog/ines' } },
        { id: 'https://tidewater.example.blog/2026/12/06/slipway/', url: 'https://tidewater.example.blog/2026/12/06/slipway/', title: 'The slipway reopens', content_html: '<p>Repairs done.</p>', authors: [], author: { name: 'Sam Reyes' } },
      ],
    });
    const feed = await parseFeed(json, 'https://tidewater.example.blog/feed.json');
    expect(feed.items.map((item) => [item.author, item.authorUrl])).toEqual([
      ['Inês Duarte', 'https://tidewater.example.blog/ines'],
      ['Sam Reyes', null],
    ]);
  });
});

describe('the seed WordPress feeds', () => {
  const origin = 'http://127.0.0.1:4321';

  it('reads the post as WordPress emits it', async () => {
    const feed = await parseFeed(fixtureText('seed/feed.xml', origin), `${origin}/feed/`);
    expect(feed).toMatchObject({ kind: 'rss', title: 'The Evening Dispatch', siteUrl: `${origin}/`, language: 'en-US' });
    expect(feed.items).toHaveLength(1);
    const item = at(feed.items, 0);
    expect(item).toMatchObject({
      guid: `${origin}/?p=123`,
      link: `${origin}/2022/01/13/nato-is-in-security-dialogue-with-russia/`,
      title: 'NATO is in security dialogue with Russia, despite the main differences',
      author: 'Newsroom',
      publishedAt: Date.parse('2022-01-13T09:12:40Z'),
      categories: ['World'],
      commentsUrl: `${origin}/2022/01/13/nato-is-in-security-dialogue-with-russia/#respond`,
      commentFeedUrl: `${origin}/2022/01/13/nato-is-in-security-dialogue-with-russia/feed/`,
      commentCount: 0,
    });
    expect(item.summaryHtml).toMatch(/^Yesterday, NATO Secretary General .* \[&#8230;\]$/s);
    expect(item.contentHtml).toMatch(/^<p>Yesterday, NATO Secretary General/);
  });

  it('reads the empty comment feed', async () => {
    const url = `${origin}/2022/01/13/nato-is-in-security-dialogue-with-russia/feed/`;
    const feed = await parseFeed(fixtureText('seed/comments-feed.xml', origin), url);
    expect(feed.title).toBe('Comments on: NATO is in security dialogue with Russia, despite the main differences');
    expect(feed.items).toEqual([]);
  });
});

describe('results', () => {
  it('are frozen, down to categories and enclosures', async () => {
    const feed = await parseFixture('rss20-full.xml');
    const item = at(feed.items, 0);
    expect(Object.isFrozen(feed)).toBe(true);
    expect(Object.isFrozen(feed.items)).toBe(true);
    expect(Object.isFrozen(item)).toBe(true);
    expect(Object.isFrozen(item.categories)).toBe(true);
    expect(Object.isFrozen(item.enclosures)).toBe(true);
    expect(Object.isFrozen(item.enclosures[0])).toBe(true);
  });
});

describe('documents that are not feeds', () => {
  it.each([
    ['empty.xml', /^empty response$/],
    ['truncated.xml', /^malformed XML: Unclosed root tag \(line \d+, column \d+\)$/],
    ['wrong-root.xml', /^not a feed: XML with root <urlset>$/],
    ['page-without-links.html', /^not a feed: got an HTML page$/],
  ])('%s is rejected with a readable message', async (name, message) => {
    const error = await parseFixture(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects binary garbage', async () => {
    const text = fixtureBytes('feeds/garbage.bin').toString('utf8');
    await expect(parseFeed(text, 'https://x.example/')).rejects.toThrow(new FeedParseError('not a feed: got binary data'));
  });

  it.each([
    ['   \n ', 'empty response'],
    ['{"version": "https://jsonfeed.org/version/1", "items": [', /^malformed JSON Feed: /],
    ['{"version": "https://jsonfeed.org/version/1.1", "title": "No items"}', 'malformed JSON Feed: "items" is not a list'],
    ['{"name": "package.json"}', 'not a feed: JSON without a jsonfeed.org version'],
    ['<rss version="2.0"><channel><title>Unclosed &amp; broken</channel></rss>', /^malformed XML: Unexpected close tag/],
    ['<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>', /^malformed XML: uses an entity declared in its DOCTYPE, which Paperboy does not expand \(line 1/],
    ['just some words', 'not a feed: got text that is neither XML nor JSON'],
  ])('%j is rejected', async (text, message) => {
    const error = await parseFeed(text, 'https://x.example/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('PHP warnings printed before the feed', () => {
  // What WordPress serves when a plugin or wp-config.php prints a warning with display_errors on.
  const feed =
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Harbour Notes</title><link>https://harbour.example.org/</link>' +
    '<item><title>Ferry timetable changes</title><link>https://harbour.example.org/ferry</link></item></channel></rss>';
  const htmlWarning =
    '<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent by (output started at /var/www/html/wp-config.php:1) ' +
    'in <b>/var/www/html/wp-includes/feed-rss2.php</b> on line <b>8</b><br />\n';
  const textWarning = '\nDeprecated: Function create_function() is deprecated in /var/www/wp-content/plugins/old/old.php on line 12\n';
  // A plugin's failed query, as WordPress prints it with WP_DEBUG_DISPLAY on: the query over many lines.
  const databaseError =
    '<div id="error"><p class="wpdberror"><strong>WordPress database error:</strong> [Unknown column &#039;wp_posts.tide_order&#039; in &#039;order clause&#039;]<br />' +
    '<code>SELECT SQL_CALC_FOUND_ROWS  wp_posts.ID\n\t\t\t\t\tFROM wp_posts \n\t\t\t\t\tWHERE 1=1  AND ((wp_posts.post_type = &#039;post&#039; AND (wp_posts.post_status = &#039;publish&#039;)))\n' +
    '\t\t\t\t\tORDER BY wp_posts.tide_order DESC\n\t\t\t\t\tLIMIT 0, 10</code></p></div>';
  // The same warning as Xdebug prints it: a table with the call stack.
  const xdebugWarning =
    "<br />\n<font size='1'><table class='xdebug-error xe-warning' dir='ltr' border='1' cellspacing='0' cellpadding='1'>\n" +
    "<tr><th align='left' bgcolor='#f57900' colspan=\"5\"><span style='background-color: #cc0000; color: #fce94f; font-size: x-large;'>( ! )</span> Warning: Undefined array key \"tide\" in /var/www/html/wp-content/themes/harbour/functions.php on line <i>214</i></th></tr>\n" +
    "<tr><th align='left' bgcolor='#e9b96e' colspan='5'>Call Stack</th></tr>\n" +
    "<tr><td bgcolor='#eeeeec' align='center'>1</td><td bgcolor='#eeeeec' align='center'>0.0003</td><td bgcolor='#eeeeec' align='right'>401288</td><td bgcolor='#eeeeec'>{main}(  )</td><td title='/var/www/html/index.php' bgcolor='#eeeeec'>.../index.php<b>:</b>0</td></tr>\n" +
    '</table></font>\n';

  it.each([
    ['an HTML warning', htmlWarning + feed],
    ['a plain-text deprecation', textWarning + feed],
    ['several warnings', htmlWarning + htmlWarning.replace('Warning', 'Notice') + textWarning + feed],
    ['a warning before a feed without a declaration', htmlWarning + feed.slice(feed.indexOf('<rss'))],
    ["WordPress's database error", databaseError + feed],
    ["WordPress's database errors and a warning", databaseError + databaseError + htmlWarning + feed],
    ["Xdebug's table", xdebugWarning + feed],
    // An old template's declaration in capitals, its label read all the same (charset.ts).
    ['a warning before <?XML ...?>', htmlWarning + feed.replace('<?xml', '<?XML')],
  ])('are skipped: %s', async (_case, text) => {
    expect(sniffFeed(text)).toBe('rss');
    const parsed = await parseFeed(text, 'https://harbour.example.org/feed/');
    expect(parsed.title).toBe('Harbour Notes');
    expect(parsed.items.map((item) => item.title)).toEqual(['Ferry timetable changes']);
  });

  it('does not skip text that is not a warning', async () => {
    const text = `Array\n(\n    [0] => debug\n)\n${feed}`;
    expect(sniffFeed(text)).toBeNull();
    await expect(parseFeed(text, 'https://harbour.example.org/feed/')).rejects.toThrow(new FeedParseError('not a feed: got text that is neither XML nor JSON'));
  });
});

describe('sniffFeed', () => {
  it.each([
    ['\uFEFF<?xml version="1.0"?>\n<!-- generator --><rss version="2.0">', 'rss'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', 'rdf'],
    ['<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">', 'atom'],
    ['<!DOCTYPE rss [ <!ENTITY nbsp "&#160;"> ]><rss>', 'rss'],
    ['{"items": [], "version": "https://jsonfeed.org/version/1.1"}', 'json'],
    ['{"version":"https:\\/\\/jsonfeed.org\\/version\\/1","items":[]}', 'json'],
    ['  <!DOCTYPE html><html><head>', 'html'],
    ['<html lang="en">', 'html'],
    ['{"version": 2}', null],
    ['<urlset>', null],
    ['hello', null],
    ['', null],
  ])('%j is %s', (text, kind) => {
    expect(sniffFeed(text)).toBe(kind);
  });
});
