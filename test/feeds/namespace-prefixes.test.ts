// Extension elements read by their namespace, not by the prefix a document happens to bind it to:
// .NET's SyndicationFeed writes Atom inside RSS as a10:, other generators bind Dublin Core,
// content and Media RSS to prefixes of their own, or declare them on the element that uses them.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const FEED_URL = 'https://news.example.net/feeds/latest';

describe('extension elements under prefixes of their own', () => {
  it(".NET SyndicationFeed's a10: Atom elements give the item its link and date", async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<rss xmlns:a10="http://www.w3.org/2005/Atom" version="2.0">
  <channel>
    <title>Harbour Authority notices</title>
    <link>https://harbour.example.net/</link>
    <description>Notices to mariners</description>
    <item>
      <guid isPermaLink="false">notice-2291</guid>
      <title>Dredging in the north channel</title>
      <description>The north channel is closed to vessels over 20 m from Monday.</description>
      <a10:link href="https://harbour.example.net/notices/2291" />
      <a10:updated>2024-09-12T07:30:00+02:00</a10:updated>
    </item>
  </channel>
</rss>`;
    const [item] = (await parseFeed(xml, FEED_URL)).items;
    expect(item?.link).toBe('https://harbour.example.net/notices/2291');
    expect(item?.publishedAt).toBe(Date.parse('2024-09-12T05:30:00Z'));
  });

  it('Dublin Core, content and Media RSS bound to other prefixes, one declared on its element', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dcel="http://purl.org/dc/elements/1.1/" xmlns:mrss="http://search.yahoo.com/mrss">
  <channel>
    <title>Field Notes</title>
    <link>https://fieldnotes.example.org/</link>
    <item>
      <title>Counting terns on the spit</title>
      <link>https://fieldnotes.example.org/terns</link>
      <dcel:creator>Ines Okafor</dcel:creator>
      <dcel:date>2024-06-03T18:00:00Z</dcel:date>
      <description>Forty-one pairs this year.</description>
      <c:encoded xmlns:c="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>Forty-one pairs this year, up from thirty.</p><p>The colony has moved east.</p>]]></c:encoded>
      <mrss:thumbnail url="https://fieldnotes.example.org/img/terns.jpg" />
    </item>
  </channel>
</rss>`;
    const [item] = (await parseFeed(xml, FEED_URL)).items;
    expect(item?.author).toBe('Ines Okafor');
    expect(item?.publishedAt).toBe(Date.parse('2024-06-03T18:00:00Z'));
    expect(item?.contentHtml).toContain('The colony has moved east.');
    expect(item?.imageUrl).toBe('https://fieldnotes.example.org/img/terns.jpg');
  });
});
