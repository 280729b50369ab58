// A feed behind a login is subscribed to with the name and password in its address
// (https://name:password@host/feed, HTTP Basic). The password showed in what Paperboy said about
// it (the add's "No feed found … Tried: …", a failed sync's log line) and was written into the
// exported OPML file. Messages show it as ***; the export leaves the login out and says so.
// Over the real core, HTTP client and SQLite, against a loopback site that asks for the login.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { DiscoveryError } from '../../electron/core/feeds/discover';
import { withoutPasswords } from '../../shared/address-login';
import { serverAndCorePerTest } from '../support/core-per-test';
import { fixtureText } from '../support/fixtures';
import { paperboy } from '../support/processes';
import { sendStatic, type TestServer } from '../support/server';
import { tempDir } from '../support/temp';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
}, '127.0.34.4');

const RSS = 'application/rss+xml; charset=UTF-8';
const PASSWORD = 'pa55-w0rd';
const LOGIN = `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`;

/** The address with the person's login in it, as they type it. */
const withLogin = (path: string) => server.url(path).replace('http://', `http://alice:${PASSWORD}@`);

/** A members' feed: 401 without the login. */
function serveMembersFeed(): void {
  server.route('/members/feed', (req, res) => {
    if (req.headers.authorization !== LOGIN) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="Members"' });
      res.end();
      return;
    }
    sendStatic(req, res, { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
  });
}

describe('a password typed in a feed address', () => {
  it('is not repeated when no feed is found there', async () => {
    server.serve('/members/', { body: '<!doctype html><title>Members</title><p>Welcome back</p>', type: 'text/html; charset=utf-8' });
    const error = await core.api.addFeed(withLogin('/members/')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    const { message, tried } = error as DiscoveryError;
    expect(message).toMatch(/^No feed found at http:\/\/alice:\*\*\*@127\.0\.34\.4:\d+\/members\/\. Tried: /);
    expect(message).not.toContain(PASSWORD);
    expect(tried.join(' ')).not.toContain(PASSWORD);
  });

  it('is not in the sync log when the feed fails', async () => {
    serveMembersFeed();
    const { feed } = await core.api.addFeed(withLogin('/members/feed'));
    // The site breaks: its feed redirects to itself, and the HTTP client's error names the address.
    server.redirect('/members/feed', '/members/feed?page=1', 302).redirect('/members/feed?page=1', '/members/feed', 302);
    const summary = await core.api.sync({ feedsOnly: true, fullText: false, images: false });
    expect(summary.feedsFailed).toBe(1);
    const [line] = await core.api.syncLog(feed.id);
    expect(line?.message).toMatch(/^failed: redirect loop at http:\/\/alice:\*\*\*@127\.0\.34\.4:\d+\/members\/feed/);
    const failed = (await core.api.listFeeds()).find((listed) => listed.id === feed.id);
    expect(failed?.lastError).toMatch(/^redirect loop at http:\/\/alice:\*\*\*@/);
  });

  it('is left out of the OPML export, which says so, and the file imports without it', async () => {
    serveMembersFeed();
    server.serve('/feed/', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
    await core.api.addFeed(withLogin('/members/feed'));
    await core.api.addFeed(server.url('/feed/'));
    const opml = await core.api.exportOpml();
    expect(opml).not.toContain(PASSWORD);
    expect(opml).not.toContain('alice');
    expect(opml).toContain(`xmlUrl="${server.url('/members/feed')}"`);
    expect(opml).toContain("<!-- 1 feed's login (the name and password in its address) was left out of the file: enter it again after importing it. -->");

    const elsewhere = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    try {
      expect((await elsewhere.api.importOpml(opml)).added).toBe(2);
      expect((await elsewhere.api.listFeeds()).map((feed) => feed.url).sort()).toEqual([server.url('/feed/'), server.url('/members/feed')].sort());
    } finally {
      await elsewhere.close();
    }
  });
});

describe('the command line, with a password in a feed address', () => {
  it('prints the subscription without it, and says the export left the login out', async () => {
    serveMembersFeed();
    const data = tempDir();
    const add = await paperboy('add', withLogin('/members/feed'), '--data', data);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^Subscribed to ".+" <http:\/\/alice:\*\*\*@127\.0\.34\.4:\d+\/members\/feed>/);
    const file = path.join(tempDir(), 'subscriptions.opml');
    const exported = await paperboy('export', file, '--data', data);
    expect(exported.stdout).toContain("1 feed's login (the name and password in its address) was left out of the file: enter it again after importing it.");
    expect(`${add.stdout}${exported.stdout}${readFileSync(file, 'utf8')}`).not.toContain(PASSWORD);
  });
});

describe('withoutPasswords', () => {
  it('hides only a password, never a port or an @ in a path', () => {
    expect(withoutPasswords('failed: http://alice:secret@example.com/feed and https://bob:x@example.org:8443/')).toBe(
      'failed: http://alice:***@example.com/feed and https://bob:***@example.org:8443/',
    );
    expect(withoutPasswords('http://example.com:8080/@user/feed.xml, https://token@example.com/feed')).toBe('http://example.com:8080/@user/feed.xml, https://token@example.com/feed');
  });
});
