// What a sync says it downloaded is what came over the wire, failed fetches included: a person on
// a metered connection pays for a page that stopped halfway, a "not found" page, a picture refused
// for its size once its first bytes were in, and the short body of a redirect. The summary counted
// only the fetches that succeeded; a site in trouble could cost tens of MB the summary never showed.
import { crc32, deflateSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let site: TestServer;
let core: Core;
serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
}, '127.0.43.2');

const paragraph = (n: number) =>
  `<p>Paragraph ${n}: the harbour board met on Thursday to hear the divers' report on the north quay, whose moorings the storm had loosened, and agreed to reopen it to fishing boats on Monday.</p>`;

/** A WordPress post page, long enough that a cut-short copy is tens of KB. */
function postPage(title: string): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>${title} – Coast Gazette</title>` +
    `<link rel="stylesheet" id="wp-block-library-css" href="/wp-includes/css/dist/block-library/style.min.css?ver=6.7.1" media="all"></head>` +
    `<body class="post-template-default single single-post"><div id="page" class="site"><main id="main" class="site-main"><article class="post type-post status-publish">` +
    `<h1 class="entry-title">${title}</h1><div class="entry-content">${Array.from({ length: 320 }, (_, n) => paragraph(n + 1)).join('\n')}` +
    `<figure class="wp-block-image size-full"><img src="/wp-content/uploads/2026/12/quay-survey.png" alt="The survey of the quay" width="1600" height="900"></figure>` +
    `</div></article></main></div></body></html>`;
}

/** A theme's "not found" page, as WordPress serves it with the status 404: the whole site's chrome. */
function notFoundPage(): string {
  const menu = Array.from({ length: 120 }, (_, n) => `<li class="menu-item menu-item-type-taxonomy"><a href="/category/section-${n}/">Section ${n}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Page not found – Coast Gazette</title></head>` +
    `<body class="error404"><header id="masthead"><nav id="site-navigation"><ul id="primary-menu" class="menu">${menu}</ul></nav></header>` +
    `<main id="main"><section class="error-404 not-found"><h1 class="page-title">Oops! That page can’t be found.</h1>` +
    `<p>It looks like nothing was found at this location. Maybe try one of the links below or a search?</p></section></main>` +
    `<footer id="colophon">${menu}</footer></body></html>`;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The start of a PNG declaring 40,000 x 40,000 pixels (1.6 gigapixels): refused as it arrives. */
function hugePngStart(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(40_000, 0);
  header.writeUInt32BE(40_000, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9); // truecolour
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.alloc(300_000)))]);
  return png;
}

function feed(): string {
  const item = (n: number, title: string, link: string) =>
    `<item><title>${title}</title><link>${site.url(link)}</link><guid isPermaLink="false">${site.url(`/?p=${200 + n}`)}</guid>` +
    `<pubDate>${new Date(Date.UTC(2026, 11, 7, 6 + n)).toUTCString()}</pubDate><description><![CDATA[<p>${title}: the harbour board's week.</p>]]></description></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Coast Gazette</title><link>${site.url('/')}</link><description>News from the coast</description>` +
    item(1, 'North quay reopens', '/?p=201') +
    item(2, 'Ferry timetable for the winter', '/2026/12/07/ferry-timetable/') +
    item(3, 'Storm damage: a correction', '/2026/12/07/storm-damage-correction/') +
    '</channel></rss>';
}

it('counts the bytes of failed fetches and of redirects in what the sync downloaded', async () => {
  site.serve('/feed/', { body: feed(), type: 'application/rss+xml; charset=UTF-8' });
  // The post's short link, answered as nginx does, with its small HTML body.
  const moved = '<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
  site.route('/?p=201', (_req, res) => {
    res.writeHead(301, { location: '/2026/12/07/north-quay-reopens/', 'content-type': 'text/html', 'content-length': String(moved.length) });
    res.end(moved);
  });
  site.serve('/2026/12/07/north-quay-reopens/', { body: postPage('North quay reopens'), type: 'text/html; charset=UTF-8' });
  // A survey scan whose header declares 1.6 gigapixels: its first bytes come, then the client stops.
  site.route('/wp-content/uploads/2026/12/quay-survey.png', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(3 * 1024 * 1024) });
    res.write(hugePngStart());
  });
  // A page the proxy passed on in part: 40 KB of its 62, then the connection closes.
  const ferry = Buffer.from(postPage('Ferry timetable for the winter'));
  expect(ferry.length).toBeGreaterThan(40_000);
  site.route('/2026/12/07/ferry-timetable/', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'content-length': String(ferry.length) });
    res.write(ferry.subarray(0, 40_000), () => res.socket?.destroy());
  });
  site.serve('/2026/12/07/storm-damage-correction/', { body: notFoundPage(), status: 404, type: 'text/html; charset=UTF-8' });

  await core.api.addFeed(site.url('/feed/'));
  const before = site.requests.reduce((sum, request) => sum + request.bytes, 0);
  const summary = await core.api.sync();

  for (const path of ['/?p=201', '/wp-content/uploads/2026/12/quay-survey.png', '/2026/12/07/ferry-timetable/', '/2026/12/07/storm-damage-correction/']) {
    expect(site.bytesSentFor(path), path).toBeGreaterThan(0);
  }
  const sent = site.requests.reduce((sum, request) => sum + request.bytes, 0) - before;
  expect(sent).toBeGreaterThan(site.bytesSentFor('/feed/') + site.bytesSentFor('/2026/12/07/north-quay-reopens/') + 40_000);
  expect(summary.bytesFetched).toBe(sent);
});
