// Pictures whose host serves a better size than the one the feed names, at an address made by the
// host's own grammar (articles/image-renditions.ts), fetched over HTTPS from the hosts' real names
// (a test authority's certificate, the names resolved to a loopback address):
//  - a YouTube channel's feed names each video's letterboxed 480 x 360 hqdefault.jpg: the lead
//    picture is the 1280 x 720 frame, maxresdefault.jpg; a video that has none (YouTube answers
//    404 with its grey 120 x 90 placeholder) keeps the still the feed named, and no hole.
//  - Medium's feed writes every picture at /max/1024/: the reader's column gets Medium's 1,400.
//  - a Substack gallery names its camera originals: one of 12 MB, past the 10 MB a picture may be,
//    is Substack's 1,456-pixel rendition rather than a hole saying it was too large.
//  - a Wix blog's feed writes its pictures as its pages do, as the blurred 147-pixel or tiny
//    placeholder Wix's script swaps: the reader's copy is the picture across the column.
import { createHash } from 'node:crypto';
import dns from 'node:dns';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { cacheUrl } from '../../shared/cache-url';
import { makeAuthority, type TestAuthority } from '../support/certificates';
import { makeJpeg, makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const IMAGE_HOSTS = ['i.ytimg.com', 'cdn-images-1.medium.com', 'substack-post-media.s3.amazonaws.com', 'substackcdn.com', 'static.wixstatic.com'];
const IMAGE_ADDRESS = '127.0.146.9';

interface Served {
  readonly status?: number;
  readonly type: string;
  readonly body: Buffer;
}

let authority: TestAuthority;
let images: https.Server;
/** What the image hosts serve, by host and path. */
const served = new Map<string, Served>();
const asked: { host: string; path: string; referer: string | undefined }[] = [];
let site: TestServer;
let core: PaperboyCore;

beforeAll(async () => {
  authority = makeAuthority('Picture Hosts');
  const { key, cert } = authority.server({ names: IMAGE_HOSTS });
  images = https.createServer({ key, cert: cert + authority.intermediate.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    asked.push({ host, path: req.url ?? '', referer: req.headers.referer });
    const answer = served.get(`${host}${req.url}`);
    if (!answer) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': answer.type, 'content-length': String(answer.body.length) }).end(answer.body);
  });
  await new Promise<void>((resolve) => images.listen(443, IMAGE_ADDRESS, resolve));
  expect((images.address() as AddressInfo).port).toBe(443);
});
afterAll(async () => {
  await new Promise<void>((resolve) => images.close(() => resolve()));
  authority.dispose();
});

beforeEach(async () => {
  served.clear();
  asked.length = 0;
  site = await TestServer.start('127.0.146.8');
  core = openCore({
    dataDir: tempDir('paperboy-renditions-'),
    workers: 1,
    welcome: false,
    network: {
      resolve: async (hostname) => (IMAGE_HOSTS.includes(hostname) ? [{ address: IMAGE_ADDRESS, family: 4 }] : dns.promises.lookup(hostname, { all: true })),
      extraRoots: [authority.root.cert],
    },
  });
});
afterEach(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function serveImage(url: string, answer: Served): void {
  const { host, pathname, search } = new URL(url);
  served.set(`${host}${pathname}${search}`, answer);
}

async function articlesByTitle(): Promise<Map<string, { leadImage: string | null; html: string; missed: readonly unknown[] }>> {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  const found = new Map<string, { leadImage: string | null; html: string; missed: readonly unknown[] }>();
  for (const summary of articles) {
    const article = (await core.api.getArticle(summary.id))!;
    found.set(article.title, { leadImage: article.leadImage, html: article.html, missed: article.missedImages });
  }
  return found;
}

describe("a YouTube channel's stills", () => {
  const entry = (id: string, title: string) => `
 <entry>
  <id>yt:video:${id}</id>
  <yt:videoId>${id}</yt:videoId>
  <yt:channelId>UCk4Wq9v3nE2bQ7xYdZrT1pA</yt:channelId>
  <title>${title}</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=${id}"/>
  <author><name>Harbour Workshop</name><uri>https://www.youtube.com/channel/UCk4Wq9v3nE2bQ7xYdZrT1pA</uri></author>
  <published>2026-12-02T17:00:06+00:00</published>
  <updated>2026-12-03T09:12:44+00:00</updated>
  <media:group>
   <media:title>${title}</media:title>
   <media:content url="https://www.youtube.com/v/${id}?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="https://i.ytimg.com/vi/${id}/hqdefault.jpg" width="480" height="360"/>
   <media:description>${title}, filmed in the workshop over a week in November.</media:description>
   <media:community><media:starRating count="212" average="5.00" min="1" max="5"/><media:statistics views="4810"/></media:community>
  </media:group>
 </entry>`;

  it('are the video frame at 1280 x 720, or the still the feed named when the video has none', async () => {
    const frame = makeJpeg(1280, 720, [120, 84, 52]);
    const letterboxed = makeJpeg(480, 360, [20, 20, 20]);
    const oldStill = makeJpeg(480, 360, [60, 60, 60]);
    // YouTube's answer for a frame a video does not have: its grey placeholder, with a 404.
    const placeholder = makeJpeg(120, 90, [204, 204, 204]);
    serveImage('https://i.ytimg.com/vi/Qx7bT2mN4pA/maxresdefault.jpg', { type: 'image/jpeg', body: frame });
    serveImage('https://i.ytimg.com/vi/Qx7bT2mN4pA/hqdefault.jpg', { type: 'image/jpeg', body: letterboxed });
    serveImage('https://i.ytimg.com/vi/Lm3xV9pHa2c/maxresdefault.jpg', { status: 404, type: 'image/jpeg', body: placeholder });
    serveImage('https://i.ytimg.com/vi/Lm3xV9pHa2c/hqdefault.jpg', { type: 'image/jpeg', body: oldStill });
    site.serve('/feeds/videos.xml', {
      type: 'text/xml; charset=UTF-8',
      body: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="http://www.youtube.com/feeds/videos.xml?channel_id=UCk4Wq9v3nE2bQ7xYdZrT1pA"/>
 <id>yt:channel:k4Wq9v3nE2bQ7xYdZrT1pA</id>
 <yt:channelId>k4Wq9v3nE2bQ7xYdZrT1pA</yt:channelId>
 <title>Harbour Workshop</title>
 <link rel="alternate" href="https://www.youtube.com/channel/UCk4Wq9v3nE2bQ7xYdZrT1pA"/>
 <author><name>Harbour Workshop</name><uri>https://www.youtube.com/channel/UCk4Wq9v3nE2bQ7xYdZrT1pA</uri></author>
 <published>2019-04-11T08:21:30+00:00</published>${entry('Qx7bT2mN4pA', 'Steaming oak frames – the whole process')}${entry('Lm3xV9pHa2c', 'Shop tour 2014')}
</feed>`,
    });
    await core.api.addFeed(site.url('/feeds/videos.xml'));
    const summary = await core.api.sync({ fullText: false });

    const articles = await articlesByTitle();
    expect(articles.get('Steaming oak frames – the whole process')?.leadImage).toBe(cacheUrl(sha(frame)));
    expect(articles.get('Shop tour 2014')?.leadImage).toBe(cacheUrl(sha(oldStill)));
    expect(summary.imagesFetched).toBe(2);
    expect(summary.warnings).toEqual([]);
    // The letterboxed still of a video that has its frame is never asked for.
    expect(asked.map((request) => request.path)).not.toContain('/vi/Qx7bT2mN4pA/hqdefault.jpg');
  }, 60_000);
});

describe("Medium's feed pictures", () => {
  it('are stored at the 1,400 pixels Medium serves its column, not the 1,024 its feed names', async () => {
    const wide = makeJpeg(1400, 933, [40, 90, 140]);
    const feedSize = makeJpeg(1024, 683, [40, 90, 140]);
    const image = 'https://cdn-images-1.medium.com/max/1024/1*Hq3Vd8kQm2TzR7xNcYwL4A.jpeg';
    serveImage(image, { type: 'image/jpeg', body: feedSize });
    serveImage('https://cdn-images-1.medium.com/max/1400/1*Hq3Vd8kQm2TzR7xNcYwL4A.jpeg', { type: 'image/jpeg', body: wide });
    site.serve('/feed/harbour-notes', {
      type: 'text/xml; charset=UTF-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" xmlns:cc="http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html"><channel><title><![CDATA[Harbour Notes - Medium]]></title><link>https://medium.com/harbour-notes?source=rss----5e3b7c9a1f2d---4</link><generator>Medium</generator><lastBuildDate>Sat, 05 Dec 2026 10:02:11 GMT</lastBuildDate><item><title><![CDATA[What the tide tables do not tell you]]></title><link>${site.url('/harbour-notes/what-the-tide-tables-do-not-tell-you-8c2f1e4b9a07?source=rss----5e3b7c9a1f2d---4')}</link><guid isPermaLink="false">https://medium.com/p/8c2f1e4b9a07</guid><category><![CDATA[sailing]]></category><dc:creator><![CDATA[Ana Ferreira]]></dc:creator><pubDate>Fri, 04 Dec 2026 18:40:22 GMT</pubDate><atom:updated>2026-12-04T18:40:22.118Z</atom:updated><content:encoded><![CDATA[<figure><img alt="The harbour mouth at low water, the bar showing" src="${image}" /><figcaption>The bar at low water. Photo by the author.</figcaption></figure><p>Every tide table gives heights and times. None of them tells you what a southwesterly does to the bar at the harbour mouth when it has blown for three days.</p><p>This is what twenty years of crossing it have taught me.</p><img src="https://medium.com/_/stat?event=post.clientViewed&referrerSource=full_rss&postId=8c2f1e4b9a07" width="1" height="1" alt="">]]></content:encoded></item></channel></rss>`,
    });
    await core.api.addFeed(site.url('/feed/harbour-notes'));
    const summary = await core.api.sync({ fullText: false });

    const article = (await articlesByTitle()).get('What the tide tables do not tell you')!;
    expect(article.html).toContain(`src="${cacheUrl(sha(wide))}"`);
    expect(article.missed).toEqual([]);
    expect(summary.warnings).toEqual([]);
    // The page's origin alone crosses to the image host, as a browser sends it.
    expect(asked.find((request) => request.path.startsWith('/max/1400/'))?.referer).toBe(`${site.origin}/`);
  }, 60_000);
});

describe("a Substack gallery's camera originals", () => {
  it('are kept in the size Substack serves its column when an original is past the 10 MB limit', async () => {
    const original = (name: string) => `https://substack-post-media.s3.amazonaws.com/public/images/${name}`;
    const small = makePng(1200, 900, [70, 110, 60]);
    // A real PNG whose file goes on for 12 MB, as an uncompressed export from a camera does.
    const huge = Buffer.concat([makePng(4032, 3024, [150, 120, 80]), Buffer.alloc(12 * 1024 * 1024, 0x41)]);
    const resized = makeJpeg(1456, 1092, [150, 120, 80]);
    serveImage(original('5b1f0c2e-7a4d-4e1b-9c3a-2d8f6e0b4a71_1200x900.png'), { type: 'image/png', body: small });
    serveImage(original('e3a9d7c1-40b2-4f8e-a6d5-91c0b3f2e847_4032x3024.png'), { type: 'image/png', body: huge });
    serveImage(`https://substackcdn.com/image/fetch/w_1456,c_limit,f_auto,q_auto:good,fl_progressive:steep/${encodeURIComponent(original('e3a9d7c1-40b2-4f8e-a6d5-91c0b3f2e847_4032x3024.png'))}`, { type: 'image/jpeg', body: resized });
    const gallery = JSON.stringify({
      gallery: {
        images: [{ type: 'image/png', src: original('5b1f0c2e-7a4d-4e1b-9c3a-2d8f6e0b4a71_1200x900.png') }, { type: 'image/png', src: original('e3a9d7c1-40b2-4f8e-a6d5-91c0b3f2e847_4032x3024.png') }],
        caption: 'The allotment in June, and the same beds in September.',
        alt: '',
        staticGalleryImage: { type: 'image/png', src: 'https://substackcdn.com/image/upload/w_1028,c_limit,q_auto:best/l_image:gallery-static,fl_relative,w_1.0/fl_layer_apply/gallery_static' },
      },
      isEditorNode: true,
    }).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    site.serve('/feed', {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel><title><![CDATA[Plot 14]]></title><description><![CDATA[A year on an allotment]]></description><link>https://plot14.substack.com</link><generator>Substack</generator><lastBuildDate>Sat, 05 Dec 2026 07:00:41 GMT</lastBuildDate><item><title><![CDATA[A season in two pictures]]></title><description><![CDATA[What the beds looked like, and what they gave.]]></description><link>${site.url('/p/a-season-in-two-pictures')}</link><guid isPermaLink="false">${site.url('/p/a-season-in-two-pictures')}</guid><dc:creator><![CDATA[Tom Ellery]]></dc:creator><pubDate>Fri, 04 Dec 2026 07:00:12 GMT</pubDate><content:encoded><![CDATA[<p>I took the same picture from the shed door in June and again in September.</p><div class="image-gallery-embed" data-attrs="${gallery}"></div><p>The beans did better than I had any right to expect.</p>]]></content:encoded></item></channel></rss>`,
    });
    await core.api.addFeed(site.url('/feed'));
    const summary = await core.api.sync({ fullText: false });

    const article = (await articlesByTitle()).get('A season in two pictures')!;
    expect(article.html).toContain(`src="${cacheUrl(sha(small))}"`);
    expect(article.html).toContain(`src="${cacheUrl(sha(resized))}"`);
    expect(article.missed).toEqual([]);
    expect(summary.imagesFetched).toBe(2);
    expect(summary.warnings).toEqual([]);
  }, 60_000);
});

describe("a Wix blog's feed pictures", () => {
  it('are the pictures across the column, not the blurred or tiny placeholders its feed names', async () => {
    const upload = (id: string) => `https://static.wixstatic.com/media/${id}~mv2.jpg`;
    const meadow = '4f2a1b_9c8d7e6f5a4b4c3d9e8f7a6b5c4d3e2f';
    const seeds = '4f2a1b_0a1b2c3d4e5f40718293a4b5c6d7e8f9';
    const blurred = `${upload(meadow)}/v1/fill/w_147,h_98,al_c,q_80,usm_0.66_1.00_0.01,blur_2,enc_auto/${meadow}~mv2.jpg`;
    const tiny = `${upload(seeds)}/v1/fill/w_40,h_30,al_c,q_80,enc_auto/${seeds}~mv2.jpg`;
    const meadowShown = makeJpeg(1472, 981, [90, 140, 60]);
    const seedsShown = makeJpeg(1472, 1104, [160, 130, 70]);
    serveImage(blurred, { type: 'image/jpeg', body: makeJpeg(147, 98, [90, 140, 60]) });
    serveImage(tiny, { type: 'image/jpeg', body: makeJpeg(40, 30, [160, 130, 70]) });
    serveImage(`${upload(meadow)}/v1/fill/w_1472,h_981,al_c,q_80,usm_0.66_1.00_0.01,enc_auto/${meadow}~mv2.jpg`, { type: 'image/jpeg', body: meadowShown });
    serveImage(`${upload(seeds)}/v1/fill/w_1472,h_1104,al_c,q_80,enc_auto/${seeds}~mv2.jpg`, { type: 'image/jpeg', body: seedsShown });
    const content = `<p>We sowed the meadow in October, yellow rattle first to weaken the grass, then the wildflower mix raked into the bare patches.</p><figure><img src="${blurred}" alt="Yellow rattle in the grass"/><figcaption>Yellow rattle coming up through the grass in May.</figcaption></figure><p>The seed came from a farm two valleys over, in paper sacks.</p><img src="${tiny}" alt="The seed mix in its sacks"/><p>By June the meadow was knee high.</p>`;
    site.serve('/blog-feed.xml', {
      type: 'application/xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel><title><![CDATA[Meadow House]]></title><description><![CDATA[Meadow House]]></description><link>https://www.meadowhouse.example/blog</link><generator>RSS for Node</generator><lastBuildDate>Sat, 05 Dec 2026 08:03:51 GMT</lastBuildDate><atom:link href="https://www.meadowhouse.example/blog-feed.xml" rel="self" type="application/rss+xml"/><item><title><![CDATA[Sowing the meadow]]></title><description><![CDATA[We sowed the meadow in October, yellow rattle first.]]></description><link>${site.url('/post/sowing-the-meadow')}</link><guid isPermaLink="false">674f1c2ab3d9e40012ab34ce</guid><category><![CDATA[Garden]]></category><pubDate>Fri, 04 Dec 2026 07:30:12 GMT</pubDate><content:encoded><![CDATA[${content}]]></content:encoded><dc:creator>Mei Tanaka</dc:creator></item></channel></rss>`,
    });
    await core.api.addFeed(site.url('/blog-feed.xml'));
    const summary = await core.api.sync({ fullText: false });

    const article = (await articlesByTitle()).get('Sowing the meadow')!;
    expect(article.html).toContain(`src="${cacheUrl(sha(meadowShown))}"`);
    expect(article.html).toContain(`src="${cacheUrl(sha(seedsShown))}"`);
    expect(summary.imagesFetched).toBe(2);
    // Neither placeholder is asked for.
    expect(asked.filter((request) => request.host === 'static.wixstatic.com').map((request) => request.path)).toHaveLength(2);
    expect(asked.some((request) => request.path.includes('blur_') || request.path.includes('w_40,'))).toBe(false);
  }, 60_000);
});

describe("a Next.js blog's feed pictures", () => {
  // next/image's optimiser on the blog's own origin, as its feed (built from the same components
  // as its pages) names each picture: at the layout's width, or at a small size for an avatar.
  const optimised = (upload: string, width: number) => `/_next/image?url=${encodeURIComponent(upload)}&w=${width}&q=75`;

  it("are Next's 1,920-pixel size across the column, the named one where the site has no such size, an avatar as it is", async () => {
    const quayWide = makePng(1920, 1280, [70, 110, 150]);
    const quayNamed = makePng(640, 427, [70, 110, 150]);
    const netsNamed = makePng(750, 500, [150, 90, 60]);
    site.serve(optimised('/uploads/quay.jpg', 640), { type: 'image/png', body: quayNamed });
    site.serve(optimised('/uploads/quay.jpg', 1920), { type: 'image/png', body: quayWide });
    site.serve(optimised('https://cms.coastnotes.example/nets.jpg', 750), { type: 'image/png', body: netsNamed });
    // A site whose next.config lists other widths: Next refuses any other with a 400.
    site.route(optimised('https://cms.coastnotes.example/nets.jpg', 1920), (_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('"w" parameter (width) of 1920 is not allowed');
    });
    site.serve(optimised('/authors/mei.jpg', 64), { type: 'image/png', body: makePng(64, 64, [200, 180, 160]) });
    const attribute = (path: string) => site.url(path).replace(/&/g, '&amp;');
    const content = `<p><img src="${attribute(optimised('/authors/mei.jpg', 64))}" alt="Mei Tanaka" width="32" height="32"> By Mei Tanaka</p><p>The boats come in before the sun is up.</p><figure><img src="${attribute(optimised('/uploads/quay.jpg', 640))}" alt="The quay at dawn" width="640" height="427"/><figcaption>The quay at dawn.</figcaption></figure><p>Eleven boats work out of the harbour now.</p><figure><img src="${attribute(optimised('https://cms.coastnotes.example/nets.jpg', 750))}" alt="Nets drying on the wall"/></figure>`;
    site.serve('/feed.xml', {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Coast Notes</title><link>${site.url('/')}</link><description>Coast Notes</description><generator>Next.js using Feed for Node.js</generator><item><title>Boats at dawn</title><link>${site.url('/posts/boats-at-dawn')}</link><guid>${site.url('/posts/boats-at-dawn')}</guid><pubDate>Fri, 04 Dec 2026 06:00:00 GMT</pubDate><content:encoded><![CDATA[${content}]]></content:encoded></item></channel></rss>`,
    });
    await core.api.addFeed(site.url('/feed.xml'));
    const summary = await core.api.sync({ fullText: false });

    const article = (await articlesByTitle()).get('Boats at dawn')!;
    expect(article.html).toContain(`src="${cacheUrl(sha(quayWide))}"`);
    expect(article.html).toContain(`src="${cacheUrl(sha(netsNamed))}"`);
    expect(article.missed).toEqual([]);
    expect(summary.warnings).toEqual([]);
    // The avatar is asked for at its own size only.
    const paths = site.requests.map((request) => request.path).filter((path) => path.startsWith('/_next/image'));
    expect(paths.filter((path) => path.includes('mei.jpg'))).toEqual([optimised('/authors/mei.jpg', 64)]);
    expect(paths).not.toContain(optimised('/uploads/quay.jpg', 640));
  }, 60_000);
});
