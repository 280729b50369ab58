// Charset labels that are not the feed's own: a server's default on a feed it did not write
// (Apache's AddDefaultCharset ISO-8859-1 over a PHP template that still declares ISO-8859-1 while
// its database went UTF-8; a Java servlet container's ISO-8859-1 for a type the application named
// without a charset), where every "ü" showed as "Ã¼"; and the reverse, a template's
// <?xml encoding="UTF-8"?> over latin1 text from an old database, sent with no charset in the
// header, where every "ü" showed as "�". A feed whose labels are right still reads as they say.
// Real bytes from a loopback server, a real sync.
import iconv from 'iconv-lite';
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

const STORIES = ['Graubünden: Rhätische Bahn fährt wieder über den Albula', 'Zürcher Gemeinderat beschließt neue Velowege – „endlich“, sagen Anwohner'];

/** A PHP template's RSS, as the site's CMS prints it; `declaration` is its first line. */
function feed(declaration: string): string {
  const items = STORIES.map((title, i) => `
  <item>
    <title>${title}</title>
    <link>${server.url(`/artikel/${1000 + i}.html`)}</link>
    <guid isPermaLink="true">${server.url(`/artikel/${1000 + i}.html`)}</guid>
    <pubDate>Tue, 05 Mar 2024 ${12 - i}:00:00 +0100</pubDate>
    <description>Kurzmeldung aus der Region: ${title}.</description>
  </item>`);
  return `${declaration}
<rss version="2.0">
<channel>
  <title>Südostschweiz Nachrichten</title>
  <link>${server.url('/')}</link>
  <description>Nachrichten aus Graubünden und Zürich</description>
  <language>de-CH</language>${items.join('')}
</channel>
</rss>`;
}

async function shown(path: string): Promise<{ feedTitle: string; titles: string[] }> {
  const feedId = (await core.api.addFeed(server.url(path))).feed.id;
  await core.api.sync({ feedIds: [feedId], feedsOnly: true });
  const listed = (await core.api.listFeeds()).find((f) => f.id === feedId)!;
  const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 });
  return { feedTitle: listed.title, titles: articles.map((a) => a.title) };
}

describe("a server's default latin1 charset over a UTF-8 feed", () => {
  it("reads the feed as UTF-8 when the template declares latin1 too (Apache's AddDefaultCharset)", async () => {
    server.serve('/rss.php', { body: Buffer.from(feed('<?xml version="1.0" encoding="ISO-8859-1"?>'), 'utf8'), type: 'application/rss+xml; charset=ISO-8859-1' });
    expect(await shown('/rss.php')).toEqual({ feedTitle: 'Südostschweiz Nachrichten', titles: STORIES });
  });

  it("reads it as UTF-8 when the document declares nothing (a servlet container's default)", async () => {
    server.serve('/feeds/news', { body: Buffer.from(feed('<?xml version="1.0"?>'), 'utf8'), type: 'text/xml;charset=ISO-8859-1' });
    expect(await shown('/feeds/news')).toEqual({ feedTitle: 'Südostschweiz Nachrichten', titles: STORIES });
  });

  it('still reads a feed written in latin1 as latin1', async () => {
    // Latin-1 has neither the en dash nor German quotation marks.
    const latin1Stories = STORIES.map((title) => title.replace('– „endlich“', '- «endlich»'));
    const text = feed('<?xml version="1.0" encoding="ISO-8859-1"?>').replace(STORIES[1]!, latin1Stories[1]!).replace(STORIES[1]!, latin1Stories[1]!);
    server.serve('/latin1.xml', { body: iconv.encode(text, 'latin1'), type: 'application/rss+xml; charset=ISO-8859-1' });
    expect(await shown('/latin1.xml')).toEqual({ feedTitle: 'Südostschweiz Nachrichten', titles: latin1Stories });
  });
});

describe("a template's UTF-8 declaration over latin1 text, with no charset in the header", () => {
  it('reads the feed as the latin1 it is', async () => {
    const latin1Stories = STORIES.map((title) => title.replace('– „endlich“', '- «endlich»'));
    const text = feed('<?xml version="1.0" encoding="UTF-8"?>').replace(STORIES[1]!, latin1Stories[1]!).replace(STORIES[1]!, latin1Stories[1]!);
    server.serve('/rss.php', { body: iconv.encode(text, 'latin1'), type: 'application/rss+xml' });
    expect(await shown('/rss.php')).toEqual({ feedTitle: 'Südostschweiz Nachrichten', titles: latin1Stories });
  });
});
