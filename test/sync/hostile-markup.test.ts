// Hostile bytes from a server that answers 200: broken XML, documents that are not feeds, entity
// tricks (billion laughs, XXE), misleading content types, unreadable dates, repeated guids.
// Each ends in a clear per-feed reason (sidebar and sync log) or a correct sync; the neighbour
// feed syncs every time (HostileSync.sync) and what was stored before stays.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostileSync, rssFeed, rssItem } from '../support/hostile-sync';
import { measurePeakRss } from '../support/memory';
import { removeTempDirs, tempDir } from '../support/temp';

let h: HostileSync;
beforeEach(async () => {
  h = await HostileSync.start();
});
afterEach(async () => {
  await h.stop();
  removeTempDirs();
});

/** Every byte the core keeps on disk (database, its WAL, the image cache), as latin1 text to search. */
function storedBytes(dataDir: string): string {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('malformed XML', () => {
  it('a feed cut off before its first item ends: malformed XML with its place, the stored articles kept', async () => {
    const feedId = await h.seeded('/truncated.xml');
    const whole = rssFeed('Seeded /truncated.xml', [rssItem('kept/truncated.xml', 'Kept from /truncated.xml'), rssItem('t2', 'Second')]);
    // A cut after a whole item keeps the whole items (test/feeds/cut-short.test.ts); none whole: refused.
    h.server.serve('/truncated.xml', { body: whole.slice(0, whole.indexOf('</item>')), type: 'application/rss+xml' });
    expect(await h.sync()).toMatchObject({ feedsFailed: 1 });
    await h.expectFailure(feedId, /^malformed XML: .+ \(line 1, column \d+\)$/);
    await h.expectKept(feedId);
  });

  it('XML whose root is not a feed names the root it found', async () => {
    const feedId = await h.seeded('/catalog.xml');
    h.server.serve('/catalog.xml', { body: '<?xml version="1.0"?><catalog><book id="1"><title>Not news</title></book></catalog>', type: 'application/xml' });
    await h.sync();
    await h.expectFailure(feedId, /^not a feed: XML with root <catalog>$/);
    await h.expectKept(feedId);
  });

  it('an HTML page where the feed used to be', async () => {
    const feedId = await h.seeded('/moved.xml');
    h.server.serve('/moved.xml', { body: '<!DOCTYPE html><html><head><title>Welcome</title></head><body><p>Our new site</p></body></html>', type: 'text/html' });
    await h.sync();
    await h.expectFailure(feedId, /^not a feed: got an HTML page$/);
    await h.expectKept(feedId);
  });

  it('binary data (an image) labelled as a feed, and gzip sent without Content-Encoding that holds no feed', async () => {
    const png = await h.seeded('/png.xml');
    const gz = await h.seeded('/gz.xml');
    h.server.serve('/png.xml', { body: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), type: 'application/rss+xml' });
    h.server.serve('/gz.xml', { body: Buffer.from('1f8b0800000000000003cb48cdc9c95728cf2fca490100c2a99b0c0b000000', 'hex'), type: 'application/rss+xml' });
    expect(await h.sync()).toMatchObject({ feedsFailed: 2 });
    await h.expectFailure(png, /^not a feed: got binary data$/);
    // Inflated, as browsers do (undeclared-gzip.test.ts): what it holds is read, and said.
    await h.expectFailure(gz, /^not a feed: got text that is neither XML nor JSON$/);
    await h.expectKept(png);
    await h.expectKept(gz);
  });
});

