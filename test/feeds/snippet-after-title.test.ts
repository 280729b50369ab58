// The article list shows a title and, under it, the opening of the text. A post with no title
// of its own (Mastodon's RSS has none) is named by its text's first words, and many feeds open
// the summary with the headline again: the row showed the same words twice.
import { describe, expect, it } from 'vitest';
import { ingestFeed } from '../../electron/core/workers/tasks';

// A Mastodon account's RSS (/@user.rss) as Mastodon 4 writes it: no <title>, the status as HTML.
const mastodon = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Harbour Watch</title>
    <description>Public posts from @harbourwatch@social.example</description>
    <link>https://social.example/@harbourwatch</link>
    <item>
      <guid isPermaLink="true">https://social.example/@harbourwatch/113501</guid>
      <link>https://social.example/@harbourwatch/113501</link>
      <pubDate>Thu, 03 Dec 2026 08:14:05 +0000</pubDate>
      <description>&lt;p&gt;The ferry to the islands is running again after two days of storms. The first crossing left at 7:40 with a full car deck, and the harbour master expects the timetable to be back to normal by Saturday.&lt;/p&gt;&lt;p&gt;&lt;a href="https://social.example/tags/ferry" class="mention hashtag" rel="tag"&gt;#&lt;span&gt;ferry&lt;/span&gt;&lt;/a&gt;&lt;/p&gt;</description>
    </item>
    <item>
      <guid isPermaLink="true">https://social.example/@harbourwatch/113502</guid>
      <link>https://social.example/@harbourwatch/113502</link>
      <pubDate>Thu, 03 Dec 2026 09:02:11 +0000</pubDate>
      <description>&lt;p&gt;Low tide at 12:06 today.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>`;

// A news site whose summaries open with the headline, and one whose one-word title only happens
// to be the summary's first word.
const news = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coast Gazette</title><link>https://gazette.example/</link><description>News</description>
  <item><title>Dredging agreed for the north channel</title><link>https://gazette.example/dredging</link><guid>https://gazette.example/?p=901</guid>
    <description>Dredging agreed for the north channel. The harbour board voted on Tuesday to dredge the channel before the summer season.</description></item>
  <item><title>Storms</title><link>https://gazette.example/storms</link><guid>https://gazette.example/?p=902</guid>
    <description>Storms closed the coast road twice this week, and the council says repairs will take a month.</description></item>
</channel></rss>`;

describe("an item's snippet under its title", () => {
  it('goes on from where the title taken from the text stops', async () => {
    const [long, short] = (await ingestFeed(mastodon, 'https://social.example/@harbourwatch.rss', 1)).items;
    expect(long!.title).toBe('The ferry to the islands is running again after two days of storms.');
    expect(long!.snippet).toMatch(/^The first crossing left at 7:40 with a full car deck, and the harbour master expects/);
    // The whole post is its title: nothing under it.
    expect(short!.title).toBe('Low tide at 12:06 today.');
    expect(short!.snippet).toBe('');
  });

  it('leaves out the headline a summary repeats, and keeps a short title that only opens it', async () => {
    const [dredging, storms] = (await ingestFeed(news, 'https://gazette.example/feed/', 1)).items;
    expect(dredging!.snippet).toBe('The harbour board voted on Tuesday to dredge the channel before the summer season.');
    expect(storms!.snippet).toBe('Storms closed the coast road twice this week, and the council says repairs will take a month.');
  });

  it("leaves out an aggregator's \"Headline - Publisher\", and names the publisher", async () => {
    // Google News: the title is "Headline - Publisher", the description the headline linked and the
    // publisher after two no-break spaces, then the other coverage, and <source> names the publisher.
    const story = (title: string, publisher: string, more: string) =>
      `<item><title>${title} - ${publisher}</title><link>https://news.google.com/rss/articles/CBMi${title.length}?oc=5</link><guid isPermaLink="false">CBMi${title.length}</guid>` +
      `<pubDate>Tue, 05 Mar 2024 16:45:00 GMT</pubDate><description>&lt;a href="https://news.google.com/rss/articles/CBMi?oc=5" target="_blank"&gt;${title}&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;${publisher}&lt;/font&gt;${more}</description>` +
      `<source url="https://www.${publisher.toLowerCase().replace(/ /g, '')}.example">${publisher}</source></item>`;
    const google = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><generator>NFE/5.0</generator><title>Top stories - Google News</title><link>https://news.google.com/</link><description>Google News</description>
      ${story('Rare comet visible to the naked eye this weekend', 'Science Daily Planet', '')}
      ${story('City council approves new bike lanes', 'The Riverside Ledger', '&lt;br&gt;&lt;a href="https://news.google.com/rss/articles/CBMiX?oc=5"&gt;Bike lane vote splits business owners&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;City Wire&lt;/font&gt;')}
    </channel></rss>`;
    const [comet, bikes] = (await ingestFeed(google, 'https://news.google.com/rss', 1)).items;
    expect(comet!.snippet).toBe('');
    expect(bikes!.snippet).toBe('Bike lane vote splits business owners City Wire');
    expect([comet!.author, bikes!.author]).toEqual(['Science Daily Planet', 'The Riverside Ledger']);
  });
});

// Medium's RSS opens nearly every post with a captioned picture, WordPress's with its image block.
const pictured = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tide Notes</title><link>https://medium.example/tide-notes</link><description>Stories</description>
  <item><title>What the tide gauge got wrong</title><link>https://medium.example/tide-notes/gauge-4f1c?source=rss</link><guid isPermaLink="false">https://medium.example/p/4f1c</guid>
    <content:encoded><![CDATA[<figure><img alt="" src="https://cdn.medium.example/max/1024/1*gauge.jpeg" /><figcaption>Photo by Ana Ruiz on Unsplash</figcaption></figure><p>For three days the gauge on the harbour wall read four centimetres high, and nobody noticed until the ferry grounded.</p>]]></content:encoded></item>
  <item><title>Harbour at dawn</title><link>https://blog.example/harbour-at-dawn</link><guid>https://blog.example/?p=77</guid>
    <content:encoded><![CDATA[<figure class="wp-block-image size-large"><img src="https://blog.example/dawn.jpg" alt="Boats at dawn"/><figcaption class="wp-element-caption">The boats come in before six.</figcaption></figure>]]></content:encoded></item>
  <item><title>Paint for the lighthouse</title><link>https://blog.example/paint</link><guid>https://blog.example/?p=78</guid>
    <content:encoded><![CDATA[<p>The board chose the red.</p><figure><img src="https://blog.example/red.jpg"/><figcaption>The red sample on the north wall.</figcaption></figure>]]></content:encoded></item>
</channel></rss>`;

describe('an item that opens with a captioned picture', () => {
  it("starts its snippet at the story's first words, and keeps the caption in its text", async () => {
    const { items } = await ingestFeed(pictured, 'https://medium.example/feed/tide-notes', 1);
    expect(items[0]!.snippet).toMatch(/^For three days the gauge on the harbour wall read four centimetres high/);
    expect(items[0]!.feedText).toContain('Photo by Ana Ruiz on Unsplash');
    // A picture and its caption alone: the caption is what the post says.
    expect(items[1]!.snippet).toBe('The boats come in before six.');
    // A caption after the first words is the story's own.
    expect(items[2]!.snippet).toBe('The board chose the red. The red sample on the north wall.');
  });
});
