// Cookie checks in front of a page: shared hosts and small CDNs answer a first visit with a page
// whose script sets a cookie and reloads (`document.cookie = "humans_21909=1";
// document.location.reload(true)`), and answer it again until the cookie comes back. A browser
// passes it; the sync kept the feed's text. The sync reads the literal cookie (never running the
// script), sends it back to that host only, and asks once more; a check that still answers is
// given up at once, saying so. Others set the cookie in the check page's Set-Cookie header and only
// reload by script: a browser reloads with it, and so does the sync, once. Real loopback servers
// on two hosts, real sync, real storage.
import type http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import type { Article } from '../../shared/types';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const story = (title: string) => `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>${title} – Village Pump</title></head><body>`
  + `<header class="masthead"><a href="/">Village Pump</a></header><main><article class="post"><h1 class="entry-title">${title}</h1><div class="entry-content">`
  + '<p>The parish council agreed on Tuesday to replace the bus shelter by the green, after forty years and two lorries had done for the old one.</p>'
  + '<p>The new shelter will be oak, made by the joiner in Lower Street, and will keep the bench the Women\'s Institute gave in 1987.</p>'
  + '<p>Work starts after the May fair; until then the stop moves twenty yards up the hill, outside the post office.</p>'
  + '</div></article></main><footer>Village Pump, printed and posted since 1974</footer></div></body></html>';

/** A shared host's check, as its servers write it: no text, a cookie, a reload. */
const humansCheck = '<html><body><script>document.cookie = "humans_21909=1"; document.location.reload(true);</script></body></html>';
/** A check whose cookie goes with the reader to another host: a browser keeps it on its own host. */
const checkThenElsewhere = (to: string) => '<html><head><title>One moment</title></head><body>'
  + `<script>document.cookie = "cc_ok=1; path=/; max-age=3600"; window.location.href = "${to}";</script></body></html>`;

/** A load balancer's check: the cookie comes in the head, the page only reloads. */
const reloadCheck = '<!DOCTYPE html><html><head><title>Just a moment…</title></head><body><p>Checking your browser…</p>'
  + '<script>setTimeout(function () { location.href = location.href; }, 1000);</script></body></html>';

let site: TestServer;
let other: TestServer;
let core: PaperboyCore;
let feedId: number;

const LINKS = {
  humansCheck: '/2026/12/bus-shelter',
  neverPasses: '/2026/12/may-fair',
  toOtherHost: '/2026/12/post-office',
  headerCookie: '/2026/12/lorry-weight-limit',
  headerNeverPasses: '/2026/12/parish-plan',
  reloadsAlone: '/2026/12/quiet-reload',
} as const;

/** Answers the check until the cookie it sets comes back; `passes` false: never. */
function checkedPage(cookie: string, passes: boolean) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const back = passes && (req.headers.cookie ?? '').split(/;\s*/).includes(cookie);
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store' });
    res.end(back ? story('A new bus shelter for the green') : humansCheck);
  };
}

/** The check in `reloadCheck`, its cookie in Set-Cookie, until the cookie comes back; `passes` false: never. */
function headerCheckedPage(passes: boolean) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const back = passes && (req.headers.cookie ?? '').split(/;\s*/).includes('__lb_check=7f3a9c');
    res.writeHead(200, {
      'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store',
      ...(back ? {} : { 'set-cookie': '__lb_check=7f3a9c; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax' }),
    });
    res.end(back ? story('Weight limit for lorries on Mill Lane') : reloadCheck);
  };
}

beforeAll(async () => {
  site = await TestServer.start('127.0.0.1');
  other = await TestServer.start('127.0.0.2');
  site.route(LINKS.humansCheck, checkedPage('humans_21909=1', true));
  site.route(LINKS.neverPasses, checkedPage('humans_21909=1', false));
  site.route(LINKS.headerCookie, headerCheckedPage(true));
  site.route(LINKS.headerNeverPasses, headerCheckedPage(false));
  // A short page that reloads itself and sets no cookie: nothing new to send, so it is the page.
  site.serve(LINKS.reloadsAlone, { body: reloadCheck.replace('Checking your browser…', 'Photo of the week: the green in snow.'), type: 'text/html' });
  site.serve(LINKS.toOtherHost, { body: checkThenElsewhere(other.url('/post-office')), type: 'text/html' });
  other.serve('/post-office', { body: story('A new bus shelter for the green'), type: 'text/html; charset=UTF-8' });
  const items = Object.entries(LINKS).map(([name, path]) =>
    `<item><title>${name}</title><link>${site.url(path)}</link><guid>${name}</guid><description>The feed's words for ${name}.</description></item>`);
  site.serve('/feed/', { body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Village Pump</title><link>${site.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml; charset=UTF-8' });
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  feedId = (await core.api.addFeed(site.url('/feed/'))).feed.id;
  await core.api.sync();
});
afterAll(async () => {
  await core.close();
  await site.stop();
  await other.stop();
  removeTempDirs();
});

async function article(name: keyof typeof LINKS): Promise<Article> {
  const listed = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 50 })).articles.find((a) => a.title === name)!;
  return (await core.api.getArticle(listed.id))!;
}

it("passes a cookie check as a browser does: the cookie its script sets goes back, and the page behind it is the copy", async () => {
  const page = await article('humansCheck');
  expect(page.fullTextState).toBe('done');
  expect(page.html).toContain('replace the bus shelter by the green');
  const asked = site.requestsFor(LINKS.humansCheck);
  expect(asked.map((request) => request.headers.cookie ?? null)).toEqual([null, 'humans_21909=1']);
});

it('asks a check that never lets the sync through once more only, and says so, keeping the feed\'s text', async () => {
  const page = await article('neverPasses');
  expect(page.fullTextState).toBe('failed');
  expect(page.html).toContain("The feed's words for neverPasses.");
  expect(page.fullTextError).toMatch(/^the cookie check at 127\.0\.0\.1:\d+ did not let the sync through/);
  expect(site.requestsFor(LINKS.neverPasses)).toHaveLength(2);
});

it('keeps the cookie a check sets to its own host', async () => {
  expect((await article('toOtherHost')).html).toContain('replace the bus shelter by the green');
  expect(other.requestsFor('/post-office').map((request) => request.headers.cookie ?? null)).toEqual([null]);
});

it("passes a check whose cookie comes in its head and whose script only reloads: asked once more, with the cookie", async () => {
  const page = await article('headerCookie');
  expect(page.fullTextState).toBe('done');
  expect(page.html).toContain('replace the bus shelter by the green');
  expect(site.requestsFor(LINKS.headerCookie).map((request) => request.headers.cookie ?? null)).toEqual([null, '__lb_check=7f3a9c']);
});

it('gives such a check up after one reload, saying so, and keeps a page that reloads with no cookie set as it is', async () => {
  const page = await article('headerNeverPasses');
  expect(page.fullTextState).toBe('failed');
  expect(page.html).toContain("The feed's words for headerNeverPasses.");
  expect(page.fullTextError).toMatch(/^the cookie check at 127\.0\.0\.1:\d+ did not let the sync through/);
  expect(site.requestsFor(LINKS.headerNeverPasses)).toHaveLength(2);
  expect((await article('reloadsAlone')).fullTextState).toBe('done');
  expect(site.requestsFor(LINKS.reloadsAlone)).toHaveLength(1);
});