describe('entity tricks', () => {
  // Ten levels of ten: expanded, the title would be 10^10 "lol"s, 30 GB.
  const laughs = Array.from({ length: 10 }, (_, level) => {
    const inner = level === 0 ? 'lol' : `&lol${level - 1};`.repeat(10);
    return `<!ENTITY lol${level} "${inner}">`;
  }).join('');

  it('billion laughs (RSS, and Atom with inline XHTML) is refused without expanding', async () => {
    const rss = await h.seeded('/laughs.xml');
    const atom = await h.seeded('/laughs.atom');
    h.server.serve('/laughs.xml', { body: rssFeed('Laughs', [rssItem('l1', '&lol9;')], `<?xml version="1.0"?><!DOCTYPE rss [${laughs}]>`), type: 'application/rss+xml' });
    h.server.serve('/laughs.atom', {
      body: `<?xml version="1.0"?><!DOCTYPE feed [${laughs}]><feed xmlns="http://www.w3.org/2005/Atom"><title>Laughs</title><entry><id>l1</id><updated>2026-01-01T00:00:00Z</updated><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">&lol9;</div></title></entry></feed>`,
      type: 'application/atom+xml',
    });
    const { memory } = await measurePeakRss('billion laughs', () => h.sync());
    await h.expectFailure(rss, /^malformed XML: uses an entity declared in its DOCTYPE, which Paperboy does not expand \(line 1, column \d+\)$/);
    await h.expectFailure(atom, /^malformed XML: uses an entity declared in its DOCTYPE/);
    await h.expectKept(rss);
    await h.expectKept(atom);
    // Expansion would need gigabytes; refusing it costs next to nothing.
    expect(memory.growthMb).toBeLessThan(100);
  });

  it('a DOCTYPE that only declares entities it never uses does not stop a good feed', async () => {
    const feedId = await h.subscribe('/declares.xml');
    h.server.serve('/declares.xml', { body: rssFeed('Declares', [rssItem('d1', 'Plain &amp; simple &#169;')], `<?xml version="1.0"?><!DOCTYPE rss [${laughs}]>`), type: 'application/rss+xml' });
    await h.sync();
    expect(await h.reported(feedId)).toMatchObject({ status: 'ok', error: null });
    expect(await h.titles(feedId)).toEqual(['Plain & simple ©']);
  });

  it('XXE: an external entity naming a local file or a loopback URL is never read or fetched', async () => {
    const marker = `XXE-MARKER-${process.pid}-${Date.now()}`;
    const secret = path.join(tempDir('paperboy-xxe-'), 'secret.txt');
    writeFileSync(secret, marker);
    h.server.serve('/xxe-secret', { body: marker });
    h.server.serve('/xxe.dtd', { body: `<!ENTITY leak "${marker}">` });
    const doctypes = {
      '/xxe-file.xml': `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}">]>`,
      '/xxe-url.xml': `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "${h.server.url('/xxe-secret')}">]>`,
      // A parameter entity pulling in an external DTD that would declare &xxe; itself.
      '/xxe-dtd.xml': `<!DOCTYPE rss [<!ENTITY % remote SYSTEM "${h.server.url('/xxe.dtd')}"> %remote;]>`,
      '/xxe-public.xml': `<!DOCTYPE rss PUBLIC "-//X//Y" "${h.server.url('/xxe.dtd')}">`,
    };
    const ids: number[] = [];
    for (const [feedPath, doctype] of Object.entries(doctypes)) {
      ids.push(await h.seeded(feedPath));
      const entity = feedPath === '/xxe-file.xml' || feedPath === '/xxe-url.xml' ? '&xxe;' : '&leak;';
      h.server.serve(feedPath, {
        body: rssFeed('XXE', [rssItem('x1', `Title ${entity}`, `<description>Body ${entity}</description><link>http://127.0.0.1/${entity}</link>`)], `<?xml version="1.0"?>${doctype}`),
        type: 'application/rss+xml',
      });
    }
    await h.sync();
    for (const feedId of ids) {
      await h.expectFailure(feedId, /^malformed XML: uses an entity declared in its DOCTYPE, which Paperboy does not expand \(line 1, column \d+\)$/);
      await h.expectKept(feedId);
    }
    expect(h.server.requestsFor('/xxe-secret')).toHaveLength(0);
    expect(h.server.requestsFor('/xxe.dtd')).toHaveLength(0);
    expect(storedBytes(h.core.dataDir)).not.toContain(marker);
  });
});

describe('misleading content types: the bytes decide', () => {
  it('RSS as text/html, Atom as application/octet-stream, JSON Feed as text/plain, RSS as application/json all sync', async () => {
    const served = {
      '/as-html': { type: 'text/html; charset=utf-8', body: rssFeed('RSS as HTML', [rssItem('h1', 'From the HTML-typed feed')]) },
      '/as-octets': {
        type: 'application/octet-stream',
        body: '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom as octets</title><entry><id>o1</id><updated>2026-01-01T00:00:00Z</updated><title>From the octet-stream feed</title></entry></feed>',
      },
      '/as-text': {
        type: 'text/plain',
        body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'JSON as text', items: [{ id: 'j1', title: 'From the text-typed feed', content_text: 'hi' }] }),
      },
      '/as-json': { type: 'application/json', body: rssFeed('RSS as JSON', [rssItem('r1', 'Naïve café from the JSON-typed feed')]) },
    };
    const ids = new Map<string, number>();
    for (const [feedPath, response] of Object.entries(served)) {
      h.server.serve(feedPath, response);
      ids.set(feedPath, await h.subscribe(feedPath));
    }
    expect(await h.sync()).toMatchObject({ feedsFailed: 0 });
    const feeds = await h.core.api.listFeeds();
    for (const [feedPath, feedId] of ids) {
      expect(feeds.find((f) => f.id === feedId), feedPath).toMatchObject({ lastStatus: 'ok', lastError: null, articleCount: 1 });
    }
    expect(feeds.map((f) => f.title)).toEqual(expect.arrayContaining(['RSS as HTML', 'Atom as octets', 'JSON as text', 'RSS as JSON']));
    expect(await h.titles(ids.get('/as-json')!)).toEqual(['Naïve café from the JSON-typed feed']);
  });
});

