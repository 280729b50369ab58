// What a sync asks image hosts for, as the servers see it: each image with the Referer a browser
// showing the article would send (hosts that refuse hotlinking answer 403 without it), each image
// address once however many articles show it (and not again once stored), and never the
// tracking pixels feeds put in every item (each fetch reports a "view" of an item nobody read).
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let cdn: TestServer;
let core: Core;

beforeEach(async () => {
  site = await TestServer.start();
  cdn = await TestServer.start();
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
});

afterEach(async () => {
  await core.close();
  await Promise.all([site.stop(), cdn.stop()]);
  removeTempDirs();
});

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const paragraph = '<p>The ferry to the islands runs again from Monday, the harbour master said, after the repairs to the quay were finished.</p>';

/** An image as a host with hotlink protection serves it: 403 unless the Referer is from `site`. */
function hotlinkProtected(bytes: Buffer, allowed: (referer: string) => boolean): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  return (req, res) => {
    if (!allowed(req.headers.referer ?? '')) {
      res.writeHead(403, { 'content-type': 'text/html' });
      res.end('<h1>403 Forbidden</h1><p>Hotlinking is not allowed.</p>');
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length });
    res.end(bytes);
  };
}

async function articleHtml(title: string): Promise<string> {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  const found = articles.find((article) => article.title === title);
  if (!found) throw new Error(`no article "${title}"`);
  return (await core.api.getArticle(found.id))!.html;
}

describe('hotlink-protected images', () => {
  it('are asked for with the Referer a browser sends from the page, and kept', async () => {
    const story = site.url('/2024/05/ferry-runs-again/');
    const lead = makePng(8, 4, [20, 90, 160]);
    const chart = makePng(6, 6, [200, 40, 40]);
    const moved = makePng(5, 7, [40, 160, 60]);
    site.serve('/feed/', { body: rssFeed('Harbour news', [`<item><title>Ferry runs again</title><guid>ferry-1</guid><link>${story}</link></item>`]), type: 'application/rss+xml' });
    site.serve('/2024/05/ferry-runs-again/', {
      type: 'text/html',
      body: `<!DOCTYPE html><html><head><title>Ferry runs again</title><meta property="og:image" content="${cdn.url('/uploads/quay.png')}"></head>
        <body><article><h1>Ferry runs again</h1><figure><img src="${cdn.url('/uploads/quay.png')}" alt="The quay"></figure>${paragraph.repeat(4)}
        <figure><img src="/wp-content/uploads/timetable.png" alt="The new timetable"></figure>
        <figure><img src="/wp-content/uploads/old-ferry.png" alt="The old ferry"></figure></article></body></html>`,
    });
    // The site's own uploads want the page; its CDN wants the site; one upload has moved to the CDN.
    site.route('/wp-content/uploads/timetable.png', hotlinkProtected(chart, (referer) => referer === story));
    site.redirect('/wp-content/uploads/old-ferry.png', cdn.url('/uploads/old-ferry.png'));
    cdn.route('/uploads/quay.png', hotlinkProtected(lead, (referer) => referer.startsWith(`${site.origin}/`)));
    cdn.route('/uploads/old-ferry.png', hotlinkProtected(moved, (referer) => referer.startsWith(`${site.origin}/`)));

    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 1, imagesFetched: 3 });

    const html = await articleHtml('Ferry runs again');
    for (const image of [lead, chart, moved]) expect(html).toContain(`src="paperboy-cache://${hashOf(image)}"`);
    expect(html).not.toContain('data-original-src');
    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    expect(articles[0]!.leadImage).toBe(`paperboy-cache://${hashOf(lead)}`);

    // A browser's strict-origin-when-cross-origin: the page to its own site, its origin elsewhere,
    // a redirect to the CDN included; the feed and the page themselves are asked for without one.
    expect(site.requestsFor('/wp-content/uploads/timetable.png').map((r) => r.headers.referer)).toEqual([story]);
    expect(site.requestsFor('/wp-content/uploads/old-ferry.png').map((r) => r.headers.referer)).toEqual([story]);
    expect(cdn.requests.map((r) => [r.path, r.headers.referer])).toEqual([
      ['/uploads/quay.png', `${site.origin}/`],
      ['/uploads/old-ferry.png', `${site.origin}/`],
    ]);
    expect(site.requestsFor('/feed/')[0]!.headers.referer).toBeUndefined();
    expect(site.requestsFor('/2024/05/ferry-runs-again/')[0]!.headers.referer).toBeUndefined();
  });
});

