// Entities as hand-made feeds write them: HTML named entities sax knows, and bare ampersands
// (AT&T, query strings) and less-than signs ("< 5%") that a strict XML parser refuses but every
// reader forgives.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

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

  it.each([
    ['a spaced less-than in a title', rss('Rates stay < 5% & falling'), 'Rates stay < 5% & falling'],
    ['a heart and a less-or-equal', rss('We <3 maps, x <= 2'), 'We <3 maps, x <= 2'],
    ['a stray less-than beside CDATA that holds one too', rss('<![CDATA[a < b]]> and c < d'), 'a < b and c < d'],
  ])('reads %s as the text written, rather than refusing the feed', async (_case, xml, title) => {
    expect((await parseFeed(xml, URL)).items[0]?.title).toBe(title);
  });

  it('still refuses a feed whose stray less-than opens what reads as a tag', async () => {
    await expect(parseFeed(rss('a <b c'), URL)).rejects.toThrow(/malformed XML/);
  });

  it('reads an entity nobody declared (a typo) as the text it is, as browsers do, rather than refusing the feed', async () => {
    expect((await parseFeed(rss('&nosuch; & more'), URL)).items[0]?.title).toBe('&nosuch; & more');
  });
});

// Markup written inline (not escaped, not CDATA) is read from a DOM of the document (markup.ts),
// whose XML parser knows only XML's five entities: the HTML ones must read as they do in text.
describe('HTML entities in inline markup', () => {
  const item = (inner: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hand made</title><item><title>Opening</title><link>https://entities.example.org/cafe</link>${inner}</item></channel></rss>`;
  const entry = (inner: string) =>
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><id>x</id><entry><id>x1</id><updated>2024-03-05T10:00:00Z</updated>${inner}</entry></feed>`;
  const div = (markup: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${markup}</div>`;

  it('decodes them in an RSS description written as HTML', async () => {
    const xml = item('<description><p>Caf&eacute; opening&nbsp;&mdash; it&rsquo;s &ldquo;great&rdquo; &amp; cheap&hellip;</p><p>Second <b title="&Eacute;t&eacute;">para</b> &copy; 2024</p></description>');
    const parsed = (await parseFeed(xml, URL)).items[0];
    expect(parsed?.summaryHtml).toBe('<p>Café opening&#160;— it’s “great” &amp; cheap…</p><p>Second <b title="Été">para</b> © 2024</p>');
  });

  it('decodes them in Atom xhtml titles, content and summaries', async () => {
    const xml = entry(
      `<title type="xhtml">${div('It&rsquo;s a <em>caf&eacute;</em>')}</title><summary type="xhtml">${div('Short&nbsp;&ndash; <b>sweet</b>')}</summary>` +
        `<content type="xhtml">${div('<p>It&rsquo;s &ldquo;xhtml&rdquo;&nbsp;&mdash; fine &#8230; &amp; &lt;ok&gt;</p>')}</content>`,
    );
    const parsed = (await parseFeed(xml, URL)).items[0];
    expect([parsed?.title, parsed?.summaryHtml, parsed?.contentHtml]).toEqual([
      'It’s a café',
      'Short&#160;– <b>sweet</b>',
      '<p>It’s “xhtml”&#160;— fine … &amp; &lt;ok&gt;</p>',
    ]);
  });

  it('leaves an entity inside a CDATA section as the text it is', async () => {
    const parsed = (await parseFeed(item('<description><p>Write <![CDATA[&eacute;]]> for &eacute;</p></description>'), URL)).items[0];
    expect(parsed?.summaryHtml).toBe('<p>Write &amp;eacute; for é</p>');
  });

  it('reads an undeclared entity in inline markup as its text', async () => {
    expect((await parseFeed(item('<description><p>Caf&nosuch;</p></description>'), URL)).items[0]?.summaryHtml).toBe('<p>Caf&amp;nosuch;</p>');
  });
});
