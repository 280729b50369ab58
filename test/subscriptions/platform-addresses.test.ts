// Add feed with the addresses people copy from their browser on the platforms they follow: a
// YouTube channel, playlist or video (from the EU, behind YouTube's cookie-consent page), a
// subreddit Reddit refuses to show a client that is not a browser, a GitHub repository, a Medium
// author behind Cloudflare's check, a Tumblr at tumblr.com/NAME. Over the real core and client; the
// platforms' host names are resolved to one loopback server by the client's DNS seam, which
// serves their pages and feeds in the shapes they have. Mastodon, Bluesky and a site whose feed link
// goes through Feedburner need no rule of their own: their pages link their feeds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { fixtureText } from '../support/fixtures';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const HOSTS = new Set([
  ...['www.youtube.com', 'm.youtube.com', 'consent.youtube.com', 'www.reddit.com', 'old.reddit.com', 'github.com', 'medium.com', 'www.tumblr.com', 'woodshavings.tumblr.com', 'ana-lindqvist.medium.com'],
  ...['mastodon.social', 'bsky.app', 'www.harbournotes.example', 'feeds.feedburner.com'],
]);
const CHANNEL = 'UCq3Xf0pVd7rKjZbM1sT9wYg';
const PLAYLIST = 'PLr5Xk2Vq0mYt8Nw3Bc7Hd1Jz4Ls6Fg9Qe';
const ATOM = 'application/atom+xml; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

let server: TestServer;
let core: Core;
let port: string;
/** An address on a platform's host, at the loopback server's port. */
const on = (host: string, path: string) => `http://${host}:${port}${path}`;

