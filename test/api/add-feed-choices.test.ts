// Add feed as a person meets it: what they type (a site's page, an article, a podcast's address)
// and what the subscription list then shows. Over the real core, client and parsers, on a
// loopback site shaped like the ones in the wild: pages written in capitals, a podcast served
// through a signed CDN address, an article page linking only its comments, old portals whose feed
// links say text/xml or nothing.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
});

const RSS = 'application/rss+xml; charset=UTF-8';
const HTML = 'text/html; charset=UTF-8';

/** A feed of `items`, newest first; each item keeps its address, id and date as newer ones arrive. */
function rss(title: string, items: readonly string[]): string {
  const entries = items.map((item, i) => {
    const slug = item.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const published = new Date(Date.UTC(2024, 4, 10 + items.length - i, 9, 30)).toUTCString();
    return `
    <item>
      <title>${item}</title>
      <link>${server.url(`/2024/05/${slug}/`)}</link>
      <pubDate>${published}</pubDate>
      <guid isPermaLink="false">${server.url(`/?p=${slug}`)}</guid>
      <description><![CDATA[${item}, in a few words&#8230;]]></description>
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">
<channel>
  <title>${title}</title>
  <link>${server.url('/')}</link>
  <description>Just another site</description>
  <generator>https://wordpress.org/?v=6.5.3</generator>${entries.join('')}
</channel>
</rss>`;
}

function page(title: string, head: string, body = '<p>Welcome</p>'): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>${title}</title>
${head}
<link rel="stylesheet" href="/style.css">
</head>
<body><header><nav><a href="/">Home</a> <a href="/about/">About</a></nav></header><main>${body}</main><footer>© 2024</footer></body>
</html>`;
}

/** What the subscription list shows: each feed's name and address. */
async function subscriptions(): Promise<{ title: string; url: string }[]> {
  return (await core.api.listFeeds()).map((feed) => ({ title: feed.title, url: feed.url }));
}

describe('a page written in capitals', () => {
  it.each([
    ['its <LINK REL="alternate" HREF=...>', '<LINK REL="alternate" TYPE="application/rss+xml" TITLE="Upper News" HREF="/cgi-bin/news.rss">', ''],
    ['an upper-case HREF on a lower-case link', '<link rel="alternate" type="application/rss+xml" title="Upper News" HREF="/cgi-bin/news.rss">', ''],
    ['its body\'s <A HREF=...>', '', '<P>Our news as <A HREF="/cgi-bin/news.rss">RSS</A></P>'],
  ])('is subscribed through %s', async (_case, head, body) => {
    server.serve('/', { body: page('Upper', head, body), type: 'text/html' }).serve('/cgi-bin/news.rss', { body: rss('Upper News', ['First']), type: RSS });
    await core.api.addFeed(server.url('/'));
    expect(await subscriptions()).toEqual([{ title: 'Upper News', url: server.url('/cgi-bin/news.rss') }]);
  });
});

describe('a feed behind a redirect', () => {
  /** A podcast host's: the public address answers 302 to a signed CDN address that expires. */
  function signedCdn(): { rotate(): void } {
    let signature = 'a1b2c3';
    server.route('/podcast.xml', (_req, res) => {
      res.writeHead(302, { location: `/cdn/podcast.xml?X-Amz-Expires=3600&X-Amz-Signature=${signature}&X-Amz-Date=20240520T100000Z` });
      res.end();
    });
    server.route('/cdn/podcast.xml', (req, res) => {
      if (new URL(req.url!, server.origin).searchParams.get('X-Amz-Signature') !== signature) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
        return;
      }
      res.writeHead(200, { 'content-type': RSS });
      res.end(rss('Signed CDN podcast', episodes));
    });
    return { rotate: () => (signature = 'd4e5f6') };
  }
  let episodes: string[] = [];

  it('keeps the address given when the redirect is temporary, and still syncs once the CDN address expires', async () => {
    episodes = ['Episode 1'];
    const cdn = signedCdn();
    await core.api.addFeed(server.url('/podcast.xml'));
    expect(await subscriptions()).toEqual([{ title: 'Signed CDN podcast', url: server.url('/podcast.xml') }]);

    cdn.rotate();
    episodes = ['Episode 2', 'Episode 1'];
    const summary = await core.api.sync({ fullText: false, images: false });
    expect(summary.feedsFailed).toBe(0);
    const [feed] = await core.api.listFeeds();
    expect(feed!.lastStatus).toBe('ok');
    const list = await core.api.listArticles({ filter: { kind: 'feed', feedId: feed!.id } });
    expect(list.articles.map((article) => article.title)).toEqual(['Episode 2', 'Episode 1']);
  });

  it.each([
    ['301 then 302', [301, 302], '/old-feed'],
    ['302 then 301', [302, 301], '/old-feed'],
    ['307', [307], '/old-feed'],
    ['301', [301], '/feed/'],
    ['301 then 308', [301, 308], '/feed/'],
  ])('is subscribed at its new address only when every hop is permanent: %s', async (_case, statuses, expected) => {
    server.serve('/feed/', { body: rss('The Daily Tinker', ['First']), type: RSS });
    const hops = ['/old-feed', '/hop-1', '/hop-2'];
    statuses.forEach((status, i) => server.redirect(hops[i]!, i === statuses.length - 1 ? '/feed/' : hops[i + 1]!, status));
    await core.api.addFeed(server.url('/old-feed'));
    expect(await subscriptions()).toEqual([{ title: 'The Daily Tinker', url: server.url(expected) }]);
  });
});

describe('an article page that links only its comments', () => {
  const COMMENTS_LINK = (href: string) => `<link rel="alternate" type="application/rss+xml" title="Café Dev Blog &raquo; Hello world! Comments Feed" href="${href}" />`;
  const comments = () => rss('Comments on: Hello world!', ['Comment on Hello world! by Reader 2', 'Comment on Hello world! by Reader 1']);

  it("subscribes to the site's feed, found at a common path", async () => {
    server
      .serve('/2024/05/hello-world/', { body: page('Hello world! – Café Dev Blog', COMMENTS_LINK(server.url('/2024/05/hello-world/feed/'))), type: HTML })
      .serve('/2024/05/hello-world/feed/', { body: comments(), type: RSS })
      .serve('/feed', { body: rss('Café Dev Blog', ['Hello world!']), type: RSS });
    await core.api.addFeed(server.url('/2024/05/hello-world/'));
    expect(await subscriptions()).toEqual([{ title: 'Café Dev Blog', url: server.url('/feed') }]);
    expect(server.requestsFor('/2024/05/hello-world/feed/')).toHaveLength(0);
  });

  it("prefers the page's site feed when the comments feed is linked first", async () => {
    const head = `<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments.xml">\n<link rel="alternate" type="application/rss+xml" title="Posts" href="/posts.xml">`;
    server
      .serve('/', { body: page('Site', head), type: HTML })
      .serve('/comments.xml', { body: comments(), type: RSS })
      .serve('/posts.xml', { body: rss('Site Posts', ['First']), type: RSS });
    await core.api.addFeed(server.url('/'));
    expect(await subscriptions()).toEqual([{ title: 'Site Posts', url: server.url('/posts.xml') }]);
  });

  it('subscribes to the comments feed when the site has no other', async () => {
    server
      .serve('/2024/05/hello-world/', { body: page('Hello world!', COMMENTS_LINK('/2024/05/hello-world/feed/')), type: HTML })
      .serve('/2024/05/hello-world/feed/', { body: comments(), type: RSS });
    await core.api.addFeed(server.url('/2024/05/hello-world/'));
    expect(await subscriptions()).toEqual([{ title: 'Comments on: Hello world!', url: server.url('/2024/05/hello-world/feed/') }]);
  });

  it('subscribes to the comments feed when its address is the one given', async () => {
    server.serve('/2024/05/hello-world/feed/', { body: comments(), type: RSS }).serve('/feed', { body: rss('Café Dev Blog', ['Hello world!']), type: RSS });
    await core.api.addFeed(server.url('/2024/05/hello-world/feed/'));
    expect(await subscriptions()).toEqual([{ title: 'Comments on: Hello world!', url: server.url('/2024/05/hello-world/feed/') }]);
  });
});

