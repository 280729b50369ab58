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
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
});

afterEach(async () => {
  await core.close();
  await Promise.all([site.stop(), cdn.stop()]);
  removeTempDirs();
});

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const paragraph = (n: number) => `<p class="" style="white-space:pre-wrap;">Paragraph ${n}: we mill our own flour now, a few kilos each morning on the little stone mill in the corner, and the bread tastes of the wheat again.</p>`;

// Squarespace's sizes of an upload: ?format=100w up to 2500w; without one, the original upload.
const FORMATS = [100, 300, 500, 750, 1000, 1500, 2500];
const ORIGINAL = { width: 4032, height: 3024 };

/** The image server: each size at its real pixel size, the original at the camera's. */
function imageServer(colour: number): { sized: (width: number) => Buffer; original: Buffer; handler: (req: http.IncomingMessage, res: http.ServerResponse) => void } {
  const sizedBytes = new Map(FORMATS.map((width) => [width, makePng(width, Math.round((width * 3) / 4), [colour, width % 256, 90])]));
  const original = makePng(ORIGINAL.width, ORIGINAL.height, [colour, 10, 10]);
  return {
    sized: (width) => sizedBytes.get(width)!,
    original,
    handler: (req, res) => {
      const format = /^(\d+)w$/.exec(new URL(req.url ?? '/', 'http://cdn').searchParams.get('format') ?? '');
      const bytes = format ? sizedBytes.get(Number(format[1])) : original;
      if (!bytes) {
        res.writeHead(400).end();
        return;
      }
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
});
