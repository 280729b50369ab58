// srcset as publishers write it beyond the usual list of widths, in a feed's pictures, each
// answered by a real server with real picture bytes: only densities (1x, 2x); an image CDN's
// addresses with commas in their path (Cloudinary's c_fill,w_800); sizes="auto" on a lazy
// picture; and a candidate naming both a width and a density, which the HTML standard makes no
// candidate at all (browsers drop it and show the others, or src): it was stored as if it were
// the picture, a 3,000-pixel file the page never shows.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { cacheUrl } from '../../shared/cache-url';
import { makeJpeg } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let core: PaperboyCore;

beforeEach(async () => {
  site = await TestServer.start('127.0.146.12');
  core = openCore({ dataDir: tempDir('paperboy-srcset-'), workers: 1, welcome: false });
});
afterEach(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('srcset in the shapes publishers write', () => {
  it('stores the picture a browser on a 2x screen shows across the column', async () => {
    const files: Record<string, Buffer> = {};
    const picture = (path: string, width: number, rgb: [number, number, number]) => {
      files[path] = makeJpeg(width, Math.round((width * 2) / 3), rgb);
      site.serve(path, { body: files[path]!, type: 'image/jpeg' });
      return site.url(path);
    };
    const cloudinary = (transform: string, width: number) => picture(`/harbour-news/image/upload/${transform}/v1733390000/pier-storm.jpg`, width, [50, 70, 110]);
    const densities = `${picture('/media/lifeboat-1x.jpg', 736, [200, 80, 40])} 1x, ${picture('/media/lifeboat-2x.jpg', 1472, [200, 80, 40])} 2x`;
    const commas = [cloudinary('c_fill,w_800,h_533,g_auto', 800), cloudinary('c_fill,w_1600,h_1067,g_auto', 1600), cloudinary('c_fill,w_2400,h_1600,g_auto', 2400)];
    const ofCommas = `${commas[0]} 800w,${commas[1]} 1600w,${commas[2]} 2400w`;
    const auto = `${picture('/media/quay-400.jpg', 400, [90, 90, 90])} 400w, ${picture('/media/quay-800.jpg', 800, [90, 90, 90])} 800w, ${picture('/media/quay-1600.jpg', 1600, [90, 90, 90])} 1600w`;
    const fallback = picture('/media/harbour-wall-1200.jpg', 1200, [30, 120, 60]);
    const invalid = `${picture('/media/harbour-wall-3000.jpg', 3000, [30, 120, 60])} 3000w 2x`;
    const body = [
      `<p>The lifeboat was called out twice on Sunday night.</p><img src="${site.url('/media/lifeboat-1x.jpg')}" srcset="${densities}" alt="The lifeboat leaving the station" width="736">`,
      `<p>The storm took the end off the pier.</p><img src="${commas[0]}" srcset="${ofCommas}" sizes="(max-width: 736px) 100vw, 736px" alt="The pier after the storm">`,
      `<p>The quay was closed until Tuesday.</p><img loading="lazy" src="${site.url('/media/quay-400.jpg')}" srcset="${auto}" sizes="auto" width="400" height="267" alt="The closed quay">`,
      `<p>The harbour wall held.</p><img src="${fallback}" srcset="${invalid}" alt="The harbour wall at high water">`,
    ].join('\n');
    site.serve('/feed.xml', {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour News</title><link>${site.origin}/</link><description>News from the harbour</description><item><title>Storm night</title><link>${site.url('/2024/12/storm-night/')}</link><guid>${site.url('/?p=881')}</guid><pubDate>Mon, 09 Dec 2024 07:00:00 +0000</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item></channel></rss>`,
    });
    await core.api.addFeed(site.url('/feed.xml'));
    await core.api.sync({ fullText: false });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const html = (await core.api.getArticle(articles[0]!.id))!.html;
    const shown = [...html.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]);
    expect(shown).toEqual([
      cacheUrl(sha(files['/media/lifeboat-2x.jpg']!)),
      cacheUrl(sha(files['/harbour-news/image/upload/c_fill,w_1600,h_1067,g_auto/v1733390000/pier-storm.jpg']!)),
      cacheUrl(sha(files['/media/quay-800.jpg']!)),
      cacheUrl(sha(files['/media/harbour-wall-1200.jpg']!)),
    ]);
    expect(site.requests.some((request) => request.path === '/media/harbour-wall-3000.jpg')).toBe(false);
  }, 60_000);
});
