import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleIdOf, isOlderFingerprint, itemFingerprint, uniqueIdOf } from '../../electron/core/feeds/article-id';
import { parseFeed } from '../../electron/core/feeds/parse';
import type { ParsedItem } from '../../electron/core/feeds/parsed';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { fixtureText } from '../support/fixtures';

const base: ParsedItem = {
  guid: null,
  link: null,
  title: 'A title',
  author: null,
  publishedAt: null,
  updatedAt: null,
  summaryHtml: null,
  contentHtml: null,
  categories: [],
  enclosures: [],
  imageUrl: null,
  commentsUrl: null,
  commentFeedUrl: null,
  commentCount: null,
  authorUrl: null,
  inReplyTo: null,
  baseUrl: null,
  sharedLink: false,
  untitled: false,
};
const item = (changes: Partial<ParsedItem>): ParsedItem => ({ ...base, ...changes });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('uniqueIdOf', () => {
  it('prefers the guid, then the link', () => {
    expect(uniqueIdOf(item({ guid: 'g-1', link: 'https://x.example/a' }))).toBe('g-1');
    expect(uniqueIdOf(item({ link: 'https://x.example/a' }))).toBe('link:https://x.example/a');
  });

  it('takes the link without its tracking parameters, and any other link exactly as it is', () => {
    expect(uniqueIdOf(item({ link: 'https://x.example/deal-1?utm_source=rss&utm_campaign=17-a3f9c2' }))).toBe('link:https://x.example/deal-1');
    expect(uniqueIdOf(item({ link: 'https://x.example/read?id=42&fbclid=IwAR0x&mc_cid=9f1&mc_eid=3e2#comments' }))).toBe('link:https://x.example/read?id=42#comments');
    expect(uniqueIdOf(item({ link: 'https://x.example/read?ref=home&id=42' }))).toBe('link:https://x.example/read?ref=home&id=42');
    // Not re-serialized: what earlier releases stored under it is found again.
    expect(uniqueIdOf(item({ link: 'https://x.example/a%7eb?q=%20&' }))).toBe('link:https://x.example/a%7eb?q=%20&');
  });

  it('keeps two stories apart whose links differ only in tracking parameters (a newsletter links each story to the same page)', async () => {
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>Deals</title><link>https://x.example/</link>
      <item><title>Kettles half price</title><link>https://x.example/deals?utm_source=rss&amp;utm_content=kettles</link></item>
      <item><title>Toasters half price</title><link>https://x.example/deals?utm_source=rss&amp;utm_content=toasters</link></item>
      </channel></rss>`,
      'https://x.example/feed',
    );
    expect(feed.items.map((parsed) => parsed.title)).toEqual(['Kettles half price', 'Toasters half price']);
    expect(new Set(feed.items.map(uniqueIdOf)).size).toBe(2);
  });

  it('otherwise hashes title, ISO date and the first 200 characters of the text, in that order', () => {
    const publishedAt = Date.parse('2024-07-01T09:00:00Z');
    const text = `${'word '.repeat(50)}tail`;
    const hashed = item({ publishedAt, contentHtml: `<p>${text}</p>`, summaryHtml: '<p>ignored when there is content</p>' });
    expect(uniqueIdOf(hashed)).toBe(`hash:${sha256(`A title\n2024-07-01T09:00:00.000Z\n${text.slice(0, 200)}`)}`);
    expect(uniqueIdOf(item({ summaryHtml: 'Only a summary' }))).toBe(`hash:${sha256('A title\n\nOnly a summary')}`);
  });

  it('is not moved by text past the first 200 characters, but is by anything hashed', () => {
    const long = 'x'.repeat(200);
    const id = uniqueIdOf(item({ contentHtml: `${long} one ending` }));
    expect(uniqueIdOf(item({ contentHtml: `${long} another ending` }))).toBe(id);
    expect(uniqueIdOf(item({ contentHtml: `${long} one ending`, title: 'Another title' }))).not.toBe(id);
    expect(uniqueIdOf(item({ contentHtml: `${long} one ending`, publishedAt: 0 }))).not.toBe(id);
  });

  it('tells apart every item of a feed that bends the rules', async () => {
    const feed = await parseFeed(fixtureText('feeds/rss-edge-items.xml'), 'https://odds.example.com/feed');
    const ids = feed.items.map(uniqueIdOf);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('hash:'))).toHaveLength(1);
  });
});

describe('articleIdOf', () => {
  it('is the first 32 hex characters of sha256(feedId NUL uniqueId)', () => {
    expect(articleIdOf(7, 'g-1')).toBe(sha256('7\0g-1').slice(0, 32));
    expect(articleIdOf(7, 'g-1')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('hashes a guid outside ASCII as its UTF-8, a lone surrogate as U+FFFD, as every stored id was made', () => {
    // Ids are made with crypto.hash now, not a Hash object: a stored article keeps its id only if both read the text alike.
    for (const guid of ['tag:blog.example.jp,2025:記事-42', 'https://ru.example/новости/1', 'broken-\ud800-guid', 'emoji-\ud83d\ude00']) {
      expect(articleIdOf(3, guid)).toBe(sha256(`3\0${guid}`).slice(0, 32));
    }
    expect(articleIdOf(3, 'broken-\ud800-guid')).toBe(articleIdOf(3, 'broken-\ufffd-guid'));
  });

  it('differs between feeds carrying the same guid', () => {
    expect(articleIdOf(1, 'g-1')).not.toBe(articleIdOf(2, 'g-1'));
    expect(articleIdOf(1, 'g-1')).not.toBe(articleIdOf(1, 'g-2'));
  });
});

describe('itemFingerprint', () => {
  const original = item({ guid: 'g', link: 'https://x.example/a', author: 'Jo', contentHtml: '<p>Body</p>', summaryHtml: '<p>Sum</p>', updatedAt: 1 });

  it.each<[string, Partial<ParsedItem>]>([
    ['title', { title: 'Retitled' }],
    ['content', { contentHtml: '<p>Body, edited</p>' }],
    ['summary', { summaryHtml: '<p>Sum, edited</p>' }],
  ])('changes with the %s', (_field, change) => {
    expect(itemFingerprint({ ...original, ...change })).not.toBe(itemFingerprint(original));
  });

  it.each<[string, Partial<ParsedItem>]>([
    ['publishedAt', { publishedAt: Date.now() }],
    ['comment count', { commentCount: 40 }],
    ['categories', { categories: ['new tag'] }],
    // YouTube moves every entry's <updated> on every fetch (view counts): a real edit shows in the text (v3).
    ['updatedAt', { updatedAt: 2 }],
    // What Paperboy's rules read of a byline's or a link's form changes with the rules, not the story (v4).
    ['author', { author: 'Sam' }],
    ['link', { link: 'https://x.example/b' }],
  ])('ignores the %s', (_field, change) => {
    expect(itemFingerprint({ ...original, ...change })).toBe(itemFingerprint(original));
  });

  it('does not confuse a value moving between fields', () => {
    expect(itemFingerprint(item({ contentHtml: 'x', summaryHtml: null }))).not.toBe(itemFingerprint(item({ contentHtml: null, summaryHtml: 'x' })));
    // Text moving across the boundary of two fields, or an empty field against an absent one.
    expect(itemFingerprint(item({ title: 'ab', contentHtml: 'c' }))).not.toBe(itemFingerprint(item({ title: 'a', contentHtml: 'bc' })));
    expect(itemFingerprint(item({ summaryHtml: '' }))).not.toBe(itemFingerprint(item({ summaryHtml: null })));
    expect(itemFingerprint(item({ summaryHtml: '-' }))).not.toBe(itemFingerprint(item({ summaryHtml: null })));
  });

  it('is made exactly as the technote says: stored fingerprints stay comparable across releases', () => {
    const pinned = item({
      guid: 'g', link: 'https://x.example/a', title: 'Grüße aus Köln', author: 'Jo', updatedAt: 1767225600000,
      contentHtml: '<p class="lede">“Quoted” – 東京</p>\n<p>Body</p>', summaryHtml: null,
    });
    const fields = ['Grüße aus Köln', '<p class="lede">“Quoted” – 東京</p>\n<p>Body</p>'];
    const hash = createHash('sha256');
    for (const field of fields) hash.update(`${field.length}:`).update(field, 'utf8');
    hash.update('-');
    expect(itemFingerprint(pinned)).toBe(`v4:${hash.digest('hex')}`);
    expect(itemFingerprint(pinned)).toBe('v4:a79b4358c84191eb684036b48abc1369e7a1a0256f7029ef8eee94dd4fe5237c');
  });

  it('tells the fingerprints of earlier releases, v1, v2 and v3, from its own', () => {
    expect(isOlderFingerprint(sha256('["A title",null]'))).toBe(true);
    expect(isOlderFingerprint(`v2:${sha256('x')}`)).toBe(true);
    expect(isOlderFingerprint('v3:f80dbd37b7ad0d314a133b263b4ba4666ecc44369d3f97ae82b86aa323d0014c')).toBe(true);
    expect(isOlderFingerprint(itemFingerprint(base))).toBe(false);
  });
});

describe('items without a guid that share one link', () => {
  const URL = 'https://same-link.example.org/feed';
  const feedOf = (items: string) => `<rss version="2.0"><channel><title>S</title>${items}</channel></rss>`;
  const story = (title: string, date: string, link = 'https://same-link.example.org/') =>
    `<item><title>${title}</title><link>${link}</link><pubDate>${date}</pubDate></item>`;

  it.each([
    ['three stories on the front page link', [story('Rain', 'Mon, 01 Jan 2024 08:00:00 GMT'), story('Sun', 'Tue, 02 Jan 2024 08:00:00 GMT'), story('Snow', 'Wed, 03 Jan 2024 08:00:00 GMT')], 3],
    ['two same-titled stories on different days', [story('Daily digest', 'Mon, 01 Jan 2024 08:00:00 GMT'), story('Daily digest', 'Tue, 02 Jan 2024 08:00:00 GMT')], 2],
    ['a true repeat (same title and date)', [story('Rain', 'Mon, 01 Jan 2024 08:00:00 GMT'), story('Rain', 'Mon, 01 Jan 2024 08:00:00 GMT')], 1],
  ])('keeps %s apart', async (_case, items, expected) => {
    const ingested = await ingestFeed(feedOf(items.join('')), URL, 7);
    expect(new Set(ingested.items.map((i) => i.id)).size).toBe(expected);
    expect(ingested.items).toHaveLength(expected);
  });

  it('keeps the ids of feeds whose links do not repeat', async () => {
    const ingested = await ingestFeed(feedOf(story('One', 'Mon, 01 Jan 2024 08:00:00 GMT', 'https://same-link.example.org/1') + story('Two', 'Mon, 01 Jan 2024 09:00:00 GMT', 'https://same-link.example.org/2')), URL, 7);
    expect(ingested.items.map((i) => i.uniqueId)).toEqual(['link:https://same-link.example.org/1', 'link:https://same-link.example.org/2']);
    expect(ingested.items[0]?.id).toBe(articleIdOf(7, 'link:https://same-link.example.org/1'));
  });

  it('leaves items with a guid alone even when their links repeat', async () => {
    const withGuid = (guid: string) => `<item><guid isPermaLink="false">${guid}</guid><title>${guid}</title><link>https://same-link.example.org/</link></item>`;
    const ingested = await ingestFeed(feedOf(withGuid('g1') + withGuid('g2')), URL, 7);
    expect(ingested.items.map((i) => i.uniqueId)).toEqual(['g1', 'g2']);
  });
});

