// Entities as hand-made feeds write them: HTML named entities sax knows, and bare ampersands
// (AT&T, query strings) that a strict XML parser refuses but every reader forgives.
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../electron/core/feeds';

const URL = 'https://entities.example.org/feed';
const rss = (title: string, link = 'https://entities.example.org/1') => `<rss version="2.0"><channel><title>E</title><item><title>${title}</title><link>${link}</link></item></channel></rss>`;

describe('entities and bare ampersands', () => {
  it.each([
    ['a bare ampersand in a title', rss('AT&T results'), 'AT&T results', 'https://entities.example.org/1'],
    ['a bare ampersand in a query string', rss('Query', 'https://entities.example.org/?id=1&page=2'), 'Query', 'https://entities.example.org/?id=1&page=2'],
    ['a spaced ampersand beside a real entity', rss('Tom & Jerry &amp; friends'), 'Tom & Jerry & friends', 'https://entities.example.org/1'],
    ['HTML named entities', rss('Caf&eacute; &ndash; &ldquo;open&rdquo;'), 'Café – “open”', 'https://entities.example.org/1'],
    ['a bare ampersand beside a character reference', rss('R&D &#8217;24'), 'R&D ’24', 'https://entities.example.org/1'],
    ['an ampersand inside CDATA while another is bare', rss('<![CDATA[Fish &amp; chips]]> & peas', '<![CDATA[https://entities.example.org/?a=1&b=2]]>'), 'Fish & chips & peas', 'https://entities.example.org/?a=1&b=2'],
  ])('reads %s', async (_case, xml, title, link) => {
    const item = (await parseFeed(xml, URL)).items[0];
    expect([item?.title, item?.link]).toEqual([title, link]);
  });

  it('still refuses an entity nobody declared', async () => {
    await expect(parseFeed(rss('&nosuch; & more'), URL)).rejects.toThrow(FeedParseError);
  });
});
