// JSON Feed as publishers fill it (HTML entities in plain-text fields), RSS converted to JSON,
// and dates: no zone means UTC, and the zone names feeds write are understood.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../electron/core/feeds';
import { parseDate } from '../../electron/core/feeds/text';

const URL = 'https://json.example.org/feed.json';
const jsonFeed = (fields: Record<string, unknown>, item: Record<string, unknown>) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', ...fields, items: [{ id: '1', ...item }] });

describe('JSON Feed entities', () => {
  it.each([
    ['an ampersand entity in a title', { title: 'Tom &amp; Jerry' }, 'title', 'Tom & Jerry'],
    ['a numeric apostrophe', { title: 'It&#8217;s time' }, 'title', 'It’s time'],
    ['a named quote', { title: '&ldquo;Quoted&rdquo;' }, 'title', '“Quoted”'],
    ['a literal < that is not a tag', { title: 'When x < y &amp; z' }, 'title', 'When x < y & z'],
    ['an author name', { authors: [{ name: 'Fran&ccedil;ois' }] }, 'author', 'François'],
    ['a summary', { summary: 'Caf&eacute; news' }, 'summaryHtml', '<p>Café news</p>'],
  ] as const)('decodes %s', async (_case, item, field, expected) => {
    expect((await parseFeed(jsonFeed({}, item), URL)).items[0]?.[field]).toBe(expected);
  });

  it('decodes the feed title', async () => {
    expect((await parseFeed(jsonFeed({ title: 'Ben &amp; Jerry&#39;s Blog' }, {}), URL)).title).toBe("Ben & Jerry's Blog");
  });
});

