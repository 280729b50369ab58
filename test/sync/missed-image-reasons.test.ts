// Each image a sync could not keep is stored with its own reason, which the reader's box says in
// its place: an SVG drawing built to exhaust what reads it (its entities expand to gigabytes), a 403, a 404, a file
// over the size limit, a web page where the picture should be, a host that could not be reached
// (tried again by the next syncs), images left out of the sync (--no-images: fetched by the next
// sync with images). One article on a real loopback site, with a closed port for the dead host.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { Sqlite } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import type { MissedImage } from '../../shared/types';
import { closedPort } from '../http/helpers';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const PHOTO = makePng(8, 6, [30, 110, 180]);
// As Wikipedia's math renderer serves a formula, and as Illustrator exports a chart.
const FORMULA_SVG = `<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="7.66ex" height="6.843ex" style="vertical-align: -3.005ex;" viewBox="0 -1652.5 3298.1 2946.1" role="img" focusable="false" xmlns="http://www.w3.org/2000/svg" aria-labelledby="MathJax-SVG-1-Title">
<title id="MathJax-SVG-1-Title">{\\displaystyle \\sum _{k=1}^{n}k}</title><g stroke="currentColor" fill="currentColor" stroke-width="0" transform="matrix(1 0 0 -1 0 0)"><path d="M61 748Q64 750 489 750H913L954 640Q965 609 976 579T993 533T999 516H979L959 517Q936 579 886 621T777 682Q724 700 655 705T436 710H319Q183 710 183 709Q186 706 348 484T511 259Q517 250 513 244L490 216Q466 188 420 134T330 27L149 -187Q149 -188 362 -188Q388 -188 436 -188T506 -189Q679 -189 778 -162T936 -43Q946 -27 959 6H999L913 -249L489 -250Q65 -250 62 -248Q56 -246 56 -239Q56 -234 118 -161Q186 -81 245 -11L428 206Q428 207 242 462L57 717L56 728Q56 744 61 748Z"></path></g></svg>`;
const CHART_SVG = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.5.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_graphs "http://ns.adobe.com/Graphs/1.0/">
]>
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" x="0px" y="0px" viewBox="0 0 640 360"><rect x="40" y="120" width="80" height="200" fill="#1f77b4"/></svg>`;
// A "chart" whose entities, each ten of the one before, expand to a billion words.
const LAUGHS_SVG = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><text y="15">&lol9;</text></svg>`;
// A camera's full-resolution upload: past the 10 MB a sync keeps of one image.
const HUGE_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(11 * 1024 * 1024, 0x5a)]);

let site: TestServer;
let deadOrigin: string;
let core: PaperboyCore | null = null;

beforeAll(async () => {
  site = await TestServer.start();
  deadOrigin = `http://127.0.0.2:${await closedPort('127.0.0.2')}`;
  site.serve('/uploads/harbour.png', { body: PHOTO, type: 'image/png' });
  site.serve('/media/math/render/svg/2a5d6b.svg', { body: FORMULA_SVG, type: 'image/svg+xml' });
  site.serve('/uploads/catch-chart.svg', { body: CHART_SVG, type: 'image/svg+xml' });
  site.serve('/uploads/laughs.svg', { body: LAUGHS_SVG, type: 'image/svg+xml' });
  site.route('/uploads/members-only.jpg', (_req, res) => {
    res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>403 Forbidden</h1><p>Hotlinking is not allowed.</p>');
  });
  site.route('/uploads/removed.jpg', (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
  });
  site.serve('/uploads/full-resolution.jpg', { body: HUGE_JPEG, type: 'image/jpeg' });
  // A lazy-loading plugin's "image" that is the site's login page.
  site.serve('/uploads/lazy.jpg', { body: '<!DOCTYPE html><html><head><title>Log in</title></head><body><form></form></body></html>', type: 'text/html; charset=UTF-8' });
});
afterAll(() => site.stop());
afterEach(async () => {
  await core?.close();
  core = null;
  removeTempDirs();
});

const STORY = (images: string) => `<item><title>Harbour report</title><guid isPermaLink="false">harbour-1</guid><link>${site.url('/2026/harbour-report/')}</link>
  <description><![CDATA[<p>The catch this year, where the sum <img src="${site.url('/media/math/render/svg/2a5d6b.svg')}" class="mwe-math-fallback-image-inline" alt="{\\displaystyle \\sum _{k=1}^{n}k}"> counts the boats.</p>${images}]]></description></item>`;
const FIGURES = () => [
  '/uploads/harbour.png', '/uploads/catch-chart.svg', '/uploads/laughs.svg', '/uploads/members-only.jpg', '/uploads/removed.jpg', '/uploads/full-resolution.jpg', '/uploads/lazy.jpg',
].map((path) => `<figure><img src="${site.url(path)}" alt="${path}"></figure>`).join('');

