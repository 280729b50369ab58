// Pictures lost between the page and the copy. Readability removes a block whose class it reads
// as chrome ("media", "widget", "hidden") before anything else, and with it a picture wrapped in
// <div class="c-media">, Drupal's media embed or Elementor's widget. The picture above the text
// was lost when its <picture> served WebP and og:image named the JPEG, and a sidebar's thumbnail
// of the same post was taken for it. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://news.example/2024/05/the-harbour-wall/';
const CDN = 'https://cdn.news.example/photos';
const UPLOADS = 'https://news.example/wp-content/uploads/2024/05';
const paragraph = (n: number) => `<p>Paragraph ${n}: the harbour wall at Portsoy was rebuilt this spring by the council's own masons, stone by stone, after the winter storms took out the old coping and half of the parapet above the quay.</p>`;

function stored(body: string, { head = '', before = '', header = '' } = {}) {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The harbour wall</title>${head}</head><body><header><a href="/">News</a></header>${before}
<main><article><header class="entry-header"><h1>The harbour wall</h1>${header}</header><div class="entry-content">${paragraph(1)}${paragraph(2)}${body}${paragraph(3)}${paragraph(4)}</div></article></main><footer><p>© News</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
}

describe('a picture in a wrapper whose name Readability reads as chrome stays, with its caption', () => {
  it.each([
    ['a <picture> in div.c-media', `<div class="c-media"><picture><source type="image/webp" srcset="${CDN}/quay.webp"><img src="${CDN}/quay.jpg" alt="The quay"></picture></div>`, `${CDN}/quay.webp`, null],
    ['a figure with its picture in div.media', `<figure><div class="media"><picture><img src="${CDN}/quay.jpg" alt="The quay"></picture></div><figcaption>The quay at night, after the storm.</figcaption></figure>`, `${CDN}/quay.jpg`, 'The quay at night, after the storm.'],
    ["Drupal's media embed, its label visually hidden", '<div class="align-center media media--type-image"><div class="field field--name-field-media-image field--type-image field--label-visually_hidden"><div class="field__label visually-hidden">Image</div><div class="field__item"><img src="/sites/default/files/styles/large/public/2024-03/wall.jpg?itok=Ab12" width="480" height="320" alt="The wall"></div></div></div>', 'https://news.example/sites/default/files/styles/large/public/2024-03/wall.jpg?itok=Ab12', null],
    ["Elementor's image widget", `<div class="elementor-widget-container"><figure class="wp-caption"><img width="800" src="${UPLOADS}/mix.jpg" alt=""><figcaption class="widget-image-caption wp-caption-text">Our current mix of lime mortar.</figcaption></figure></div>`, `${UPLOADS}/mix.jpg`, 'Our current mix of lime mortar.'],
    ["an Elementor gallery, six wrappers deep", `<div class="elementor-widget-container"><div class="elementor-image-gallery"><div id="gallery-1" class="gallery gallery-columns-2"><figure class="gallery-item"><div class="gallery-icon landscape"><a href="${UPLOADS}/cap-stones.jpg"><img width="300" height="200" src="${UPLOADS}/cap-stones-300x200.jpg" alt="" srcset="${UPLOADS}/cap-stones-300x200.jpg 300w, ${UPLOADS}/cap-stones-768x512.jpg 768w, ${UPLOADS}/cap-stones-1024x683.jpg 1024w" sizes="(max-width: 300px) 100vw, 300px"></a></div><figcaption class="wp-caption-text gallery-caption">The new cap stones.</figcaption></figure></div></div></div>`, `${UPLOADS}/cap-stones-1024x683.jpg`, 'The new cap stones.'],
  ])('%s', (_name, body, picture, caption) => {
    const article = stored(body);
    expect(article.imageUrls).toEqual([picture]);
    if (caption) expect(article.text).toContain(caption);
    expect(article.text).toContain('Paragraph 4');
  });

  it("keeps Medium's progressive picture, without its blurred stand-in", () => {
    const article = stored('<figure><div class="aspectRatioPlaceholder is-locked"><div class="progressiveMedia js-progressiveMedia graf-image" data-width="2400"><img src="https://cdn-images-1.medium.example/freeze/max/60/1*a.jpeg?q=20" class="progressiveMedia-thumbnail"><canvas class="progressiveMedia-canvas"></canvas><img class="progressiveMedia-image" data-src="https://cdn-images-1.medium.example/max/800/1*a.jpeg"><noscript><img src="https://cdn-images-1.medium.example/max/800/1*a.jpeg"></noscript></div></div><figcaption>The box, as delivered.</figcaption></figure>');
    expect(article.imageUrls).toEqual(['https://cdn-images-1.medium.example/max/800/1*a.jpeg']);
    expect(article.text).toContain('The box, as delivered.');
  });

  it("keeps a caption hidden from screen readers only (Le Monde's), which every sighted reader sees", () => {
    const article = stored(`<figure class="article__media"><img src="${CDN}/quay.jpg" alt="Le quai, la nuit"><figcaption class="article__legend" aria-hidden="true">Le quai de Portsoy, après la tempête. <span class="article__credit">JEAN DUPONT / AFP</span></figcaption></figure>`);
    expect(article.text).toContain('Le quai de Portsoy, après la tempête.');
  });

  it("leaves an author's avatar box to Readability", () => {
    const article = stored(`<div class="author-meta"><img src="${CDN}/avatars/ann.jpg" width="96" height="96" alt="Ann Reid"><p>Ann Reid covers the coast.</p></div>`);
    expect(article.imageUrls).toEqual([]);
  });
});

