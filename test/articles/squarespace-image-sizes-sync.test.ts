// A Squarespace page writes each picture's original upload in src, and again in data-src and
// data-image for its loader, beside a srcset of the sizes its image server makes (?format=1500w).
// The loader's attribute names nothing src does not: a browser shows the srcset's size for its
// window, and so does the reader, whose sync asks for that size only, not the original upload.
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
  // Squarespace's image host, served from the loopback: the sync resolves its name here.
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, network: { resolve: async (hostname) => [{ address: '127.0.0.1', family: 4 }].filter(() => hostname === SQUARESPACE_CDN) } });
});

afterEach(async () => {
  await core.close();
  await Promise.all([site.stop(), cdn.stop()]);
  removeTempDirs();
});

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const paragraph = (n: number) => `<p class="" style="white-space:pre-wrap;">Paragraph ${n}: we mill our own flour now, a few kilos each morning on the little stone mill in the corner, and the bread tastes of the wheat again.</p>`;

const SQUARESPACE_CDN = 'images.squarespace-cdn.com';
// Squarespace's sizes of an upload: ?format=100w up to 2500w; without one, the original upload.
const FORMATS = [100, 300, 500, 750, 1000, 1500, 2500];
const ORIGINAL = { width: 4032, height: 3024 };

/** The image server: each size at its real pixel size, the original at the camera's; each made
 *  when first asked for (a large PNG takes a while to make, and most are never asked for). */
function imageServer(colour: number): { sized: (width: number) => Buffer; handler: (req: http.IncomingMessage, res: http.ServerResponse) => void } {
  const made = new Map<number, Buffer>();
  const sized = (width: number) => {
    let bytes = made.get(width);
    if (!bytes) made.set(width, (bytes = makePng(width, Math.round((width * 3) / 4), [colour, width % 256, 90])));
    return bytes;
  };
  let original: Buffer | null = null;
  return {
    sized,
    handler: (req, res) => {
      const format = /^(\d+)w$/.exec(new URL(req.url ?? '/', 'http://cdn').searchParams.get('format') ?? '');
      if (format && !FORMATS.includes(Number(format[1]))) {
        res.writeHead(400).end();
        return;
      }
      const bytes = format ? sized(Number(format[1])) : (original ??= makePng(ORIGINAL.width, ORIGINAL.height, [colour, 10, 10]));
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length }).end(bytes);
    },
  };
}

