// RSS's and Atom's own elements written in another case: XML says <pubDate> and <entry>, but
// hand-written feeds and templates write <pubdate>, <PubDate>, <Entry>, or every name capitalized,
// and readers show those items with their title, link and date.
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

describe("Atom's elements in another case", () => {
  it('a template that capitalizes every name keeps its entries, titles, links, dates, authors and inline text', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Feed xmlns="http://www.w3.org/2005/Atom">
  <Title>Harbourside Rowing Club</Title>
  <Link href="https://rowing.example.org/"/>
  <Id>urn:uuid:7d0c1b52-rowing-news</Id>
  <Updated>2024-09-02T07:15:00Z</Updated>
  <Entry>
    <Title>Autumn regatta entries</Title>
    <Link rel="alternate" href="https://rowing.example.org/news.asp?id=318"/>
    <Id>urn:uuid:7d0c1b52-318</Id>
    <Published>2024-09-02T07:15:00Z</Published>
    <Updated>2024-09-02T07:15:00Z</Updated>
    <Author><Name>Club secretary</Name></Author>
    <Content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Entries close on <b>Friday</b>.</p></div></Content>
  </Entry>
  <Entry>
    <Title>New boat shed keys</Title>
    <Link rel="alternate" href="https://rowing.example.org/news.asp?id=317"/>
    <Id>urn:uuid:7d0c1b52-317</Id>
    <Updated>2024-08-29T18:30:00Z</Updated>
    <Summary>Collect yours from the bar.</Summary>
  </Entry>
</Feed>`;
    const feed = await parseFeed(xml, 'https://rowing.example.org/atom.xml');
    expect(feed.title).toBe('Harbourside Rowing Club');
    expect(feed.items.map((item) => [item.title, item.link, item.publishedAt ?? item.updatedAt, item.author])).toEqual([
      ['Autumn regatta entries', 'https://rowing.example.org/news.asp?id=318', Date.parse('2024-09-02T07:15:00Z'), 'Club secretary'],
      ['New boat shed keys', 'https://rowing.example.org/news.asp?id=317', Date.parse('2024-08-29T18:30:00Z'), null],
    ]);
    expect(feed.items[0]?.contentHtml).toBe('<p>Entries close on <b>Friday</b>.</p>');
    expect(feed.items[1]?.summaryHtml).toContain('Collect yours from the bar.');
  });

  it('an old hand-written <RSS version="0.91"> in capitals is read as RSS', async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>
<RSS version="0.91">
<CHANNEL>
<TITLE>Harbourside Rowing Club</TITLE>
<LINK>https://rowing.example.org/</LINK>
<ITEM><TITLE>Winter training starts</TITLE><LINK>https://rowing.example.org/winter.html</LINK></ITEM>
</CHANNEL>
</RSS>`;
    const feed = await parseFeed(xml, 'https://rowing.example.org/rss.xml');
    expect([feed.title, ...feed.items.map((item) => `${item.title} ${item.link}`)]).toEqual(['Harbourside Rowing Club', 'Winter training starts https://rowing.example.org/winter.html']);
  });
});
