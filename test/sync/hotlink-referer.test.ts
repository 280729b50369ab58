// An image host that refuses hotlinking answers 403 to a request whose Referer is not its site's
// page, as browsers send it (strict-origin-when-cross-origin: the page's origin, no path, to another
// origin). A feed whose links go through a redirect (a tracker, a short link, ?p=881 to the post's
// address) has its pictures asked for from the page the link led to, the page the reader saw. A
// picture its host could not send at the first sync (busy) was asked for again by the next with the
// feed's link as its page: the tracker's origin, which the host refuses, so the hole stayed for good
// ("the site answered 403"). The sync asks again from the page the copy was made from.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { makeJpeg } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let tracker: TestServer;
let site: TestServer;
let pictures: TestServer;
let core: PaperboyCore;

beforeEach(async () => {
  tracker = await TestServer.start('127.0.146.17');
  site = await TestServer.start('127.0.146.16');
  pictures = await TestServer.start('127.0.146.18');
  core = openCore({ dataDir: tempDir('paperboy-hotlink-'), workers: 1, welcome: false });
});
afterEach(async () => {
  await core.close();
  await Promise.all([tracker.stop(), site.stop(), pictures.stop()]);
  removeTempDirs();
});

const para = (n: number) => `<p>Paragraph ${n}: the harbour wall took the worst of Sunday's storm, and the council's engineers spent Monday walking its length with the harbour master, marking the stones that moved.</p>`;

describe('a picture on a host that refuses hotlinking, behind a redirected link', () => {
  it('is asked for again from the page the link led to, and kept', async () => {
    const photo = makeJpeg(1600, 1067, [70, 80, 95]);
    const refused = makeJpeg(300, 100, [255, 0, 0]);
    let busy = true;
    const referers: (string | undefined)[] = [];
    pictures.route('/uploads/2024/12/harbour-wall-1600.jpg', (req, res) => {
      referers.push(req.headers.referer);
      if (busy) {
        res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
      } else if (req.headers.referer?.startsWith(`${site.origin}/`)) {
        res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(photo.length) }).end(photo);
      } else {
        // The "no hotlinking" picture such hosts send with their 403.
        res.writeHead(403, { 'content-type': 'image/jpeg', 'content-length': String(refused.length) }).end(refused);
      }
    });
    const page = site.url('/2024/12/09/harbour-wall-storm/');
    site.serve('/2024/12/09/harbour-wall-storm/', {
      type: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The harbour wall after the storm – Harbour News</title><link rel="canonical" href="${page}"></head><body>
<header><a href="/">Harbour News</a><nav><a href="/news/">News</a> <a href="/sport/">Sport</a></nav></header>
<main><article><h1>The harbour wall after the storm</h1>${para(1)}${para(2)}<figure><img src="${pictures.url('/uploads/2024/12/harbour-wall-1600.jpg')}" width="1600" height="1067" alt="The harbour wall at high water on Monday"><figcaption>The wall at high water on Monday.</figcaption></figure>${para(3)}${para(4)}</article></main>
<footer><p>© Harbour News</p></footer></body></html>`,
    });
    tracker.redirect('/r/harbour-news/881', page, 302);
    site.serve('/feed/', {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour News</title><link>${site.origin}/</link><description>News from the harbour</description><item><title>The harbour wall after the storm</title><link>${tracker.url('/r/harbour-news/881')}</link><guid isPermaLink="false">${site.url('/?p=881')}</guid><pubDate>Mon, 09 Dec 2024 07:00:00 +0000</pubDate><description>The harbour wall took the worst of the storm.</description></item></channel></rss>`,
    });
    await core.api.addFeed(site.url('/feed/'));

    await core.api.sync();
    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const first = (await core.api.getArticle(articles[0]!.id))!;
    expect(first.missedImages.map((missed) => missed.why.kind)).toEqual(['unreachable']);

    busy = false;
    await core.api.sync();
    const second = (await core.api.getArticle(articles[0]!.id))!;
    expect(second.missedImages).toEqual([]);
    expect(second.html).toContain(`<img src="paperboy-cache://${createHash('sha256').update(photo).digest('hex')}" alt="The harbour wall at high water on Monday"`);
    // The page's origin, as a browser sends it to another origin: never its path, never the tracker's.
    expect(referers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(referers)).toEqual(new Set([`${site.origin}/`]));
  }, 60_000);
});
