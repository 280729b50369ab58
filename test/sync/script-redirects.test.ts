// Pages that send the reader on from an inline script, as a browser follows them, read and never
// run: a URL shortener's interstitial (JSON-escaped address, location.replace), an old blog's move
// to a new host (window.location.href), a cookie check (document.cookie, then window.location).
// The copy was the stub's "This blog has moved" or "Please enable JavaScript". A script that builds
// its address, waits half a minute, waits for a click (a paywall's sign-in) or sits in a story is
// not followed. An address relative to the page (`"/2026/12/moved-post"`) or to its scheme
// (`"//new.example/x"`), and a <body onload="location='…'">, are followed as a browser resolves
// them. Real loopback servers on
// two hosts, real sync, real storage.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import type { Article } from '../../shared/types';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const story = (title: string, extra = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>${title} – Allotment Diary</title>${extra}</head><body>`
  + `<div id="page"><header class="site-header"><a href="/">Allotment Diary</a></header><main id="main"><article class="post"><h1 class="entry-title">${title}</h1><div class="entry-content">`
  + '<p>The broad beans went in on the last Saturday of February, two rows of Aquadulce along the fence where the frost lies least.</p>'
  + '<p>By the end of March the shoots were a hand high; the mice took a dozen, and the rest flowered in the first warm week of April.</p>'
  + '<p>Next year the rows go further from the compost heap, and the seeds get a night soaking in paraffin-free water before sowing.</p>'
  + '</div></article></main><footer class="site-footer">© Allotment Diary</footer></div></body></html>';

/** A shortener's interstitial: the address JSON-escaped in the script, a title and nothing else. */
const shortener = (to: string) => `<head><meta name="referrer" content="always"><title>${to}</title></head>`
  + `<script>window.opener = null; location.replace("${to.replaceAll('/', '\\/')}")</script>`;
/** A blog that moved host, as Blogger and self-hosted blogs left their old address. */
const moved = (to: string) => '<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
  + '<title>This blog has moved</title>\n<script type="text/javascript">\n  // send readers of the old address on\n'
  + `  window.location.href = '${to}';\n</script>\n</head><body><p>This blog has moved to <a href="${to}">its new home</a>.</p></body></html>`;
/** A cookie check: set one, then come back with it. */
const cookieCheck = (to: string) => '<html><head><title>Just a moment…</title></head><body>'
  + `<script>document.cookie = "cc_check=1; path=/; max-age=3600"; window.location = "${to}";</script>`
  + '<noscript>Please enable JavaScript and cookies to continue.</noscript></body></html>';

/** A WordPress permalink change left behind as a stub: the new address relative to the site. */
const movedWithin = (to: string) => '<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Moved</title>'
  + `<script>location.href = "${to}";</script></head><body><p>Moved to <a href="${to}">here</a>.</p></body></html>`;
/** A host move that keeps the scheme the reader came by: protocol-relative. */
const movedHost = (to: string) => `<html><head><title>Redirecting</title><script type="text/javascript">window.location.replace('${to}');</script></head><body></body></html>`;
/** An old table-layout site's stub: the redirect in the body's onload, its quotes entity-escaped. */
const onloadStub = (to: string) => '<html><head><title>New address</title></head>'
  + `<body onload="window.location=&quot;${to}&quot;" bgcolor="#ffffff"><center><font face="Arial">We have moved.</font></center></body></html>`;

let blog: TestServer;
let newHome: TestServer;
let core: PaperboyCore;
let feedId: number;

const LINKS = {
  shortened: '/s/Xk2p9',
  movedBlog: '/2014/03/broad-beans.html',
  cookieCheck: '/check/broad-beans',
  builtAddress: '/built/broad-beans',
  waitsHalfAMinute: '/idle/broad-beans',
  storyWithScript: '/2024/broad-beans-story',
  signInStub: '/members/broad-beans',
  siteRelative: '/?p=2291',
  schemeRelative: '/2013/runner-beans',
  bodyOnload: '/old/beans.htm',
} as const;

