// Feeds written by hand or by templates with HTML's habits, which a strict XML parse refused
// whole: an unescaped description with <br> and <img> left open, or its paragraphs and list items
// left open, a title written with inline HTML, and an end tag in another case than its start tag. Readers with a loose parser show them; so does Paperboy, every item kept.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';
import { ingestFeed } from '../../electron/core/workers/tasks';

const FEED_URL = 'https://allotments.example.org/rss.xml';

describe("a feed written with HTML's habits", () => {
  it('an inline description with an open <br> and <img> keeps its items, its lines and its picture', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Eastfield Allotments</title>
<link>https://allotments.example.org/</link>
<item>
<title>Seed swap on Saturday</title>
<link>https://allotments.example.org/news/seed-swap</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
<description>Bring your spare seeds to the hut.<br>Tea from ten o'clock.<br>
<img src="https://allotments.example.org/pics/seeds.jpg" alt="Seed packets"></description>
</item>
<item>
<title>Water is back on</title>
<link>https://allotments.example.org/news/water</link>
<pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
<description>The taps on the east side work again.</description>
</item>
</channel>
</rss>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.items.map((item) => item.title)).toEqual(['Seed swap on Saturday', 'Water is back on']);
    expect(feed.items[0]?.summaryHtml).toMatch(/^Bring your spare seeds to the hut\.<br ?\/?>Tea from ten o'clock\./);
    expect(feed.items[0]?.summaryHtml).toContain('<img src="https://allotments.example.org/pics/seeds.jpg" alt="Seed packets"');
  });

  it('a title written with inline HTML, its <b> left open, keeps the feed, every item and the words', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Eastfield <i>Allotments</i></title>
<link>https://allotments.example.org/</link>
<item>
<title>Seed swap <b>this Saturday</title>
<link>https://allotments.example.org/news/seed-swap</link>
<description>Bring your spare seeds to the hut.</description>
</item>
<item>
<title>Water is <em>back</em> on</title>
<link>https://allotments.example.org/news/water</link>
<description>The taps on the east side work again.</description>
</item>
</channel>
</rss>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.title).toBe('Eastfield Allotments');
    expect(feed.items.map((item) => item.title)).toEqual(['Seed swap this Saturday', 'Water is back on']);
    expect(feed.items[1]?.summaryHtml).toBe('The taps on the east side work again.');
  });

  it('a date whose end tag is in another case than its start tag keeps the feed and the date', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Eastfield Allotments</title>
<link>https://allotments.example.org/</link>
<item>
<title>Plot inspections next week</title>
<link>https://allotments.example.org/news/inspections</link>
<pubDate>Fri, 01 Mar 2024 12:00:00 GMT</pubdate>
</item>
</channel>
</rss>`;
    const [item] = (await parseFeed(xml, FEED_URL)).items;
    expect(item?.title).toBe('Plot inspections next week');
    expect(item?.publishedAt).toBe(Date.parse('2024-03-01T12:00:00Z'));
  });

  it('an inline description whose paragraphs and list items are left open keeps its items and its text', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Eastfield Allotments</title>
<link>https://allotments.example.org/</link>
<item>
<title>Spring work party</title>
<link>https://allotments.example.org/news/work-party</link>
<pubDate>Sat, 16 Mar 2024 09:00:00 GMT</pubDate>
<description><p>We meet at the gate at nine.<p>Please bring:<ul><li>gloves<li>a spade</ul></description>
</item>
<item>
<title>Compost delivery</title>
<link>https://allotments.example.org/news/compost</link>
<pubDate>Thu, 14 Mar 2024 09:00:00 GMT</pubDate>
<description>Twenty bags arrive on Thursday.</description>
</item>
</channel>
</rss>`;
    const feed = await ingestFeed(xml, FEED_URL, 1);
    expect(feed.items.map((item) => item.title)).toEqual(['Spring work party', 'Compost delivery']);
    expect(feed.items[0]?.feedText).toMatch(/^We meet at the gate at nine\.\s+Please bring:\s+gloves\s+a spade$/);
  });
});
