// Document shapes real readers accept and Paperboy once refused as "unexpected structure":
// RSS without <channel>, items directly under <rss>, a second <channel>, empty documents, RSS in
// a namespace prefix; and the one old format refused by name (CDF).
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../electron/core/feeds';

const URL = 'https://shapes.example.org/feed.xml';

describe('feed shapes', () => {
  it.each([
    [
      '<rss> without <channel>',
      '<rss version="2.0"><title>No Channel Weekly</title><link>https://nochannel.example.org/</link><item><title>First</title><link>https://nochannel.example.org/1</link></item><item><title>Second</title></item></rss>',
      { title: 'No Channel Weekly', siteUrl: 'https://nochannel.example.org/', items: ['First', 'Second'] },
    ],
    [
      'items directly under <rss>, beside the channel',
      '<rss version="2.0"><channel><title>Beside</title><item><title>In channel</title></item></channel><item><title>Under rss</title></item></rss>',
      { title: 'Beside', siteUrl: null, items: ['In channel', 'Under rss'] },
    ],
    ['an empty <rss/>', '<?xml version="1.0"?><rss version="2.0"/>', { title: 'shapes.example.org', siteUrl: null, items: [] }],
    ['an empty <rss></rss>', '<rss version="0.91">\n</rss>', { title: 'shapes.example.org', siteUrl: null, items: [] }],
    ['an empty <rdf:RDF>', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>', { title: 'shapes.example.org', siteUrl: null, items: [] }],
    [
      '<rss:channel> in the RSS 1.0 namespace',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:channel rdf:about="x"><rss:title>Prefixed One</rss:title><rss:link>https://p1.example.org/</rss:link></rss:channel><rss:item rdf:about="https://p1.example.org/a"><rss:title>Item A</rss:title><rss:link>https://p1.example.org/a</rss:link></rss:item></rdf:RDF>',
      { title: 'Prefixed One', siteUrl: 'https://p1.example.org/', items: ['Item A'] },
    ],
    [
      '<r:rss> with its own prefix',
      '<r:rss xmlns:r="http://backend.userland.com/rss2" version="2.0"><r:channel><r:title>Prefixed Two</r:title><r:item><r:title>Item B</r:title><r:link>https://p2.example.org/b</r:link></r:item></r:channel></r:rss>',
      { title: 'Prefixed Two', siteUrl: null, items: ['Item B'] },
    ],
    [
      'RSS 1.0 items misplaced inside the channel',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>Inside</title><item rdf:about="https://in.example.org/1"><title>Nested item</title></item></channel></rdf:RDF>',
      { title: 'Inside', siteUrl: null, items: ['Nested item'] },
    ],
    [
      'a bare <channel> that lost its <rss> wrapper',
      '<?xml version="1.0"?><channel><title>Unwrapped</title><link>https://unwrapped.example.org/</link><item><title>Loose item</title></item></channel>',
      { title: 'Unwrapped', siteUrl: 'https://unwrapped.example.org/', items: ['Loose item'] },
    ],
  ])('reads %s', async (_shape, xml, expected) => {
    const feed = await parseFeed(xml, URL);
    expect({ title: feed.title, siteUrl: feed.siteUrl, items: feed.items.map((i) => i.title) }).toEqual(expected);
  });

  it('keeps extension prefixes apart from the stripped RSS prefix', async () => {
    const feed = await parseFeed(
      '<r:rss xmlns:r="http://backend.userland.com/rss2" xmlns:dc="http://purl.org/dc/elements/1.1/"><r:channel><r:title>T</r:title><r:item><r:title>I</r:title><dc:creator>Ana</dc:creator></r:item></r:channel></r:rss>',
      URL,
    );
    expect(feed.items[0]?.author).toBe('Ana');
  });

  it.each([
    ['a CDF channel', '<?xml version="1.0"?><CHANNEL HREF="http://cdf.example.com/"><TITLE>Old Push</TITLE><ITEM HREF="http://cdf.example.com/a.htm"><TITLE>A</TITLE></ITEM></CHANNEL>'],
    ['a lower-case CDF channel', '<channel href="http://cdf.example.com/"><title>Old Push</title></channel>'],
  ])('refuses %s by name', async (_case, xml) => {
    await expect(parseFeed(xml, URL)).rejects.toThrow(new FeedParseError('unsupported format (CDF)'));
  });
});

describe('a document with two <channel>s', () => {
  it('keeps the items of both, their inline markup too, under the first channel’s title', async () => {
    // A CMS template that closes the channel after the top stories and opens another for sport.
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Valley Gazette</title>
<link>https://gazette.example.com/</link>
<item><title>Road closed at the ford</title><link>https://gazette.example.com/ford</link><description><p>Until <b>Monday</b>.</p></description></item>
</channel>
<channel>
<title>Valley Gazette: sport</title>
<link>https://gazette.example.com/sport/</link>
<item><title>Cup final tickets</title><link>https://gazette.example.com/sport/cup</link><description><p>On sale <i>now</i>.</p></description></item>
</channel>
</rss>`;
    const feed = await parseFeed(xml, 'https://gazette.example.com/rss');
    expect(feed.title).toBe('Valley Gazette');
    expect(feed.items.map((item) => [item.title, item.link, item.summaryHtml])).toEqual([
      ['Road closed at the ford', 'https://gazette.example.com/ford', '<p>Until <b>Monday</b>.</p>'],
      ['Cup final tickets', 'https://gazette.example.com/sport/cup', '<p>On sale <i>now</i>.</p>'],
    ]);
  });
});