beforeEach(async () => {
  server = await TestServer.start();
  port = new URL(server.origin).port;
  core = new Core({
    dataDir: tempDir(),
    workers: 1,
    welcome: false,
    network: {
      resolve: async (host) => {
        if (HOSTS.has(host)) return [{ address: '127.0.0.1', family: 4 }];
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
    },
  });
});

afterEach(async () => {
  await core.close();
  await server.stop();
  removeTempDirs();
});

/** What the subscription list shows: each feed's name and address. */
async function subscriptions(): Promise<{ title: string; url: string }[]> {
  return (await core.api.listFeeds()).map((feed) => ({ title: feed.title, url: feed.url }));
}

async function addError(address: string): Promise<string> {
  const error = await core.api.addFeed(address).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('YouTube', () => {
  const youtube = () => on('www.youtube.com', '');
  const videos = () => fixtureText('platforms/youtube-videos.xml', youtube());
  /** As YouTube answers a visitor from the EU without its consent cookie: every page redirects to the consent page. */
  function consentWall(path: string): void {
    const back = encodeURIComponent(`https://www.youtube.com${path}?cbrd=1`);
    server.redirect(path, on('consent.youtube.com', `/m?continue=${back}&gl=DE&m=0&pc=yt&cm=2&hl=en&src=1`), 302);
    server.serve('/m', { body: fixtureText('platforms/youtube-consent.html'), type: HTML });
  }

  it("subscribes to a channel's /channel/UC… address through its feed, even behind the consent page", async () => {
    consentWall(`/channel/${CHANNEL}/videos`);
    server.serve('/feeds/videos.xml', { body: videos(), type: 'text/xml; charset=UTF-8' });
    await core.api.addFeed(on('www.youtube.com', `/channel/${CHANNEL}/videos`));
    expect(await subscriptions()).toEqual([{ title: 'Marsh Workshop', url: on('www.youtube.com', `/feeds/videos.xml?channel_id=${CHANNEL}`) }]);
    expect((await core.api.listArticles({ filter: { kind: 'all' } })).articles.map((a) => a.title)).toContain('A dovetail jig from scrap plywood');
  });

  it("subscribes to a playlist's feed from its playlist?list= address, on the mobile site too", async () => {
    consentWall('/playlist');
    server.route('/feeds/videos.xml', (req, res) => {
      const asked = new URL(req.url ?? '/', youtube()).searchParams.get('playlist_id');
      res.writeHead(asked === PLAYLIST ? 200 : 404, { 'content-type': 'text/xml; charset=UTF-8' });
      res.end(asked === PLAYLIST ? videos().replace('<title>Marsh Workshop</title>', '<title>Hand tools, start to finish</title>') : 'not found');
    });
    await core.api.addFeed(on('m.youtube.com', `/playlist?list=${PLAYLIST}`));
    expect(await subscriptions()).toEqual([{ title: 'Hand tools, start to finish', url: on('www.youtube.com', `/feeds/videos.xml?playlist_id=${PLAYLIST}`) }]);
  });

  it("subscribes to the channel of a video's watch?v= page, which names no feed", async () => {
    server.serve('/watch', { body: fixtureText('platforms/youtube-watch.html', youtube()), type: HTML });
    server.serve('/feeds/videos.xml', { body: videos(), type: 'text/xml; charset=UTF-8' });
    await core.api.addFeed(on('www.youtube.com', '/watch?v=Qm4zT7aLwXc&t=95s'));
    expect(await subscriptions()).toEqual([{ title: 'Marsh Workshop', url: on('www.youtube.com', `/feeds/videos.xml?channel_id=${CHANNEL}`) }]);
  });

  it("subscribes to a channel's /@handle page through the feed it links", async () => {
    server.serve('/@marshworkshop', { body: fixtureText('platforms/youtube-channel.html', youtube()), type: HTML });
    server.serve('/feeds/videos.xml', { body: videos(), type: 'text/xml; charset=UTF-8' });
    await core.api.addFeed(on('www.youtube.com', '/@marshworkshop'));
    expect(await subscriptions()).toEqual([{ title: 'Marsh Workshop', url: on('www.youtube.com', `/feeds/videos.xml?channel_id=${CHANNEL}`) }]);
  });

  it('says that the consent page stood in front of a /@handle, and what to add instead', async () => {
    consentWall('/@marshworkshop');
    const message = await addError(on('www.youtube.com', '/@marshworkshop'));
    expect(message).toContain('consent.youtube.com answered with its cookie-consent page');
    expect(message).toContain('https://www.youtube.com/channel/UC…');
    expect(message).not.toMatch(/no feed found/i);
    // Guessing /feed, /rss and the like on the consent page's host finds nothing and only costs time.
    expect(server.requests.filter((r) => /^\/(?:feed|rss|atom)/.test(r.path))).toEqual([]);
  });
});

describe('Reddit', () => {
  /** Reddit's answer to a client it takes for a robot: a 403 page, where its .rss feeds still answer. */
  const blocked = { body: "<!doctype html><html><head><title>Blocked</title></head><body><h1>whoa there, pardner!</h1><p>You've been blocked by network security.</p><p>To continue, log in to your Reddit account or use your developer token</p></body></html>", type: HTML, status: 403 };
  const subredditFeed = (host: string) => `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><category term="woodworking" label="r/woodworking"/><updated>2024-05-20T09:12:44+00:00</updated><icon>https://www.redditstatic.com/icon.png/</icon><id>/r/woodworking/.rss</id><link rel="self" href="${on(host, '/r/woodworking/.rss')}" type="application/atom+xml" /><link rel="alternate" href="${on(host, '/r/woodworking/')}" type="text/html" /><subtitle>For woodworkers of every level.</subtitle><title>woodworking</title><entry><author><name>/u/oakandiron</name><uri>${on(host, '/user/oakandiron')}</uri></author><category term="woodworking" label="r/woodworking"/><content type="html">&lt;!-- SC_OFF --&gt;&lt;div class=&quot;md&quot;&gt;&lt;p&gt;Finished my first chair.&lt;/p&gt;&lt;/div&gt;&lt;!-- SC_ON --&gt; &amp;#32; submitted by &amp;#32; &lt;a href=&quot;${on(host, '/user/oakandiron')}&quot;&gt; /u/oakandiron &lt;/a&gt;</content><id>t3_1cw8x2z</id><link href="${on(host, '/r/woodworking/comments/1cw8x2z/finished_my_first_chair/')}" /><updated>2024-05-20T08:55:10+00:00</updated><published>2024-05-20T08:55:10+00:00</published><title>Finished my first chair</title></entry></feed>`;

  it.each([
    ['www.reddit.com', '/r/woodworking/'],
    ['www.reddit.com', '/r/woodworking/comments/1cw8x2z/finished_my_first_chair/'],
    ['old.reddit.com', '/r/woodworking'],
  ])('subscribes to the subreddit of %s%s, whose page refuses us', async (host, path) => {
    server.serve(path, blocked);
    server.serve('/r/woodworking/.rss', { body: subredditFeed(host), type: ATOM });
    await core.api.addFeed(on(host, path));
    expect(await subscriptions()).toEqual([{ title: 'woodworking', url: on(host, '/r/woodworking/.rss') }]);
  });

  it("subscribes to a user's posts from /u/name", async () => {
    server.serve('/u/oakandiron', blocked);
    server.serve('/user/oakandiron/.rss', { body: subredditFeed('www.reddit.com').replace('<title>woodworking</title>', '<title>overview for oakandiron</title>'), type: ATOM });
    await core.api.addFeed(on('www.reddit.com', '/u/oakandiron'));
    expect(await subscriptions()).toEqual([{ title: 'overview for oakandiron', url: on('www.reddit.com', '/user/oakandiron/.rss') }]);
  });
});

describe('GitHub', () => {
  const atom = (title: string, self: string) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US">
  <id>tag:github.com,2008:https://github.com/quillwork/inkpot/releases</id>
  <link type="text/html" rel="alternate" href="${on('github.com', '/quillwork/inkpot/releases')}"/>
  <link type="application/atom+xml" rel="self" href="${on('github.com', self)}"/>
  <title>${title}</title>
  <updated>2024-05-18T10:21:33Z</updated>
  <entry>
    <id>tag:github.com,2008:Repository/481516234/v2.4.0</id>
    <updated>2024-05-18T10:21:33Z</updated>
    <link rel="alternate" type="text/html" href="${on('github.com', '/quillwork/inkpot/releases/tag/v2.4.0')}"/>
    <title>v2.4.0</title>
    <content type="html">&lt;h2&gt;What&amp;#39;s Changed&lt;/h2&gt;
&lt;ul&gt;
&lt;li&gt;Export to EPUB keeps footnotes by &lt;a class=&quot;user-mention notranslate&quot; href=&quot;${on('github.com', '/mira-ok')}&quot;&gt;@mira-ok&lt;/a&gt;&lt;/li&gt;
&lt;/ul&gt;</content>
    <author>
      <name>mira-ok</name>
    </author>
    <media:thumbnail height="30" width="30" url="https://avatars.githubusercontent.com/u/90411?s=60&amp;v=4"/>
  </entry>
</feed>`;
  /** A repository's page: a big application page that links no feed. */
  const repoPage = `<!DOCTYPE html><html lang="en" data-color-mode="auto"><head><meta charset="utf-8"><title>GitHub - quillwork/inkpot: A writing tool for long documents</title><meta name="description" content="A writing tool for long documents"><link rel="canonical" href="${'https://github.com/quillwork/inkpot'}" data-turbo-transient><meta property="og:url" content="/quillwork/inkpot"><link rel="alternate icon" class="js-site-favicon" type="image/png" href="https://github.githubassets.com/favicons/favicon.png"><link rel="manifest" href="/manifest.json" crossOrigin="use-credentials"></head><body class="logged-out env-production page-responsive"><div class="application-main"><main id="js-repo-pjax-container"><h1><a href="/quillwork">quillwork</a> / <strong><a href="/quillwork/inkpot">inkpot</a></strong></h1><a href="/quillwork/inkpot/releases">Releases 12</a></main></div></body></html>`;

  it("subscribes to a repository's releases from its page's address", async () => {
    server.serve('/quillwork/inkpot', { body: repoPage, type: HTML });
    server.serve('/quillwork/inkpot/releases.atom', { body: atom('Release notes from inkpot', '/quillwork/inkpot/releases.atom'), type: ATOM });
    await core.api.addFeed(on('github.com', '/quillwork/inkpot'));
    expect(await subscriptions()).toEqual([{ title: 'Release notes from inkpot', url: on('github.com', '/quillwork/inkpot/releases.atom') }]);
  });

  it('subscribes to the tags of a repository that publishes no releases, whose releases feed is empty', async () => {
    const empty = atom('Release notes from inkpot', '/quillwork/inkpot/releases.atom').replace(/<entry>[\s\S]*<\/entry>/, '');
    server.serve('/quillwork/inkpot', { body: repoPage, type: HTML });
    server.serve('/quillwork/inkpot/releases.atom', { body: empty, type: ATOM });
    server.serve('/quillwork/inkpot/tags.atom', { body: atom('Tags from inkpot', '/quillwork/inkpot/tags.atom'), type: ATOM });
    const added = await core.api.addFeed(on('github.com', '/quillwork/inkpot'));
    expect(await subscriptions()).toEqual([{ title: 'Tags from inkpot', url: on('github.com', '/quillwork/inkpot/tags.atom') }]);
    expect(added.tried).toEqual([on('github.com', '/quillwork/inkpot/releases.atom')]);
  });

  it('keeps the empty releases feed of a repository that has no tags either', async () => {
    const empty = (title: string, self: string) => atom(title, self).replace(/<entry>[\s\S]*<\/entry>/, '');
    server.serve('/quillwork/inkpot/releases.atom', { body: empty('Release notes from inkpot', '/quillwork/inkpot/releases.atom'), type: ATOM });
    server.serve('/quillwork/inkpot/tags.atom', { body: empty('Tags from inkpot', '/quillwork/inkpot/tags.atom'), type: ATOM });
    await core.api.addFeed(on('github.com', '/quillwork/inkpot'));
    expect(await subscriptions()).toEqual([{ title: 'Release notes from inkpot', url: on('github.com', '/quillwork/inkpot/releases.atom') }]);
  });

  it("subscribes to a branch's commits from its commits page", async () => {
    server.serve('/quillwork/inkpot/commits/main.atom', { body: atom('Recent Commits to inkpot:main', '/quillwork/inkpot/commits/main.atom'), type: ATOM });
    await core.api.addFeed(on('github.com', '/quillwork/inkpot/commits/main'));
    expect(await subscriptions()).toEqual([{ title: 'Recent Commits to inkpot:main', url: on('github.com', '/quillwork/inkpot/commits/main.atom') }]);
  });
});

describe('Medium', () => {
  const rss = (title: string, self: string) => `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" xmlns:cc="http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html"><channel><title><![CDATA[${title}]]></title><description><![CDATA[${title} - Medium]]></description><link>${on('medium.com', '/@ana.lindqvist?source=rss-8c1f0e2b9d7a------2')}</link><generator>Medium</generator><lastBuildDate>Mon, 20 May 2024 07:41:15 GMT</lastBuildDate><atom:link href="${on('medium.com', self)}" rel="self" type="application/rss+xml"/><webMaster><![CDATA[yourfriends@medium.com]]></webMaster><atom:link href="http://medium.superfeedr.com" rel="hub"/><item><title><![CDATA[What a year of code review taught our team]]></title><link>${on('medium.com', '/@ana.lindqvist/what-a-year-of-code-review-taught-our-team-4e1b7c9a2f30?source=rss-8c1f0e2b9d7a------2')}</link><guid isPermaLink="false">https://medium.com/p/4e1b7c9a2f30</guid><category><![CDATA[code-review]]></category><dc:creator><![CDATA[Ana Lindqvist]]></dc:creator><pubDate>Sun, 19 May 2024 16:02:44 GMT</pubDate><atom:updated>2024-05-19T16:02:44.118Z</atom:updated><content:encoded><![CDATA[<p>Small changes, reviewed the same day.</p>]]></content:encoded></item></channel></rss>`;
  /** Cloudflare's managed challenge, which Medium puts in front of pages asked for by a client that is not a browser. */
  const challenge = { body: '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><div class="main-wrapper"><h1>medium.com</h1><h2>Verifying you are human. This may take a few seconds.</h2></div><script>(function(){window._cf_chl_opt={cvId:"3",cZone:"medium.com",cType:"managed"};}());</script></body></html>', type: HTML, status: 403, headers: { 'cf-mitigated': 'challenge', server: 'cloudflare' } };

  it.each([
    ['an author', '/@ana.lindqvist', '/feed/@ana.lindqvist'],
    ["an author's story", '/@ana.lindqvist/what-a-year-of-code-review-taught-our-team-4e1b7c9a2f30', '/feed/@ana.lindqvist'],
    ['a publication', '/better-reviews', '/feed/better-reviews'],
    ['a tag', '/tag/code-review', '/feed/tag/code-review'],
  ])('subscribes to %s behind the check for robots (%s)', async (_what, path, feed) => {
    server.serve(path, challenge);
    server.serve(feed, { body: rss('Stories by Ana Lindqvist on Medium', feed), type: 'text/xml; charset=utf-8' });
    await core.api.addFeed(on('medium.com', path));
    expect(await subscriptions()).toEqual([{ title: 'Stories by Ana Lindqvist on Medium', url: on('medium.com', feed) }]);
  });

  it("subscribes to an author's own subdomain behind the check for robots", async () => {
    server.serve('/what-a-year-of-code-review-taught-our-team-4e1b7c9a2f30', challenge);
    server.serve('/feed', { body: rss('Stories by Ana Lindqvist on Medium', '/feed'), type: 'text/xml; charset=utf-8' });
    await core.api.addFeed(on('ana-lindqvist.medium.com', '/what-a-year-of-code-review-taught-our-team-4e1b7c9a2f30'));
    expect(await subscriptions()).toEqual([{ title: 'Stories by Ana Lindqvist on Medium', url: on('ana-lindqvist.medium.com', '/feed') }]);
  });
});

describe('Tumblr', () => {
  it('subscribes to the blog of a tumblr.com/NAME address, whose feed is on NAME.tumblr.com', async () => {
    server.serve('/woodshavings', { body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Wood shavings</title><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><div id="root"></div><script src="/pop/main.js"></script></body></html>', type: HTML });
    server.serve('/rss', {
      body: `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><description>Offcuts and sawdust.</description><title>Wood shavings</title><generator>Tumblr (3.0; @woodshavings)</generator><link>${on('woodshavings.tumblr.com', '/')}</link><item><title>Spoon, birch, one evening</title><description>&lt;p&gt;Spoon, birch, one evening.&lt;/p&gt;</description><link>${on('woodshavings.tumblr.com', '/post/750412337810227200/spoon-birch-one-evening')}</link><guid>${on('woodshavings.tumblr.com', '/post/750412337810227200/spoon-birch-one-evening')}</guid><pubDate>Mon, 20 May 2024 14:02:11 -0400</pubDate><category>spoon carving</category></item></channel></rss>`,
      type: 'application/rss+xml; charset=utf-8',
    });
    await core.api.addFeed(on('www.tumblr.com', '/woodshavings'));
    expect(await subscriptions()).toEqual([{ title: 'Wood shavings', url: on('woodshavings.tumblr.com', '/rss') }]);
  });
});

describe('platforms whose pages link their feed', () => {
  it("subscribes to a Mastodon profile's public posts", async () => {
    server.serve('/@tidewatcher', {
      type: HTML,
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta content="width=device-width, initial-scale=1" name="viewport"><link rel="icon" href="/favicon.ico" type="image/x-icon"><title>Iris Tan (@tidewatcher@mastodon.social) - Mastodon</title><link rel="stylesheet" crossorigin="anonymous" href="/packs/css/common-7a1e8c33.css"><meta content="Tides, ferries and the occasional seal." name="description"><link href="${on('mastodon.social', '/@tidewatcher.rss')}" rel="alternate" type="application/rss+xml"><link href="${on('mastodon.social', '/users/tidewatcher')}" rel="alternate" type="application/activity+json"><meta content="profile" property="og:type"></head><body class="app-body"><div class="notranslate app-holder" id="mastodon" data-props="{&quot;locale&quot;:&quot;en&quot;}"><noscript><p>To use the Mastodon web application, please enable JavaScript.</p></noscript></div></body></html>`,
    });
    server.serve('/@tidewatcher.rss', {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Iris Tan</title><description>Public posts from @tidewatcher@mastodon.social</description><link>${on('mastodon.social', '/@tidewatcher')}</link><lastBuildDate>Mon, 20 May 2024 07:31:02 +0000</lastBuildDate><generator>Mastodon v4.2.8</generator><item><guid isPermaLink="true">${on('mastodon.social', '/@tidewatcher/112473003188410822')}</guid><link>${on('mastodon.social', '/@tidewatcher/112473003188410822')}</link><pubDate>Mon, 20 May 2024 07:31:02 +0000</pubDate><description>&lt;p&gt;Spring tide this morning: the causeway under a metre of water.&lt;/p&gt;</description></item></channel></rss>`,
    });
    await core.api.addFeed(on('mastodon.social', '/@tidewatcher'));
    expect(await subscriptions()).toEqual([{ title: 'Iris Tan', url: on('mastodon.social', '/@tidewatcher.rss') }]);
  });

  it('subscribes to a Bluesky profile through the relative link its page carries', async () => {
    server.serve('/profile/tidewatcher.example', {
      type: HTML,
      body: `<!DOCTYPE html><html><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1, minimum-scale=1, viewport-fit=cover"><title>Iris Tan (@tidewatcher.example) &#8212; Bluesky</title><link rel="stylesheet" href="/static/css/main.9f0b2a.css"><meta property="og:title" content="Iris Tan (@tidewatcher.example)"><meta name="description" content="Tides, ferries and the occasional seal."><link rel="alternate" href="at://did:plc:4kq7vb2mzx3nwhp6tyr5aeoc/app.bsky.actor.profile/self"><link rel="alternate" type="application/rss+xml" href="/profile/did:plc:4kq7vb2mzx3nwhp6tyr5aeoc/rss"></head><body><div id="root"></div><noscript><p>JavaScript required</p></noscript></body></html>`,
    });
    server.serve('/profile/did:plc:4kq7vb2mzx3nwhp6tyr5aeoc/rss', {
      type: 'application/rss+xml',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><description>Tides, ferries and the occasional seal.</description><link>${on('bsky.app', '/profile/tidewatcher.example')}</link><title>@tidewatcher.example - Iris Tan</title><item><link>${on('bsky.app', '/profile/did:plc:4kq7vb2mzx3nwhp6tyr5aeoc/post/3ksy2dhg5qk2a')}</link><description>Spring tide this morning.</description><pubDate>20 May 2024 07:31 +0000</pubDate><guid isPermaLink="false">at://did:plc:4kq7vb2mzx3nwhp6tyr5aeoc/app.bsky.feed.post/3ksy2dhg5qk2a</guid></item></channel></rss>`,
    });
    await core.api.addFeed(on('bsky.app', '/profile/tidewatcher.example'));
    expect(await subscriptions()).toEqual([{ title: '@tidewatcher.example - Iris Tan', url: on('bsky.app', '/profile/did:plc:4kq7vb2mzx3nwhp6tyr5aeoc/rss') }]);
  });

  it.each([
    [301, () => on('www.harbournotes.example', '/feed/')],
    [302, () => on('feeds.feedburner.com', '/HarbourNotes')],
  ])('subscribes through a feed link to Feedburner that answers %i, at the address a sync should keep asking', async (status, kept) => {
    server.serve('/', {
      type: HTML,
      body: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Harbour Notes</title><link rel="alternate" type="application/rss+xml" title="Harbour Notes" href="${on('feeds.feedburner.com', '/HarbourNotes')}"></head><body><h1>Harbour Notes</h1></body></html>`,
    });
    server.redirect('/HarbourNotes', on('www.harbournotes.example', '/feed/'), status);
    server.serve('/feed/', {
      type: 'application/rss+xml; charset=UTF-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Notes</title><link>${on('www.harbournotes.example', '/')}</link><description>News from the harbour</description><item><title>Summer timetable</title><link>${on('www.harbournotes.example', '/2024/05/20/timetable/')}</link><guid isPermaLink="false">${on('www.harbournotes.example', '/?p=812')}</guid><pubDate>Mon, 20 May 2024 08:12:40 +0000</pubDate></item></channel></rss>`,
    });
    await core.api.addFeed(on('www.harbournotes.example', '/'));
    expect(await subscriptions()).toEqual([{ title: 'Harbour Notes', url: kept() }]);
  });
});
