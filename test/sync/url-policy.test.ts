// The URL policy end to end: a real core, real SQLite, real loopback servers. Tests cannot reach
// the internet, so the `network` seam declares one loopback port "the internet"; a second
// server is the intranet a public feed's content must never reach, and it counts every request.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type CoreOptions, type PaperboyCore } from '../../electron/core';
import { isPublicAddress } from '../../electron/core/http/address-policy';
import { errorMessage } from '../../shared/error-message';
import { fixtureText } from '../support/fixtures';
import { makePng } from '../support/images';
import { TestServer, sendStatic } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { POST_PATH, WordPressSite } from '../support/wordpress';

let internet: TestServer;
let intranet: TestServer;
/** The public feed answers 500 while this is set. */
let publicFeedDown = false;
const cores: PaperboyCore[] = [];
const png = makePng(8, 8, [200, 40, 40]);
const PARAGRAPH = 'Ministers met in Brussels on Thursday for talks that officials described as frank and difficult, and agreed to meet again. ';

const portOf = (server: TestServer) => Number(new URL(server.origin).port);
/** The intranet's address written the ways a hostile feed might write it. */
const intranetForms = () => {
  const port = portOf(intranet);
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `0x7f000001:${port}`, `2130706433:${port}`, `127.1:${port}`];
};

