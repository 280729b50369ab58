// A feed refresh stores its items as the feed wrote them and sanitizes one only when it is read
// (issue 11): the reader must get exactly what it got when items were sanitized at sync, search
// must find an item's words and nothing of its scripts, and the article's sync must sanitize the
// feed's copy against the same base, once, and store it sanitized. Real feeds on a loopback
// server, a real data folder, the core's API.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { sanitizeFeedItem } from '../../electron/core/articles';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;

/** The harbour story as a news site's feed carries it: relative addresses (resolved against the
 *  entry's xml:base, not its link), an image, a tracking script and an inline handler. */
const STORY = '<p>The <a href="notices/ferry.html">ferry</a> to the islands runs again from Monday&hellip; '
  + 'the harbour master&#8217;s office said.</p><figure><img src="img/quay.jpg" alt="The quay" onerror="track()"></figure>'
  + '<script>var secretword = "kraken"; track();</script><h1>Timetable</h1><ul><li>06:10</li><li>07:40</li></ul>';
const SCRIPT_ONLY = '<script>document.write("hello")</script>';

function atomFeed(story: string, updated = '2026-11-20T08:00:00Z'): string {
  const entry = (id: string, title: string, html: string, at: string) => `<entry><id>${id}</id><title>${title}</title>
    <link href="https://elsewhere.example/${id}"/><updated>${at}</updated><content type="html">${escapeXml(html)}</content></entry>`;
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="${server.url('/news/')}">
    <title>Harbour News</title><id>urn:harbour</id><updated>${updated}</updated>
    ${entry('ferry', 'Ferry runs again', story, updated)}${entry('empty', 'Only a script', SCRIPT_ONLY, '2026-11-20T08:00:00Z')}</feed>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
});

async function articleTitled(title: string) {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  return (await core.api.getArticle(articles.find((a) => a.title === title)!.id))!;
}

function storedRow(id: string): { html: string; raw_base: string | null; text: string } {
  return core.storage.db.one<{ html: string; raw_base: string | null; text: string }>('SELECT html, raw_base, text FROM article_content WHERE article_id = ?', [id])!;
}

describe('feed items stored by a feeds-only sync', () => {
  it('are stored raw and reach the reader sanitized against their base, as when they were sanitized at sync', async () => {
    server.serve('/feed.xml', { body: atomFeed(STORY), type: 'application/atom+xml' });
    const { feed } = await core.api.addFeed(server.url('/feed.xml'));
    await core.api.sync({ feedIds: [feed.id], feedsOnly: true });

    const ferry = await articleTitled('Ferry runs again');
    const base = server.url('/news/');
    expect(storedRow(ferry.id)).toMatchObject({ html: STORY, raw_base: base });
    // Byte for byte what ingestFeed used to store, and nothing hostile.
    expect(ferry.html).toBe(sanitizeFeedItem(STORY, base));
    expect(ferry.html).toBe(
      `<p>The <a href="${base}notices/ferry.html" rel="noopener noreferrer">ferry</a> to the islands runs again from Monday… the harbour master’s office said.</p>`
      + `<figure><img data-original-src="${base}img/quay.jpg" alt="The quay" /></figure><h2>Timetable</h2><ul><li>06:10</li><li>07:40</li></ul>`,
    );
    expect(ferry.contentSource).toBe('feed');
    // Search and the list read the item's words, never its script.
    expect(ferry.snippet).toBe('The ferry to the islands runs again from Monday… the harbour master’s office said. Timetable 06:10 07:40');
    expect(core.storage.search('islands').map((hit) => hit.id)).toEqual([ferry.id]);
    expect(core.storage.search('kraken')).toEqual([]);
    expect(storedRow(ferry.id).text).toBe('The ferry to the islands runs again from Monday… the harbour master’s office said.\nTimetable\n06:10\n07:40');

    // An item that sanitizes to nothing has no content, as before.
    const empty = await articleTitled('Only a script');
    expect(empty).toMatchObject({ html: '', contentSource: 'none' });
  });

  it('keep their base through an edit of the item, and the article sync stores them sanitized, resolved against it', async () => {
    server.serve('/feed.xml', { body: atomFeed(STORY), type: 'application/atom+xml' });
    const { feed } = await core.api.addFeed(server.url('/feed.xml'));
    const edited = STORY.replace('runs again', 'sails again');
    server.serve('/feed.xml', { body: atomFeed(edited, '2026-11-21T08:00:00Z'), type: 'application/atom+xml' });
    expect(await core.api.sync({ feedIds: [feed.id], feedsOnly: true })).toMatchObject({ updatedArticles: 1 });
    const ferry = await articleTitled('Ferry runs again');
    const base = server.url('/news/');
    expect(storedRow(ferry.id)).toMatchObject({ html: edited, raw_base: base });
    expect(ferry.html).toBe(sanitizeFeedItem(edited, base));

    // Its page (on another host) has no article text: the feed's copy is kept, images and all.
    await core.api.updateFeed(feed.id, { fullText: false });
    server.serve('/news/img/quay.jpg', { body: Buffer.from('not an image'), type: 'image/jpeg' });
    await core.api.sync({ feedIds: [feed.id] });
    const copy = await articleTitled('Ferry runs again');
    const row = storedRow(copy.id);
    expect(row.raw_base).toBeNull();
    expect(row.html).toBe(copy.html);
    expect(copy.html).toContain(`<a href="${base}notices/ferry.html" rel="noopener noreferrer">ferry</a> to the islands sails again`);
    expect(copy.html).toContain(`data-original-src="${base}img/quay.jpg"`);
    expect(copy.html).not.toMatch(/<script|onerror|kraken/);
    expect(server.requests.map((r) => r.path)).toContain('/news/img/quay.jpg');
  });
});
