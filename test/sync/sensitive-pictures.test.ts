// A Mastodon post its author marked sensitive: Mastodon's RSS rates each of its pictures "adult"
// (media:rating, Media RSS's simple scheme) where the others are "nonadult", and Mastodon shows
// them behind a click ("Sensitive content"). The reader showed them uncovered, and a lone one
// above the text and as the list's thumbnail. Now each is kept (cached, for reading offline)
// behind a closed <details> that says what it hides, and is never the lead image; the post's
// other pictures, and other posts', are shown as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { makeJpeg } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let core: PaperboyCore;

beforeEach(async () => {
  site = await TestServer.start('127.0.146.14');
  core = openCore({ dataDir: tempDir('paperboy-sensitive-'), workers: 1, welcome: false });
});
afterEach(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

const ATTACHMENTS = '/system/media_attachments/files/113/604';

function post(id: string, text: string, pictures: readonly { file: string; alt: string; rating: 'adult' | 'nonadult' }[]): string {
  const media = pictures.map(({ file, alt, rating }) =>
    `<media:content url="${site.url(`${ATTACHMENTS}/${file}`)}" type="image/jpeg" fileSize="48213" medium="image"><media:rating scheme="urn:simple">${rating}</media:rating><media:description type="plain">${alt}</media:description></media:content>`).join('');
  return `<item><guid isPermaLink="true">${site.url(`/@wennarowe/${id}`)}</guid><link>${site.url(`/@wennarowe/${id}`)}</link><pubDate>Thu, 03 Dec 2026 09:${id.slice(-2)}:00 +0000</pubDate><description>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</description>${media}<category>wildlife</category></item>`;
}

describe('pictures of a post marked sensitive', () => {
  it('are kept behind a click, and none is the lead picture', async () => {
    for (const [file, rgb] of [['seal-pup.jpg', [120, 120, 110]], ['gull-injury.jpg', [150, 60, 50]]] as const) {
      site.serve(`${ATTACHMENTS}/${file}`, { body: makeJpeg(1200, 900, [...rgb]), type: 'image/jpeg' });
    }
    site.serve('/@wennarowe.rss', {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wenna Rowe</title><description>Public posts from @wennarowe@harbour.social</description><link>${site.url('/@wennarowe')}</link><lastBuildDate>Thu, 03 Dec 2026 09:30:00 +0000</lastBuildDate><generator>Mastodon v4.3.2</generator>
${post('113604000000000011', '<p>A seal pup hauled out on the slip this morning. Give it room, it is resting, not stranded.</p>', [{ file: 'seal-pup.jpg', alt: 'A grey seal pup asleep on the slipway', rating: 'nonadult' }])}
${post('113604000000000022', '<p>Found this gull with a hook through its foot by the fish quay. Photos of the wound below; it is at the vet now.</p>', [
  { file: 'gull-injury.jpg', alt: 'A fish hook through a herring gull’s foot, bleeding', rating: 'adult' },
])}
</channel></rss>`,
    });
    await core.api.addFeed(site.url('/@wennarowe.rss'));
    await core.api.sync({ fullText: false });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const byText = async (words: string) => {
      const found = await Promise.all(articles.map((summary) => core.api.getArticle(summary.id)));
      return found.find((article) => article!.html.includes(words))!;
    };
    const gull = await byText('hook through its foot');
    const covered = /<details><summary>Sensitive content \(click to show\)<\/summary><p><img src="paperboy-cache:\/\/[0-9a-f]{64}" alt="A fish hook through a herring gull’s foot, bleeding" ?\/?><\/p><\/details>/;
    expect(gull.html).toMatch(covered);
    expect(gull.leadImage).toBeNull();
    expect(articles.find((summary) => summary.id === gull.id)!.leadImage).toBeNull();
    expect(gull.missedImages).toEqual([]);

    const seal = await byText('seal pup');
    expect(seal.html).not.toContain('<details>');
    expect(seal.leadImage).toMatch(/^paperboy-cache:\/\/[0-9a-f]{64}$/);
  }, 60_000);
});
