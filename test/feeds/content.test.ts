// Where an item's text and addresses hide in real feeds: unescaped markup, the content elements
// besides content:encoded, xml:base, base64 Atom constructs and empty Atom links.
import { describe, expect, it } from 'vitest';
import { sanitizeFeedItem } from '../../electron/core/articles';
import { parseFeed } from '../../electron/core/feeds';
import { ingestFeed } from '../../electron/core/workers/tasks';

const URL = 'https://content.example.org/feed';
const rssItem = (inner: string, attrs = '') =>
  `<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel${attrs}><title>C</title><item><title>T</title><link>https://content.example.org/posts/1</link>${inner}</item></channel></rss>`;
const first = async (xml: string) => (await parseFeed(xml, URL)).items[0]!;

describe('unescaped markup and the content elements', () => {
  it.each([
    ['a description in unescaped HTML', '<description><p>Hello <b>world</b>, again.</p><p>Second <a href="/x">link</a>.</p></description>', 'summaryHtml', '<p>Hello <b>world</b>, again.</p><p>Second <a href="/x">link</a>.</p>'],
    ['text around child elements', '<description>Before <em>middle</em> after</description>', 'summaryHtml', 'Before <em>middle</em> after'],
    ['RSS <body> in the XHTML namespace', '<body xmlns="http://www.w3.org/1999/xhtml"><p>Full <strong>body</strong> text.</p></body>', 'contentHtml', '<p>Full <strong>body</strong> text.</p>'],
    ['<xhtml:body>', '<xhtml:body><xhtml:p>Prefixed <xhtml:i>body</xhtml:i>.</xhtml:p></xhtml:body>', 'contentHtml', '<p>Prefixed <i>body</i>.</p>'],
    ['<fullitem> as escaped HTML', '<fullitem>&lt;p&gt;The whole story.&lt;/p&gt;</fullitem>', 'contentHtml', '<p>The whole story.</p>'],
    ['content:encoded before <body>', '<content:encoded><![CDATA[<p>Encoded</p>]]></content:encoded><body xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></body>', 'contentHtml', '<p>Encoded</p>'],
  ] as const)('reads %s', async (_case, inner, field, expected) => {
    expect((await first(rssItem(inner)))[field]).toBe(expected);
  });

  it('keeps a title with unescaped markup whole, in order', async () => {
    const item = await first(rssItem('').replace('<title>T</title>', '<title>The <b>bold</b> and the <i>brave</i></title>'));
    expect(item.title).toBe('The bold and the brave');
  });
});

describe('xml:base', () => {
  // Items are stored raw with the base their addresses resolve against, and sanitized against it when read.
  const readableHtml = async (xml: string) => {
    const item = (await ingestFeed(xml, URL, 1)).items[0]!;
    return sanitizeFeedItem(item.feedHtml, item.feedBase!);
  };

  it.each([
    ['on the channel', rssItem('<description>&lt;img src="pics/a.jpg"&gt;</description>', ' xml:base="https://cdn.example.org/blog/"'), 'https://cdn.example.org/blog/pics/a.jpg'],
    ['on the item', rssItem('<description>&lt;img src="pics/a.jpg"&gt;</description>').replace('<item>', '<item xml:base="https://static.example.org/2024/">'), 'https://static.example.org/2024/pics/a.jpg'],
    ['on the content element, relative to an outer one', rssItem('<content:encoded xml:base="img/">&lt;img src="a.jpg"&gt;</content:encoded>', ' xml:base="https://cdn.example.org/"'), 'https://cdn.example.org/img/a.jpg'],
    [
      'on an Atom entry',
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.org/x/"><title>A</title><entry><id>e1</id><title>E</title><link href="https://elsewhere.example.net/post"/><content type="html">&lt;img src="m/a.png"&gt;</content></entry></feed>',
      'https://atom.example.org/x/m/a.png',
    ],
  ])('resolves relative content addresses %s, not against the link', async (_case, xml, expected) => {
    expect(await readableHtml(xml)).toContain(expected);
  });

  it('leaves feeds without xml:base resolving against the item link', async () => {
    expect(await readableHtml(rssItem('<description>&lt;img src="pics/a.jpg"&gt;</description>'))).toContain('https://content.example.org/posts/pics/a.jpg');
  });
});

describe('Atom constructs and links', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const atom = (entry: string) => `<feed xmlns="http://purl.org/atom/ns#" version="0.3"><title>Old Atom</title><entry>${entry}</entry></feed>`;

  it.each([
    ['base64 HTML content', `<id>a</id><content type="text/html" mode="base64">${b64('<p>Décodé &amp; shown</p>')}</content>`, 'contentHtml', '<p>Décodé &amp; shown</p>'],
    ['a base64 title', `<id>a</id><title type="text/plain" mode="base64">${b64('Grüße aus Köln')}</title>`, 'title', 'Grüße aus Köln'],
    ['base64 plain text summary', `<id>a</id><summary type="text/plain" mode="base64">${b64('Plain & simple')}</summary>`, 'summaryHtml', '<p>Plain &amp; simple</p>'],
  ] as const)('decodes %s', async (_case, entry, field, expected) => {
    expect((await first(atom(entry)))[field]).toBe(expected);
  });

  it.each([
    ['an empty <link/> and a URL-valued id', '<id>https://atom.example.org/2024/post</id><link/>', 'https://atom.example.org/2024/post'],
    ['an empty href and another alternate link', '<id>tag:x,2024:1</id><link rel="alternate" href=""/><link rel="alternate" type="text/html" href="https://atom.example.org/real"/>', 'https://atom.example.org/real'],
    ['a link written as text', '<id>tag:x,2024:2</id><link>https://atom.example.org/text-link</link>', 'https://atom.example.org/text-link'],
  ])('finds the page with %s', async (_case, entry, expected) => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry>${entry}<title>E</title></entry></feed>`;
    expect((await first(xml)).link).toBe(expected);
  });

  it('does not take a tag: id for a link', async () => {
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>tag:x,2024:3</id><link/><title>E</title></entry></feed>';
    expect((await first(xml)).link).toBeNull();
  });
});

describe('deeply nested markup', () => {
  it('reads a description nested 20,000 tags deep instead of overflowing the stack', async () => {
    const deep = `${'<b>'.repeat(20_000)}deep text${'</b>'.repeat(20_000)}`;
    const feed = await parseFeed(`<rss version="2.0"><channel><title>Deep</title><item><description>${deep}</description></item></channel></rss>`, URL);
    expect(feed.items[0]?.title).toBe('deep text');
  });
});
