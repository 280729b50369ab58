// The lead image (a page's og:image, a feed item's picture) is fetched only where the reader shows
// it: above a text without pictures of its own. Beside the text's own pictures it never shows, and
// was downloaded all the same: a site's social card as og:image, a newsletter's original upload.
// A loopback site, a real sync into a real data folder, and the server's own log of requests.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import { makePng } from '../support/images';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
});

const HOUR = 3_600_000;
const paragraphs = (subject: string) =>
  Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1} on ${subject}: the harbour board met on Tuesday and agreed the new timetable for the winter crossings, with two extra sailings on Fridays.</p>`).join('');

/** A news page: its og:image is the site's social card, which the story never shows; the story has a photo of its own, or none. */
function page(slug: string, title: string, photo: string | null): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} | Harbour Times</title>
<meta property="og:title" content="${title}"><meta property="og:image" content="${server.url(`/social/${slug}-1200x630.png`)}"></head>
<body><header><p class="site-title">Harbour Times</p></header><main><article><h1>${title}</h1>
${photo ? `<figure><img src="${server.url(photo)}" alt="The ferry at the pier" width="1024" height="683"><figcaption>The ferry at the pier on Monday.</figcaption></figure>` : ''}
${paragraphs(title)}</article></main><footer><p>© Harbour Times</p></footer></body></html>`;
}

function feed(): string {
  const item = (slug: string, title: string, hours: number, extra: string) => `<item><title>${title}</title><link>${server.url(`/news/${slug}`)}</link>
<guid isPermaLink="false">${slug}</guid><pubDate>${new Date(Date.now() - hours * HOUR).toUTCString()}</pubDate>
<description>${title}: the harbour board agreed the winter timetable.</description>${extra}</item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Harbour Times</title><link>${server.url('/')}</link><description>News</description>
${item('winter-timetable', 'Winter timetable agreed', 1, `<enclosure url="${server.url('/uploads/ferry-original.png')}" length="4000" type="image/png"/>`)}
${item('board-minutes', 'Board minutes published', 2, '')}
</channel></rss>`;
}

function serveSite(): void {
  server.serve('/feed.xml', { body: feed(), type: 'application/rss+xml; charset=utf-8' });
  server.serve('/news/winter-timetable', { body: page('winter-timetable', 'Winter timetable agreed', '/uploads/ferry-1024x683.png'), type: 'text/html; charset=utf-8' });
  server.serve('/news/board-minutes', { body: page('board-minutes', 'Board minutes published', null), type: 'text/html; charset=utf-8' });
  server.serve('/uploads/ferry-1024x683.png', { body: makePng(1024, 683, [40, 90, 140]), type: 'image/png' });
  server.serve('/uploads/ferry-original.png', { body: makePng(3000, 2000, [40, 90, 141]), type: 'image/png' });
  for (const slug of ['winter-timetable', 'board-minutes']) server.serve(`/social/${slug}-1200x630.png`, { body: makePng(1200, 630, [200, 30, slug.length]), type: 'image/png' });
}

async function article(title: string) {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' }, limit: 10 });
  return (await core.api.getArticle(articles.find((a) => a.title === title)!.id))!;
}

describe('the lead image', () => {
  it('is not downloaded beside the pictures of the text, which it would never be shown with', async () => {
    serveSite();
    await core.api.addFeed(server.url('/feed.xml'));
    expect(await core.api.sync()).toMatchObject({ feedsFailed: 0, articlesFetched: 2 });

    const asked = server.requests.map((request) => request.path);
    expect(asked.filter((path) => path === '/uploads/ferry-1024x683.png')).toHaveLength(1);
    expect(asked).not.toContain('/social/winter-timetable-1200x630.png');
    expect(asked).not.toContain('/uploads/ferry-original.png');
    const withPhoto = await article('Winter timetable agreed');
    expect(withPhoto.html).toMatch(/<img src="paperboy-cache:\/\/[0-9a-f]{64}" alt="The ferry at the pier"/);
    expect(withPhoto.leadImage).toBeNull();
    // The item's picture is known among its enclosures as the article's, not as a file attached to it.
    expect(withPhoto.leadImageSources).toEqual([server.url('/uploads/ferry-original.png')]);
  });

  it('is downloaded and kept for a text without a picture of its own, which it heads', async () => {
    serveSite();
    await core.api.addFeed(server.url('/feed.xml'));
    await core.api.sync();

    // The social card of the story without a photo is fetched, and is its lead image.
    expect(server.requests.filter((request) => request.path === '/social/board-minutes-1200x630.png')).toHaveLength(1);
    const plain = await article('Board minutes published');
    expect(plain.html).not.toContain('<img');
    expect(plain.leadImage).toMatch(/^paperboy-cache:\/\/[0-9a-f]{64}$/);
    expect(plain.leadImageSources).toEqual([server.url('/social/board-minutes-1200x630.png')]);
  });
});
