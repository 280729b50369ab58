// Descriptions written as plain text, and summaries written as HTML. Feeds fill RSS <description>
// and JSON Feed's summary with either, without saying which: Bluesky, arXiv and bridges write
// text with line breaks there, Hugo and Ghost templates put an HTML excerpt in a JSON summary.
// Read through the sync's path (ingestFeed), the article shows the text's paragraphs and line
// breaks, and the HTML as HTML, as Feedly and NetNewsWire show them.
import { describe, expect, it } from 'vitest';
import { sanitizeFeedItem } from '../../electron/core/articles';
import { parseFeed } from '../../electron/core/feeds';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { fixtureText } from '../support/fixtures';

/** The articles as the list and the reader show them: the feed's body, sanitized against its base. */
async function articles(text: string, feedUrl: string) {
  const feed = await ingestFeed(text, feedUrl, 1);
  return feed.items.map((item) => ({ ...item, html: item.feedBase ? sanitizeFeedItem(item.feedHtml, item.feedBase) : '' }));
}

describe('a Bluesky profile feed', () => {
  const feedUrl = 'https://bsky.app/profile/rosa.tidepools.example/rss';

  it("keeps a post's paragraphs and line breaks, its '<3' and its address as a link", async () => {
    const [post] = await articles(fixtureText('feeds/bluesky-profile.xml'), feedUrl);
    expect(post?.html).toContain('<p>Low tide at 06:12 tomorrow.<br />Bring boots, not sandals.</p>');
    expect(post?.html).toMatch(
      /<p>Anemones &lt;3 and a hermit crab that moved house twice while I watched: <a href="https:\/\/tidepools\.example\/notes\/hermit-crab"[^>]*>https:\/\/tidepools\.example\/notes\/hermit-crab<\/a><\/p>/,
    );
    // The untitled post is named by its first sentence (untitled-title.ts).
    expect(post?.title).toBe('Low tide at 06:12 tomorrow.');
  });

  it('keeps a one-line post as the feed wrote it, so stored posts do not all come back as edited', async () => {
    const feed = await parseFeed(fixtureText('feeds/bluesky-profile.xml'), feedUrl);
    expect(feed.items[1]?.summaryHtml).toBe('Counted 41 sea stars on the transect today. Last May: 12.');
  });
});

describe('an arXiv listing', () => {
  it("keeps the abstract on its own line, and a '<' in it as text", async () => {
    const [paper] = await articles(fixtureText('feeds/arxiv-listing.xml'), 'http://rss.arxiv.org/rss/physics.ao-ph');
    // arXiv ends the first line with a space.
    expect(paper?.html).toContain('<p>arXiv:2405.07101v1 Announce Type: new <br />Abstract: We locate tidal mixing fronts where h/u^3 crosses a threshold, and show that fronts with a &lt; b move twice as far.</p>');
  });
});

describe('a plain-text description with entities', () => {
  it('decodes them, as WordPress excerpts need, and keeps the line breaks', async () => {
    const rss = `<rss version="2.0"><channel><title>Quay Notes</title><item><title>Ferry times</title><link>https://quay.example.org/ferry</link><description>The ferry&#8217;s summer times start on Monday.
Tickets &amp;amp; passes at the kiosk [&#8230;]</description></item></channel></rss>`;
    const [item] = await articles(rss, 'https://quay.example.org/feed/');
    expect(item?.html).toBe('<p>The ferry’s summer times start on Monday.<br />Tickets &amp; passes at the kiosk […]</p>');
  });

  it('reads a description made only of block tags as HTML', async () => {
    const rss = '<rss version="2.0"><channel><title>Changes</title><item><title>v2</title><link>https://tool.example.org/v2</link><description>&lt;ul&gt;\n&lt;li&gt;Faster sync&lt;/li&gt;\n&lt;/ul&gt;</description></item></channel></rss>';
    const [item] = await articles(rss, 'https://tool.example.org/feed');
    expect(item?.html).toContain('<li>Faster sync</li>');
    expect(item?.html).not.toContain('&lt;li');
  });
});