describe('an image many articles show', () => {
  const logo = makePng(40, 20, [250, 200, 0]);
  const photo = (n: number) => makePng(4, 4, [n * 10, 60, 120]);
  const item = (n: number) => `<item><title>Harbour note ${n}</title><guid>note-${n}</guid><link>${site.url(`/notes/${n}/`)}</link>
    <description><![CDATA[${paragraph}<p><img src="${cdn.url('/uploads/harbour-logo.png')}" alt="Harbour news"></p><p><img src="${cdn.url(`/uploads/photo-${n}.png`)}" alt="Photo ${n}"></p>]]></description></item>`;
  const serveFeed = (count: number) =>
    site.serve('/feed/', { body: rssFeed('Harbour notes', Array.from({ length: count }, (_, n) => item(n))), type: 'application/rss+xml' });

  beforeEach(() => {
    // In two parts, as a large image comes over a real network: the articles showing it ask meanwhile.
    cdn.route('/uploads/harbour-logo.png', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': logo.length });
      res.write(logo.subarray(0, 40), () => setTimeout(() => res.end(logo.subarray(40)), 20));
    });
    for (let n = 0; n < 15; n++) cdn.serve(`/uploads/photo-${n}.png`, { body: photo(n), type: 'image/png' });
  });

  it('is fetched once in a sync, and not again by later syncs, while every article shows it', async () => {
    serveFeed(12);
    await core.api.addFeed(site.url('/feed/'));
    const added = site.requests.length;
    const first = await core.api.sync({ fullText: false });
    expect(first).toMatchObject({ articlesFetched: 12, imagesFetched: 13 });
    expect(cdn.requestsFor('/uploads/harbour-logo.png')).toHaveLength(1);
    // The summary's bytes are those that crossed the wire, each once.
    const sent = [...site.requests.slice(added), ...cdn.requests].filter((r) => r.status === 200).reduce((sum, r) => sum + r.bytes, 0);
    expect(first.bytesFetched).toBe(sent);
    for (let n = 0; n < 12; n++) {
      const html = await articleHtml(`Harbour note ${n}`);
      expect(html).toContain(`src="paperboy-cache://${hashOf(logo)}"`);
      expect(html).toContain(`src="paperboy-cache://${hashOf(photo(n))}"`);
    }

    // New items show the logo too: it is in the cache already, and only their photos are fetched.
    serveFeed(15);
    expect(await core.api.sync({ fullText: false })).toMatchObject({ articlesFetched: 3, imagesFetched: 3 });
    expect(cdn.requestsFor('/uploads/harbour-logo.png')).toHaveLength(1);
    for (const n of [12, 13, 14]) {
      expect(cdn.requestsFor(`/uploads/photo-${n}.png`)).toHaveLength(1);
      expect(await articleHtml(`Harbour note ${n}`)).toContain(`src="paperboy-cache://${hashOf(logo)}"`);
    }
  });
});

describe('tracking pixels', () => {
  it('are neither fetched nor kept, in feed items and in pages', async () => {
    const hero = makePng(8, 5, [10, 80, 200]);
    const boats = makePng(7, 7, [0, 120, 90]);
    const quay = makePng(6, 3, [90, 90, 90]);
    const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    cdn.fallback((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/gif' });
      res.end(pixel);
    });
    cdn.serve('/max/1024/hero.png', { body: hero, type: 'image/png' });
    cdn.serve('/photos/boats.png', { body: boats, type: 'image/png' });
    cdn.serve('/photos/quay.png', { body: quay, type: 'image/png' });
    const items = [
      // Medium's feed: the view counter ends every post.
      `<item><title>Medium post</title><guid>medium-1</guid><link>${site.url('/p/medium-post')}</link><content:encoded><![CDATA[<figure><img alt="" src="${cdn.url('/max/1024/hero.png')}" /></figure>${paragraph}<img src="${cdn.url('/_/stat?event=post.clientViewed&referrerSource=full_rss&postId=abc123')}" width="1" height="1" alt="" />]]></content:encoded></item>`,
      // Feedburner's pixel comes first in the item.
      `<item><title>Feedburner post</title><guid>feedburner-1</guid><link>${site.url('/p/feedburner-post')}</link><description><![CDATA[<img src="${cdn.url('/~r/HarbourNews/~4/Xy12AbC')}" height="1" width="1" alt=""/>${paragraph}<p><img src="${cdn.url('/photos/boats.png')}" alt="Boats"/></p>]]></description></item>`,
      // WordPress.com's stats pixel, here without a size; an open counter of zero size; and a press
      // wire's, sized to a pixel by its style alone.
      `<item><title>WordPress post</title><guid>wp-1</guid><link>${site.url('/p/wp-post')}</link><description><![CDATA[${paragraph}<img alt="" border="0" src="${cdn.url('/b.gif?host=harbour.example&blog=1234&post=56&subd=harbour&ref=&feed=1')}" /><img src="${cdn.url('/open/count.gif?u=reader')}" width="0" height="0"/><img alt="" src="${cdn.url('/rt.gif?NewsItemId=EN12345')}" style="border:0px; width:1px; height:1px;">]]></description></item>`,
    ];
    site.serve('/feed/', {
      body: rssFeed('Harbour news', items).replace('<rss version="2.0">', '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'),
      type: 'application/rss+xml',
    });
    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync({ fullText: false })).toMatchObject({ articlesFetched: 3, imagesFetched: 2 });

    // A page with a counter in its text: the article made from the page drops it too.
    const story = `<item><title>Quay reopens</title><guid>quay-1</guid><link>${site.url('/2024/05/quay-reopens/')}</link></item>`;
    site.serve('/feed/', { body: rssFeed('Harbour news', [story]), type: 'application/rss+xml' });
    site.serve('/2024/05/quay-reopens/', {
      type: 'text/html',
      body: `<!DOCTYPE html><html><head><title>Quay reopens</title></head><body><article><h1>Quay reopens</h1>${paragraph.repeat(4)}
        <figure><img src="${cdn.url('/photos/quay.png')}" alt="The quay"></figure><p>More to follow.<img src="${cdn.url('/pixel/view.gif?article=quay')}" width="1" height="1" alt=""></p></article></body></html>`,
    });
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 1, imagesFetched: 1 });

    expect(cdn.requests.map((r) => r.path).sort()).toEqual(['/max/1024/hero.png', '/photos/boats.png', '/photos/quay.png']);
    const shown = {
      'Medium post': [hero],
      'Feedburner post': [boats],
      'WordPress post': [],
      'Quay reopens': [quay],
    };
    for (const [title, images] of Object.entries(shown)) {
      const html = await articleHtml(title);
      expect(html).toContain(paragraph.slice(0, 40));
      expect([...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => /src="paperboy-cache:\/\/([0-9a-f]{64})"/.exec(tag)?.[1])).toEqual(images.map(hashOf));
    }
  });
});
