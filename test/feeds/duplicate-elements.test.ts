// An element written twice, the first time empty: templates that print a field from a setting the
// site never filled, then the real one (a theme's <link></link> before the plugin's link, an empty
// <pubDate/> before the filled date). Readers show the filled one, and so does Paperboy.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const FEED_URL = 'https://choir.example.org/feed/';

describe('an element written twice, the first time empty', () => {
  it('the item keeps the filled title, link, guid and date', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>Harbour Choir</title>
  <link>https://choir.example.org/</link>
  <item>
    <title></title>
    <title>Spring concert tickets on sale</title>
    <link></link>
    <link>https://choir.example.org/2024/03/spring-concert/</link>
    <guid isPermaLink="false"/>
    <guid isPermaLink="false">choir-post-812</guid>
    <pubDate></pubDate>
    <pubDate>Tue, 12 Mar 2024 19:30:00 +0000</pubDate>
    <description>Tickets for the spring concert are on sale at the library.</description>
  </item>
  <item>
    <title></title>
    <title>Rehearsal <em>moved</em> to Thursday</title>
    <link></link>
    <link>https://choir.example.org/2024/03/rehearsal/</link>
    <pubDate>Mon, 11 Mar 2024 09:00:00 +0000</pubDate>
  </item>
</channel>
</rss>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.items.map((item) => [item.title, item.link, item.guid, item.publishedAt])).toEqual([
      ['Spring concert tickets on sale', 'https://choir.example.org/2024/03/spring-concert/', 'choir-post-812', Date.parse('2024-03-12T19:30:00Z')],
      ['Rehearsal moved to Thursday', 'https://choir.example.org/2024/03/rehearsal/', null, Date.parse('2024-03-11T09:00:00Z')],
    ]);
  });
});