describe("a Squarespace post's picture", () => {
  it("is the srcset's size for the column, not the original upload its loader's attributes repeat", async () => {
    const upload = '/content/v1/5f3a9c1e2b7d4a0012c3e4f5/1710170000000-AB12CD34EF/stone-mill.jpg';
    const mill = imageServer(200);
    cdn.route(upload, mill.handler);
    const original = cdn.url(upload);
    const srcset = FORMATS.map((width) => `${original}?format=${width}w ${width}w`).join(', ');
    const story = '/journal/milling-our-own-flour';
    site.serve('/journal?format=rss', { body: rssFeed('Millstone Journal', [`<item><title>Milling our own flour</title><guid isPermaLink="false">5f3a:65ee:66aa</guid><link>${site.url(story)}</link></item>`]), type: 'application/rss+xml' });
    site.serve(story, {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Milling our own flour — Millstone Collective</title></head>
        <body id="item-66aa" class="collection-type-blog-basic view-item"><header class="header"><a href="/" class="header-title-logo">Millstone Collective</a>
        <nav class="header-nav"><a href="/journal">Journal</a> <a href="/shop">Shop</a></nav></header>
        <main id="page"><article class="BlogItem hentry"><h1 class="entry-title" data-content-field="title">Milling our own flour</h1>
        <div class="blog-item-content e-content"><div class="sqs-layout sqs-grid-12 columns-12"><div class="row sqs-row"><div class="col sqs-col-12 span-12">
        <div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content">${paragraph(1)}${paragraph(2)}</div></div>
        <div class="sqs-block image-block sqs-block-image"><div class="sqs-block-content"><div class="image-block-outer-wrapper layout-caption-below design-layout-inline">
        <figure class="sqs-block-image-figure intrinsic" style="max-width:2500px;"><div class="image-block-wrapper" data-animation-role="image"><div class="sqs-image-shape-container-element has-aspect-ratio" style="position: relative; padding-bottom:75%; overflow: hidden;">
        <img data-stretch="false" data-src="${original}" data-image="${original}" data-image-dimensions="2500x1875" data-image-focal-point="0.5,0.5" alt="The stone mill in the corner of the bakery" data-load="false" elementtiming="system-image-block" src="${original}" width="2500" height="1875" sizes="(max-width: 640px) 100vw, (max-width: 767px) 100vw, 100vw" style="display:block;object-fit: cover; width: 100%; height: 100%; object-position: 50% 50%" srcset="${srcset}" loading="lazy" decoding="async" data-loader="sqs">
        </div></div><figcaption class="image-caption-wrapper"><div class="image-caption"><p>The stone mill, in the corner by the proving racks.</p></div></figcaption></figure></div></div></div>
        <div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content">${paragraph(3)}${paragraph(4)}</div></div>
        </div></div></div></div></article></main><footer class="footer"><p>Millstone Collective, Harbour Street</p></footer></body></html>`,
    });

    await core.api.addFeed(site.url('/journal?format=rss'));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 1, imagesFetched: 1 });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const html = (await core.api.getArticle(articles[0]!.id))!.html;
    expect(html).toContain('The stone mill, in the corner by the proving racks.');
    expect([...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => /src="paperboy-cache:\/\/([0-9a-f]{64})"/.exec(tag)?.[1])).toEqual([hashOf(mill.sized(1500))]);
    expect(cdn.requests.map((request) => request.path)).toEqual([`${upload}?format=1500w`]);
  });

  it("is the size Squarespace 7.0's loader would ask for the column, where its image block names only the original", async () => {
    // 7.0's image blocks: the upload in data-src and data-image, its size in data-image-dimensions,
    // no srcset; a <noscript> copy of the original before the image (or, on some, a blank src).
    const folder = '/content/v1/54e0c1a2e4b0d3f5a6b7c8d9/1709900000000-QW12ER34TY';
    const cdnUrl = (path: string) => `http://${SQUARESPACE_CDN}:${new URL(cdn.origin).port}${path}`;
    const uploads = { kiln: `${folder}/kiln-door.jpg`, shelves: `${folder}/drying-shelves.jpg`, stamp: `${folder}/makers-stamp.jpg` };
    const kiln = imageServer(40);
    const shelves = imageServer(120);
    // A small upload, narrower than the column needs: the loader's size would be the upload itself.
    const stamp = makePng(1000, 750, [60, 160, 60]);
    cdn.route(uploads.kiln, kiln.handler);
    cdn.route(uploads.shelves, shelves.handler);
    cdn.serve(uploads.stamp, { body: stamp, type: 'image/png' });
    const imageBlock = (upload: string, dimensions: string, alt: string, caption: string, src: string | null) => `
      <div class="sqs-block image-block sqs-block-image" data-block-type="5"><div class="sqs-block-content">
      <div class="image-block-outer-wrapper layout-caption-below design-layout-inline combination-animation-none individual-animation-none">
      <figure class="sqs-block-image-figure intrinsic" style="max-width:${dimensions.split('x')[0]}.0px;"><div style="padding-bottom:75.0%;" class="image-block-wrapper has-aspect-ratio" data-animation-role="image">
      ${src === null ? `<noscript><img src="${cdnUrl(upload)}" alt="${alt}" /></noscript>` : ''}
      <img class="thumb-image" ${src === null ? '' : `src="${src}" `}data-src="${cdnUrl(upload)}" data-image="${cdnUrl(upload)}" data-image-dimensions="${dimensions}" data-image-focal-point="0.5,0.5" alt="${alt}" data-load="false" data-image-id="65ec0a1b2c3d4e5f6a7b8c9d" data-type="image" />
      </div><figcaption class="image-caption-wrapper"><div class="image-caption"><p>${caption}</p></div></figcaption></figure></div></div></div>`;
    const story = '/blog/firing-the-big-kiln';
    site.serve('/blog?format=rss', { body: rssFeed('Harbour Pottery', [`<item><title>Firing the big kiln</title><guid isPermaLink="false">54e0:65ec:7a1f</guid><link>${site.url(story)}</link></item>`]), type: 'application/rss+xml' });
    site.serve(story, {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Firing the big kiln — Harbour Pottery</title></head>
        <body class="collection-type-blog view-item"><header id="header"><h1 class="site-title"><a href="/">Harbour Pottery</a></h1><nav><a href="/blog">Blog</a> <a href="/shop">Shop</a></nav></header>
        <main class="Main-content"><article class="BlogItem hentry"><h1 class="BlogItem-title" data-content-field="title">Firing the big kiln</h1>
        <div class="sqs-layout sqs-grid-12 columns-12" data-type="item" id="item-7a1f"><div class="row sqs-row"><div class="col sqs-col-12 span-12">
        <div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content">${paragraph(1)}${paragraph(2)}</div></div>
        ${imageBlock(uploads.kiln, '2500x1875', 'The kiln door, bricked up for the firing', 'The door is bricked up and sealed with clay.', null)}
        <div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content">${paragraph(3)}</div></div>
        ${imageBlock(uploads.shelves, '2500x1875', 'Pots drying on the shelves', 'A week on the shelves before they go in.', 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7')}
        <div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content">${paragraph(4)}</div></div>
        ${imageBlock(uploads.stamp, '1000x750', "The maker's stamp on a jug's foot", 'Every piece carries the stamp.', null)}
        </div></div></div></article></main><footer class="Footer"><p>Harbour Pottery, Quay Lane</p></footer></body></html>`,
    });

    await core.api.addFeed(site.url('/blog?format=rss'));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 1, imagesFetched: 3 });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const html = (await core.api.getArticle(articles[0]!.id))!.html;
    expect(html).toContain('The door is bricked up and sealed with clay.');
    expect([...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => /src="paperboy-cache:\/\/([0-9a-f]{64})"/.exec(tag)?.[1])).toEqual([hashOf(kiln.sized(1500)), hashOf(shelves.sized(1500)), hashOf(stamp)]);
    expect(cdn.requests.map((request) => request.path).sort()).toEqual([`${uploads.kiln}?format=1500w`, `${uploads.shelves}?format=1500w`, uploads.stamp].sort());
  });
});