function rss(title: string, channelExtra: string, items: { title: string; link: string; extra?: string }[]): string {
  const body = items.map((item, n) => `<item><title>${item.title}</title><link>${item.link}</link><guid isPermaLink="false">item-${n}</guid>
    <description><![CDATA[<p>Feed text of ${item.title}. ${PARAGRAPH}</p>]]></description>${item.extra ?? ''}</item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel>
  <title>${title}</title>${channelExtra}${body.join('\n')}</channel></rss>`;
}

function page(title: string, images: readonly string[], head = ''): string {
  const figures = images.map((src, n) => `<figure><img src="${src}" alt="Picture ${n}" width="640" height="480"></figure><p>${PARAGRAPH}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><main><article>
    <h1>${title}</h1>${Array.from({ length: 4 }, () => `<p>${PARAGRAPH}</p>`).join('')}${figures.join('\n')}</article></main></body></html>`;
}

beforeAll(async () => {
  internet = await TestServer.start();
  intranet = await TestServer.start();
  const secretImage = path.join(tempDir(), 'secret.png');
  writeFileSync(secretImage, png);
  const hostileImages = [
    ...intranetForms().map((host) => `http://${host}/img.png`),
    internet.url('/bounce.png'), // redirects into the intranet
    `file://${secretImage}`,
    `data:image/png;base64,${png.toString('base64')}`,
    'javascript:alert(1)',
    internet.url('/ok.png'),
  ];
  const publicFeed = {
    type: 'application/rss+xml',
    body: rss(
        'Public news',
        `<link>${intranet.url('/')}</link><image><url>${intranet.url('/icon.png')}</url><title>x</title><link>${intranet.url('/')}</link></image>`,
        [
          { title: 'the intranet story', link: intranet.url('/page.html') },
          { title: 'the story with pictures', link: internet.url('/story.html'), extra: `<wfw:commentRss>${intranet.url('/comments.xml')}</wfw:commentRss>` },
          { title: 'the javascript story', link: 'javascript:alert(1)' },
          { title: 'the file story', link: `file://${secretImage}` },
        ],
      ),
  };
  internet
    .route('/feed.xml', (req, res) => sendStatic(req, res, publicFeedDown ? { status: 500, body: 'down' } : publicFeed))
    .serve('/story.html', { type: 'text/html', body: page('The story with pictures', hostileImages, `<meta property="og:image" content="${intranet.url('/og.png')}">`) })
    .redirect('/bounce.png', intranet.url('/img.png'), 302)
    .serve('/ok.png', { type: 'image/png', body: png })
    .redirect('/moved.xml', intranet.url('/feed.xml'), 301)
    .serve('/site.html', { type: 'text/html', body: `<html><head><link rel="alternate" type="application/rss+xml" href="${intranet.url('/feed.xml')}"></head><body>News</body></html>` });
  intranet
    .serve('/feed.xml', {
      type: 'application/rss+xml',
      body: rss('Intranet news', `<link>${intranet.url('/')}</link><image><url>${intranet.url('/icon.png')}</url><title>x</title><link>${intranet.url('/')}</link></image>`, [
        { title: 'the team story', link: intranet.url('/page.html'), extra: `<wfw:commentRss>${intranet.url('/comments.xml')}</wfw:commentRss>` },
      ]),
    })
    .serve('/page.html', { type: 'text/html', body: page('The team story', [intranet.url('/img.png'), internet.url('/ok.png')]) })
    .serve('/img.png', { type: 'image/png', body: png })
    .serve('/icon.png', { type: 'image/png', body: png })
    .serve('/comments.xml', { type: 'application/rss+xml', body: rss('Comments', '', []) });
});
afterAll(async () => {
  await internet.stop();
  await intranet.stop();
  removeTempDirs();
});
beforeEach(() => {
  intranet.requests.length = 0;
  internet.requests.length = 0;
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

function core(options: Partial<CoreOptions> = {}): PaperboyCore {
  const made = openCore({
    dataDir: tempDir(),
    workers: 1,
    welcome: false,
    network: { isPublic: (address, port) => port === portOf(internet) || isPublicAddress(address) },
    ...options,
  });
  cores.push(made);
  return made;
}

/** Subscribes without touching the network, so the sync is the first to fetch (and fetches the icon). */
async function subscribe(on: PaperboyCore, url: string): Promise<number> {
  await on.api.importOpml(`<opml version="2.0"><body><outline type="rss" text="x" xmlUrl="${url}"/></body></opml>`);
  return (await on.api.listFeeds()).find((feed) => feed.url === url)!.id;
}

async function articleTitled(on: PaperboyCore, title: string) {
  const { articles } = await on.api.listArticles({ filter: { kind: 'all' } });
  return (await on.api.getArticle(articles.find((a) => a.title === title)!.id))!;
}

const cachedImages = (html: string) => [...html.matchAll(/paperboy-cache:\/\/[0-9a-f]{64}/g)].length;

describe('a public feed', () => {
  it("never reaches the intranet through its content, keeps its articles, and says why in the sync's warnings", async () => {
    const reader = core();
    const feedId = await subscribe(reader, internet.url('/feed.xml'));
    const summary = await reader.api.sync();

    expect(intranet.requests.map((r) => r.path)).toEqual([]);
    expect(summary).toMatchObject({ feedsFailed: 0, newArticles: 4 });
    // The page on the intranet: the article keeps the feed's text and says why it has no page.
    const blockedPage = await articleTitled(reader, 'the intranet story');
    expect(blockedPage).toMatchObject({ contentSource: 'feed', fullTextState: 'failed' });
    expect(blockedPage.html).toContain('Feed text of the intranet story');
    expect(blockedPage.fullTextError).toBe(`blocked: ${intranet.url('/page.html')} points into the local network (only a feed on the local network may load from it)`);
    // The page on the internet: stored with its one public image; the others are simply missing.
    const story = await articleTitled(reader, 'the story with pictures');
    expect(story).toMatchObject({ contentSource: 'page', fullTextState: 'done' });
    expect(cachedImages(story.html)).toBe(1);
    expect(internet.requestsFor('/ok.png')).toHaveLength(1);
    expect(internet.requestsFor('/bounce.png')).toHaveLength(1);
    expect(story.html).not.toMatch(/src="(file|data|javascript):/);
    expect(summary.warnings).toEqual(expect.arrayContaining([
      blockedPage.fullTextError,
      expect.stringMatching(new RegExp(`^blocked: http://localhost:${portOf(intranet)}/img.png points into the local network`)),
      expect.stringMatching(/^blocked: http:\/\/\[::1\]:\d+\/img.png points into the local network/),
      `blocked: ${intranet.url('/img.png')} points into the local network (only a feed on the local network may load from it)`,
      `blocked: ${intranet.url('/comments.xml')} points into the local network (only a feed on the local network may load from it)`,
    ]));
    // Items whose link is not http(s) are stored from the feed, their link never followed.
    for (const title of ['the javascript story', 'the file story']) {
      expect(await articleTitled(reader, title)).toMatchObject({ url: null, contentSource: 'feed', fullTextState: 'skipped' });
    }
    // The icon on the intranet was not fetched either; the feed itself synced.
    expect((await reader.api.listFeeds()).find((f) => f.id === feedId)).toMatchObject({ iconUrl: null, lastError: null });
  });

  it('still never reaches the intranet with articles left pending by an earlier sync, when the feed fails', async () => {
    const reader = core();
    await subscribe(reader, internet.url('/feed.xml'));
    await reader.api.sync({ feedsOnly: true });
    // The feed now answers 500: its pending articles are fetched with no response to go by.
    publicFeedDown = true;
    try {
      const summary = await reader.api.sync();
      expect(summary.feedsFailed).toBe(1);
      expect(internet.requestsFor('/story.html')).toHaveLength(1);
      expect(intranet.requests).toHaveLength(0);
      expect(summary.warnings).toContain(`blocked: ${intranet.url('/page.html')} points into the local network (only a feed on the local network may load from it)`);
    } finally {
      publicFeedDown = false;
    }
  });

  it('cannot become an intranet feed by a DNS answer that changes after the feed was fetched (rebinding)', async () => {
    let lookups = 0;
    const reader = core({
      network: {
        // The first answer (the feed fetch) is the internet; later ones say the local network.
        resolve: async () => [{ address: lookups++ === 0 ? '127.0.0.1' : '10.9.9.9', family: 4 }],
        isPublic: (address, port) => (address === '127.0.0.1' && port === portOf(internet)) || isPublicAddress(address),
      },
    });
    await subscribe(reader, `http://rebind.test:${portOf(internet)}/feed.xml`);
    expect(await reader.api.sync()).toMatchObject({ feedsFailed: 0, newArticles: 4 });
    expect(lookups).toBeGreaterThan(0);
    expect(internet.requestsFor('/story.html')).toHaveLength(1);
    expect(intranet.requests).toHaveLength(0);
  });

  it('cannot redirect a sync into the intranet: the feed fails with the reason, the intranet gets no request, nothing is stored', async () => {
    const reader = core();
    const feedId = await subscribe(reader, internet.url('/moved.xml'));
    const summary = await reader.api.sync();
    const blocked = `blocked: ${intranet.url('/feed.xml')} points into the local network (only a feed on the local network may load from it)`;
    expect(summary).toMatchObject({ feedsFailed: 1, newArticles: 0 });
    expect(internet.requestsFor('/moved.xml')).toHaveLength(1);
    expect(intranet.requests).toHaveLength(0);
    expect((await reader.api.listFeeds()).find((f) => f.id === feedId)).toMatchObject({ lastError: blocked });
    expect((await reader.api.listArticles({ filter: { kind: 'all' } })).articles).toHaveLength(0);
  });

  it("cannot send a sync into the intranet by a page's script redirect or meta refresh: the feed's text is kept, saying why", async () => {
    internet
      .serve('/stubs.xml', { type: 'application/rss+xml', body: rss('Public stubs', '', [
        { title: 'the script stub', link: internet.url('/script-stub.html') },
        { title: 'the refresh stub', link: internet.url('/refresh-stub.html') },
      ]) })
      .serve('/script-stub.html', { type: 'text/html', body: `<html><head><title>Moved</title><script>location.replace("${intranet.url('/page.html')}")</script></head><body></body></html>` })
      .serve('/refresh-stub.html', { type: 'text/html', body: `<html><head><meta http-equiv="refresh" content="0; url=${intranet.url('/page.html')}"></head><body>Moved.</body></html>` });
    const reader = core();
    await subscribe(reader, internet.url('/stubs.xml'));
    await reader.api.sync();
    expect(intranet.requests.map((r) => r.path)).toEqual([]);
    for (const title of ['the script stub', 'the refresh stub']) {
      const stub = await articleTitled(reader, title);
      expect(stub).toMatchObject({ contentSource: 'feed', fullTextState: 'failed' });
      expect(stub.html).toContain(`Feed text of ${title}`);
      expect(stub.fullTextError).toBe(`blocked: ${intranet.url('/page.html')} points into the local network (only a feed on the local network may load from it)`);
    }
  });

  it('cannot redirect Add feed into the intranet: the address typed decides, not where it leads', async () => {
    const reader = core();
    const error: unknown = await reader.api.addFeed(internet.url('/moved.xml')).catch((e: unknown) => e);
    expect(errorMessage(error)).toContain(`blocked: ${intranet.url('/feed.xml')} points into the local network`);
    expect(intranet.requests).toHaveLength(0);
    expect(await reader.api.listFeeds()).toHaveLength(0);
  });

  it("cannot lead Add feed to a feed on the intranet: the page's feed link is passed over", async () => {
    const reader = core();
    const added = await reader.api.addFeed(internet.url('/site.html'));
    expect(added.tried).toContain(intranet.url('/feed.xml'));
    // Discovery went on to the site's common feed paths, and found the public one there.
    expect(added.feed.url).toBe(internet.url('/feed.xml'));
    expect(intranet.requests).toHaveLength(0);
  });
});

describe('a feed on the intranet', () => {
  it('fetches its own pages, images, comment feed and icon', async () => {
    const reader = core();
    const feedId = await subscribe(reader, intranet.url('/feed.xml'));
    const summary = await reader.api.sync();
    expect(summary).toMatchObject({ feedsFailed: 0, warnings: [] });
    const article = await articleTitled(reader, 'the team story');
    expect(article).toMatchObject({ contentSource: 'page', fullTextState: 'done', fullTextError: null });
    expect(cachedImages(article.html)).toBe(2);
    expect(intranet.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/feed.xml', '/page.html', '/img.png', '/comments.xml', '/icon.png']));
    expect((await reader.api.listFeeds()).find((f) => f.id === feedId)?.iconUrl).toMatch(/^paperboy-cache:\/\//);
  });

  it('can be added by typing its address', async () => {
    const reader = core();
    const added = await reader.api.addFeed(intranet.url('/feed.xml'));
    expect(added.feed).toMatchObject({ url: intranet.url('/feed.xml'), iconUrl: expect.stringMatching(/^paperboy-cache:\/\//) });
  });
});

describe('sending a draft', () => {
  let wordpress: WordPressSite;
  beforeAll(async () => {
    // The WordPress endpoint is on the intranet; a public copy of the post points its comment form there.
    wordpress = await WordPressSite.start();
    internet.serve('/wp/feed/', { type: 'application/rss+xml', body: fixtureText('seed/feed.xml', `${internet.origin}/wp`) });
    internet.serve(`/wp${POST_PATH}`, {
      type: 'text/html',
      body: fixtureText('seed/article.html', `${internet.origin}/wp`).replaceAll(`${internet.origin}/wp/wp-comments-post.php`, `${wordpress.server.origin}/wp-comments-post.php`),
    });
  });
  afterAll(() => wordpress.stop());

  const jo = { body: 'The talks in Geneva were only the start.', name: 'Jo Reader', email: 'jo@example.org', website: '' };

  it('from a public feed, refuses a comment form that posts into the local network, and posts nothing', async () => {
    const reader = core();
    await subscribe(reader, internet.url('/wp/feed/'));
    await reader.api.sync();
    const [article] = (await reader.api.listArticles({ filter: { kind: 'all' } })).articles;
    expect(article).toBeDefined();
    expect((await reader.api.getArticle(article!.id))?.commentForm).not.toBeNull();
    const draft = await reader.api.saveDraft({ articleId: article!.id, ...jo });
    const result = await reader.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'rejected', draft: { state: 'failed' } });
    expect(result.message).toBe(
      `Not sent: the comment form sends to ${wordpress.server.origin}/wp-comments-post.php, which is on the local network, and this article's feed is not. Copy the text and post it from the article in the browser.`,
    );
    expect(wordpress.server.requests).toHaveLength(0);
    expect(wordpress.posts).toHaveLength(0);
  });

  it('from a feed on the intranet, posts to its form there', async () => {
    const reader = core();
    await subscribe(reader, wordpress.feedUrl);
    await reader.api.sync();
    const [article] = (await reader.api.listArticles({ filter: { kind: 'all' } })).articles;
    const draft = await reader.api.saveDraft({ articleId: article!.id, ...jo });
    expect(await reader.api.sendDraft(draft.id)).toMatchObject({ outcome: 'sent' });
    expect(wordpress.posts).toHaveLength(1);
  });
});
