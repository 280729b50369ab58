// A thumbnail in a link to its own picture at full size (a lightbox's): a WordPress post's gallery
// and older images, a Blogger post's pictures. The reader shows the picture across its column,
// from the rendition that fills it, and the sync asks for that one only: neither the thumbnail,
// nor a giant original when a fitting rendition is named, nor the page a thumbnail links to.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let core: Core;

afterEach(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const paragraph = (n: number) => `<p>Paragraph ${n}: the harbour wall was rebuilt over the winter, stone by stone, by a crew of six masons who came over from the mainland every morning on the first ferry.</p>`;

/** The article's images as the reader shows them: the cached picture each names, and its declared width. */
async function shownImages(title: string): Promise<{ picture: string | undefined; width: string | undefined }[]> {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  const found = articles.find((article) => article.title === title);
  if (!found) throw new Error(`no article "${title}"`);
  const html = (await core.api.getArticle(found.id))!.html;
  return [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => ({
    picture: /src="paperboy-cache:\/\/([0-9a-f]{64})"/.exec(tag)?.[1],
    width: /\bwidth="(\d+)"/.exec(tag)?.[1],
  }));
}

describe("a WordPress post's linked thumbnails", () => {
  beforeEach(async () => {
    site = await TestServer.start();
    core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
  });

  it('show the rendition that fills the column, or the linked original; a thumbnail linked to a page stays as it is', async () => {
    const uploads = '/wp-content/uploads/2024/05';
    // Each upload in the sizes WordPress makes of it, at their real pixel sizes: the thumbnail a
    // page shows, the larger ones its srcset names, and the original its link opens.
    const sizes = { thumb: [300, 200], medium: [768, 512], large: [1024, 683], wide: [1536, 1024], original: [2400, 1600] } as const;
    const upload = (name: string, size: keyof typeof sizes, colour: number) => {
      const [width, height] = sizes[size];
      const path = size === 'original' ? `${uploads}/${name}.png` : `${uploads}/${name}-${width}x${height}.png`;
      const bytes = makePng(width, height, [colour, 100 + Object.keys(sizes).indexOf(size) * 20, 80]);
      site.serve(path, { body: bytes, type: 'image/png' });
      return { path, bytes };
    };
    const renditions = (name: string, colour: number) => ({
      thumb: upload(name, 'thumb', colour), medium: upload(name, 'medium', colour), large: upload(name, 'large', colour),
      wide: upload(name, 'wide', colour), original: upload(name, 'original', colour),
    });
    const wall = renditions('harbour-wall', 10);
    const masons = renditions('masons', 60);
    const crane = renditions('crane', 110);
    // An older upload, from before WordPress wrote srcset: its thumbnail and its original only.
    const quay = { thumb: upload('old-quay', 'thumb', 160), original: upload('old-quay', 'original', 160) };

    const srcset = (r: ReturnType<typeof renditions>) =>
      `${r.thumb.path} 300w, ${r.large.path} 1024w, ${r.medium.path} 768w, ${r.wide.path} 1536w`;
    const galleryImage = (r: ReturnType<typeof renditions>, href: string, alt: string) =>
      `<figure class="wp-block-image size-medium"><a href="${href}"><img loading="lazy" decoding="async" width="300" height="200" src="${r.thumb.path}" alt="${alt}" class="wp-image-41" srcset="${srcset(r)}" sizes="(max-width: 300px) 100vw, 300px" /></a><figcaption class="wp-element-caption">${alt}</figcaption></figure>`;
    const story = '/2024/05/harbour-wall-rebuilt/';
    site.serve('/feed/', { body: rssFeed('Island Post', [`<item><title>Harbour wall rebuilt</title><guid>wall-1</guid><link>${site.url(story)}</link></item>`]), type: 'application/rss+xml' });
    site.serve(story, {
      type: 'text/html; charset=UTF-8',
      body: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Harbour wall rebuilt &#8211; Island Post</title></head>
        <body class="post-template-default single single-post"><header id="masthead" class="site-header"><p class="site-title"><a href="/">Island Post</a></p>
        <nav class="main-navigation"><ul><li><a href="/news/">News</a></li><li><a href="/ferries/">Ferries</a></li></ul></nav></header>
        <main id="main"><article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">Harbour wall rebuilt</h1></header>
        <div class="entry-content">${paragraph(1)}${paragraph(2)}
        <figure class="wp-block-gallery has-nested-images columns-2 is-cropped">
        ${galleryImage(wall, wall.original.path, 'The new wall at low tide')}
        ${galleryImage(masons, site.url(masons.original.path), 'The masons at work')}
        </figure>
        ${paragraph(3)}
        <p><a href="${quay.original.path}"><img class="alignright size-medium wp-image-7" src="${quay.thumb.path}" alt="The old quay in 2012" width="300" height="200" /></a>${paragraph(4).slice(3, -4)}</p>
        ${galleryImage(crane, `${story}crane/`, 'The crane that lifted the stones')}
        ${paragraph(5)}</div></article></main>
        <footer class="site-footer"><p>&copy; Island Post</p></footer></body></html>`,
    });
    site.serve(`${story}crane/`, { type: 'text/html', body: '<!DOCTYPE html><html><head><title>crane &#8211; Island Post</title></head><body><p>Attachment page</p></body></html>' });

    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 1, imagesFetched: 4 });

    // The gallery's pictures fill the column from their 1536-pixel renditions, and the older
    // thumbnail from its original, each at its own size (no thumbnail's width); the thumbnail
    // that links to its attachment page is left as the page shows it.
    expect(await shownImages('Harbour wall rebuilt')).toEqual([
      { picture: hashOf(wall.wide.bytes), width: undefined },
      { picture: hashOf(masons.wide.bytes), width: undefined },
      { picture: hashOf(quay.original.bytes), width: undefined },
      { picture: hashOf(crane.medium.bytes), width: '300' },
    ]);
    const asked = site.requests.map((request) => request.path).filter((path) => path.startsWith(uploads) || path.startsWith(`${story}crane`));
    expect(asked.sort()).toEqual([wall.wide.path, masons.wide.path, quay.original.path, crane.medium.path].sort());
  });
});

describe("a Blogger post's linked pictures", () => {
  // Blogger's image host, served from the loopback: the sync resolves its name here.
  const BLOGGER = 'blogger.googleusercontent.com';
  let blogger: string;

  beforeEach(async () => {
    site = await TestServer.start();
    blogger = `http://${BLOGGER}:${new URL(site.origin).port}`;
    core = new Core({
      dataDir: tempDir(),
      workers: 1,
      welcome: false,
      network: { resolve: async (hostname) => [{ address: '127.0.0.1', family: 4 }].filter(() => hostname === BLOGGER || hostname === '127.0.0.1') },
    });
  });

  it("show the picture at Blogger's full size, the one the item's thumbnail names too, fetched once", async () => {
    // What Blogger's image server makes of one upload: the sizes a post shows (w400-h300, s320),
    // the 72-pixel square of the feed's thumbnail, and s1600, the size its links open.
    const upload = '/img/b/R29vZ2xl/AVvXsEhQ3kP9mWc7aRt2LxYb8NfJ0uZs4VgE1oKiH6dTpM5nBwCyQ/';
    const oldUpload = '/img/b/R29vZ2xl/AVvXsEgT7nR1xKd4bWp9LcZa2MhF6vYs3QgU8oJiE5tNrB0mCwDyP/';
    const sizes = { 'w400-h300': [400, 300], 's320': [320, 240], 's72-c': [72, 72], 's1600': [1600, 1200] } as const;
    const serveSizes = (folder: string, file: string, colour: number) =>
      Object.fromEntries(Object.entries(sizes).map(([size, [width, height]], n) => {
        const bytes = makePng(width, height, [colour, 40 * n, 200]);
        site.serve(`${folder}${size}/${file}`, { body: bytes, type: 'image/png' });
        return [size, { path: `${folder}${size}/${file}`, bytes }];
      })) as Record<keyof typeof sizes, { path: string; bytes: Buffer }>;
    const boat = serveSizes(upload, 'skerry-lass-slipway.png', 30);
    const shed = serveSizes(oldUpload, 'net-shed.png', 90);

    const content = `<p>The Skerry Lass came out of the water on Saturday for her refit.</p>
      <div class="separator" style="clear: both; text-align: center;"><a href="${blogger}${boat.s1600.path}" style="margin-left: 1em; margin-right: 1em;"><img border="0" data-original-height="1200" data-original-width="1600" height="300" src="${blogger}${boat['w400-h300'].path}" width="400" /></a></div>
      <p>Her hull is sound, but the planks at the stern will all be replaced before the summer.</p>
      <div class="separator" style="clear: both; text-align: center;"><a href="${blogger}${shed.s1600.path}" imageanchor="1" style="margin-left: 1em; margin-right: 1em;"><img border="0" height="240" src="${blogger}${shed.s320.path}" width="320" /></a></div>
      <p>The net shed behind the slipway will be the workshop until then.</p>`;
    const feed = `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:media='http://search.yahoo.com/mrss/'>
      <id>tag:blogger.com,1999:blog-4411</id><updated>2024-05-20T18:02:11.000+01:00</updated><title type='text'>Slipway Diary</title>
      <link rel='alternate' type='text/html' href='${site.url('/')}'/>
      <entry><id>tag:blogger.com,1999:blog-4411.post-9021</id><published>2024-05-20T18:02:00.000+01:00</published><updated>2024-05-20T18:02:11.000+01:00</updated>
      <title type='text'>Out of the water</title><content type='html'>${content.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</content>
      <link rel='alternate' type='text/html' href='${site.url('/2024/05/out-of-water.html')}' title='Out of the water'/>
      <author><name>Morag</name></author><media:thumbnail xmlns:media='http://search.yahoo.com/mrss/' url='${blogger}${boat['s72-c'].path}' height='72' width='72'/></entry></feed>`;
    site.serve('/feeds/posts/default', { body: feed, type: 'application/atom+xml; charset=UTF-8' });

    await core.api.addFeed(site.url('/feeds/posts/default'));
    expect(await core.api.sync({ fullText: false })).toMatchObject({ articlesFetched: 1, imagesFetched: 2 });

    expect(await shownImages('Out of the water')).toEqual([
      { picture: hashOf(boat.s1600.bytes), width: undefined },
      { picture: hashOf(shed.s1600.bytes), width: undefined },
    ]);
    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    expect(articles[0]!.leadImage).toBe(`paperboy-cache://${hashOf(boat.s1600.bytes)}`);
    expect(site.requests.map((request) => request.path).filter((path) => path.startsWith('/img/')).sort()).toEqual([boat.s1600.path, shed.s1600.path].sort());
  });
});