describe('a JSON Feed summary written as HTML', () => {
  const feedUrl = 'https://notes.example.org/index.json';
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Tide Notes',
    home_page_url: 'https://notes.example.org/',
    feed_url: feedUrl,
    items: [
      {
        id: 'https://notes.example.org/posts/spring-tides/',
        url: 'https://notes.example.org/posts/spring-tides/',
        title: 'Why spring tides are not about spring',
        summary: '<p>The <em>spring</em> in spring tide means a <a href="/posts/moon/">rising</a>.</p>\n<p>Read on.</p>',
        date_published: '2024-05-14T09:00:00+02:00',
      },
      {
        id: 'https://notes.example.org/posts/neap/',
        url: 'https://notes.example.org/posts/neap/',
        title: 'Neap tides',
        summary: '<p>The smallest <strong>range</strong></p>',
        content_html: '<p>Neap tides come a week after spring tides.</p>',
        date_published: '2024-05-13T09:00:00+02:00',
      },
    ],
  });

  it('shows it as HTML in the article and as text in the list', async () => {
    const [spring, neap] = await articles(json, feedUrl);
    expect(spring?.html).toMatch(/<p>The <em>spring<\/em> in spring tide means a <a href="https:\/\/notes\.example\.org\/posts\/moon\/"[^>]*>rising<\/a>\.<\/p>/);
    expect(spring?.snippet).toBe('The spring in spring tide means a rising. Read on.');
    expect(neap?.snippet).toBe('The smallest range');
  });
});

describe('a description escaped twice', () => {
  const feedUrl = 'https://tips.example.org/feed/';
  const rss = (description: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Tips</title><link>https://tips.example.org/</link><item><title>Tip</title><link>https://tips.example.org/1</link><description>${description}</description></item></channel></rss>`;

  it('shows its paragraphs and bold words, not their tags as words (a CMS escaping an escaped field)', async () => {
    const [item] = await articles(rss('&amp;lt;p&amp;gt;Use the &amp;lt;b&amp;gt;ferry&amp;lt;/b&amp;gt; after six.&amp;lt;/p&amp;gt;'), feedUrl);
    expect(item?.html).toContain('<p>Use the <b>ferry</b> after six.</p>');
    expect(item?.snippet).toBe('Use the ferry after six.');
  });

  it('shows a full text escaped inside its CDATA, or escaped twice in Atom and JSON Feed, as HTML too', async () => {
    const body = '&lt;p&gt;Use the &lt;b&gt;ferry&lt;/b&gt; after six.&lt;/p&gt;';
    const cdata = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tips</title><link>https://tips.example.org/</link><item><title>Tip</title><link>https://tips.example.org/1</link><description>Ferry tip.</description><content:encoded><![CDATA[${body}]]></content:encoded></item></channel></rss>`;
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Tips</title><entry><id>tag:tips.example.org,2026:1</id><title>Tip</title><link href="https://tips.example.org/1"/><updated>2026-12-03T10:00:00Z</updated><content type="html">${body.replace(/&/g, '&amp;')}</content></entry></feed>`;
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Tips', items: [{ id: '1', url: 'https://tips.example.org/1', title: 'Tip', content_html: body }] });
    for (const document of [cdata, atom, json]) {
      const [item] = await articles(document, feedUrl);
      expect(item?.html).toContain('<p>Use the <b>ferry</b> after six.</p>');
    }
  });

  it('leaves text that only names a tag as text, the tag shown', async () => {
    const [item] = await articles(rss('Use &amp;lt;details&amp;gt; for an accordion, not a script.'), feedUrl);
    expect(item?.snippet).toBe('Use <details> for an accordion, not a script.');
    const [opening] = await articles(rss('&amp;lt;div&amp;gt; or &amp;lt;section&amp;gt;? It depends on the outline.'), feedUrl);
    expect(opening?.snippet).toBe('<div> or <section>? It depends on the outline.');
  });
});
