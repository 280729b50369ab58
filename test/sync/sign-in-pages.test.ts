// An article's page that redirects to a sign-in page: a members' post that sends readers without a
// session to "/login?next=…". The login form used to become the article's copy; now the copy is the
// feed's text and says the site asks the person to sign in. (A feed that lands on a login page is
// told by the page itself: feeds/page-instead-of-feed.ts.) Real loopback server, real sync, real
// storage.
import type http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const LOGIN_FORM = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in – Allotment Society</title></head><body>'
  + '<main><h1>Sign in</h1><p>Members can read this page once signed in. Not a member yet? Join at the shed on Saturday mornings, or ask any committee member for a form.</p>'
  + '<form method="post" action="/login"><label>Email <input type="email" name="email"></label><label>Password <input type="password" name="password"></label>'
  + '<button>Sign in</button></form></main></body></html>';
const STORY = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Open day</title></head><body><main><article><h1>Open day on the allotments</h1>'
  + '<p>The society opens its gates to visitors on the first Sunday in June, with plot tours, seedlings for sale and tea in the shed.</p>'
  + '<p>Anyone thinking of taking on a plot can talk to the secretary about the waiting list, which is shorter than it was last year.</p>'
  + '</article></main></body></html>';

let site: TestServer;
let core: PaperboyCore;
let feedId: number;

function feed(): string {
  const item = (slug: string, title: string) =>
    `<item><title>${title}</title><link>${site.url(`/2026/${slug}`)}</link><guid>${slug}</guid><description>The feed's words for ${title}.</description></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Allotment Society</title><link>${site.origin}/</link>`
    + `${item('open-day', 'Open day')}${item('plot-rents', 'Plot rents for members')}</channel></rss>`;
}

function html(body: string) {
  return (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
    res.end(body);
  };
}

beforeAll(async () => {
  site = await TestServer.start('127.0.0.1');
  site.route('/feed/', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' });
    res.end(feed());
  });
  site.route('/2026/open-day', html(STORY));
  site.redirect('/2026/plot-rents', '/login?next=%2F2026%2Fplot-rents', 302);
  site.route('/login', html(LOGIN_FORM));
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  feedId = (await core.api.addFeed(site.url('/feed/'))).feed.id;
  await core.api.sync();
});
afterAll(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

it("says a members' page asks to sign in, and keeps the feed's text rather than the login form", async () => {
  const listed = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 })).articles;
  const members = (await core.api.getArticle(listed.find((a) => a.title === 'Plot rents for members')!.id))!;
  expect(members.html).toContain("The feed's words for Plot rents for members.");
  expect(members.html).not.toContain('Password');
  expect(members.fullTextState).toBe('failed');
  expect(members.fullTextError).toMatch(/^the site asks you to sign in to read this page \(it sent the sync to 127\.0\.0\.1:\d+\/login\)/);
  const open = (await core.api.getArticle(listed.find((a) => a.title === 'Open day')!.id))!;
  expect(open.html).toContain('plot tours, seedlings for sale');
});