describe('an untitled post', () => {
  // Listed under its first sentence now, under its text cut at 80 characters before: its id and
  // fingerprint are what they were made of then, so a stored one is neither new nor edited.
  const text = 'Monsoon’s long gone and the kingfishers are back on the canal. Three this morning.';
  const former = 'Monsoon’s long gone and the kingfishers are back on the canal. Three this…';
  const rss = (title: string) => `<rss version="2.0"><channel><title>P</title><item>${title}<pubDate>Sat, 05 Dec 2026 02:25:12 GMT</pubDate><description>&lt;p&gt;${text}&lt;/p&gt;</description></item></channel></rss>`;

  it('is identified and fingerprinted by the title it was listed under before', async () => {
    const untitled = at((await parseFeed(rss(''), 'https://priya.example.blog/feed.xml')).items, 0);
    const titledAsBefore = at((await parseFeed(rss(`<title>${former}</title>`), 'https://priya.example.blog/feed.xml')).items, 0);
    expect(untitled.title).toBe('Monsoon’s long gone and the kingfishers are back on the canal.');
    expect(uniqueIdOf(untitled)).toBe(uniqueIdOf(titledAsBefore));
    expect(itemFingerprint(untitled)).toBe(itemFingerprint(titledAsBefore));
  });
});

function at<T>(items: readonly T[], index: number): T {
  const value = items[index];
  if (value === undefined) throw new Error(`no item ${index}`);
  return value;
}
