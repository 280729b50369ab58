// Items dated only in another vocabulary than their format's own: a repository's RSS with DCMI
// terms (dcterms:issued, dcterms:created), RSS with Atom's published, an Atom feed with Dublin
// Core's date. Those items had no date at all.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const FEED_URL = 'https://repository.example.edu/feed/rss_2.0/site';

describe('dates written in another vocabulary', () => {
  it('RSS items dated by dcterms:issued, dcterms:created or atom:published', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Eastfield University repository: recent submissions</title>
    <link>https://repository.example.edu/</link>
    <item>
      <title>Salt marsh recovery after managed realignment</title>
      <link>https://repository.example.edu/handle/1842/40122</link>
      <dcterms:issued>2024-04-18</dcterms:issued>
    </item>
    <item>
      <title>Oral histories of the herring fleet</title>
      <link>https://repository.example.edu/handle/1842/40119</link>
      <dcterms:created>2024-04-16T14:05:00Z</dcterms:created>
    </item>
    <item>
      <title>Open day programme</title>
      <link>https://repository.example.edu/news/open-day</link>
      <atom:published>2024-04-15T09:00:00+01:00</atom:published>
    </item>
  </channel>
</rss>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.items.map((item) => item.publishedAt)).toEqual([
      Date.parse('2024-04-18T00:00:00Z'),
      Date.parse('2024-04-16T14:05:00Z'),
      Date.parse('2024-04-15T08:00:00Z'),
    ]);
  });

  it('an Atom entry dated only by dc:date', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <title>Tidewatch notes</title>
  <id>https://tidewatch.example.net/</id>
  <entry>
    <title>Spring tides this weekend</title>
    <id>https://tidewatch.example.net/notes/spring-tides</id>
    <link href="https://tidewatch.example.net/notes/spring-tides"/>
    <dc:date>2024-04-09T06:12:00Z</dc:date>
  </entry>
</feed>`;
    const [entry] = (await parseFeed(xml, FEED_URL)).items;
    expect(entry?.publishedAt).toBe(Date.parse('2024-04-09T06:12:00Z'));
  });
});
