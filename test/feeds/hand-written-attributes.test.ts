// Attributes as hand-written feeds and old templates write them, with HTML's habits: values
// without quotes (<guid isPermaLink=false>, <link rel=alternate href=http://...>), names in capitals
// (<enclosure URL="..." TYPE="audio/mpeg">), an <enclosure> left open, an attribute with no value
// (<enclosure ... length type=...>), attributes with no space between them (rel="alternate"href=).
// A strict parse refused the whole feed at the first unquoted value, valueless attribute or
// missing space, and read no episode or link from capitalised names; feedparser and libxml2's
// recovery read them as HTML does.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';
import { fixtureText } from '../support/fixtures';

describe('a hand-written podcast feed', () => {
  const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0">
<channel>
<title>Kitchen Table Radio</title>
<link>http://kitchentable.example.net/</link>
<description>Two friends, one table, every other Friday</description>
<item>
<title>Show 41: bread that takes three days</title>
<guid isPermaLink=false>http://kitchentable.example.net/shows/41</guid>
<pubDate>Fri, 01 Mar 2024 20:00:00 GMT</pubDate>
<enclosure URL="http://kitchentable.example.net/shows/ktr041.mp3" TYPE="audio/mpeg" LENGTH=28114944>
</item>
<item>
<title>Show 40: the soup episode</title>
<link>http://kitchentable.example.net/shows/40</link>
<pubDate>Fri, 16 Feb 2024 20:00:00 GMT</pubDate>
<enclosure url=http://kitchentable.example.net/get.php?show=40&amp;fmt=mp3 length=26002432 type=audio/mpeg />
</item>
</channel>
</rss>`;

  it('keeps every episode with its sound file, however its attributes are written', async () => {
    const feed = await parseFeed(xml, 'http://kitchentable.example.net/rss.xml');
    expect(feed.items.map((item) => [item.title, item.enclosures])).toEqual([
      ['Show 41: bread that takes three days', [{ url: 'http://kitchentable.example.net/shows/ktr041.mp3', type: 'audio/mpeg', length: 28_114_944 }]],
      ['Show 40: the soup episode', [{ url: 'http://kitchentable.example.net/get.php?show=40&fmt=mp3', type: 'audio/mpeg', length: 26_002_432 }]],
    ]);
  });

  it('reads isPermaLink=false: a guid that is no permalink is never the episode’s link', async () => {
    const feed = await parseFeed(xml, 'http://kitchentable.example.net/rss.xml');
    expect(feed.items.map((item) => [item.guid, item.link])).toEqual([
      ['http://kitchentable.example.net/shows/41', null],
      [null, 'http://kitchentable.example.net/shows/40'],
    ]);
  });
});

describe('a hand-written Atom feed', () => {
  it('links each entry to its page, from an unquoted or a capitalised href', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Notes from the shed</title>
  <link rel=alternate href=http://shed.example.org/ />
  <id>tag:shed.example.org,2009:notes</id>
  <updated>2024-03-02T09:00:00Z</updated>
  <entry>
    <title>Sharpening a plane iron</title>
    <link rel=alternate type=text/html href=http://shed.example.org/notes.php?id=88&view=full />
    <id>tag:shed.example.org,2009:notes/88</id>
    <updated>2024-03-02T09:00:00Z</updated>
    <summary title="a=b">Thirty strokes on the coarse stone, then ten on the fine.</summary>
  </entry>
  <entry>
    <title>Glue, clamps, patience</title>
    <link REL="alternate" HREF="http://shed.example.org/notes.php?id=87"/>
    <id>tag:shed.example.org,2009:notes/87</id>
    <updated>2024-02-24T09:00:00Z</updated>
    <summary>Leave it overnight.</summary>
  </entry>
</feed>`;
    const feed = await parseFeed(xml, 'http://shed.example.org/atom.xml');
    expect(feed.siteUrl).toBe('http://shed.example.org/');
    expect(feed.items.map((item) => [item.title, item.link])).toEqual([
      ['Sharpening a plane iron', 'http://shed.example.org/notes.php?id=88&view=full'],
      ['Glue, clamps, patience', 'http://shed.example.org/notes.php?id=87'],
    ]);
  });
});

describe('a community radio podcast whose template leaves out a length and a space', () => {
  it('keeps every episode, with its sound file and its length where one was written', async () => {
    const feed = await parseFeed(fixtureText('feeds/podcast-loose-attributes.xml'), 'https://riversideradio.example.org/thursday-hour/podcast.xml');
    expect(feed.title).toBe('Riverside Community Radio: The Thursday Hour');
    const media = (date: string) => `https://riversideradio.example.org/media/thursday-hour-${date}.mp3`;
    expect(feed.items.map((item) => [item.title, item.link, item.enclosures])).toEqual([
      ['The Thursday Hour, 7 March: the bus station consultation', 'https://riversideradio.example.org/thursday-hour/2024-03-07/', [{ url: media('2024-03-07'), type: 'audio/mpeg', length: null }]],
      ['The Thursday Hour, 29 February: a leap-day special', 'https://riversideradio.example.org/thursday-hour/2024-02-29/', [{ url: media('2024-02-29'), type: 'audio/mpeg', length: 56_093_184 }]],
      ['The Thursday Hour, 22 February: the library at 150', 'https://riversideradio.example.org/thursday-hour/2024-02-22/', [{ url: media('2024-02-22'), type: 'audio/mpeg', length: null }]],
      ['The Thursday Hour, 15 February: potholes', 'https://riversideradio.example.org/thursday-hour/2024-02-15/', [{ url: media('2024-02-15'), type: 'audio/mpeg', length: 55_812_096 }]],
    ]);
  });
});

describe('an Atom feed whose template runs attributes together', () => {
  it('links the site and each entry, and keeps the film an entry attaches', async () => {
    const feed = await parseFeed(fixtureText('feeds/atom-attributes-run-together.xml'), 'https://harbourlight.example.org/atom.xml');
    expect(feed.siteUrl).toBe('https://harbourlight.example.org/');
    expect(feed.items.map((item) => [item.title, item.link])).toEqual([
      ['Week 31: the lantern glass comes home', 'https://harbourlight.example.org/log/week-31/'],
      ['Week 30: paint, and more paint', 'https://harbourlight.example.org/log/week-30/'],
      ['Week 29: what the clockwork looks like inside', 'https://harbourlight.example.org/log/week-29/'],
    ]);
    expect(feed.items[2]?.enclosures).toEqual([{ url: 'https://harbourlight.example.org/media/clockwork.mp4', type: 'video/mp4', length: null }]);
  });

  it('still refuses a tag whose attributes cannot be told apart, naming the place', async () => {
    const broken = fixtureText('feeds/atom-attributes-run-together.xml').replace('<link rel="alternate"href="https://harbourlight.example.org/log/week-31/"', '<link rel="alternate"href="https://harbourlight.example.org/log/week-31/"" ');
    await expect(parseFeed(broken, 'https://harbourlight.example.org/atom.xml')).rejects.toThrow(/^malformed XML: No whitespace between attributes \(line 13, column \d+\)$/);
  });
});
