import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscoveryError, discoverFeed, type FetchText } from '../../electron/core/feeds/discover';
import { fixtureText } from '../support/fixtures';
import { TestServer } from '../support/server';

// A minimal client over Node's fetch; the real one (electron/core/http) is not needed to test discovery.
// It follows redirects itself, as the real one does, to tell a move for good (301, 308) from a temporary one.
// Loopback only: fixture feeds name sites on example domains, which must never be contacted.
const fetchText: FetchText = async (url) => {
  let at = url;
  let permanent = true;
  for (let hop = 0; ; hop++) {
    if (!at.startsWith(`${server.origin}/`)) throw new Error('offline');
    const response = await fetch(at, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null && hop < 20) {
      permanent &&= response.status === 301 || response.status === 308;
      at = new URL(location, at).href;
      continue;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { url: at, stableUrl: permanent ? at : url, text: await response.text(), contentType: response.headers.get('content-type') };
  }
};

const RSS = 'application/rss+xml; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

let server: TestServer;
beforeEach(async () => {
  server = await TestServer.start();
});
afterEach(async () => {
  await server.stop();
});

async function discoveryError(input: string, fetcher: FetchText = fetchText): Promise<DiscoveryError> {
  const error = await discoverFeed(input, fetcher).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DiscoveryError);
  return error as DiscoveryError;
}