beforeAll(async () => {
  blog = await TestServer.start('127.0.0.1');
  newHome = await TestServer.start('127.0.0.2');
  newHome.serve('/2014/03/broad-beans/', { body: story('Broad beans, sown in February'), type: 'text/html; charset=utf-8' });
  blog.serve(LINKS.shortened, { body: shortener(newHome.url('/2014/03/broad-beans/')), type: 'text/html;charset=utf-8' });
  blog.serve(LINKS.movedBlog, { body: moved(newHome.url('/2014/03/broad-beans/')), type: 'text/html; charset=UTF-8' });
  blog.serve(LINKS.cookieCheck, { body: cookieCheck(blog.url('/2024/broad-beans?cc=1')), type: 'text/html' });
  blog.serve('/2024/broad-beans?cc=1', { body: story('Broad beans, sown in February'), type: 'text/html' });
  blog.serve(LINKS.siteRelative, { body: movedWithin('/2026/12/moved-post'), type: 'text/html; charset=UTF-8' });
  blog.serve('/2026/12/moved-post', { body: story('Broad beans, sown in February'), type: 'text/html; charset=UTF-8' });
  blog.serve(LINKS.schemeRelative, { body: movedHost(`//${new URL(newHome.origin).host}/2013/runner-beans/`), type: 'text/html' });
  newHome.serve('/2013/runner-beans/', { body: story('Broad beans, sown in February'), type: 'text/html; charset=utf-8' });
  blog.serve(LINKS.bodyOnload, { body: onloadStub('../2026/12/moved-post'), type: 'text/html; charset=iso-8859-1' });
  blog.serve(LINKS.builtAddress, {
    body: `<html><head><title>Loading</title><script>var base = "${blog.origin}"; window.location = base + "/built/elsewhere";</script></head><body></body></html>`, type: 'text/html',
  });
  blog.serve(LINKS.waitsHalfAMinute, {
    body: `<html><head><title>Moving</title><script>setTimeout(function () { window.location.href = "${blog.url('/idle/elsewhere')}"; }, 30000);</script></head><body></body></html>`, type: 'text/html',
  });
  blog.serve(LINKS.storyWithScript, {
    body: story('A story with a script in it', `<script>function toHome() { window.location.href = "${blog.url('/story/elsewhere')}"; }</script>`), type: 'text/html',
  });
  // A paywall's stub: little text, and a sign-in the reader's click would run.
  blog.serve(LINKS.signInStub, {
    body: `<html><head><title>Members only</title><script>function signIn() { window.location.href = "${blog.url('/login/elsewhere')}"; }</script></head>`
      + '<body><p>This story is for members.</p><button onclick="signIn()">Sign in</button></body></html>', type: 'text/html',
  });
  const items = Object.entries(LINKS).map(([name, path]) =>
    `<item><title>${name}</title><link>${blog.url(path)}</link><guid>${name}</guid><description>The feed's words for ${name}.</description></item>`);
  blog.serve('/feed.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Allotment Diary</title><link>${blog.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml' });
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  feedId = (await core.api.addFeed(blog.url('/feed.xml'))).feed.id;
  await core.api.sync();
});
afterAll(async () => {
  await core.close();
  await blog.stop();
  await newHome.stop();
  removeTempDirs();
});

async function article(name: keyof typeof LINKS): Promise<Article> {
  const listed = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 50 })).articles.find((a) => a.title === name)!;
  return (await core.api.getArticle(listed.id))!;
}

it("reads the page a shortener's, a moved blog's or a cookie check's script sends the reader to, as a browser does", async () => {
  for (const name of ['shortened', 'movedBlog', 'cookieCheck'] as const) {
    const page = await article(name);
    expect(page.fullTextState, name).toBe('done');
    expect(page.html, name).toContain('two rows of Aquadulce along the fence');
    expect(page.html, name).not.toContain('This blog has moved');
    expect(page.html, name).not.toContain('Please enable JavaScript');
  }
  expect(newHome.requests.filter((request) => request.path === '/2014/03/broad-beans/')).toHaveLength(2);
});

it("follows a script's address relative to the page or to its scheme, and a body's onload, as a browser resolves them", async () => {
  for (const name of ['siteRelative', 'schemeRelative', 'bodyOnload'] as const) {
    const page = await article(name);
    expect(page.fullTextState, name).toBe('done');
    expect(page.html, name).toContain('two rows of Aquadulce along the fence');
    expect(page.html, name).not.toContain('We have moved');
  }
  expect(newHome.requests.filter((request) => request.path === '/2013/runner-beans/')).toHaveLength(1);
  expect(blog.requests.filter((request) => request.path === '/2026/12/moved-post')).toHaveLength(2);
});

it('follows no address a script builds, puts off for half a minute, or keeps for a click (a sign-in) or in a story', async () => {
  const followed = blog.requests.filter((request) => /elsewhere/.test(request.path));
  expect(followed).toEqual([]);
  expect((await article('storyWithScript')).html).toContain('two rows of Aquadulce along the fence');
  expect((await article('builtAddress')).html).toContain("The feed's words for builtAddress.");
});
