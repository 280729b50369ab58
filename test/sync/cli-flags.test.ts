// `paperboy sync --no-fulltext / --no-images` through the real CLI, counting what reached a
// loopback site: each flag skips exactly what --help says it skips, and both make a feed refresh.
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../support/images';
import { paperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const ARTICLES = 3;
const PNG = makePng(8, 8, [20, 120, 200]);
const TEXT = 'The council voted on Tuesday to reopen the old library as a reading room, after a campaign that lasted two years. ';

let site: TestServer;

beforeAll(async () => {
  site = await TestServer.start();
  const items = Array.from({ length: ARTICLES }, (_, i) => `<item><title>Story ${i}</title><link>${site.url(`/story/${i}.html`)}</link>
    <guid>story-${i}</guid><description><![CDATA[<p>${TEXT}</p><img src="${site.url(`/img/feed-${i}.png`)}" alt="">]]></description></item>`);
  site.serve('/feed.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Town news</title><link>${site.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml' });
  site.fallback((req, res) => {
    const story = /^\/story\/(\d+)\.html$/.exec(req.url ?? '');
    if (story) {
      const paragraphs = Array.from({ length: 6 }, () => `<p>${TEXT}</p>`).join('');
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><article><h1>Story ${story[1]}</h1>${paragraphs}<img src="/img/page-${story[1]}.png" alt=""></article></body></html>`);
    } else if (req.url?.startsWith('/img/')) res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else res.writeHead(404).end();
  });
});
afterAll(() => site.stop());
afterEach(() => removeTempDirs());

/** A data folder subscribed to the feed (from an OPML file: no request yet). */
async function folder(): Promise<string> {
  const dir = tempDir();
  const opml = `${dir}/subs.opml`;
  writeFileSync(opml, `<opml version="2.0"><body><outline type="rss" text="Town" xmlUrl="${site.url('/feed.xml')}"/></body></opml>`);
  expect((await paperboy('--data', dir, 'import', opml)).code).toBe(0);
  return dir;
}

/** What one `paperboy sync ARGS` asked the site for. */
async function syncCounting(dir: string, ...flags: string[]): Promise<{ feeds: number; pages: number; images: number }> {
  const before = site.requests.length;
  const run = await paperboy('--data', dir, 'sync', ...flags);
  expect(run.stderr).not.toMatch(/usage|unknown/i);
  expect(run.code).toBe(0);
  const paths = site.requests.slice(before).map((r) => r.path);
  return {
    feeds: paths.filter((p) => p === '/feed.xml').length,
    pages: paths.filter((p) => p.startsWith('/story/')).length,
    images: paths.filter((p) => p.startsWith('/img/')).length,
  };
}

describe('paperboy sync flags', () => {
  it('--no-images fetches the pages and no image', async () => {
    expect(await syncCounting(await folder(), '--no-images')).toEqual({ feeds: 1, pages: ARTICLES, images: 0 });
  });

  it('--no-fulltext fetches the images and no page', async () => {
    expect(await syncCounting(await folder(), '--no-fulltext')).toEqual({ feeds: 1, pages: 0, images: ARTICLES });
  });

  it('both make a feed refresh, and the next full sync still makes every article whole', async () => {
    const dir = await folder();
    expect(await syncCounting(dir, '--no-fulltext', '--no-images')).toEqual({ feeds: 1, pages: 0, images: 0 });
    const full = await syncCounting(dir);
    expect(full.pages).toBe(ARTICLES);
    expect(full.images).toBeGreaterThanOrEqual(ARTICLES);
  });

  it('--help says what each flag skips', async () => {
    const { stdout, code } = await paperboy('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/--no-fulltext\s+skip the articles' web pages/);
    expect(stdout).toMatch(/--no-images\s+skip the articles' images/);
    expect(stdout).toMatch(/--no-fulltext --no-images\s+a feed refresh: only the feeds are fetched/);
  });
});