async function storedArticle(c: PaperboyCore, title: string) {
  const { articles } = await c.api.listArticles({ filter: { kind: 'all' } });
  const found = articles.find((article) => article.title === title);
  if (!found) throw new Error(`no article "${title}"`);
  return (await c.api.getArticle(found.id))!;
}

const byUrl = (images: readonly MissedImage[]) => [...images].sort((a, b) => a.url.localeCompare(b.url));

describe('an article whose images were not all kept', () => {
  it('says of each image why: a hostile SVG, refused, not found, too large, a web page, its host unreachable (tried again)', async () => {
    const dead = `${deadOrigin}/photos/quay.jpg`;
    site.serve('/feed/', { body: rssFeed('Harbour', [STORY(`${FIGURES()}<figure><img src="${dead}" alt="The quay"></figure>`)]), type: 'application/rss+xml' });
    core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
    await core.api.addFeed(site.url('/feed/'));
    await core.api.sync({ fullText: false });

    const article = await storedArticle(core, 'Harbour report');
    expect(article.html).toMatch(/src="paperboy-cache:\/\/[0-9a-f]{64}"/);
    expect(byUrl(article.missedImages)).toEqual(byUrl([
      { url: site.url('/uploads/laughs.svg'), why: { kind: 'svg', reason: 'it declares entities made of other entities (a file that expands to gigabytes)' }, retried: false },
      { url: site.url('/uploads/members-only.jpg'), why: { kind: 'http-status', status: 403 }, retried: false },
      { url: site.url('/uploads/removed.jpg'), why: { kind: 'http-status', status: 404 }, retried: false },
      { url: site.url('/uploads/full-resolution.jpg'), why: { kind: 'too-large', limitBytes: 10 * 1024 * 1024 }, retried: false },
      { url: site.url('/uploads/lazy.jpg'), why: { kind: 'not-image', contentType: 'text/html' }, retried: false },
      { url: dead, why: { kind: 'unreachable' }, retried: true },
    ]));
    // Every hole the body shows has its reason.
    const holes = [...article.html.matchAll(/data-original-src="([^"]+)"/g)].map((match) => match[1]).sort();
    expect(holes).toEqual(article.missedImages.map((image) => image.url).sort());

    // The next sync asks again only for the image whose host could not be reached, and it still says why.
    const before = site.requests.length;
    await core.api.sync({ fullText: false });
    expect(site.requests.slice(before).filter((request) => request.path.startsWith('/uploads/') || request.path.startsWith('/media/'))).toEqual([]);
    const again = await storedArticle(core, 'Harbour report');
    expect(byUrl(again.missedImages)).toEqual(byUrl(article.missedImages));
  });

  it('says images left out of the sync are not downloaded yet, and the next sync with images keeps them', async () => {
    site.serve('/feed/', { body: rssFeed('Harbour', [STORY('<figure><img src="/uploads/harbour.png" alt="The harbour"></figure>')]), type: 'application/rss+xml' });
    core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
    await core.api.addFeed(site.url('/feed/'));
    await core.api.sync({ fullText: false, images: false });
    const left = await storedArticle(core, 'Harbour report');
    expect(byUrl(left.missedImages)).toEqual(byUrl([
      { url: site.url('/media/math/render/svg/2a5d6b.svg'), why: { kind: 'not-fetched' }, retried: true },
      { url: site.url('/uploads/harbour.png'), why: { kind: 'not-fetched' }, retried: true },
    ]));

    const full = await core.api.sync({ fullText: false });
    expect(full.imagesFetched).toBe(2);
    const kept = await storedArticle(core, 'Harbour report');
    expect(kept.html).toContain('alt="The harbour"');
    expect(kept.html).not.toContain(`data-original-src="${site.url('/uploads/harbour.png')}"`);
    expect(kept.missedImages).toEqual([]);
  });

  it('keeps at the next sync a drawing an earlier version refused, which it said it would', async () => {
    site.serve('/feed/', { body: rssFeed('Harbour', [STORY('')]), type: 'application/rss+xml' });
    const dataDir = tempDir();
    core = openCore({ dataDir, workers: 1, welcome: false });
    await core.api.addFeed(site.url('/feed/'));
    await core.api.sync({ fullText: false, images: false });
    // The hole as a version that kept no SVG left it: no reason of its own.
    const raw = new Sqlite(path.join(dataDir, DATABASE_FILE));
    raw.run("UPDATE article_missed_images SET reason = 'svg', detail = NULL WHERE url LIKE '%.svg'");
    raw.close();
    const formula = site.url('/media/math/render/svg/2a5d6b.svg');
    const before = await storedArticle(core, 'Harbour report');
    expect(before.missedImages).toEqual([{ url: formula, why: { kind: 'svg', reason: null }, retried: true }]);

    await core.api.sync({ fullText: false });
    const kept = await storedArticle(core, 'Harbour report');
    expect(kept.missedImages).toEqual([]);
    expect(kept.html).toMatch(/<img src="paperboy-cache:\/\/[0-9a-f]{64}"[^>]* alt="{\\displaystyle/);
  });
});
