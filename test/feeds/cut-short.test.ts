// Feeds cut short: a publisher's script that timed out (PHP's max_execution_time) or a proxy that
// dropped the connection leaves the bytes ending inside an item, with no closing tags. Readers
// (feedparser, Feedly) keep the items that arrived whole; so does Paperboy, never the partial one.
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../electron/core/feeds';
import { HostileSync, rssFeed, rssItem } from '../support/hostile-sync';
import { removeTempDirs } from '../support/temp';

const URL = 'https://harbour.example.org/feed/';

/** A WordPress post as its feed carries it: the full text in content:encoded, well past lifted-cdata.ts's threshold. */
function post(n: number, body = `<p>The council met on Tuesday evening to discuss the harbour plans for the ${n}th time.</p>\n<p>Residents asked about the ferry timetable, the bridge repairs and the station car park.</p>`): string {
  return `
  <item>
    <title>Harbour council, meeting ${n}</title>
    <link>https://harbour.example.org/2024/03/meeting-${n}/</link>
    <dc:creator><![CDATA[Jo Reporter]]></dc:creator>
    <pubDate>Tue, 0${n} Mar 2024 18:00:00 +0000</pubDate>
    <category><![CDATA[Council]]></category>
    <guid isPermaLink="false">https://harbour.example.org/?p=10${n}</guid>
    <description><![CDATA[The council met again about the harbour.]]></description>
    <content:encoded><![CDATA[${body}]]></content:encoded>
  </item>`;
}

