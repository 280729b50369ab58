// Text as real encoders and publishers write it, end to end: real bytes (iconv-lite encodes them as
// the publishers' servers do) from a loopback server, a real sync into real SQLite, and what the
// person then reads: the article list, the article, its comments. A NUL byte in a page, a feed or a
// comment; windows-1252 numeric references (&#146;) in a feed; one stray windows-1252 byte in a
// UTF-8 page whose stale template declares a legacy charset; a Shift_JIS page that declares nothing.
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
}, '127.0.0.161');

const HOUR = 3_600_000;
const STORY = 'Résumé of the naïve café story — with accents everywhere, über and façade.';

interface Post {
  readonly slug: string;
  /** The <title>, as the feed writes it (escaped already). */
  readonly titleXml: string;
  /** Inner XML of the item after its title: <description>, <content:encoded>, <dc:creator>... */
  readonly extraXml?: string;
  readonly comments?: boolean;
}

/** A WordPress-shaped RSS feed of `posts`, each linking to /<slug>/ (and its comment feed). */
function wordpressFeed(posts: readonly Post[], encoding = 'UTF-8'): string {
  const items = posts.map((post, i) => `
	<item>
		<title>${post.titleXml}</title>
		<link>${server.url(`/${post.slug}/`)}</link>
		<pubDate>${new Date(Date.now() - (i + 1) * HOUR).toUTCString()}</pubDate>
		<guid isPermaLink="false">${server.url(`/?p=${100 + i}`)}</guid>${post.extraXml ?? ''}${post.comments ? `
		<wfw:commentRss>${server.url(`/${post.slug}/feed/`)}</wfw:commentRss>
		<slash:comments>1</slash:comments>` : ''}
	</item>`);
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel><title>Le Petit Blog</title><link>${server.url('/')}</link><description>Notes</description>
<generator>https://wordpress.org/?v=6.4.2</generator>${items.join('')}
</channel></rss>`;
}

/** A theme's single-post page; `head` holds what the template puts before the title (its <meta charset>, if any). */
function postPage(title: string, paragraphs: readonly string[], head = '<meta charset="UTF-8">'): string {
  return `<!DOCTYPE html><html lang="fr"><head>${head}<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Le Petit Blog</title></head>
<body class="post-template-default single single-post"><header id="masthead"><p class="site-title"><a href="/">Le Petit Blog</a></p></header>
<main id="main"><article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">${title}</h1></header>
<div class="entry-content">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></article></main>
<footer id="colophon"><p>Fièrement propulsé par WordPress</p></footer></body></html>`;
}

async function syncFeed(path: string): Promise<number> {
  const url = server.url(path);
  await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" xmlUrl="${url}"/></body></opml>`);
  const feedId = (await core.api.listFeeds()).find((feed) => feed.url === url)!.id;
  await core.api.sync({ images: false });
  return feedId;
}

async function listed(feedId: number) {
  return (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 100 })).articles;
}

/** The article the list shows with this title, as the reader opens it. */
async function opened(feedId: number, title: string) {
  const summary = (await listed(feedId)).find((article) => article.title === title);
  expect(summary, `an article titled ${title}`).toBeDefined();
  return (await core.api.getArticle(summary!.id))!;
}

/** What the reader shows of stored HTML: its text, a space between its blocks. */
function shownText(html: string): string {
  const spaced = html.replace(/<\/(?:p|h\d|li|div|figure)>/g, '$& ');
  return parseHTML(`<!doctype html><html><body>${spaced}</body></html>`).document.body.textContent!.replace(/\s+/g, ' ').trim();
}

describe('a NUL byte in what a site sends', () => {
  it('costs the reader nothing of the page, the feed body or the comment after it, as in a browser', async () => {
    const story = STORY.replace('über', 'ü\0ber');
    server.serve('/feed/', {
      type: 'application/rss+xml; charset=UTF-8',
      body: wordpressFeed([
        { slug: 'page-with-nul', titleXml: 'A page with a NUL', comments: true },
        {
          slug: 'gone',
          titleXml: 'A feed body with a NUL',
          extraXml: '\n\t\t<content:encoded><![CDATA[<p>First paragraph before the NUL\0 byte.</p><p>Second paragraph that must still be visible.</p>]]></content:encoded>',
        },
      ]),
    });
    server.serve('/page-with-nul/', { type: 'text/html; charset=UTF-8', body: postPage('A page with a NUL', [story, 'The second paragraph, after the NUL.']) });
    server.serve('/gone/', { status: 404, type: 'text/html; charset=UTF-8', body: '<!doctype html><title>Page not found</title>' });
    server.serve('/page-with-nul/feed/', {
      type: 'application/rss+xml; charset=UTF-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Comments on: A page with a NUL</title><link>${server.url('/page-with-nul/')}</link>
<item><title>By: Zoë</title><link>${server.url('/page-with-nul/#comment-7')}</link><dc:creator><![CDATA[Zoë]]></dc:creator><pubDate>${new Date(Date.now() - HOUR / 2).toUTCString()}</pubDate><guid isPermaLink="false">${server.url('/?p=100#comment-7')}</guid>
<content:encoded><![CDATA[<p>Très bien\0 écrit, merci pour la suite.</p>]]></content:encoded></item></channel></rss>`,
    });
    const feedId = await syncFeed('/feed/');

    const page = await opened(feedId, 'A page with a NUL');
    expect(page.contentSource).toBe('page');
    expect(shownText(page.html)).toContain(`${STORY} The second paragraph, after the NUL.`);
    const comments = await core.api.listComments(page.id);
    expect(comments.map((comment) => shownText(comment.html))).toEqual(['Très bien écrit, merci pour la suite.']);

    const feedBody = await opened(feedId, 'A feed body with a NUL');
    expect(feedBody.contentSource).toBe('feed');
    expect(shownText(feedBody.html)).toBe('First paragraph before the NUL byte. Second paragraph that must still be visible.');
  });
});

describe("windows-1252's numeric references in a feed (&#146; for ’)", () => {
  it('read as the quotes and dashes they stand for in the title, the author and the summary', async () => {
    const legacy = 'Don&#146;t stop &#150; the &#147;best&#148;';
    server.serve('/feed/', {
      type: 'application/rss+xml; charset=UTF-8',
      body: wordpressFeed([
        {
          slug: 'gone',
          titleXml: legacy,
          extraXml: `\n\t\t<dc:creator>Ren&#233;e &#147;Ren&#148; O&#146;Hara</dc:creator>\n\t\t<description>They said &#147;${legacy}&#148; ever&#133;</description>`,
        },
      ]).replace('<title>Le Petit Blog</title>', '<title>Bob&#146;s Blog</title>'),
    });
    server.serve('/gone/', { status: 404, type: 'text/html; charset=UTF-8', body: '<!doctype html><title>Page not found</title>' });
    const feedId = await syncFeed('/feed/');

    const [summary] = await listed(feedId);
    expect(summary).toMatchObject({ title: 'Don’t stop – the “best”', author: 'Renée “Ren” O’Hara', snippet: 'They said “Don’t stop – the “best”” ever…' });
    expect(shownText((await core.api.getArticle(summary!.id))!.html)).toBe('They said “Don’t stop – the “best”” ever…');
    expect((await core.api.listFeeds()).find((feed) => feed.id === feedId)?.title).toBe('Bob’s Blog');
  });
});

