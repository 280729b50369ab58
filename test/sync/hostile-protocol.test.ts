// Hostile HTTP behaviour: a body that drips in, headers and then silence, redirect loops and
// endless redirect chains, and the error statuses (401, 403, 404, 410, 429 with Retry-After, 500, 503).
// Each ends in a clear per-feed reason while the neighbour feed syncs and stored articles stay.
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { drip } from '../http/helpers';
import type { Core } from '../../electron/core/core';
import { HostileSync, rssFeed, rssItem } from '../support/hostile-sync';
import { removeTempDirs } from '../support/temp';

let h: HostileSync;
afterEach(async () => {
  await h.stop();
  removeTempDirs();
});

function closedOnServer(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => res.once('close', () => resolve()));
}

describe('slow servers', () => {
  it('a body dripping in a byte at a time, and headers followed by silence, time out and are hung up on', async () => {
    // A short timeout keeps the test quick; the default (20 s) behaves the same, only later.
    h = await HostileSync.start({ timeoutMs: 2000 });
    const dripping = await h.seeded('/drip.xml');
    const silent = await h.seeded('/silent.xml');
    const closed: Promise<void>[] = [];
    h.server.route('/drip.xml', (_req, res) => {
      closed.push(closedOnServer(res));
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Drip</title>');
      drip(res, 50);
    });
    h.server.route('/silent.xml', (_req, res) => {
      closed.push(closedOnServer(res));
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.flushHeaders();
    });
    expect(await h.sync()).toMatchObject({ feedsFailed: 2 });
    await h.expectFailure(dripping, /^timed out after 2 s: the site may be overloaded or down, and Paperboy tries again at the next sync$/);
    await h.expectFailure(silent, /^timed out after 2 s: the site may be overloaded or down, and Paperboy tries again at the next sync$/);
    await h.expectKept(dripping);
    await h.expectKept(silent);
    // The client closed both connections: no socket left dripping on the server.
    await Promise.all(closed);
  });
});

describe('redirects', () => {
  it('a loop and an endless chain of new addresses each stop with their own reason', async () => {
    h = await HostileSync.start();
    const loop = await h.seeded('/loop.xml');
    const chain = await h.seeded('/chain.xml');
    h.server.redirect('/loop.xml', '/loop-b.xml', 302);
    h.server.redirect('/loop-b.xml', '/loop.xml', 302);
    let hops = 0;
    h.server.route('/chain.xml', (_req, res) => {
      res.writeHead(302, { location: `/chain.xml?hop=${++hops}` });
      res.end();
    });
    expect(await h.sync()).toMatchObject({ feedsFailed: 2 });
    // Both say what may help: the feed moved, and the site's own pages name where to.
    const lost = "the site's redirects lead nowhere: if the site works in a browser, add its address again to find the feed";
    await h.expectFailure(loop, new RegExp(`^redirect loop at ${h.server.url('/loop.xml')}: ${lost}$`));
    await h.expectFailure(chain, new RegExp(`^too many redirects \\(more than \\d+\\): ${lost}$`));
    await h.expectKept(loop);
    await h.expectKept(chain);
    // It gave up after 20 redirects, as browsers do, rather than following forever.
    expect(hops).toBe(21);
  });
});

