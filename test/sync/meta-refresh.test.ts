// Pages that send the reader on with <meta http-equiv="refresh">, as a browser follows them: a
// static site's redirect stub (jekyll-redirect-from writes exactly this page), an old site's "this
// page has moved". The copy was "Redirecting… Click here if you are not redirected." A page that
// reloads itself, or sends an idle reader home after minutes, is the article. Real loopback server,
// real sync, real storage.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import type { Article } from '../../shared/types';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const story = (title: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Harbour Notes</title></head><body>`
  + `<header><nav><a href="/">Home</a> <a href="/about/">About</a></nav></header><main><article><h1>${title}</h1>`
  + '<p>The harbour board met on Thursday evening and agreed, after a long debate, to repaint the lighthouse before the summer season begins.</p>'
  + '<p>The treasurer said the cost was modest, and the paint will be the same red the tower has worn since 1921, mixed to the old recipe.</p>'
  + '<p>Volunteers are asked to sign up at the harbour office by the end of the month; scaffolding goes up in the first week of May.</p>'
  + '</article></main><footer>Harbour Notes</footer></body></html>';

// jekyll-redirect-from's page, as it writes it.
const stub = (to: string) => `<!DOCTYPE html>\n<html lang="en-US">\n  <meta charset="utf-8">\n  <title>Redirecting&hellip;</title>\n  <link rel="canonical" href="${to}">\n`
  + `  <script>location="${to}"</script>\n  <meta http-equiv="refresh" content="0; url=${to}">\n  <meta name="robots" content="noindex">\n`
  + `  <h1>Redirecting&hellip;</h1>\n  <a href="${to}">Click here if you are not redirected.</a>\n</html>\n`;

let site: TestServer;
let core: PaperboyCore;
let feedId: number;

const LINKS = {
  moved: '/2019/05/lighthouse-paint.html',
  reloads: '/news/reloads-itself',
  sendsHome: '/news/sends-idle-readers-home',
  storyWithRefresh: '/news/story-with-a-refresh-in-it',
  deadEnd: '/old/dead-end.html',
  loop: '/loop/a',
} as const;

beforeAll(async () => {
  site = await TestServer.start();
  site.serve(LINKS.moved, { body: stub(site.url('/2019/lighthouse-paint/')), type: 'text/html' });
  site.serve('/2019/lighthouse-paint/', { body: story('Red paint for the lighthouse'), type: 'text/html' });
  site.serve(LINKS.reloads, { body: story('A page that reloads itself').replace('<head>', '<head><meta http-equiv="refresh" content="300">'), type: 'text/html' });
  site.serve(LINKS.sendsHome, { body: story('A page that sends idle readers home').replace('<head>', '<head><meta http-equiv="Refresh" content="600; URL=/">'), type: 'text/html' });
  // A refresh written into the story's body (a hostile comment, a pasted embed): the story stays.
  site.serve(LINKS.storyWithRefresh, { body: story('A story with a refresh in it').replace('</h1>', '</h1><meta http-equiv="refresh" content="0;url=/elsewhere">'), type: 'text/html' });
  site.serve(LINKS.deadEnd, { body: stub('/old/gone.html'), type: 'text/html' });
  site.serve(LINKS.loop, { body: stub('/loop/b'), type: 'text/html' });
  site.serve('/loop/b', { body: stub('/loop/a'), type: 'text/html' });
  const items = Object.entries(LINKS).map(([name, path]) =>
    `<item><title>${name}</title><link>${site.url(path)}</link><guid>${name}</guid><description>The feed's words for ${name}.</description></item>`);
  site.serve('/feed.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Notes</title><link>${site.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml' });
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  feedId = (await core.api.addFeed(site.url('/feed.xml'))).feed.id;
  await core.api.sync();
});
afterAll(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

async function article(name: keyof typeof LINKS): Promise<Article> {
  const listed = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 50 })).articles.find((a) => a.title === name)!;
  return (await core.api.getArticle(listed.id))!;
}

it('reads the page a redirect stub sends the reader to, as a browser does', async () => {
  const moved = await article('moved');
  expect(moved.fullTextState).toBe('done');
  expect(moved.html).toContain('the same red the tower has worn since 1921');
  expect(moved.html).not.toContain('Redirecting');
  expect(moved.html).not.toContain('Click here if you are not redirected');
});

it('keeps a page that only reloads itself, sends an idle reader home after minutes, or is a story with a refresh written in it', async () => {
  for (const name of ['reloads', 'sendsHome', 'storyWithRefresh'] as const) {
    const page = await article(name);
    expect(page.fullTextState).toBe('done');
    expect(page.html).toContain('the same red the tower has worn since 1921');
  }
  expect(site.requests.filter((request) => request.path === '/elsewhere')).toHaveLength(0);
});

it("keeps the feed's text and says why when the page it is sent to is not there, or the pages send it round in a loop", async () => {
  const dead = await article('deadEnd');
  expect(dead.fullTextState).toBe('failed');
  expect(dead.fullTextError).toBe('HTTP 404 Not Found');
  expect(dead.html).toContain("The feed's words for deadEnd.");
  const loop = await article('loop');
  expect(loop.fullTextState).toBe('failed');
  // Sent back to a page already asked for: given up then, not after five rounds.
  expect(loop.fullTextError).toMatch(/^the page sent the reader back to http:\/\/127\.0\.0\.1:\d+\/loop\/a, where it had already been; the feed's text is kept$/);
  expect(site.requestsFor('/loop/a')).toHaveLength(1);
  expect(loop.html).toContain("The feed's words for loop.");
});