/** UTF-8 bytes with one windows-1252 quote pasted into them (a stray byte, invalid UTF-8). */
function withStrayByte(text: string, marker: string, byte: number): Buffer {
  const bytes = Buffer.from(text);
  const at = bytes.indexOf(marker);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at + Buffer.byteLength(marker))]);
}

describe('one stray byte in UTF-8 under a header that says UTF-8 and a template that declares a legacy charset', () => {
  it('shows one U+FFFD, as browsers do, not the whole page or feed as mojibake', async () => {
    const feed = wordpressFeed([{ slug: 'stale-meta', titleXml: 'It@@s a naïve façade', extraXml: '\n\t\t<description>Résumé naïve café n°9</description>' }], 'ISO-8859-1');
    server.serve('/feed/', { type: 'application/rss+xml; charset=UTF-8', body: withStrayByte(feed, '@@', 0x92) });
    const page = postPage('It’s a naïve façade', [STORY.replace('über', '@@über'), STORY], '<meta charset="iso-8859-1">');
    server.serve('/stale-meta/', { type: 'text/html; charset=UTF-8', body: withStrayByte(page, '@@', 0x93) });
    const feedId = await syncFeed('/feed/');

    const article = await opened(feedId, 'It\uFFFDs a naïve façade');
    expect(article.snippet).toBe('Résumé naïve café n°9');
    expect(article.contentSource).toBe('page');
    expect(shownText(article.html)).toContain(`${STORY.replace('über', '\uFFFDüber')} ${STORY}`);
  });

  it('still reads a windows-1251 page the header wrongly calls UTF-8 as its <meta> says', async () => {
    const russian = 'Жители Подмосковья выбирают ёлки — цены выросли. Ещё больше новостей…';
    server.serve('/feed/', { type: 'application/rss+xml; charset=UTF-8', body: wordpressFeed([{ slug: 'novosti', titleXml: 'Ёлки в Подмосковье' }]) });
    const page = postPage('Ёлки в Подмосковье', [russian, russian], '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">');
    server.serve('/novosti/', { type: 'text/html; charset=UTF-8', body: iconv.encode(page, 'windows-1251') });
    const feedId = await syncFeed('/feed/');

    expect(shownText((await opened(feedId, 'Ёлки в Подмосковье')).html)).toContain(`${russian} ${russian}`);
  });
});

describe('a page that declares no charset', () => {
  it('in Shift_JIS, linked from a Shift_JIS feed, reads as Japanese rather than windows-1252 mojibake', async () => {
    const title = '東京都の天気予報：明日は晴れ';
    const body = '気象庁によると、東京都心では明日、最高気温が２５度まで上がる見込みです。ｉＰｈｏｎｅ向けの防災アプリも更新されました。';
    const feed = wordpressFeed([{ slug: 'tenki', titleXml: title, extraXml: `\n\t\t<description><![CDATA[<p>${body}</p>]]></description>` }], 'Shift_JIS');
    server.serve('/feed/', { type: 'application/rss+xml', body: iconv.encode(feed, 'shift_jis') });
    server.serve('/tenki/', { type: 'text/html', body: iconv.encode(postPage(title, [body, body], ''), 'shift_jis') });
    const feedId = await syncFeed('/feed/');

    const article = await opened(feedId, title);
    expect(article.contentSource).toBe('page');
    expect(shownText(article.html)).toContain(`${body} ${body}`);
  });

  it('in windows-1252 still reads as windows-1252', async () => {
    const french = 'L’été à Montréal : les cafés ‘branchés’ facturent 5 € — voire plus.';
    server.serve('/feed/', { type: 'application/rss+xml; charset=UTF-8', body: wordpressFeed([{ slug: 'ete', titleXml: 'L’été à Montréal' }]) });
    server.serve('/ete/', { type: 'text/html', body: iconv.encode(postPage('L’été à Montréal', [french, french], ''), 'windows-1252') });
    const feedId = await syncFeed('/feed/');

    expect(shownText((await opened(feedId, 'L’été à Montréal')).html)).toContain(`${french} ${french}`);
  });
});