describe('error statuses', () => {
  it('404 and 500 say what the server said, and a 404 where to look for the feed now', async () => {
    h = await HostileSync.start();
    const missing = await h.seeded('/missing.xml');
    const broken = await h.seeded('/broken.xml');
    h.server.serve('/missing.xml', { status: 404, body: '<html>Not here</html>', type: 'text/html' });
    h.server.serve('/broken.xml', { status: 500, body: 'Traceback (most recent call last): ...', type: 'text/plain' });
    expect(await h.sync()).toMatchObject({ feedsFailed: 2 });
    await h.expectFailure(missing, /^HTTP 404 Not Found: the feed is no longer at this address: add the site's address to find where it is now$/);
    // The server's passing trouble: the next sync tries again, nothing for the person to do but wait.
    await h.expectFailure(broken, /^HTTP 500 Internal Server Error: a fault on the site's side, and Paperboy tries again at the next sync$/);
    await h.expectKept(missing);
    await h.expectKept(broken);
  });

  it('401 and 403 say what the person can do: log in, or ask the site to let feed readers through', async () => {
    h = await HostileSync.start();
    const members = await h.seeded('/members.xml');
    const forbidden = await h.seeded('/forbidden.xml');
    const challenged = await h.seeded('/challenged.xml');
    h.server.serve('/members.xml', { status: 401, headers: { 'www-authenticate': 'Basic realm="Members"' }, body: 'Authorization Required', type: 'text/plain' });
    h.server.serve('/forbidden.xml', { status: 403, body: '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n', type: 'text/html' });
    // Cloudflare's managed challenge, as it answers a feed reader: its header says what the page is.
    h.server.serve('/challenged.xml', {
      status: 403,
      headers: { 'cf-mitigated': 'challenge', server: 'cloudflare', 'cf-ray': '8ee1a3c94b7d2f10-FRA' },
      body: '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>',
      type: 'text/html; charset=UTF-8',
    });
    expect(await h.sync()).toMatchObject({ feedsFailed: 3 });
    await h.expectFailure(members, /^HTTP 401 Unauthorized: the feed needs a login: with an account there, subscribe again with your name and password in the address, as name:password@ before its host$/);
    await h.expectFailure(
      forbidden,
      /^HTTP 403 Forbidden: the site refuses this feed reader: if the feed is for members, subscribe again with your name and password in the address, else ask the site's owner to let feed readers through$/,
    );
    await h.expectFailure(challenged, /^HTTP 403 Forbidden: the site answered with a check for robots \(Cloudflare\) that only a web browser can pass: ask the site's owner to let feed readers through$/);
    for (const feedId of [members, forbidden, challenged]) await h.expectKept(feedId);
  });

  it('401 to a login in the address says it was not accepted, without repeating the password', async () => {
    h = await HostileSync.start();
    let password = 'tide-table-1987';
    h.server.route('/private.xml', (req, res) => {
      if (req.headers.authorization === `Basic ${Buffer.from(`jane:${password}`).toString('base64')}`) {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rssFeed('Members news', [rssItem('m1', 'Rowing season opens')]));
        return;
      }
      res.writeHead(401, { 'www-authenticate': 'Basic realm="Members"', 'content-type': 'text/plain' });
      res.end('Authorization Required');
    });
    const host = new URL(h.server.origin).host;
    const feedId = (await h.core.api.addFeed(`http://jane:tide-table-1987@${host}/private.xml`)).feed.id;
    password = 'changed-at-the-agm';
    await h.sync();
    const error = await h.expectFailure(feedId, /^HTTP 401 Unauthorized: the site did not accept the name and password in the address: subscribe again with the ones it takes now$/);
    expect(error).not.toContain('tide-table');
    expect(await h.titles(feedId)).toEqual(['Rowing season opens']);
  });

  it('410 marks the feed gone: the syncs of the next day leave it alone unless it is asked for by name', async () => {
    h = await HostileSync.start();
    const feedId = await h.seeded('/gone.xml');
    h.server.serve('/gone.xml', { status: 410, body: 'Gone', type: 'text/plain' });
    await h.sync();
    // The reason says when the feed is tried again (gone-feeds.test.ts follows it through the day).
    await h.expectFailure(feedId, /^gone \(HTTP 410\): the site says it removed the feed: add the site's address to find a new one, if it has one; it is tried again once a day, or at once when this feed alone is synced$/, 'gone');
    await h.expectKept(feedId);
    const asked = h.server.requestsFor('/gone.xml').length;
    await h.sync();
    expect(h.server.requestsFor('/gone.xml')).toHaveLength(asked);
    await h.core.api.sync({ feedIds: [feedId], feedsOnly: true });
    expect(h.server.requestsFor('/gone.xml')).toHaveLength(asked + 1);
  });

  it('429 with Retry-After: the next sync does not ask again until the wait is over', async () => {
    let clock = Date.now();
    h = await HostileSync.start({ now: () => clock });
    const feedId = await h.seeded('/busy.xml');
    const good = h.server.requestsFor('/busy.xml').length;
    h.server.serve('/busy.xml', { status: 429, body: 'Slow down', type: 'text/plain', headers: { 'retry-after': '120' } });
    await h.sync();
    // Asked to wait is not failed: the feed shows as waiting from the first answer on.
    await h.expectFailure(feedId, /^too many requests \(HTTP 429\), retry after 120 s$/, 'waiting');
    expect(h.server.requestsFor('/busy.xml')).toHaveLength(good + 1);

    clock += 60_000;
    await h.sync();
    await h.expectFailure(feedId, /^the server asked to wait \(1 minute left\)$/, 'waiting', 'skipped');
    expect(h.server.requestsFor('/busy.xml')).toHaveLength(good + 1);
    await h.expectKept(feedId);

    clock += 61_000;
    h.server.serve('/busy.xml', { body: '<rss version="2.0"><channel><title>Seeded /busy.xml</title><item><title>Kept from /busy.xml</title><guid isPermaLink="false">kept/busy.xml</guid></item><item><title>After the wait</title><guid>w1</guid></item></channel></rss>', type: 'application/rss+xml' });
    await h.sync();
    expect(await h.reported(feedId)).toMatchObject({ status: 'ok', error: null, log: '1 new' });
    expect(h.server.requestsFor('/busy.xml')).toHaveLength(good + 2);
  });

  it('a Retry-After of a year holds the feed for a day at most, and the wait left is said in words', async () => {
    let clock = Date.now();
    h = await HostileSync.start({ now: () => clock });
    const feedId = await h.seeded('/quota.xml');
    const good = h.server.requestsFor('/quota.xml').length;
    h.server.serve('/quota.xml', { status: 429, body: 'Rate limit exceeded', type: 'text/plain', headers: { 'retry-after': '31536000' } });
    await h.sync();
    expect(h.server.requestsFor('/quota.xml')).toHaveLength(good + 1);

    clock += 3 * 3_600_000 + 5 * 60_000;
    await h.sync();
    await h.expectFailure(feedId, /^the server asked to wait \(about 21 hours left\)$/, 'waiting', 'skipped');
    expect(h.server.requestsFor('/quota.xml')).toHaveLength(good + 1);

    clock += 21 * 3_600_000;
    h.server.serve('/quota.xml', { body: rssFeed('Seeded /quota.xml', [rssItem('kept/quota.xml', 'Kept from /quota.xml'), rssItem('q1', 'The next day')]), type: 'application/rss+xml' });
    await h.sync();
    expect(h.server.requestsFor('/quota.xml')).toHaveLength(good + 2);
    expect(await h.reported(feedId)).toMatchObject({ status: 'ok', error: null, log: '1 new' });
  });

  it('a sync that names the feed goes ahead while the server asked to wait', async () => {
    let clock = Date.now();
    h = await HostileSync.start({ now: () => clock });
    const feedId = await h.seeded('/busy.xml');
    const good = h.server.requestsFor('/busy.xml').length;
    h.server.serve('/busy.xml', { status: 429, body: 'Slow down', type: 'text/plain', headers: { 'retry-after': '3600' } });
    await h.sync();
    clock += 2 * 60_000;
    await h.sync();
    await h.expectFailure(feedId, /^the server asked to wait \(58 minutes left\)$/, 'waiting', 'skipped');
    expect(h.server.requestsFor('/busy.xml')).toHaveLength(good + 1);

    h.server.serve('/busy.xml', { body: rssFeed('Seeded /busy.xml', [rssItem('kept/busy.xml', 'Kept from /busy.xml'), rssItem('b1', 'Asked for')]), type: 'application/rss+xml' });
    await h.core.api.sync({ feedIds: [feedId], feedsOnly: true });
    expect(h.server.requestsFor('/busy.xml')).toHaveLength(good + 2);
    expect(await h.reported(feedId)).toMatchObject({ status: 'ok', error: null, log: '1 new' });
  });

  it('a wait of a year saved before the cap no longer holds the feed', async () => {
    h = await HostileSync.start();
    const feedId = await h.seeded('/old-wait.xml');
    const good = h.server.requestsFor('/old-wait.xml').length;
    // What an earlier version saved for "Retry-After: 31536000".
    const at = Date.now();
    (h.core as Core).storage.feeds.recordFetch(feedId, {
      status: 'failed', message: 'failed: too many requests (HTTP 429), retry after 31536000 s', error: 'too many requests (HTTP 429), retry after 31536000 s',
      at, durationMs: 5, retryAfterAt: at + 31_536_000_000,
    });
    await h.sync();
    expect(h.server.requestsFor('/old-wait.xml')).toHaveLength(good + 1);
    expect(await h.reported(feedId)).toMatchObject({ status: 'unchanged', error: null });
  });

  it('503 with Retry-After as a date is measured against the server clock', async () => {
    h = await HostileSync.start();
    const feedId = await h.seeded('/maintenance.xml');
    // The server's clock is a day off; the wait it means is still five minutes.
    const serverNow = Date.now() - 86_400_000;
    h.server.route('/maintenance.xml', (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain', date: new Date(serverNow).toUTCString(), 'retry-after': new Date(serverNow + 300_000).toUTCString() });
      res.end('Down for maintenance');
    });
    await h.sync();
    await h.expectFailure(feedId, /^HTTP 503 Service Unavailable, retry after 300 s$/, 'waiting');
    await h.expectKept(feedId);
  });
});
