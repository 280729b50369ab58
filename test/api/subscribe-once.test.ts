// Subscribing as a person meets it when the address is not quite the feed's own: a share button's
// tracking parameters, a temporary redirect to a feed already subscribed, a feed behind a login, a
// page naming a feed per tag. Over the real core, client and parsers, on a loopback WordPress-like site.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
}, '127.0.22.2');

const RSS = 'application/rss+xml; charset=UTF-8';

function rss(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
  <title>${title}</title>
  <atom:link href="${server.url('/feed/')}" rel="self" type="application/rss+xml" />
  <link>${server.url('/')}</link>
  <description>Just another WordPress site</description>
  <item><title>Hello world!</title><link>${server.url('/2024/06/01/hello-world/')}</link><guid isPermaLink="false">${server.url('/?p=1')}</guid><pubDate>Sat, 01 Jun 2024 08:00:00 +0000</pubDate><description>Welcome</description></item>
</channel></rss>`;
}

/** What the subscription list shows: each feed's name and address. */
async function subscriptions(): Promise<{ title: string; url: string }[]> {
  return (await core.api.listFeeds()).map((feed) => ({ title: feed.title, url: feed.url }));
}

describe('a feed address with tracking parameters', () => {
  it('is the feed already subscribed when added, and is stored without them', async () => {
    server.serve('/feed/', { body: rss('WP Blog'), type: RSS });
    await core.api.addFeed(server.url('/feed/?utm_source=twitter&utm_medium=social'));
    const again = await core.api.addFeed(server.url('/feed/'));
    const shared = await core.api.addFeed(server.url('/feed/?utm_source=feedly&utm_medium=rss'));
    expect(again.existing).toBe(true);
    expect(shared.existing).toBe(true);
    expect(await subscriptions()).toEqual([{ title: 'WP Blog', url: server.url('/feed/') }]);
  });

  it('keeps the parameters that pick the feed', async () => {
    server.serve('/index.php', { body: rss('Joomla site'), type: RSS });
    await core.api.addFeed(server.url('/index.php?format=feed&type=rss&utm_campaign=x'));
    expect(await subscriptions()).toEqual([{ title: 'Joomla site', url: server.url('/index.php?format=feed&type=rss') }]);
  });

  it('is the feed already subscribed when imported from a Feedly export', async () => {
    server.serve('/feed/', { body: rss('WP Blog'), type: RSS });
    await core.api.addFeed(server.url('/feed/'));
    const feedUrl = server.url('/feed/?utm_source=feedly&amp;utm_medium=rss');
    const result = await core.api.importOpml(`<?xml version="1.0" encoding="UTF-8"?><opml version="1.0"><body>
<outline text="Blogs" title="Blogs"><outline type="rss" text="WP Blog" title="WP Blog" xmlUrl="${feedUrl}" htmlUrl="${server.url('/')}"/></outline>
<outline type="rss" text="Other" title="Other" xmlUrl="https://other.example/rss?utm_source=feedly"/>
</body></opml>`);
    expect(result.added).toBe(1);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['already subscribed']);
    expect((await subscriptions()).map((feed) => feed.url).sort()).toEqual([server.url('/feed/'), 'https://other.example/rss'].sort());
  });
});

describe('an address that redirects for a while to a feed already subscribed', () => {
  it('is that subscription, not a second one', async () => {
    server.serve('/feed/', { body: rss('New Home'), type: RSS }).redirect('/temp-feed', '/feed/', 302);
    await core.api.addFeed(server.url('/feed/'));
    const result = await core.api.addFeed(server.url('/temp-feed'));
    expect(result.existing).toBe(true);
    expect(await subscriptions()).toEqual([{ title: 'New Home', url: server.url('/feed/') }]);
  });

  it('is still subscribed at the address given when nothing is subscribed yet', async () => {
    server.serve('/feed/', { body: rss('New Home'), type: RSS }).redirect('/temp-feed', '/feed/', 302);
    await core.api.addFeed(server.url('/temp-feed'));
    expect(await subscriptions()).toEqual([{ title: 'New Home', url: server.url('/temp-feed') }]);
  });
});

describe('a feed behind a login', () => {
  const LOGIN = `Basic ${Buffer.from('jane:s3cret').toString('base64')}`;
  function membersFeed(): void {
    server.route('/private.rss', (req, res) => {
      if (req.headers.authorization !== LOGIN) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="Members"', 'content-type': 'text/html' });
        res.end('<h1>401 Authorization Required</h1>');
        return;
      }
      res.writeHead(200, { 'content-type': RSS });
      res.end(rss('Members only'));
    });
  }

  it('says it needs a login and how to give one, and the way it names works', async () => {
    membersFeed();
    const host = new URL(server.origin).host;
    await expect(core.api.addFeed(server.url('/private.rss'))).rejects.toThrow(
      `${server.url('/private.rss')} needs a login (HTTP 401 Unauthorized). With an account there, add it with your name and password in the address: http://user:password@${host}/private.rss`,
    );
    await core.api.addFeed(`http://jane:s3cret@${host}/private.rss`);
    expect((await subscriptions()).map((feed) => feed.title)).toEqual(['Members only']);
  });

  it('says the login given was refused, without repeating the password', async () => {
    membersFeed();
    const host = new URL(server.origin).host;
    const failure = core.api.addFeed(`http://jane:wrong-guess@${host}/private.rss`);
    await expect(failure).rejects.toThrow(`${server.url('/private.rss')} needs a login (HTTP 401 Unauthorized): the name and password in the address were not accepted.`);
    await expect(failure).rejects.not.toThrow('wrong-guess');
  });

  it('says a 403 may need a login', async () => {
    server.serve('/forbidden.rss', { status: 403, type: 'text/html', body: '<h1>Forbidden</h1>' });
    await expect(core.api.addFeed(server.url('/forbidden.rss'))).rejects.toThrow(`${server.url('/forbidden.rss')} refused access; it may need a login (HTTP 403 Forbidden).`);
  });

  it("says a 403 that is Cloudflare's check for robots is that, not a login to give", async () => {
    server.serve('/challenged.rss', {
      status: 403,
      headers: { 'cf-mitigated': 'challenge', server: 'cloudflare' },
      type: 'text/html; charset=UTF-8',
      body: '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>',
    });
    await expect(core.api.addFeed(server.url('/challenged.rss'))).rejects.toThrow(
      `No feed found at ${server.url('/challenged.rss')} (HTTP 403 Forbidden): the site answered with a check for robots (Cloudflare) that only a web browser can pass: ask the site's owner to let feed readers through`,
    );
  });
});

describe('a page that names a feed for every tag', () => {
  it('has only its first few feed links tried', async () => {
    const links = Array.from({ length: 30 }, (_, i) => `<link rel="alternate" type="application/rss+xml" title="Tag ${i}" href="/tag/${i}/feed/">`);
    server.serve('/tags/', { type: 'text/html', body: `<!DOCTYPE html><html><head><title>Tags</title>${links.join('')}</head><body>Tags</body></html>` });
    await expect(core.api.addFeed(server.url('/tags/'))).rejects.toThrow('No feed found');
    expect(server.requests.filter((request) => request.path.startsWith('/tag/'))).toHaveLength(8);
  });
});
