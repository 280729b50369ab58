// A feeds-only sync (the pages are not read) keeps the pictures a WordPress feed's content:encoded
// shows, as the site's lazy-loading plugins write them there: WP Rocket's placeholder SVG with the
// picture in data-lazy-src and data-lazy-srcset (and its <noscript> copy), a3 Lazy Load's
// placeholder GIF with the picture in data-src, a block editor <figure> with its caption and its
// srcset, an older theme's picture named by an address relative to the post; and an item whose
// text shows no picture keeps its media:content as its lead picture. Each picture is asked for
// once, at the size for the reader's column, and never a placeholder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let core: PaperboyCore;

beforeEach(async () => {
  site = await TestServer.start();
  core = openCore({ dataDir: tempDir('paperboy-feed-pictures-'), workers: 1 });
});
afterEach(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

const UPLOADS = '/wp-content/uploads/2024/06';
const ROCKET_SVG = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201024%20683'%3E%3C/svg%3E";
const srcset = (name: string, widths: readonly number[]) => widths.map((width) => `${site.origin}${UPLOADS}/${name}-${width}x${Math.round((width * 2) / 3)}.png ${width}w`).join(', ');
const sized = (name: string, width: number) => `${UPLOADS}/${name}-${width}x${Math.round((width * 2) / 3)}.png`;

function feed(): string {
  const item = (slug: string, title: string, content: string, extra = '') =>
    `<item><title>${title}</title><link>${site.url(`/2024/06/${slug}/`)}</link><guid isPermaLink="false">${site.url(`/?p=${slug}`)}</guid><pubDate>Sat, 08 Jun 2024 07:30:00 +0000</pubDate><description><![CDATA[${title}.]]></description><content:encoded><![CDATA[${content}]]></content:encoded>${extra}</item>`;
  const rocket = `<p>The gig club's new boat was launched from the slipway on Saturday morning, watched by most of the village.</p>
<figure class="wp-block-image size-large"><img fetchpriority="high" decoding="async" width="1024" height="683" src="${ROCKET_SVG}" alt="The new gig on the slipway" class="wp-image-2210" data-lazy-srcset="${srcset('gig-launch', [1024, 300, 768, 1536])}" data-lazy-sizes="(max-width: 1024px) 100vw, 1024px" data-lazy-src="${site.origin}${sized('gig-launch', 1024)}"><noscript><img fetchpriority="high" decoding="async" width="1024" height="683" src="${site.origin}${sized('gig-launch', 1024)}" alt="The new gig on the slipway" class="wp-image-2210" srcset="${srcset('gig-launch', [1024, 300, 768, 1536])}" sizes="(max-width: 1024px) 100vw, 1024px"></noscript><figcaption class="wp-element-caption">The new gig on the slipway before her first row.</figcaption></figure>
<p>She was built over two winters in the boatyard by the harbour, from Cornish elm and larch.</p>`;
  const a3 = `<p>The crew rowed her round the point and back in a little under twenty minutes.</p>
<p><img decoding="async" class="lazy lazy-hidden aligncenter size-full wp-image-2214" src="${site.origin}/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif" data-lazy-type="image" data-src="${site.origin}${UPLOADS}/crew-at-the-point.png" alt="The crew rounding the point" width="900" height="600"><noscript><img decoding="async" class="aligncenter size-full wp-image-2214" src="${site.origin}${UPLOADS}/crew-at-the-point.png" alt="The crew rounding the point" width="900" height="600"></noscript></p>
<p>The club will race her for the first time at the regatta in August.</p>`;
  const relative = `<p>Our older posts name their pictures the way the old theme wrote them.</p>
<p><img src="../../../images/1998/old-gig-shed.png" alt="The old gig shed in 1998" width="640" height="480"></p>
<p>The shed stood where the boatyard is now until it was pulled down in 2003.</p>`;
  const plain = `<p>The regatta committee met on Thursday and agreed the programme for August.</p>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Porthgwidden Gig Club</title><link>${site.origin}/</link><description>News from the club</description>
${item('new-gig-launched', 'New gig launched', rocket)}
${item('first-row-round-the-point', 'First row round the point', a3)}
${item('the-old-gig-shed', 'The old gig shed', relative)}
${item('regatta-programme-agreed', 'Regatta programme agreed', plain, `<media:content url="${site.origin}${UPLOADS}/regatta-poster.png" medium="image" width="1200" height="800"/>`)}
</channel></rss>`;
}

describe('a feeds-only sync of a WordPress feed', () => {
  it("keeps each item's pictures as its content shows them, lazy or not, and the item's own picture when its text has none", async () => {
    const pictures: Record<string, [number, number]> = {
      [sized('gig-launch', 1536)]: [1536, 1024],
      [sized('gig-launch', 1024)]: [1024, 683],
      [`${UPLOADS}/crew-at-the-point.png`]: [900, 600],
      ['/images/1998/old-gig-shed.png']: [640, 480],
      [`${UPLOADS}/regatta-poster.png`]: [1200, 800],
    };
    for (const [path, [width, height]] of Object.entries(pictures)) site.serve(path, { body: makePng(width, height, [40, 90, 140]), type: 'image/png' });
    site.serve('/feed/', { body: feed(), type: 'application/rss+xml; charset=UTF-8' });

    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync({ fullText: false })).toMatchObject({ feedsFailed: 0 });

    // (The site's own icon, asked for at its home page and /favicon.ico, is the sidebar's.)
    const asked = site.requests.map((request) => request.path).filter((path) => path.startsWith('/wp-content/') || path.startsWith('/images/'));
    expect(asked.sort()).toEqual([sized('gig-launch', 1536), `${UPLOADS}/crew-at-the-point.png`, '/images/1998/old-gig-shed.png', `${UPLOADS}/regatta-poster.png`].sort());

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const byTitle = async (title: string) => (await core.api.getArticle(articles.find((article) => article.title === title)!.id))!;
    const images = (html: string) => [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => tag);

    const launched = await byTitle('New gig launched');
    expect(images(launched.html)).toEqual([expect.stringMatching(/^<img src="paperboy-cache:\/\/[0-9a-f]{64}" alt="The new gig on the slipway"/)]);
    expect(launched.html).toMatch(/<figure><img [^>]*><figcaption>The new gig on the slipway before her first row\.<\/figcaption><\/figure>/);

    const rowed = await byTitle('First row round the point');
    expect(images(rowed.html)).toEqual([expect.stringMatching(/^<img src="paperboy-cache:\/\/[0-9a-f]{64}" alt="The crew rounding the point"/)]);

    const shed = await byTitle('The old gig shed');
    expect(images(shed.html)).toEqual([expect.stringMatching(/^<img src="paperboy-cache:\/\/[0-9a-f]{64}" alt="The old gig shed in 1998"/)]);

    const regatta = await byTitle('Regatta programme agreed');
    expect(images(regatta.html)).toEqual([]);
    expect(regatta.leadImage).toMatch(/^paperboy-cache:\/\/[0-9a-f]{64}$/);
  });
});