function wordpressFeed(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://harbour.example.org</link>
  <description>News from the harbour</description>
  <generator>https://wordpress.org/?v=6.4.3</generator>${items}
</channel>
</rss>
`;
}

/** The document up to (not including) `marker`: where the connection dropped. */
function cutAt(xml: string, marker: string): string {
  const at = xml.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  return xml.slice(0, at);
}

describe('a feed cut short', () => {
  it('keeps the items that arrived whole, with their full text, and drops the one cut in half', async () => {
    const whole = wordpressFeed([post(1), post(2), post(3)].join(''));
    const feed = await parseFeed(cutAt(whole, 'bridge repairs and the station car park.</p>]]></content:encoded>\n  </item>\n</channel>'), URL);
    expect(feed.title).toBe('Harbour Gazette');
    expect(feed.items.map((item) => item.title)).toEqual(['Harbour council, meeting 1', 'Harbour council, meeting 2']);
    expect(feed.items[1]?.contentHtml).toContain('the station car park.</p>');
    expect(feed.cutShort).toBe(true);
    expect((await parseFeed(whole, URL)).cutShort).toBe(false);
  });

  it('keeps every item when the cut falls between two of them, or among the closing tags', async () => {
    const whole = wordpressFeed([post(1), post(2)].join(''));
    const betweenItems = cutAt(whole, '\n  <item>\n    <title>Harbour council, meeting 2');
    const inClosingTags = cutAt(whole, '</rss>');
    expect((await parseFeed(betweenItems, URL)).items.map((item) => item.title)).toEqual(['Harbour council, meeting 1']);
    expect((await parseFeed(inClosingTags, URL)).items).toHaveLength(2);
  });

  it('is not fooled by an "</item>" written inside a post', async () => {
    // The cut falls after the "</item>" in the second post's text: that one is no end of an item.
    const aboutRss = post(2, `<p>A feed item ends with</p><pre></item></channel></rss></pre><p>${'and then the next one starts. '.repeat(6)}</p>`);
    const whole = wordpressFeed([post(1), aboutRss, post(3)].join(''));
    const feed = await parseFeed(cutAt(whole, 'the next one starts. and then'), URL);
    expect(feed.items.map((item) => item.title)).toEqual(['Harbour council, meeting 1']);
    expect(feed.items[0]?.contentHtml).toContain('the station car park.</p>');
  });

  it('keeps the whole entries of a cut Atom feed', async () => {
    const entry = (n: number) =>
      `<entry><id>tag:blogger.com,1999:blog-42.post-${n}</id><published>2024-03-0${n}T09:00:00.000+01:00</published><updated>2024-03-0${n}T09:00:00.000+01:00</updated>` +
      `<title type="text">Allotment diary ${n}</title><content type="html">&lt;p&gt;Beans, week ${n}.&lt;/p&gt;</content><link rel="alternate" type="text/html" href="https://allotment.example.org/2024/03/diary-${n}.html"/><author><name>Sam</name></author></entry>`;
    const whole = `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'><id>tag:blogger.com,1999:blog-42</id><title type='text'>Allotment diary</title>${entry(1)}${entry(2)}</feed>`;
    const feed = await parseFeed(cutAt(whole, 'Beans, week 2'), 'https://allotment.example.org/feeds/posts/default');
    expect(feed.items.map((item) => [item.title, item.link])).toEqual([['Allotment diary 1', 'https://allotment.example.org/2024/03/diary-1.html']]);
  });

  it('keeps them when the feed also has a stray ampersand', async () => {
    const whole = wordpressFeed([post(1), post(2)].join('')).replace('Harbour council, meeting 1', 'Harbour & Marina council');
    const feed = await parseFeed(cutAt(whole, 'Harbour council, meeting 2'), URL);
    expect(feed.items.map((item) => item.title)).toEqual(['Harbour & Marina council']);
    expect(feed.cutShort).toBe(true);
  });

  it('is not called cut short for a mended stray ampersand alone', async () => {
    const feed = await parseFeed(wordpressFeed(post(1)).replace('Harbour council, meeting 1', 'Harbour & Marina council'), URL);
    expect(feed.items.map((item) => item.title)).toEqual(['Harbour & Marina council']);
    expect(feed.cutShort).toBe(false);
  });

  it('is still refused when no item arrived whole', async () => {
    const error = await parseFeed(cutAt(wordpressFeed(post(1)), 'The council met again'), URL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).toMatch(/^malformed XML: Unclosed root tag \(line \d+, column \d+\)$/);
  });

  describe('a JSON Feed', () => {
    /** A Hugo site's feed.json as its template prints it: pretty, each post's HTML in content_html. */
    const hugoJson = (posts: readonly number[]) => `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Harbour Gazette",
  "home_page_url": "https://harbour.example.org/",
  "feed_url": "https://harbour.example.org/feed.json",
  "items": [${posts.map((n) => `
    {
      "id": "https://harbour.example.org/2024/03/meeting-${n}/",
      "url": "https://harbour.example.org/2024/03/meeting-${n}/",
      "title": "Harbour council, meeting ${n}",
      "content_html": "<p>The council met on Tuesday evening to discuss the harbour plans for the ${n}th time.</p>\\n<p>Residents asked about the ferry \\"timetable\\".</p>",
      "date_published": "2024-03-0${n}T18:00:00+00:00",
      "authors": [{ "name": "Jo Reporter" }],
      "tags": ["Council"]
    }`).join(',')}
  ]
}
`;

    it('keeps the items that arrived whole and says it was cut', async () => {
      const whole = hugoJson([3, 2, 1]);
      for (const cut of ['Harbour council, meeting 1', 'ferry \\"time', '"tags": ["Coun']) {
        const at = whole.lastIndexOf(cut) + cut.length - 3;
        const feed = await parseFeed(whole.slice(0, at), 'https://harbour.example.org/feed.json');
        expect(feed.items.map((item) => item.title)).toEqual(['Harbour council, meeting 3', 'Harbour council, meeting 2']);
        expect(feed.items[1]?.contentHtml).toContain('ferry "timetable"');
        expect(feed.cutShort).toBe(true);
      }
      // Cut after its list of items: all of them.
      const afterItems = await parseFeed(whole.slice(0, whole.lastIndexOf(']') + 1), 'https://harbour.example.org/feed.json');
      expect([afterItems.items.length, afterItems.cutShort]).toEqual([3, true]);
    });

    it('is still refused when no item arrived whole, or when it is broken but whole', async () => {
      const whole = hugoJson([1]);
      const cut = await parseFeed(whole.slice(0, whole.indexOf('Residents')), 'https://harbour.example.org/feed.json').catch((e: unknown) => e);
      expect((cut as Error).message).toMatch(/^malformed JSON Feed: /);
      const broken = await parseFeed(whole.replace('"title": "Harbour council', '"title" "Harbour council'), 'https://harbour.example.org/feed.json').catch((e: unknown) => e);
      expect((broken as Error).message).toMatch(/^malformed JSON Feed: /);
    });
  });
});

