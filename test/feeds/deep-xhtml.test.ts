// An Atom entry whose type="xhtml" content nests 100,000 elements deep (2.5 MB). sax reads it in
// linear time, but the inline markup was then read by a parser that pays for every element as
// many steps as it is deep: 14 s of a parse worker per MB, past the sync's 30 s limit at 2 MB.
// Now elements past 1,024 levels are read as their text; the entry's HTML, still nested past the
// 512 levels any browser builds, reads as its words (as the same HTML sent escaped does), and the
// feed's other entries, inline markup included, are stored as they were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { parseFeed } from '../../electron/core/feeds';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: Core;
beforeEach(async () => {
  server = await TestServer.start('127.0.35.3');
  // A third of the parse worker's usual 30 s: the feed parsed in 15-25 s here before, and in 1-2 s now.
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, taskTimeoutMs: 10_000 });
});
afterEach(async () => {
  await core.close();
  await server.stop();
  removeTempDirs();
});

const DEPTH = 100_000;
const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';

function entry(id: string, title: string, updated: string, content: string): string {
  return `<entry><title>${title}</title><id>urn:harbour:${id}</id><updated>${updated}</updated><link href="https://harbour.example/${id}"/><content type="xhtml"><div ${XHTML}>${content}</div></content></entry>`;
}

const deepFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour notes</title><id>urn:harbour</id><updated>2025-12-03T00:00:00Z</updated>
${entry('ferry', 'The new ferry', '2025-12-01T08:00:00Z', '<p>The new ferry made its <em>first crossing</em> this morning.</p>')}
${entry('thread', 'A long reply thread', '2025-12-02T08:00:00Z', `<p>Replies so far:</p>${'<blockquote>'.repeat(DEPTH)}<p>the innermost reply</p>${'</blockquote>'.repeat(DEPTH)}<p>Thread closed.</p>`)}
${entry('fog', 'Fog over the islands', '2025-12-03T08:00:00Z', '<p>Fog lifted by <strong>noon</strong>.</p>')}
</feed>`;

/** How deep the elements of an HTML fragment nest (its markup is well-formed here). */
function nestingOf(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [tag] of html.matchAll(/<\/?[a-z][^>]*>/g)) {
    if (tag.startsWith('</')) depth--;
    else if (!tag.endsWith('/>')) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

describe('an Atom entry nested 100,000 deep', () => {
  it('is read as its text past 1,024 levels, its neighbours as written', async () => {
    const feed = await parseFeed(deepFeed, 'https://harbour.example/feed.atom');
    const [ferry, thread, fog] = feed.items;
    expect(ferry!.contentHtml).toBe('<p>The new ferry made its <em>first crossing</em> this morning.</p>');
    expect(fog!.contentHtml).toBe('<p>Fog lifted by <strong>noon</strong>.</p>');
    expect(thread!.contentHtml).toMatch(/^<p>Replies so far:<\/p>(<blockquote>)+the innermost reply(<\/blockquote>)+<p>Thread closed.<\/p>$/);
    expect(nestingOf(thread!.contentHtml!)).toBeGreaterThan(512);
    expect(nestingOf(thread!.contentHtml!)).toBeLessThanOrEqual(1024);
  });

  it('syncs: every entry stored, the deep one as its words', async () => {
    server.serve('/feed.atom', { body: deepFeed, type: 'application/atom+xml' });
    // Subscribed without the network, as an OPML import does: the sync is the first to read it.
    await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" xmlUrl="${server.url('/feed.atom')}"/></body></opml>`);
    const started = performance.now();
    const summary = await core.api.sync({ feedsOnly: true });
    console.log(`[${DEPTH.toLocaleString('en')} nested elements] ${(deepFeed.length / 1e6).toFixed(1)} MB synced in ${Math.round(performance.now() - started)} ms`);
    expect(summary).toMatchObject({ feedsFailed: 0, newArticles: 3 });
    expect((await core.api.listFeeds())[0]).toMatchObject({ title: 'Harbour notes', lastStatus: 'ok', lastError: null });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' }, limit: 10 });
    expect(articles.map((a) => a.title)).toEqual(['Fog over the islands', 'A long reply thread', 'The new ferry']);
    const html = await Promise.all(articles.map(async (a) => (await core.api.getArticle(a.id))!.html));
    expect(html[0]).toContain('<p>Fog lifted by <strong>noon</strong>.</p>');
    expect(html[1]).toContain('<p>Replies so far: the innermost reply Thread closed.</p>');
    expect(html[2]).toContain('<p>The new ferry made its <em>first crossing</em> this morning.</p>');
  });
});
