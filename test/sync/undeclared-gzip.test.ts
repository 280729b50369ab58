// Feeds whose gzip no header declares: a link to feed.xml.gz served as a file, a CDN that stores
// the gzipped file and serves it as application/xml without Content-Encoding, a server that gzips
// (and declares) a body its application had gzipped already. Browsers and feed readers inflate
// them; Paperboy refused each as "not a feed: got binary data". Real bytes from a loopback
// server, a real add and sync.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { DEFAULT_LIMITS } from '../../electron/core/sync/limits';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
});

const EPISODES = ['Tide tables and the people who keep them', 'A lighthouse keeper’s logbook, read aloud'];

/** A small podcast's RSS, as a static site generator writes it. */
function podcast(): string {
  const items = EPISODES.map((title, i) => `
    <item>
      <title>${title}</title>
      <link>${server.url(`/episodes/${12 - i}/`)}</link>
      <guid isPermaLink="false">harbour-radio-${12 - i}</guid>
      <pubDate>Sun, 0${4 - i} Mar 2024 07:30:00 +0000</pubDate>
      <enclosure url="${server.url(`/audio/ep${12 - i}.mp3`)}" length="${31_204_117 - i}" type="audio/mpeg"/>
      <description>Episode ${12 - i} of Harbour Radio.</description>
    </item>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Harbour Radio</title>
    <link>${server.url('/')}</link>
    <description>Stories from the quay</description>${items.join('')}
  </channel>
</rss>
`;
}

async function added(path: string): Promise<number> {
  return (await core.api.addFeed(server.url(path))).feed.id;
}

async function shown(feedId: number) {
  await core.api.sync({ feedIds: [feedId], feedsOnly: true });
  const listed = (await core.api.listFeeds()).find((f) => f.id === feedId)!;
  const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 });
  return { title: listed.title, error: listed.lastError, titles: articles.map((a) => a.title) };
}

describe('a feed gzipped without a Content-Encoding that says so', () => {
  it('adds and syncs a feed.xml.gz link served as a gzip file', async () => {
    server.serve('/feed.xml.gz', { body: zlib.gzipSync(podcast()), type: 'application/x-gzip' });
    const feedId = await added('/feed.xml.gz');
    expect(await shown(feedId)).toEqual({ title: 'Harbour Radio', error: null, titles: EPISODES });
    const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 1 });
    expect((await core.api.getArticle(articles[0]!.id))?.enclosures).toEqual([
      { url: server.url('/audio/ep12.mp3'), type: 'audio/mpeg', length: 31_204_117 },
    ]);
  });

  it('reads the gzipped file a CDN serves as application/xml', async () => {
    server.serve('/podcast.xml', { body: zlib.gzipSync(podcast()), type: 'application/xml' });
    expect(await shown(await added('/podcast.xml'))).toEqual({ title: 'Harbour Radio', error: null, titles: EPISODES });
  });

  it('reads a feed the server gzipped a second time', async () => {
    server.serve('/rss', { body: zlib.gzipSync(podcast()), type: 'application/rss+xml', encoding: 'gzip' });
    expect(await shown(await added('/rss'))).toEqual({ title: 'Harbour Radio', error: null, titles: EPISODES });
  });

  it('refuses one that inflates past the size limit, saying so, and keeps the episodes already saved', async () => {
    server.serve('/podcast.xml', { body: podcast(), type: 'application/xml' });
    const feedId = await added('/podcast.xml');
    await shown(feedId);
    // Gzip makes some 20 KB of these 21 MB of blank lines.
    const padded = podcast().replace('<channel>', `<channel>${'\n'.repeat(DEFAULT_LIMITS.feedBytes + 1024 * 1024)}`);
    server.serve('/podcast.xml', { body: zlib.gzipSync(padded), type: 'application/xml' });
    expect(await shown(feedId)).toEqual({ title: 'Harbour Radio', error: 'too large (over 20 MB)', titles: EPISODES });
  });
});