describe('a subscription whose feed comes cut short', () => {
  let h: HostileSync | undefined;
  afterEach(async () => {
    await h?.stop();
    removeTempDirs();
  });

  it('syncs the whole items, keeps what it had, shows no error, and says in the sync log that items are missing', async () => {
    h = await HostileSync.start();
    const feedId = await h.seeded('/cut.xml');
    const whole = rssFeed('Seeded /cut.xml', [rssItem('kept/cut.xml', 'Kept from /cut.xml'), rssItem('c2', 'Arrived whole'), rssItem('c3', 'Cut in half')]);
    h.server.serve('/cut.xml', { body: cutAt(whole, 'half</title>'), type: 'application/rss+xml' });
    expect(await h.sync()).toMatchObject({ feedsFailed: 0 });
    expect(await h.reported(feedId)).toEqual({ status: 'ok', error: null, log: '1 new; the feed arrived cut short: only its first 2 items could be read' });
    expect((await h.titles(feedId)).sort()).toEqual(['Arrived whole', 'Kept from /cut.xml']);
  });

  // The compressed body stops inside the third item: a connection closed early on an answer whose
  // length nothing declared, a proxy that passed on what it had, a precompressed feed.xml.gz copied
  // in half. What arrived decompresses to the document's start (zlib's flush), and is read as any
  // document cut short: the whole items kept, the log saying the rest is missing.
  const syncFlush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  it.each([
    ['its gzip, declared as Content-Encoding: gzip', { 'content-encoding': 'gzip' }, zlib.gzipSync, (cut: Buffer) => zlib.gunzipSync(cut, syncFlush)],
    ['its gzip, sent without Content-Encoding (a feed.xml.gz a CDN serves as it is)', {}, zlib.gzipSync, (cut: Buffer) => zlib.gunzipSync(cut, syncFlush)],
    ['its deflate', { 'content-encoding': 'deflate' }, zlib.deflateSync, (cut: Buffer) => zlib.inflateSync(cut, syncFlush)],
    ['its raw deflate, under "deflate"', { 'content-encoding': 'deflate' }, zlib.deflateRawSync, (cut: Buffer) => zlib.inflateRawSync(cut, syncFlush)],
    ['its brotli', { 'content-encoding': 'br' }, zlib.brotliCompressSync, (cut: Buffer) => zlib.brotliDecompressSync(cut, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })],
  ])('does the same when %s stops short', async (_how, headers, compress, arrivedOf) => {
    h = await HostileSync.start();
    const feedId = await h.seeded('/cut.xml');
    const story = (n: number) => `<description>${'&lt;p&gt;The ferry timetable changes again this week, with later crossings. &lt;/p&gt;'.repeat(20)}${n}</description>`;
    const whole = rssFeed('Seeded /cut.xml', [rssItem('kept/cut.xml', 'Kept from /cut.xml'), rssItem('c2', 'Arrived whole', story(2)), rssItem('c3', 'Cut in half', story(3))]);
    const compressed = compress(whole);
    // Cut as soon as the third item's title has come, long before its end.
    let length = 1;
    while (!arrivedOf(compressed.subarray(0, length)).toString().includes('Cut in half</title>')) length++;
    const cut = compressed.subarray(0, length);
    expect(arrivedOf(cut).toString()).not.toContain('</item></channel>');
    h.server.route('/cut.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': cut.length, ...headers });
      res.end(cut);
    });
    expect(await h.sync()).toMatchObject({ feedsFailed: 0 });
    expect(await h.reported(feedId)).toEqual({ status: 'ok', error: null, log: '1 new; the feed arrived cut short: only its first 2 items could be read' });
    expect((await h.titles(feedId)).sort()).toEqual(['Arrived whole', 'Kept from /cut.xml']);
  });

  // The same answer stopping on the wire rather than in its stream: a server that stalls halfway
  // (a PHP script held on its database, a proxy that stopped passing bytes on), or whose connection
  // closes before its Content-Length. It was thrown away whole, the items that had arrived with it,
  // while the same feed compressed kept them: now read alike, from what arrived, the log saying the
  // answer came cut short. The old items stay either way.
  it.each([
    ['stalls halfway, uncompressed', 'stall', false],
    ['stalls halfway, gzip-compressed', 'stall', true],
    ['closes its connection before its Content-Length', 'close', false],
  ] as const)('does the same when its answer %s', async (_how, ending, gzip) => {
    h = await HostileSync.start({ idleTimeoutMs: 400 });
    const feedId = await h.seeded('/cut.xml');
    const story = (n: number) => `<description>${'&lt;p&gt;The ferry timetable changes again this week, with later crossings. &lt;/p&gt;'.repeat(20)}${n}</description>`;
    const whole = Buffer.from(rssFeed('Seeded /cut.xml', [rssItem('kept/cut.xml', 'Kept from /cut.xml'), rssItem('c2', 'Arrived whole', story(2)), rssItem('c3', 'Cut in half', story(3))]));
    const text = whole.toString();
    const arrived = Buffer.from(text.slice(0, text.indexOf('Cut in half</title>') + 'Cut in half</title>'.length));
    const body = gzip ? zlib.gzipSync(whole) : whole;
    h.server.route('/cut.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', 'content-length': body.length, ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      res.write(gzip ? liveGzipStart(arrived) : arrived);
      if (ending === 'close') setTimeout(() => res.socket?.destroy(), 50);
    });
    expect(await h.sync()).toMatchObject({ feedsFailed: 0 });
    expect(await h.reported(feedId)).toEqual({ status: 'ok', error: null, log: '1 new; the feed arrived cut short: only its first 2 items could be read' });
    expect((await h.titles(feedId)).sort()).toEqual(['Arrived whole', 'Kept from /cut.xml']);
  });

  it('says the answer stopped partway when nothing whole arrived before the stall, and keeps the items it had', async () => {
    h = await HostileSync.start({ idleTimeoutMs: 400 });
    const feedId = await h.seeded('/cut.xml');
    const whole = rssFeed('Seeded /cut.xml', [rssItem('c2', 'Never whole')]);
    h.server.route('/cut.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', 'content-length': Buffer.byteLength(whole) });
      res.write(cutAt(whole, 'whole</title>'));
    });
    await h.sync();
    await h.expectFailure(feedId, /^the feed stopped arriving partway through, and no item in what came was whole \(malformed XML: /);
    expect(await h.titles(feedId)).toEqual(['Kept from /cut.xml']);
  });

  // The ETag and Last-Modified are the whole document's: kept with the part that came, the next
  // sync would be told "304 Not Modified" and the missing items would wait for the next post.
  it('asks for the whole feed again at the next sync, not whether it changed', async () => {
    h = await HostileSync.start();
    const feedId = await h.seeded('/cut.xml');
    const whole = rssFeed('Seeded /cut.xml', [rssItem('kept/cut.xml', 'Kept from /cut.xml'), rssItem('c2', 'Arrived whole'), rssItem('c3', 'Cut in half')]);
    let cut = true;
    h.server.route('/cut.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v2"' || req.headers['if-modified-since'] === 'Tue, 05 Mar 2024 18:00:00 GMT') {
        res.writeHead(304).end();
      } else {
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v2"', 'last-modified': 'Tue, 05 Mar 2024 18:00:00 GMT' });
        res.end(cut ? cutAt(whole, 'half</title>') : whole);
      }
    });
    await h.sync();
    expect((await h.titles(feedId)).sort()).toEqual(['Arrived whole', 'Kept from /cut.xml']);
    cut = false;
    await h.sync();
    expect(await h.reported(feedId)).toEqual({ status: 'ok', error: null, log: '1 new' });
    expect((await h.titles(feedId)).sort()).toEqual(['Arrived whole', 'Cut in half', 'Kept from /cut.xml']);
  });
});

/** The gzip a server streaming `text` has sent when it stops partway: a header and the deflate
 *  blocks flushed so far, without the trailer (gzip's end) that only a finished answer has. */
function liveGzipStart(text: Buffer): Buffer {
  return zlib.gzipSync(text, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
}
