// RSS's own elements written in another case: XML says <pubDate>, but hand-written feeds and
// templates write <pubdate>, <PubDate>, or every name capitalized, and readers show those items
// with their title, link and date.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const FEED_URL = 'https://parish.example.org/news.xml';

describe("RSS's elements in another case", () => {
  it('a hand-written feed with <pubdate> in lower case keeps its dates', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>St Brigid's parish news</title>
<link>https://parish.example.org/</link>
<item>
<title>Harvest supper moved to the hall</title>
<link>https://parish.example.org/news/harvest-supper.html</link>
<pubdate>Fri, 27 Sep 2024 16:00:00 +0100</pubdate>
<description>Because of the roof repairs, the supper is in the hall this year.</description>
</item>
</channel>
</rss>`;
    const [item] = (await parseFeed(xml, FEED_URL)).items;
    expect(item?.publishedAt).toBe(Date.parse('2024-09-27T15:00:00Z'));
  });

  it('a template that capitalizes every name keeps its items, titles, links, dates and inline text', async () => {
    const xml = `<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0">
  <Channel>
    <Title>Lakeside Rowing Club</Title>
    <Link>https://rowing.example.org/</Link>
    <Description>Club news</Description>
    <Item>
      <Title>Regatta entries close Friday</Title>
      <Link>https://rowing.example.org/news.asp?id=318</Link>
      <PubDate>Mon, 02 Sep 2024 09:00:00 GMT</PubDate>
      <Description><p>Entries for the autumn regatta close on <b>Friday</b>.</p></Description>
    </Item>
    <Item>
      <Title>New boat shed keys</Title>
      <Link>https://rowing.example.org/news.asp?id=317</Link>
      <PubDate>Thu, 29 Aug 2024 18:30:00 GMT</PubDate>
    </Item>
  </Channel>
</rss>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.title).toBe('Lakeside Rowing Club');
    expect(feed.items.map((item) => [item.title, item.link, item.publishedAt])).toEqual([
      ['Regatta entries close Friday', 'https://rowing.example.org/news.asp?id=318', Date.parse('2024-09-02T09:00:00Z')],
      ['New boat shed keys', 'https://rowing.example.org/news.asp?id=317', Date.parse('2024-08-29T18:30:00Z')],
    ]);
    expect(feed.items[0]?.summaryHtml).toBe('<p>Entries for the autumn regatta close on <b>Friday</b>.</p>');
  });
});
