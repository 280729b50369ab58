// An edited item of a feed whose offline copy is made from the feed's own text (full text off, or
// a page that could not be had): the edit replaces the stored copy with the feed's new HTML, which
// is raw until a sync makes its copy again, images included. It used to keep its old state
// ('skipped', 'failed', 'done'), so no sync made that copy: the reader showed "Image not saved"
// for a photo whose file was in the cache. Real core, real SQLite, a real loopback blog.
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
}, '127.0.21.2');

const CACHED_IMAGE = /<img src="paperboy-cache:\/\/[0-9a-f]{64}"[^>]*alt="The harbour at dusk"/;

function photoStory(correction: string): string {
  return `<p>Look at this photo of the harbour, taken from the pier.</p><figure><img src="${server.url('/wp-content/uploads/2026/12/harbour.png')}" width="640" height="360" alt="The harbour at dusk"><figcaption>The harbour</figcaption></figure><p>More text.${correction}</p>`;
}

function blogFeed(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Photos</title><link>${server.url('/')}</link><description>Just another WordPress site</description>
<generator>https://wordpress.org/?v=6.5.2</generator>
	<item>
		<title>Photo story</title>
		<link>${server.url('/2026/12/photo-story/')}</link>
		<dc:creator><![CDATA[Sam Lee]]></dc:creator>
		<pubDate>Sat, 05 Dec 2026 09:00:00 +0000</pubDate>
		<guid isPermaLink="false">${server.url('/?p=900')}</guid>
		<description><![CDATA[Look at this photo of the harbour, taken from the pier. [&#8230;]]]></description>
		<content:encoded><![CDATA[${body}]]></content:encoded>
	</item>
</channel></rss>`;
}

async function theStory(feedId: number) {
  const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId } });
  expect(articles).toHaveLength(1);
  return (await core.api.getArticle(articles[0]!.id))!;
}

describe('an edited item of a feed read without its pages', () => {
  it('shows its cached photo again after the next sync, with the edit, and is not downloaded twice', async () => {
    server.serve('/wp-content/uploads/2026/12/harbour.png', { body: makePng(64, 36, [40, 80, 120]), type: 'image/png' });
    server.serve('/feed/', { body: blogFeed(photoStory('')), type: 'application/rss+xml; charset=UTF-8' });
    const { feed } = await core.api.addFeed(server.url('/feed/'));
    await core.api.updateFeed(feed.id, { fullText: false });
    await core.api.sync({});
    const saved = await theStory(feed.id);
    expect(saved.html).toMatch(CACHED_IMAGE);
    await core.api.setRead([saved.id], true);

    server.serve('/feed/', { body: blogFeed(photoStory(' Correction: the photo was taken at dusk, not dawn.')), type: 'application/rss+xml; charset=UTF-8' });
    expect(await core.api.sync({})).toMatchObject({ updatedArticles: 1 });

    const edited = await theStory(feed.id);
    expect(edited).toMatchObject({ id: saved.id, read: true, missedImages: [] });
    expect(edited.html).toContain('Correction: the photo was taken at dusk');
    expect(edited.html).toMatch(CACHED_IMAGE);
    expect(edited.html).not.toContain('data-original-src');
    // The file was in the cache: the copy took it from there.
    expect(server.requestsFor('/wp-content/uploads/2026/12/harbour.png')).toHaveLength(1);
  });

  it('waits, saying so, for the next full sync when the edit came with a feeds-only one', async () => {
    server.serve('/wp-content/uploads/2026/12/harbour.png', { body: makePng(64, 36, [40, 80, 120]), type: 'image/png' });
    server.serve('/feed/', { body: blogFeed(photoStory('')), type: 'application/rss+xml; charset=UTF-8' });
    const { feed } = await core.api.addFeed(server.url('/feed/'));
    await core.api.updateFeed(feed.id, { fullText: false });
    await core.api.sync({});

    server.serve('/feed/', { body: blogFeed(photoStory(' Correction: the photo was taken at dusk, not dawn.')), type: 'application/rss+xml; charset=UTF-8' });
    await core.api.sync({ feedsOnly: true });
    // The reader says the photo comes with the next sync, not that it could not be downloaded.
    expect(await theStory(feed.id)).toMatchObject({ fullTextState: 'pending', fullTextError: null, missedImages: [] });

    await core.api.sync({});
    const copy = await theStory(feed.id);
    expect(copy).toMatchObject({ fullTextState: 'skipped', contentSource: 'feed' });
    expect(copy.html).toMatch(CACHED_IMAGE);
  });
});