describe("a lazy picture's <noscript> copy written before it", () => {
  it('is kept once, in the larger size the lazy one offers', () => {
    const article = stored(`<figure><noscript><img src="${UPLOADS}/cut-1024x576.jpg" alt="The cut"></noscript><img src="data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%3E%3C/svg%3E" data-src="${UPLOADS}/cut-1024x576.jpg" data-srcset="${UPLOADS}/cut-1024x576.jpg 1024w, ${UPLOADS}/cut-1536x864.jpg 1536w" class="lazyload" alt="The cut"><figcaption>The cut through the old coping.</figcaption></figure>`);
    expect(article.imageUrls).toEqual([`${UPLOADS}/cut-1536x864.jpg`]);
  });
});

describe('the picture above the text', () => {
  it('is found when its <picture> serves WebP and og:image names the JPEG', () => {
    const article = stored('', {
      head: `<meta property="og:image" content="${CDN}/lead.jpg">`,
      header: `<figure class="lead"><picture><source type="image/webp" srcset="${CDN}/lead.webp"><img src="${CDN}/lead.jpg" alt="The wall from the sea"></picture><figcaption>The wall from the sea, in April.</figcaption></figure>`,
    });
    expect(article.leadImageUrl).toBe(`${CDN}/lead.webp`);
    expect(article.text).toMatch(/^The wall from the sea, in April\./);
  });

  it("is the article's own, not a sidebar's thumbnail of the same post", () => {
    const sidebar = `<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2>Recent posts</h2><ul><li><a href="/the-harbour-wall/"><img src="${UPLOADS}/wall-150x150.jpg" width="150" height="150">The harbour wall</a></li></ul></section></aside>`;
    const article = stored('', {
      head: `<meta property="og:image" content="${UPLOADS}/wall.jpg">`,
      before: sidebar,
      header: `<div class="post-thumbnail"><img src="${UPLOADS}/wall-1024x683.jpg" width="1024" height="683" alt="The wall"></div>`,
    });
    expect(article.leadImageUrl).toBe(`${UPLOADS}/wall-1024x683.jpg`);
    expect(article.imageUrls).toEqual([`${UPLOADS}/wall-1024x683.jpg`]);
  });
});
