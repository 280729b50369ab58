// The forms an item's author takes besides RSS's "jo@example.com (Jo Doe)" and Atom's <name>: the
// other order, "Jo Doe (jo@example.com)"; the RSS form copied into dc:creator; an RSS <author>
// written as Atom's, with <name> and <email> inside (which showed no author at all); and an Atom
// entry that names its author in dc:creator only. The list shows the name, never the address
// beside it; a bracket that is no address ("(Editor)") stays.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const rss = (author: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Notes</title><link>https://harbour.example.org/</link><description>Notes</description>
<item><title>Winter moorings</title><link>https://harbour.example.org/2026/12/winter-moorings</link><pubDate>Sun, 06 Dec 2026 10:00:00 +0000</pubDate>
${author}
<description>Boats come out of the water this week.</description></item>
</channel></rss>`;

const atom = (author: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<title>Harbour Notes</title><id>tag:harbour.example.org,2026:feed</id><updated>2026-12-06T10:00:00Z</updated>
<author><name>Harbour Notes</name></author>
<entry><id>tag:harbour.example.org,2026:412</id><title>Winter moorings</title><link href="https://harbour.example.org/2026/12/winter-moorings"/><updated>2026-12-06T10:00:00Z</updated>
${author}
<summary>Boats come out of the water this week.</summary></entry>
</feed>`;

const authorOf = async (document: string) => (await parseFeed(document, 'https://harbour.example.org/feed/')).items[0]?.author;

describe('an RSS item shows its author by name', () => {
  it.each([
    ['the name first, the address in brackets', '<author>Jo Doe (jo@harbour.example.org)</author>', 'Jo Doe'],
    ['the address first, the name in brackets (unchanged)', '<author>jo@harbour.example.org (Jo Doe)</author>', 'Jo Doe'],
    ['the RSS form copied into dc:creator', '<dc:creator>jo@harbour.example.org (Jo Doe)</dc:creator>', 'Jo Doe'],
    ['two dc:creators, one in the RSS form', '<dc:creator>Jo Doe</dc:creator><dc:creator>sam@harbour.example.org (Sam Reed)</dc:creator>', 'Jo Doe, Sam Reed'],
    ["an <author> written as Atom's", '<author><name>Jo Doe</name><email>jo@harbour.example.org</email></author>', 'Jo Doe'],
    ["an <author> written as Atom's, with an address alone", '<author><email>jo@harbour.example.org</email></author>', 'jo@harbour.example.org'],
    ['a bracket that is no address stays', '<dc:creator>Jo Doe (Editor)</dc:creator>', 'Jo Doe (Editor)'],
  ])('%s', async (_case, author, expected) => {
    expect(await authorOf(rss(author))).toBe(expected);
  });
});

describe('an Atom entry shows its author by name', () => {
  it('from dc:creator, when it has no <author>, rather than the feed\'s', async () => {
    expect(await authorOf(atom('<dc:creator>Jo Doe</dc:creator>'))).toBe('Jo Doe');
  });

  it("from its own <author> before dc:creator, and the feed's when it has neither", async () => {
    expect(await authorOf(atom('<author><name>Sam Reed</name></author><dc:creator>Jo Doe</dc:creator>'))).toBe('Sam Reed');
    expect(await authorOf(atom(''))).toBe('Harbour Notes');
  });
});