describe('dates', () => {
  it('unreadable dates are stored at the time first seen, readable ones in date order', async () => {
    const dated = (guid: string, date: string) => rssItem(guid, guid, `<pubDate>${date}</pubDate>`);
    h.server.serve('/dates.xml', {
      body: rssFeed('Dates', [
        dated('older', 'Mon, 05 Jan 2026 10:00:00 GMT'),
        dated('garbage', 'not a date'),
        dated('month-13', '2026-13-45T10:00:00Z'),
        dated('weekday-soup', 'Tue, 99 Foo 2026 99:99:99 GMT'),
        dated('bare-number', '12'),
        dated('out-of-range', '+275760-09-13T00:00:01Z'),
        dated('empty', ''),
        dated('newer', '2026-02-01T09:00:00+01:00'),
      ]),
      type: 'application/rss+xml',
    });
    const feedId = await h.subscribe('/dates.xml');
    const before = Date.now();
    await h.sync();
    const after = Date.now();
    expect(await h.reported(feedId)).toMatchObject({ status: 'ok', error: null });
    const articles = (await h.core.api.listArticles({ filter: { kind: 'feed', feedId } })).articles;
    expect(articles).toHaveLength(8);
    const at = new Map(articles.map((a) => [a.title, a.publishedAt]));
    for (const undated of ['garbage', 'month-13', 'weekday-soup', 'bare-number', 'out-of-range', 'empty']) {
      expect(at.get(undated), undated).toBeGreaterThanOrEqual(before);
      expect(at.get(undated), undated).toBeLessThanOrEqual(after);
    }
    expect(at.get('newer')).toBe(Date.parse('2026-02-01T08:00:00Z'));
    expect(at.get('older')).toBe(Date.parse('2026-01-05T10:00:00Z'));
    // Newest first: the undated ones (seen now) above both dated items, and those two in date order.
    expect(articles.slice(-2).map((a) => a.title)).toEqual(['newer', 'older']);
  });
});

describe('duplicate guids', () => {
  it('the same guid twice in a feed, and again in later versions, stays one article', async () => {
    h.server.serve('/dupes.xml', {
      body: rssFeed('Dupes', [rssItem('same', 'First telling'), rssItem('same', 'Second telling'), rssItem('other', 'Other'), rssItem('same', 'Third telling')]),
      type: 'application/rss+xml',
    });
    const feedId = await h.subscribe('/dupes.xml');
    // Two from this feed, one from the neighbour.
    expect(await h.sync()).toMatchObject({ newArticles: 3, feedsFailed: 0 });
    expect((await h.titles(feedId)).sort()).toEqual(['First telling', 'Other']);
    h.server.serve('/dupes.xml', { body: rssFeed('Dupes', [rssItem('same', 'Retold'), rssItem('same', 'Retold again'), rssItem('other', 'Other')]), type: 'application/rss+xml' });
    await h.sync();
    expect((await h.titles(feedId)).sort()).toEqual(['Other', 'Retold']);
    expect((await h.core.api.listFeeds()).find((f) => f.id === feedId)).toMatchObject({ articleCount: 2, lastError: null });
  });

  it('the same guid in two feeds is one article in each', async () => {
    h.server.serve('/twin-a.xml', { body: rssFeed('Twin A', [rssItem('shared-guid', 'In A')]), type: 'application/rss+xml' });
    h.server.serve('/twin-b.xml', { body: rssFeed('Twin B', [rssItem('shared-guid', 'In B')]), type: 'application/rss+xml' });
    const a = await h.subscribe('/twin-a.xml');
    const b = await h.subscribe('/twin-b.xml');
    await h.sync();
    expect(await h.titles(a)).toEqual(['In A']);
    expect(await h.titles(b)).toEqual(['In B']);
  });
});