describe('a JSON Feed written by a template loop', () => {
  it('keeps its items when every item and field is followed by a comma, the last too', async () => {
    // What a Hugo or Jekyll template that prints "}," after each item, and "," after each field, serves.
    const text = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Field Notes, Mostly Birds",
  "home_page_url": "https://birds.example.net/",
  "items": [
    {
      "id": "https://birds.example.net/2024/03/wrens/",
      "url": "https://birds.example.net/2024/03/wrens/",
      "title": "Wrens back at the hedge, ]} and all",
      "content_html": "<p>Two pairs, singing.</p>",
      "date_published": "2024-03-04T07:00:00+00:00",
    },
    {
      "id": "https://birds.example.net/2024/02/heron/",
      "url": "https://birds.example.net/2024/02/heron/",
      "title": "The heron, again",
      "tags": ["herons", "river",],
      "date_published": "2024-02-26T16:20:00+00:00",
    },
  ],
}
`;
    const feed = await parseFeed(text, 'https://birds.example.net/feed.json');
    expect(feed.title).toBe('Field Notes, Mostly Birds');
    expect(feed.items.map((item) => [item.title, item.link, item.publishedAt])).toEqual([
      ['Wrens back at the hedge, ]} and all', 'https://birds.example.net/2024/03/wrens/', Date.parse('2024-03-04T07:00:00Z')],
      ['The heron, again', 'https://birds.example.net/2024/02/heron/', Date.parse('2024-02-26T16:20:00Z')],
    ]);
    expect(feed.items[1]?.categories).toEqual(['herons', 'river']);
  });

  it('still says a JSON Feed broken otherwise is malformed', async () => {
    await expect(parseFeed('{"version": "https://jsonfeed.org/version/1.1", "title": "Birds", "items": [{"id": "1",,}]}', URL)).rejects.toThrow(/^malformed JSON Feed: /);
  });
});

describe('RSS in JSON', () => {
  const doc = {
    rss: {
      '@version': '2.0',
      channel: {
        title: 'Long Running &amp; Co',
        link: 'https://old.example.org/',
        description: 'Since 2003',
        item: [
          { title: 'Newest', link: 'https://old.example.org/3', description: '<p>Three</p>', pubDate: 'Mon, 06 May 2024 08:00:00 PDT', guid: { '@isPermaLink': 'false', '#text': 'post-3' }, 'dc:creator': 'Ed' },
          { title: 'Older', link: '/2', description: 'Two', pubDate: 'Sun, 05 May 2024 08:00:00 GMT', category: ['a', 'b'], enclosure: { '@url': 'https://old.example.org/2.mp3', '@type': 'audio/mpeg', '@length': '1234' } },
        ],
      },
    },
  };

  it('reads channel and items', async () => {
    const feed = await parseFeed(JSON.stringify(doc), URL);
    expect(feed).toMatchObject({ kind: 'json', title: 'Long Running & Co', siteUrl: 'https://old.example.org/', description: 'Since 2003' });
    expect(feed.items.map((i) => [i.guid, i.title, i.link, i.author, i.publishedAt])).toEqual([
      ['post-3', 'Newest', 'https://old.example.org/3', 'Ed', Date.parse('2024-05-06T15:00:00Z')],
      [null, 'Older', 'https://old.example.org/2', null, Date.parse('2024-05-05T08:00:00Z')],
    ]);
    expect(feed.items[1]).toMatchObject({ categories: ['a', 'b'], enclosures: [{ url: 'https://old.example.org/2.mp3', type: 'audio/mpeg', length: 1234 }] });
  });

  it('reads a single item given as an object', async () => {
    const single = { rss: { channel: { title: 'One', item: { title: 'Only', link: 'https://one.example.org/1' } } } };
    expect((await parseFeed(JSON.stringify(single), URL)).items.map((i) => i.title)).toEqual(['Only']);
  });

  it('reads a conversion that kept the XML declaration as a key', async () => {
    const converted = { '?xml': { '@version': '1.0', '@encoding': 'utf-8' }, rss: { channel: { title: 'Converted', item: [{ title: 'Kept', link: 'https://conv.example.org/1' }] } } };
    expect((await parseFeed(JSON.stringify(converted), URL)).items.map((i) => i.title)).toEqual(['Kept']);
  });

  it('still refuses other JSON clearly', async () => {
    await expect(parseFeed('{"data":[1,2]}', URL)).rejects.toThrow(new FeedParseError('not a feed: JSON without a jsonfeed.org version'));
  });
});

describe('dates', () => {
  // A machine far from UTC: a date read in local time would come out seven or eight hours off.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it.each([
    ['RFC 822 without a zone', 'Tue, 02 Jan 2024 10:00:00', '2024-01-02T10:00:00.000Z'],
    ['RFC 822 date without a time', 'Tue, 02 Jan 2024', '2024-01-02T00:00:00.000Z'],
    ['ISO 8601 without a zone', '2024-01-02T10:00:00', '2024-01-02T10:00:00.000Z'],
    ['SQL-style without a zone', '2024-01-02 10:00:00', '2024-01-02T10:00:00.000Z'],
    ['a long form with AM and no zone', 'January 2, 2024 10:00 AM', '2024-01-02T10:00:00.000Z'],
    ['PT', 'Tue, 02 Jan 2024 10:00:00 PT', '2024-01-02T18:00:00.000Z'],
    ['PST', 'Tue, 02 Jan 2024 10:00:00 PST', '2024-01-02T18:00:00.000Z'],
    ['PDT', 'Tue, 02 Jul 2024 10:00:00 PDT', '2024-07-02T17:00:00.000Z'],
    ['ET', 'Tue, 02 Jan 2024 10:00:00 ET', '2024-01-02T15:00:00.000Z'],
    ['EDT', 'Tue, 02 Jul 2024 10:00:00 EDT', '2024-07-02T14:00:00.000Z'],
    ['CT', 'Tue, 02 Jan 2024 10:00:00 CT', '2024-01-02T16:00:00.000Z'],
    ['MT', 'Tue, 02 Jan 2024 10:00:00 MT', '2024-01-02T17:00:00.000Z'],
    ['CET', 'Tue, 02 Jan 2024 10:00:00 CET', '2024-01-02T09:00:00.000Z'],
    ['CEST', 'Tue, 02 Jul 2024 10:00:00 CEST', '2024-07-02T08:00:00.000Z'],
    ['MET', 'Tue, 02 Jan 2024 10:00:00 MET', '2024-01-02T09:00:00.000Z'],
    ['BST', 'Tue, 02 Jul 2024 10:00:00 BST', '2024-07-02T09:00:00.000Z'],
    ['IST', 'Tue, 02 Jan 2024 10:00:00 IST', '2024-01-02T04:30:00.000Z'],
    ['JST', 'Tue, 02 Jan 2024 10:00:00 JST', '2024-01-02T01:00:00.000Z'],
    ['AEST', 'Tue, 02 Jan 2024 10:00:00 AEST', '2024-01-02T00:00:00.000Z'],
    ['an ISO date with a zone name', '2024-01-02T10:00:00 CEST', '2024-01-02T08:00:00.000Z'],
    ['a zone name in parentheses', 'Tue, 02 Jan 2024 10:00:00 (JST)', '2024-01-02T01:00:00.000Z'],
    ['a numeric offset (unchanged)', 'Tue, 02 Jan 2024 10:00:00 +0200', '2024-01-02T08:00:00.000Z'],
    ['ISO with Z (unchanged)', '2024-01-02T10:00:00Z', '2024-01-02T10:00:00.000Z'],
    ['an ISO date alone (unchanged)', '2024-01-02', '2024-01-02T00:00:00.000Z'],
    // A name no table has: the day and the time, as a date without a zone, rather than no date.
    ['an unknown zone name, as UTC', 'Tue, 02 Jan 2024 10:00:00 XYZ', '2024-01-02T10:00:00.000Z'],
  ])('reads %s', (_case, text, iso) => {
    expect(new Date(parseDate(text)!).toISOString()).toBe(iso);
  });

  it.each(['Tue, 32 Jan 2024 10:00:00 XYZ', 'yesterday', '12'])('gives no date for %s', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe('items dated only by their last change', () => {
  // Without a date an item is dated when it was fetched; Atom entries with only <updated> never were.
  const rss = (dates: string) =>
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>R</title><item><title>T</title><link>https://dates.example.org/1</link>${dates}</item></channel></rss>`;

  it.each([
    ['a JSON Feed item with only date_modified', jsonFeed({}, { date_modified: '2024-03-03T10:00:00-05:00' }), '2024-03-03T15:00:00.000Z'],
    ['an RSS item with only atom:updated', rss('<atom:updated>2024-03-04T06:00:00.123Z</atom:updated>'), '2024-03-04T06:00:00.123Z'],
    ['an RSS item with only dcterms:modified', rss('<dcterms:modified>2024-03-02T09:30:00+01:00</dcterms:modified>'), '2024-03-02T08:30:00.000Z'],
  ])('dates %s by that change', async (_case, text, iso) => {
    const item = (await parseFeed(text, URL)).items[0];
    expect([item?.publishedAt, item?.updatedAt].map((ms) => new Date(ms!).toISOString())).toEqual([iso, iso]);
  });

  it.each([
    ['JSON Feed', jsonFeed({}, { date_published: '2024-03-01T10:00:00Z', date_modified: '2024-03-03T10:00:00Z' })],
    ['RSS', rss('<pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate><atom:updated>2024-03-03T10:00:00Z</atom:updated>')],
  ])('keeps the publication date of a %s item that has both', async (_case, text) => {
    const item = (await parseFeed(text, URL)).items[0];
    expect([item?.publishedAt, item?.updatedAt]).toEqual([Date.parse('2024-03-01T10:00:00Z'), Date.parse('2024-03-03T10:00:00Z')]);
  });
});
