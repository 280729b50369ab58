// Pictures whose server names the wrong type, as real hosts do: an S3 bucket's upload stored
// without one (binary/octet-stream, application/octet-stream), a misconfigured server's
// text/plain, none at all. The bytes decide (images.ts sniffImageType): each is kept, and served
// from the cache with the type its bytes are, never the one its server named.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { makeJpeg, makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let core: PaperboyCore;

beforeEach(async () => {
  site = await TestServer.start('127.0.146.21');
  core = openCore({ dataDir: tempDir('paperboy-mislabelled-'), workers: 1, welcome: false });
});
afterEach(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

describe('pictures served under the wrong type', () => {
  it('are kept when their bytes are pictures, with the type the bytes say', async () => {
    const pictures = [
      { path: '/uploads/2024/12/ferry-timetable.png', body: makePng(900, 1200, [240, 240, 230]), type: 'application/octet-stream', sniffed: 'image/png' },
      { path: '/uploads/2024/12/ferry-at-berth.jpg', body: makeJpeg(1400, 933, [60, 90, 120]), type: 'binary/octet-stream', sniffed: 'image/jpeg' },
      { path: '/uploads/2024/12/new-gangway.jpg', body: makeJpeg(1200, 800, [120, 110, 90]), type: 'text/plain; charset=UTF-8', sniffed: 'image/jpeg' },
      { path: '/uploads/2024/12/ticket-office.jpg', body: makeJpeg(1000, 667, [150, 80, 60]), type: null, sniffed: 'image/jpeg' },
    ];
    for (const { path, body, type } of pictures) {
      site.route(path, (_req, res) => {
        res.writeHead(200, { ...(type ? { 'content-type': type } : {}), 'content-length': String(body.length) }).end(body);
      });
    }
    const text = pictures.map(({ path }, n) => `<p>Paragraph ${n + 1} on the winter ferry timetable and the works at the berth.</p><p><img src="${site.url(path)}" alt="Picture ${n + 1}"></p>`).join('');
    site.serve('/feed/', {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Island Ferries</title><link>${site.origin}/</link><description>Notices</description><item><title>Winter timetable</title><link>${site.url('/2024/12/winter-timetable/')}</link><guid>${site.url('/?p=412')}</guid><description><![CDATA[${text}]]></description></item></channel></rss>`,
    });
    await core.api.addFeed(site.url('/feed/'));
    const summary = await core.api.sync({ fullText: false });
    expect(summary.warnings).toEqual([]);

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const article = (await core.api.getArticle(articles[0]!.id))!;
    expect(article.missedImages).toEqual([]);
    for (const { body, sniffed } of pictures) {
      const hash = createHash('sha256').update(body).digest('hex');
      expect(article.html).toContain(`paperboy-cache://${hash}`);
      expect(core.cachedImage(hash)?.mime).toBe(sniffed);
    }
  }, 60_000);
});
