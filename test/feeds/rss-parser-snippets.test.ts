// rss-parser makes a plain-text snippet of every RSS description and content:encoded and of every
// Atom content it walks (two regular-expression passes over the HTML, then entity decoding: three
// copies of the post). Paperboy reads the items from the tree (rss.ts, atom.ts), never that
// snippet: a cold sync of full-content feeds (posts of 2-10 KB) spent some 6 % of its feed
// ingest making them. The texts are hidden from rss-parser whatever their length, and the items
// keep every word of them.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFeed } from '../../electron/core/feeds/parse';

/** rss-parser's helpers: the module its parser calls getSnippet on (the same instance, by require's cache). */
const rssUtils = createRequire(import.meta.url)('rss-parser/lib/utils') as { getSnippet: (html: string) => string };

afterEach(() => {
  vi.restoreAllMocks();
});

const PARAGRAPHS = [
  'The council met on Tuesday evening to agree the harbour budget, after a debate that ran past ten.',
  '“We have waited three winters for the breakwater,” said Maria O’Neill, who chairs the residents’ group.',
  'The ferry timetable changes on 1&nbsp;March; the 07:15 sailing moves to 07:40 &amp; the late boat is cut.',
];
/** A post as WordPress's editor writes it: a captioned lead picture, paragraphs, a link, about 2 KB. */
const POST = `<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="576" src="https://harbour.example/wp-content/uploads/2025/12/breakwater-1024x576.jpg" alt="The breakwater at low tide" class="wp-image-4411" srcset="https://harbour.example/wp-content/uploads/2025/12/breakwater-1024x576.jpg 1024w, https://harbour.example/wp-content/uploads/2025/12/breakwater-300x169.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption class="wp-element-caption">The breakwater at low tide (Photo: Ana Ruiz)</figcaption></figure>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
<p>Read the <a href="https://harbour.example/budget-2026/">full budget</a> on the council’s site.</p>
${[...PARAGRAPHS, ...PARAGRAPHS].map((p) => `<p>${p}</p>`).join('\n')}`;

const SUMMARY = 'The council agreed the harbour budget on Tuesday […]';

function wordpressFeed(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour notes</title><link>https://harbour.example/</link><description>Notes from the harbour</description>
<item><title>Harbour budget agreed</title><link>https://harbour.example/budget-agreed/</link>
<dc:creator><![CDATA[Ana Ruiz]]></dc:creator><pubDate>Tue, 02 Dec 2025 21:40:00 +0000</pubDate>
<guid isPermaLink="false">https://harbour.example/?p=4410</guid>
<description><![CDATA[${SUMMARY}]]></description>
<content:encoded><![CDATA[${POST}]]></content:encoded></item>
</channel></rss>`;
}

/** As Blogger writes it: escaped HTML in typed content, with attributes (xml2js gives it an `_` text). */
function bloggerFeed(): string {
  const escaped = POST.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'>
<id>tag:blogger.com,1999:blog-1</id><updated>2025-12-02T21:40:00.000Z</updated><title type='text'>Harbour notes</title>
<link rel='alternate' type='text/html' href='https://harbour.example/'/>
<entry><id>tag:blogger.com,1999:blog-1.post-4410</id><published>2025-12-02T21:40:00.000Z</published><updated>2025-12-02T21:40:00.000Z</updated>
<title type='text'>Harbour budget agreed</title><summary type='text'>${SUMMARY}</summary><content type='html'>${escaped}</content>
<link rel='alternate' type='text/html' href='https://harbour.example/2025/12/budget-agreed.html' title='Harbour budget agreed'/>
<author><name>Ana Ruiz</name></author></entry></feed>`;
}

describe('the items rss-parser walks', () => {
  it('keeps a WordPress post of 2 KB whole, without rss-parser making a snippet of it', async () => {
    expect(POST.length).toBeGreaterThan(1500);
    expect(POST.length).toBeLessThan(4096);
    const snippets = vi.spyOn(rssUtils, 'getSnippet');
    const feed = await parseFeed(wordpressFeed(), 'https://harbour.example/feed/');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.contentHtml).toBe(POST);
    expect(feed.items[0]!.summaryHtml).toBe(SUMMARY);
    expect(feed.items[0]!.title).toBe('Harbour budget agreed');
    expect(snippets.mock.calls.filter(([html]) => html.length > 1)).toEqual([]);
  });

  it('keeps a Blogger post of escaped HTML whole, without rss-parser making a snippet of it', async () => {
    const snippets = vi.spyOn(rssUtils, 'getSnippet');
    const feed = await parseFeed(bloggerFeed(), 'https://harbour.example/feeds/posts/default');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.contentHtml).toBe(POST);
    expect(feed.items[0]!.link).toBe('https://harbour.example/2025/12/budget-agreed.html');
    expect(feed.items[0]!.publishedAt).toBe(Date.parse('2025-12-02T21:40:00Z'));
    expect(snippets.mock.calls.filter(([html]) => html.length > 1)).toEqual([]);
  });
});