describe('discoverFeed', () => {
  it('takes a feed address as it is, and finds the site and its icons', async () => {
    server
      .serve('/feed/', { body: fixtureText('seed/feed.xml', server.origin), type: RSS })
      .serve('/', { body: fixtureText('feeds/site-page.html'), type: HTML });
    const found = await discoverFeed(server.url('/feed/'), fetchText);
    expect(found.feedUrl).toBe(server.url('/feed/'));
    expect(found.parsed.title).toBe('The Evening Dispatch');
    expect(found.feedText).toContain('<rss version="2.0"');
    expect(found.siteUrl).toBe(server.url('/'));
    expect(found.iconCandidates).toEqual([server.url('/icons/favicon-32.png'), server.url('/icons/touch.png'), server.url('/favicon.ico')]);
    expect(found.tried).toEqual([]);
  });

  it('follows redirects and reports the final address', async () => {
    server.redirect('/old-feed', '/feed/').serve('/feed/', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
    const found = await discoverFeed(server.url('/old-feed'), fetchText);
    expect(found.feedUrl).toBe(server.url('/feed/'));
    // The site page is not served: icons fall back to /favicon.ico.
    expect(found.iconCandidates).toEqual([server.url('/favicon.ico')]);
  });

  it('does not fetch the feed again for icons when the feed names no site', async () => {
    server.serve('/bare.xml', { body: '<rss version="2.0"><channel><title>Bare</title></channel></rss>', type: RSS });
    const found = await discoverFeed(server.url('/bare.xml'), fetchText);
    expect(found.siteUrl).toBeNull();
    expect(found.iconCandidates).toEqual([server.url('/favicon.ico')]);
    expect(server.requests).toHaveLength(1);
  });

  it("follows a page's first alternate link in page order, resolving its relative href", async () => {
    server
      .serve('/blog/', { body: fixtureText('feeds/site-page.html'), type: HTML })
      .serve('/blog/feeds/atom.xml', { body: fixtureText('feeds/atom10.xml'), type: 'application/atom+xml' })
      .serve('/blog/feeds/rss.xml', { body: fixtureText('feeds/rss20-full.xml'), type: RSS });
    const found = await discoverFeed(server.url('/blog/'), fetchText);
    expect(found.feedUrl).toBe(server.url('/blog/feeds/atom.xml'));
    expect(found.parsed.kind).toBe('atom');
    expect(found.tried).toEqual([server.url('/blog/')]);
    // The feed names its own site elsewhere; that page cannot be fetched, so only its /favicon.ico remains.
    expect(found.siteUrl).toBe('https://notebook.example.org/blog/');
    expect(found.iconCandidates).toEqual(['https://notebook.example.org/favicon.ico']);
    // The wp-json API link is not a feed candidate.
    expect(server.requestsFor('/wp-json/wp/v2/pages/2')).toHaveLength(0);
  });

  it('moves on to the next alternate link when one fails', async () => {
    server
      .serve('/blog/', { body: fixtureText('feeds/site-page.html'), type: HTML })
      .serve('/blog/feeds/rss.xml', { body: fixtureText('feeds/rss20-full.xml'), type: RSS });
    const found = await discoverFeed(server.url('/blog/'), fetchText);
    expect(found.feedUrl).toBe(server.url('/blog/feeds/rss.xml'));
    expect(found.tried).toEqual([server.url('/blog/'), server.url('/blog/feeds/atom.xml')]);
  });

  it('honours <base href> and uses the page it came through for icons', async () => {
    const rss = '<rss version="2.0"><channel><title>Static news</title></channel></rss>';
    server
      .serve('/about', { body: fixtureText('feeds/page-with-base.html'), type: HTML })
      .serve('/static/news.xml', { body: rss, type: RSS });
    const found = await discoverFeed(server.url('/about'), fetchText);
    expect(found.feedUrl).toBe(server.url('/static/news.xml'));
    expect(found.siteUrl).toBe(server.url('/about'));
    expect(found.iconCandidates).toEqual([server.url('/static/favicon.ico'), server.url('/favicon.ico')]);
  });

  it('tries common paths on the site when the page has no feed links', async () => {
    server
      .serve('/', { body: fixtureText('feeds/page-without-links.html'), type: HTML })
      .serve('/feed', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
    const found = await discoverFeed(`${server.origin}`, fetchText);
    expect(found.feedUrl).toBe(server.url('/feed'));
    expect(found.tried).toEqual([server.url('/')]);
  });

  it('lists everything it tried when nothing is found', async () => {
    server.serve('/', { body: fixtureText('feeds/page-without-links.html'), type: HTML });
    const error = await discoveryError(server.url('/'));
    const paths = ['/', '/feed', '/rss', '/atom.xml', '/?feed=rss2', '/feed.xml', '/rss.xml', '/index.xml'];
    expect(error.tried).toEqual(paths.map((p) => server.url(p)));
    expect(error.message).toBe(
      `No feed found at ${server.url('/')}. Tried: ${server.url('/')} (HTML page without feed links), ` +
        paths
          .slice(1)
          // The server answers /?feed=rss2 with its home page, as sites that are not WordPress do.
          .map((p) => `${server.url(p)} (${p === '/?feed=rss2' ? 'not a feed: got an HTML page' : 'HTTP 404'})`)
          .join(', '),
    );
  });

  it("says what a page in front of the whole site is, instead of guessing addresses behind it", async () => {
    // SiteGround's check for robots answers every address with 202 and this page.
    server.fallback((_req, res) => {
      res.writeHead(202, { 'content-type': 'text/html; charset=UTF-8' });
      res.end('<html><head><link rel="icon" href="data:;"><meta http-equiv="refresh" content="0;/.well-known/sgcaptcha/?r=%2F&y=ipr:203.0.113.58:1733512207.914"></meta></head></html>');
    });
    const error = await discoveryError(server.url('/'));
    expect(error.message).toBe(
      `No feed found at ${server.url('/')}: the site answered with a check for robots (SiteGround) that only a web browser can pass: ask the site's owner to let feed readers through`,
    );
    expect(error.tried).toEqual([server.url('/')]);
    expect(server.requestsFor('/feed')).toHaveLength(0);
  });

  it('reports a broken feed instead of guessing other addresses', async () => {
    server.serve('/feed.xml', { body: fixtureText('feeds/truncated.xml'), type: RSS });
    const error = await discoveryError(server.url('/feed.xml'));
    expect(error.tried).toEqual([server.url('/feed.xml')]);
    expect(error.message).toMatch(/Tried: http:\/\/127\.0\.0\.1:\d+\/feed\.xml \(malformed XML: Unclosed root tag/);
    expect(server.requests).toHaveLength(1);
  });

  it('stops when the address itself cannot be fetched', async () => {
    const error = await discoveryError(server.url('/missing'));
    expect(error.message).toBe(`No feed found at ${server.url('/missing')}. Tried: ${server.url('/missing')} (HTTP 404)`);
    expect(server.requests).toHaveLength(1);
  });

  it.each(['ftp://example.com/feed.xml', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:news@example.com'])(
    'refuses %s without fetching anything',
    async (input) => {
      const fetched: string[] = [];
      const error = await discoveryError(input, async (url) => {
        fetched.push(url);
        throw new Error('not reached');
      });
      expect(error.message).toMatch(/^Only http and https addresses can be subscribed to/);
      expect(error.tried).toEqual([]);
      expect(fetched).toEqual([]);
    },
  );

  it.each([
    ['example.com', 'https://example.com/'],
    ['  example.com/blog#top ', 'https://example.com/blog'],
    ['localhost:8080/feed', 'https://localhost:8080/feed'],
    ['feed://example.com/rss', 'https://example.com/rss'],
    ['feed:http://example.com/rss', 'http://example.com/rss'],
    ['feed:https://example.com/rss', 'https://example.com/rss'],
    [' \n\thttps://example.com/feed/#comments \n', 'https://example.com/feed/'],
    ['itpc://podcasts.example.com/show.xml', 'https://podcasts.example.com/show.xml'],
    ['pcast://podcasts.example.com/show.xml', 'https://podcasts.example.com/show.xml'],
    ['HTTP://Example.COM/Feed', 'http://example.com/Feed'],
  ])('normalises %j to %s', async (input, expected) => {
    const fetched: string[] = [];
    await discoveryError(input, async (url) => {
      fetched.push(url);
      throw new Error('offline');
    });
    expect(fetched).toEqual([expected]);
  });

  it('rejects an empty or unusable address', async () => {
    expect((await discoveryError('  ')).message).toBe('Enter the address of a feed or of a site.');
    expect((await discoveryError('http://')).message).toBe('"http://" is not a valid web address.');
  });
});

describe('discoverFeed: an address that answers with a feed', () => {
  // A WordPress site whose plugin prints a deprecation before the feed; the site also has other feeds.
  const warning =
    '<br />\n<b>Deprecated</b>:  Function create_function() is deprecated in <b>/var/www/wp-content/plugins/old/old.php</b> on line <b>12</b><br />\n';
  const feed = (title: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${server.url('/')}</link>` +
    `<item><title>${title}: first post</title><link>${server.url('/first')}</link></item></channel></rss>`;

  it('subscribes to it, skipping the PHP warning before it, and not to another feed of the site', async () => {
    server
      .serve('/category/ferries/feed/', { body: warning + feed('Harbour Notes: Ferries'), type: RSS })
      .serve('/feed', { body: feed('Harbour Notes comments'), type: RSS });
    const found = await discoverFeed(server.url('/category/ferries/feed/'), fetchText);
    expect(found.feedUrl).toBe(server.url('/category/ferries/feed/'));
    expect(found.parsed.title).toBe('Harbour Notes: Ferries');
    expect(server.requestsFor('/feed')).toHaveLength(0);
  });

  it('subscribes to the feed a page shows as text and nothing else, not to another feed of the site', async () => {
    server
      .serve('/feed.php', { body: fixtureText('feeds/feed-escaped-in-pre.html'), type: HTML })
      .serve('/feed', { body: feed('Harbour Notes comments'), type: RSS });
    const found = await discoverFeed(server.url('/feed.php'), fetchText);
    expect(found.feedUrl).toBe(server.url('/feed.php'));
    expect(found.parsed.title).toBe('Valley Cycling Club News');
    expect(server.requestsFor('/feed')).toHaveLength(0);
  });

  it('follows the feed link of a page that quotes a feed among other things', async () => {
    const page = fixtureText('feeds/feed-raw-in-pre.html')
      .replace('<html>', '<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head>')
      .replace('<body>', '<body><h1>How our feed looks</h1>');
    server.serve('/about-our-feed', { body: page, type: HTML }).serve('/feed', { body: feed('Harbour Notes'), type: RSS });
    const found = await discoverFeed(server.url('/about-our-feed'), fetchText);
    expect(found.feedUrl).toBe(server.url('/feed'));
    expect(found.parsed.title).toBe('Harbour Notes');
  });

  it('reports its error instead of guessing another address when it is served as a feed but does not parse', async () => {
    server
      .serve('/category/ferries/feed/', { body: `Array\n(\n    [0] => debug\n)\n${feed('Harbour Notes: Ferries')}`, type: RSS })
      .serve('/feed', { body: feed('Harbour Notes comments'), type: RSS });
    const error = await discoveryError(server.url('/category/ferries/feed/'));
    expect(error.message).toBe(
      `No feed found at ${server.url('/category/ferries/feed/')}. Tried: ${server.url('/category/ferries/feed/')} (not a feed: got text that is neither XML nor JSON)`,
    );
    expect(server.requestsFor('/feed')).toHaveLength(0);
  });
});
