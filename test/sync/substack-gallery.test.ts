// A Substack post's image gallery, in its feed's item as Substack writes it: an empty <div
// class="image-gallery-embed"> naming its pictures and caption only in its data-attrs JSON, for a
// script to draw. A feeds-only sync showed nothing where the gallery was; the reader now shows
// its pictures, each cached, and its caption, beside the post's ordinary captioned picture.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let core: PaperboyCore;

beforeEach(async () => {
  site = await TestServer.start('127.0.44.7');
  core = openCore({ dataDir: tempDir('paperboy-substack-gallery-'), workers: 1, welcome: false });
});
afterEach(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

const MEDIA = '/public/images';
const attrs = (value: unknown) => JSON.stringify(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function feed(): string {
  const upload = (name: string) => site.url(`${MEDIA}/${name}`);
  const gallery = attrs({
    gallery: {
      images: [
        { type: 'image/jpeg', src: upload('4f1c2a9e-7b3d-4e21-9c55-1a2b3c4d5e6f_1600x1200.png') },
        { type: 'image/jpeg', src: upload('8d2e3f4a-1b2c-4d3e-8f9a-0b1c2d3e4f5a_1200x1600.png') },
        { type: 'image/png', src: upload('c3b2a190-5e4d-4c3b-a291-8f7e6d5c4b3a_1600x1067.png') },
      ],
      caption: 'The allotment in June: beans, the shed roof mended, the first courgettes.',
      alt: '',
      staticGalleryImage: { type: 'image/png', src: upload('static-gallery_1456x720.png') },
    },
    isEditorNode: true,
  });
  const content = `<p>June was the month the plot finally looked like the plans I drew for it in January.</p>
<div class="captioned-image-container"><figure><a class="image-link image2 is-viewable-img" target="_blank" href="${upload('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d_1456x970.png')}" data-component-name="Image2ToDOM"><div class="image2-inset"><img src="${upload('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d_1456x970.png')}" width="1456" height="970" class="sizing-normal" alt="" fetchpriority="high"></div></a><figcaption class="image-caption">The beans up the canes by the gate.</figcaption></figure></div>
<p>Here is the rest of it, in no particular order:</p>
<div class="image-gallery-embed" data-attrs="${gallery}"></div>
<p>Next month: the courgette glut, and what to do with it.</p>
<p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://plotnotes.substack.com/subscribe&quot;}" data-component-name="ButtonCreateButton"><a class="button primary" href="https://plotnotes.substack.com/subscribe"><span>Subscribe now</span></a></p>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel><title><![CDATA[Plot Notes]]></title><description><![CDATA[A year on an allotment]]></description><link>${site.origin}</link><generator>Substack</generator>
<item><title><![CDATA[The plot in June]]></title><description><![CDATA[Beans, a mended roof and the first courgettes]]></description><link>${site.url('/p/the-plot-in-june')}</link><guid isPermaLink="false">${site.url('/p/the-plot-in-june')}</guid><dc:creator><![CDATA[Ruth Penrose]]></dc:creator><pubDate>Sun, 30 Jun 2024 08:01:12 GMT</pubDate><enclosure url="${upload('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d_1456x970.png')}" length="0" type="image/jpeg"/><content:encoded><![CDATA[${content}]]></content:encoded></item>
</channel></rss>`;
}

describe("a Substack post's image gallery in its feed", () => {
  it('shows its pictures and its caption where the gallery was', async () => {
    const sizes: Record<string, [number, number]> = {
      '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d_1456x970.png': [1456, 970],
      '4f1c2a9e-7b3d-4e21-9c55-1a2b3c4d5e6f_1600x1200.png': [1600, 1200],
      '8d2e3f4a-1b2c-4d3e-8f9a-0b1c2d3e4f5a_1200x1600.png': [1200, 1600],
      'c3b2a190-5e4d-4c3b-a291-8f7e6d5c4b3a_1600x1067.png': [1600, 1067],
      'static-gallery_1456x720.png': [1456, 720],
    };
    for (const [name, [width, height]] of Object.entries(sizes)) site.serve(`${MEDIA}/${name}`, { body: makePng(width, height, [width % 256, 120, 60]), type: 'image/png' });
    site.serve('/feed', { body: feed(), type: 'application/xml; charset=utf-8' });

    await core.api.addFeed(site.url('/feed'));
    expect(await core.api.sync({ fullText: false })).toMatchObject({ feedsFailed: 0, imagesFetched: 4 });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const article = (await core.api.getArticle(articles[0]!.id))!;
    expect([...article.html.matchAll(/<img\b[^>]*>/g)]).toHaveLength(4);
    expect(article.html).toMatch(/<figure>(?:<img src="paperboy-cache:\/\/[0-9a-f]{64}" alt="" \/>){3}<figcaption>The allotment in June: beans, the shed roof mended, the first courgettes\.<\/figcaption><\/figure>/);
    expect(article.missedImages).toEqual([]);
    // The e-mail's one picture of them all is not asked for: the gallery names its own.
    expect(site.requests.map((request) => request.path)).not.toContain(`${MEDIA}/static-gallery_1456x720.png`);
  });
});