describe('feed links of old sites', () => {
  it.each([
    ['type="text/xml"', '<link rel="alternate" type="text/xml" title="RSS" href="/news/backend.php">'],
    ['type="application/xml"', '<link rel="alternate" type="application/xml" title="RSS" href="/news/backend.php">'],
    ['no type, a title that says RSS', '<link rel="alternate" hreflang="fr" href="/fr/">\n<link rel="alternate" title="RSS" href="/news/backend.php">'],
    ['no type, an address that says rss', '<link rel="alternate" href="/news/backend.php?format=rss">'],
  ])('are followed with %s', async (_case, head) => {
    const feed = { body: rss('Old Portal News', ['First']), type: 'text/xml' };
    server.serve('/', { body: page('Old Portal', head), type: 'text/html' }).serve('/news/backend.php', feed);
    await core.api.addFeed(server.url('/'));
    expect(await subscriptions()).toEqual([{ title: 'Old Portal News', url: server.url(head.includes('format=rss') ? '/news/backend.php?format=rss' : '/news/backend.php') }]);
    // A translation is an alternate too, not a feed: it is not fetched.
    expect(server.requestsFor('/fr/')).toHaveLength(0);
  });

  it('are verified by fetching: an XML link that is not a feed is passed over', async () => {
    const head = '<link rel="alternate" type="application/xml" href="/sitemap.xml">\n<link rel="alternate" type="text/xml" title="RSS" href="/news/backend.php">';
    server
      .serve('/', { body: page('Old Portal', head), type: 'text/html' })
      .serve('/sitemap.xml', { body: '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/</loc></url></urlset>', type: 'application/xml' })
      .serve('/news/backend.php', { body: rss('Old Portal News', ['First']), type: 'text/xml' });
    await core.api.addFeed(server.url('/'));
    expect(await subscriptions()).toEqual([{ title: 'Old Portal News', url: server.url('/news/backend.php') }]);
  });
});

describe('an address typed without its scheme', () => {
  // The test server speaks plain HTTP: an https request to it gets no TLS answer, as a site
  // without https gives none (nothing on port 443, or a handshake that fails).
  const typed = () => server.url('/feed/').replace(/^http:\/\//, '');

  it('is tried over https first and, with no answer there, over http, as browsers do', async () => {
    server.serve('/feed/', { body: rss('Plain Old Blog', ['First']), type: RSS });
    await core.api.addFeed(typed());
    expect(await subscriptions()).toEqual([{ title: 'Plain Old Blog', url: server.url('/feed/') }]);
  });

  it('is not, when the person wrote https themselves', async () => {
    server.serve('/feed/', { body: rss('Plain Old Blog', ['First']), type: RSS });
    await expect(core.api.addFeed(`https://${typed()}`)).rejects.toThrow(/could not be reached/);
    expect(await subscriptions()).toEqual([]);
  });
});
