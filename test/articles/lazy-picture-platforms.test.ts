// Lazy and responsive pictures as the platforms write them, where the picture stored was not the
// one Chromium shows across the reader's column (736 CSS pixels; 1,472 on a 2x screen): an image
// optimiser's lazy image whose <noscript> copy names one size (EWWW, LiteSpeed, Perfmatters: the
// copy's 1,024-pixel file replaced the loader's srcset, which has the 1,536 the column needs); a
// <picture> source whose sizes say it is shown small (Medium's inset pictures: its 1,400-pixel
// file for a 300-pixel inset); WP Rocket's data-lazy-sizes, which the loader copies to sizes; and
// lazysizes' bgset in a <figure>, a picture with its caption that only the loader's script draws
// (it was lost). Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://allotments.example/2024/06/first-earlies/';
const UPLOADS = 'https://allotments.example/wp-content/uploads/2024/06';
const SVG_PLACEHOLDER = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201024%20683'%3E%3C/svg%3E";
const GIF_PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const paragraph = (n: number) => `<p>Paragraph ${n}: the first earlies came up on the plot by the gate this week, a fortnight behind last year's, after a cold and wet May that kept the soil below eight degrees.</p>`;
const sizes = (name: string) => `${UPLOADS}/${name}-300x200.jpg 300w, ${UPLOADS}/${name}-768x512.jpg 768w, ${UPLOADS}/${name}-1024x683.jpg 1024w, ${UPLOADS}/${name}-1536x1024.jpg 1536w, ${UPLOADS}/${name}-2048x1365.jpg 2048w`;

function stored(body: string) {
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>First earlies</title></head><body><header class="site-header"><a href="/">Plot 14</a></header>
<main><article class="post type-post"><h1 class="entry-title">First earlies</h1><div class="entry-content">${paragraph(1)}${paragraph(2)}${body}${paragraph(3)}${paragraph(4)}</div></article></main><footer><p>Plot 14, Hill Road allotments</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
}

describe("a lazy image and its <noscript> copy naming one size of the same picture", () => {
  it.each([
    ["EWWW Image Optimizer's lazy load", `<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="${SVG_PLACEHOLDER}" class="lazyload wp-image-212" alt="The rows by the gate" data-src="${UPLOADS}/rows-1024x683.jpg" data-srcset="${sizes('rows')}" data-sizes="auto" data-eio-rwidth="1024" data-eio-rheight="683"><noscript><img decoding="async" width="1024" height="683" src="${UPLOADS}/rows-1024x683.jpg" class="wp-image-212" alt="The rows by the gate" data-eio="l"></noscript><figcaption class="wp-element-caption">The rows by the gate.</figcaption></figure>`],
    ["LiteSpeed Cache's lazy load", `<figure class="wp-block-image size-large"><img decoding="async" data-lazyloaded="1" src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxMDI0IDY4MyI+PC9zdmc+" width="1024" height="683" data-src="${UPLOADS}/rows-1024x683.jpg" alt="The rows by the gate" class="wp-image-212" data-srcset="${sizes('rows')}" data-sizes="(max-width: 1024px) 100vw, 1024px"><noscript><img decoding="async" width="1024" height="683" src="${UPLOADS}/rows-1024x683.jpg" alt="The rows by the gate" class="wp-image-212"></noscript><figcaption class="wp-element-caption">The rows by the gate.</figcaption></figure>`],
    ["Perfmatters' lazy load", `<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="${SVG_PLACEHOLDER}" class="perfmatters-lazy wp-image-212" alt="The rows by the gate" data-src="${UPLOADS}/rows-1024x683.jpg" data-srcset="${sizes('rows')}" data-sizes="(max-width: 1024px) 100vw, 1024px"><noscript><img decoding="async" width="1024" height="683" src="${UPLOADS}/rows-1024x683.jpg" class="wp-image-212" alt="The rows by the gate"></noscript><figcaption class="wp-element-caption">The rows by the gate.</figcaption></figure>`],
  ])('%s: the loader\'s size for the column, once, with its caption', (_name, body) => {
    const article = stored(body);
    expect(article.imageUrls).toEqual([`${UPLOADS}/rows-1536x1024.jpg`]);
    expect(article.text).toContain('The rows by the gate.');
  });

  it('a placeholder naming no picture is still replaced by the copy', () => {
    const article = stored(`<figure><img src="${GIF_PLACEHOLDER}" alt="The rows by the gate"><noscript><img src="${UPLOADS}/rows-1024x683.jpg" alt="The rows by the gate"></noscript></figure>`);
    expect(article.imageUrls).toEqual([`${UPLOADS}/rows-1024x683.jpg`]);
  });
});

describe('a picture the page shows narrower than the column, by the sizes a browser reads', () => {
  it("Medium's inset <picture>: its source's sizes, not its largest file", () => {
    const miro = (width: number) => `https://miro.medium.com/v2/resize:fit:${width}/format:webp/1*Qz8rT0tUjv1kZ2pWb3x9aQ.png`;
    const article = stored(`<figure class="paragraph-image"><div role="button" tabindex="0"><picture><source srcset="${miro(640)} 640w, ${miro(720)} 720w, ${miro(750)} 750w, ${miro(786)} 786w, ${miro(828)} 828w, ${miro(1100)} 1100w, ${miro(1400)} 1400w" sizes="(min-resolution: 2dppx) and (max-width: 700px) 50vw, 300px" type="image/webp"><img alt="The seed potatoes chitting on the windowsill" class="bh md me c" width="300" height="200" loading="lazy" role="presentation"></picture></div><figcaption>Chitting on the windowsill in March.</figcaption></figure>`);
    expect(article.imageUrls).toEqual([miro(640)]);
  });

  it("WP Rocket's lazy image without a width: data-lazy-sizes, which its script makes the sizes", () => {
    const article = stored(`<figure class="wp-block-image alignleft"><img decoding="async" src="${SVG_PLACEHOLDER}" class="wp-image-213" alt="A tuber" data-lazy-srcset="${sizes('tuber')}" data-lazy-sizes="(max-width: 300px) 100vw, 300px" data-lazy-src="${UPLOADS}/tuber-300x200.jpg"><noscript><img decoding="async" src="${UPLOADS}/tuber-300x200.jpg" class="wp-image-213" alt="A tuber" srcset="${sizes('tuber')}" sizes="(max-width: 300px) 100vw, 300px"></noscript></figure>`);
    expect(article.imageUrls).toEqual([`${UPLOADS}/tuber-768x512.jpg`]);
  });
});

describe("lazysizes' bgset in a figure", () => {
  it('is the picture its caption is of, at the size for the column', () => {
    const article = stored(`<figure class="wp-block-cover photo-box"><div class="photo-box__image lazyload" data-bgset="${UPLOADS}/plot-480x320.jpg 480w, ${UPLOADS}/plot-1024x683.jpg 1024w, ${UPLOADS}/plot-1536x1024.jpg 1536w, ${UPLOADS}/plot-2560x1707.jpg 2560w" data-sizes="auto"></div><figcaption>The plot from the water butts, looking north.</figcaption></figure>`);
    expect(article.imageUrls).toEqual([`${UPLOADS}/plot-1536x1024.jpg`]);
    expect(article.text).toContain('The plot from the water butts, looking north.');
  });
});
