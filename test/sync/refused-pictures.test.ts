// Pictures a site sends that Paperboy will not keep, for what they are: a 40 MB original, a PNG
// declaring 20,000 x 20,000 pixels, a web page sent as image/jpeg (a "not found" page with a 200),
// an empty body, an SVG map of 6 MB (a drawing's text is read whole: 5 MB at most). The article is saved with its text and its good picture; each refused one is a
// box that says why in words (a web page sent as image/jpeg read "no picture Paperboy can keep
// (image/jpeg)"); the sync's notes say which pictures were not kept, one line per reason, where
// they said nothing; and the cache holds the good picture's file and nothing else, no part of a
// refused one.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IMAGES_FOLDER } from '../../electron/core';
import type { Core } from '../../electron/core/core';
import { RefusedImages } from '../../electron/core/sync/refused-images';
import { imageMissReason } from '../../renderer/src/lib/image-placeholders';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let site: TestServer;
let core: Core;
serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
}, '127.0.61.4');

const HARBOUR = makePng(1200, 800, [40, 100, 150]);
/** A real PNG with 40 MB of data after its end, as a camera's original exported uncompressed is that size. */
const ORIGINAL = Buffer.concat([makePng(600, 400, [90, 90, 60]), Buffer.alloc(40 * 1024 * 1024, 0x55)]);
const NOT_FOUND = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found – Harbour Gazette</title></head>
<body class="error404"><h1>Oops! That page can’t be found.</h1><p>It looks like nothing was found at this location.</p></body></html>`;

/** A county map as a GIS export writes one: thousands of parishes, each a long path. */
const PARISH_MAP = `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2000 2000">\n${Array.from({ length: 6000 }, (_, i) => `<path id="parish-${i}" fill="#d8e2dc" stroke="#555" d="M${i % 2000} ${(i * 7) % 2000}${' l3.25 -1.5'.repeat(100)}z"/>`).join('\n')}\n</svg>`;

/** A PNG whose header declares 20,000 x 20,000 pixels (400 megapixels), its data a few rows. */
function hugePng(): Buffer {
  const png = makePng(200, 2, [10, 10, 10]);
  png.writeUInt32BE(20_000, 16);
  png.writeUInt32BE(20_000, 20);
  return png;
}

function servePost(): void {
  const pictures = ['harbour.png', 'original.png', 'chart.png', 'moved.jpg', 'empty.jpg', 'parishes.svg'];
  const body = pictures.map((name, i) => `<p>Paragraph ${i + 1} of the report on the harbour's winter works, which closed the north quay for six weeks.</p><figure><img src="${site.url(`/uploads/${name}`)}" alt="Picture ${name}"></figure>`).join('\n');
  site.serve('/feed/', {
    type: 'application/rss+xml; charset=UTF-8',
    body: rssFeed('Harbour Gazette', [`<item><title>Winter works on the quay</title><link>${site.url('/winter-works/')}</link><guid>works-1</guid><description><![CDATA[${body}]]></description></item>`]),
  });
  site.serve('/uploads/harbour.png', { body: HARBOUR, type: 'image/png' });
  // Chunked, no Content-Length: refused as the bytes pass the limit, not by a header.
  site.route('/uploads/original.png', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(ORIGINAL);
  });
  site.serve('/uploads/chart.png', { body: hugePng(), type: 'image/png' });
  site.serve('/uploads/moved.jpg', { body: Buffer.from(NOT_FOUND), type: 'image/jpeg' });
  site.serve('/uploads/empty.jpg', { body: Buffer.alloc(0), type: 'image/jpeg' });
  site.serve('/uploads/parishes.svg', { body: PARISH_MAP, type: 'image/svg+xml' });
}

describe('pictures too large or no pictures at all', () => {
  it('leave the article saved, each a hole saying why, one note per reason, and nothing in the cache', async () => {
    servePost();
    await core.api.addFeed(site.url('/feed/'));
    const summary = await core.api.sync({ fullText: false });
    expect(summary.imagesFetched).toBe(1);
    const picture = (name: string) => site.url(`/uploads/${name}`);
    expect(summary.warnings).toEqual([
      `1 picture was not kept: the site sent a web page in its place (${picture('moved.jpg')})`,
      `1 picture was not kept: the site sent an empty file (${picture('empty.jpg')})`,
      `1 picture was not kept: larger than the 10 MB a picture may be (${picture('original.png')})`,
      `1 picture was not kept: more than the 100 megapixels a picture may have (${picture('chart.png')})`,
      `1 picture was not kept: an SVG drawing too large or too intricate to keep safely (${picture('parishes.svg')})`,
    ]);

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const article = (await core.api.getArticle(articles[0]!.id))!;
    expect(article.html).toContain('Paragraph 5 of the report');
    const reasons = Object.fromEntries(article.missedImages.map((missed) => [missed.url, imageMissReason(missed)]));
    expect(reasons).toEqual({
      [picture('original.png')]: 'Too large to keep (over 10 MB).',
      [picture('chart.png')]: 'The picture is too large to keep (20,000 × 20,000 pixels).',
      [picture('moved.jpg')]: 'The site sent a web page instead of the picture.',
      [picture('empty.jpg')]: 'It could not be downloaded: the site sent an empty file.',
      [picture('parishes.svg')]: 'An SVG drawing Paperboy would not keep: it is larger than the 5 MB a drawing may be.',
    });

    const hash = createHash('sha256').update(HARBOUR).digest('hex');
    const files = readdirSync(path.join(core.dataDir, IMAGES_FOLDER), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
    expect(files).toEqual([hash]);
  }, 60_000);
});

describe("the sync's note for many pictures refused for one reason", () => {
  it('is one line naming the first and counting the rest', () => {
    const refused = new RefusedImages({ imageBytes: 10 * 1024 * 1024, imagePixels: 100_000_000 });
    for (let i = 1; i <= 50; i++) refused.add(`https://cdn.example/uploads/2024/03/notice-${i}.jpg`, 'web-page');
    expect(refused.report()).toEqual(['50 pictures were not kept: the site sent a web page in their place (https://cdn.example/uploads/2024/03/notice-1.jpg and 49 more)']);
  });
});
