// A thumbnail in a link to its own picture, in the shapes themes and plugins write it: the reader
// shows the picture across its column (no thumbnail's width), from the rendition that fills it; an
// image in a link to a page or to another picture, or shown as wide as the column, stays as the
// page shows it. Through prepareArticle, the sync's own path, for a page and for a feed's copy.
import { describe, expect, it } from 'vitest';
import { prepareArticle, sanitizeArticleHtml } from '../../electron/core/articles';

const PAGE_URL = 'https://islandpost.example/2024/05/harbour-wall-rebuilt/';
const UPLOADS = 'https://islandpost.example/wp-content/uploads/2024/05';
const paragraph = (n: number) => `<p>Paragraph ${n}: the harbour wall was rebuilt over the winter, stone by stone, by a crew of six masons who came over from the mainland every morning on the first ferry.</p>`;
const sizes = (name: string, widths: readonly number[], extension = '') =>
  widths.map((width) => `${UPLOADS}/${name}-${width}x${Math.round((width * 2) / 3)}.jpg${extension} ${width}w`).join(', ');
const WALL_SRCSET = sizes('wall', [300, 1024, 768, 1536]);
const PLACEHOLDER = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20300%20200'%3E%3C/svg%3E";

function shown(body: string): string[] {
  const page = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Harbour wall rebuilt</title></head><body><header class="site-header"><a href="/">Island Post</a></header>
<main><article><header class="entry-header"><h1>Harbour wall rebuilt</h1></header><div class="entry-content">${paragraph(1)}${paragraph(2)}${body}${paragraph(3)}${paragraph(4)}</div></article></main></body></html>`;
  const fromPage = prepareArticle({ pageHtml: page, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).html;
  const fromFeed = prepareArticle({ pageHtml: null, pageUrl: null, feedHtml: `${paragraph(1)}${body}${paragraph(2)}`, feedItemUrl: PAGE_URL }).html;
  const images = (html: string) => [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => tag);
  // The feed's copy shows what the page's does, and the stored copy sanitized again is the same.
  expect(images(fromFeed)).toEqual(images(fromPage));
  expect(sanitizeArticleHtml(fromPage, PAGE_URL)).toBe(fromPage);
  return images(fromPage);
}

describe('a thumbnail linked to its own picture', () => {
  it.each([
    ["WooCommerce's product gallery, the thumbnail's srcset already holding the column's size",
      `<div class="woocommerce-product-gallery__image"><a href="${UPLOADS}/wall.jpg"><img width="600" height="400" src="${UPLOADS}/wall-600x400.jpg" class="wp-post-image" alt="The wall" data-large_image="${UPLOADS}/wall.jpg" data-large_image_width="2400" data-large_image_height="1600" srcset="${UPLOADS}/wall-600x400.jpg 600w, ${WALL_SRCSET}" sizes="(max-width: 600px) 100vw, 600px"></a></div>`,
      `<img src="${UPLOADS}/wall-1536x1024.jpg" alt="The wall" />`],
    ["a WebP plugin's <picture> in the link",
      `<figure class="wp-block-image size-medium"><a href="${UPLOADS}/wall.jpg"><picture><source srcset="${sizes('wall', [300, 1024, 768, 1536], '.webp')}" sizes="(max-width: 300px) 100vw, 300px" type="image/webp"><img width="300" height="200" src="${UPLOADS}/wall-300x200.jpg" alt="The wall" srcset="${WALL_SRCSET}" sizes="(max-width: 300px) 100vw, 300px"></picture></a></figure>`,
      `<img src="${UPLOADS}/wall-1536x1024.jpg.webp" alt="The wall" />`],
    ["WP Rocket's lazy thumbnail and its <noscript> copy",
      `<p><a href="${UPLOADS}/wall.jpg"><img class="alignnone size-medium" width="300" height="200" src="${PLACEHOLDER}" alt="The wall" data-lazy-srcset="${WALL_SRCSET}" data-lazy-sizes="(max-width: 300px) 100vw, 300px" data-lazy-src="${UPLOADS}/wall-300x200.jpg"><noscript><img class="alignnone size-medium" width="300" height="200" src="${UPLOADS}/wall-300x200.jpg" alt="The wall" srcset="${WALL_SRCSET}" sizes="(max-width: 300px) 100vw, 300px"></noscript></a></p>`,
      `<img src="${UPLOADS}/wall-1536x1024.jpg" alt="The wall" />`],
    ["an older WordPress's srcset, which ends at 1024 pixels (its original may be 4,000)",
      `<p><a href="${UPLOADS}/wall.jpg"><img class="size-medium" width="300" height="200" src="${UPLOADS}/wall-300x200.jpg" alt="The wall" srcset="${sizes('wall', [300, 768, 1024])}" sizes="(max-width: 300px) 100vw, 300px"></a></p>`,
      `<img src="${UPLOADS}/wall-1024x683.jpg" alt="The wall" />`],
    ["Blogger's upload without a file name, shown at w400-h300 and linked at s1600",
      `<div class="separator" style="clear: both; text-align: center;"><a href="https://blogger.googleusercontent.com/img/a/AVvXsEjR4mW8qLc2nT7yBv0xK5sH1dG9fP3oZuE6aQiN=s1600" style="margin-left: 1em; margin-right: 1em;"><img alt="" border="0" data-original-height="1200" data-original-width="1600" height="300" src="https://blogger.googleusercontent.com/img/a/AVvXsEjR4mW8qLc2nT7yBv0xK5sH1dG9fP3oZuE6aQiN=w400-h300" width="400" /></a></div>`,
      '<img src="https://blogger.googleusercontent.com/img/a/AVvXsEjR4mW8qLc2nT7yBv0xK5sH1dG9fP3oZuE6aQiN=s1600" alt="" />'],
    ["an older WordPress.com post's thumbnail, its image server's ?w=300&h=200, in a link to the camera's original",
      '<p><a href="https://harbourdiary.files.wordpress.com/2012/05/quay.jpg"><img class="aligncenter size-medium wp-image-41" title="The quay" src="https://harbourdiary.files.wordpress.com/2012/05/quay.jpg?w=300&#038;h=200" alt="" width="300" height="200" /></a></p>',
      '<img src="https://harbourdiary.files.wordpress.com/2012/05/quay.jpg?w=1472" alt="" title="The quay" />'],
    ["Jetpack's image CDN showing the thumbnail, the link naming the upload on the site",
      `<p><a href="${UPLOADS}/wall.jpg"><img loading="lazy" class="alignnone size-medium wp-image-41" src="https://i0.wp.com/islandpost.example/wp-content/uploads/2024/05/wall.jpg?resize=300%2C200&#038;ssl=1" alt="The wall" width="300" height="200" data-recalc-dims="1" /></a></p>`,
      '<img src="https://i0.wp.com/islandpost.example/wp-content/uploads/2024/05/wall.jpg?ssl=1&amp;w=1472" alt="The wall" />'],
  ])('%s: shows across the column, from the rendition that fills it', (_name, body, picture) => {
    expect(shown(body)).toEqual([picture]);
  });

  it.each([
    ["a Jetpack tiled gallery's thumbnail, linked to its attachment page",
      `<div class="tiled-gallery"><a href="${PAGE_URL}wall/"><img data-attachment-id="41" data-orig-file="${UPLOADS}/wall.jpg" data-orig-size="2400,1600" data-large-file="${UPLOADS}/wall-1024x683.jpg" src="https://i0.wp.com/islandpost.example/wp-content/uploads/2024/05/wall.jpg?w=300&amp;h=200&amp;ssl=1" width="300" height="200" alt="The wall"></a></div>`,
      '<img src="https://i0.wp.com/islandpost.example/wp-content/uploads/2024/05/wall.jpg?w=300&amp;h=200&amp;ssl=1" alt="The wall" width="300" height="200" />'],
    ['a book cover linked to the publisher\'s poster, another picture',
      `<p><a href="${UPLOADS}/launch-poster.jpg"><img width="200" height="300" src="${UPLOADS}/stone-by-stone-cover-200x300.jpg" alt="Stone by Stone"></a></p>`,
      `<img src="${UPLOADS}/stone-by-stone-cover-200x300.jpg" alt="Stone by Stone" width="200" height="300" />`],
    ['a picture shown as wide as the column, linked to its original',
      `<figure class="wp-block-image size-large"><a href="${UPLOADS}/wall.jpg"><img width="1024" height="683" src="${UPLOADS}/wall-1024x683.jpg" alt="The wall" srcset="${WALL_SRCSET}" sizes="(max-width: 1024px) 100vw, 1024px"></a></figure>`,
      `<img src="${UPLOADS}/wall-1536x1024.jpg" alt="The wall" width="1024" height="683" />`],
  ])('%s: stays as the page shows it', (_name, body, picture) => {
    expect(shown(body)).toEqual([picture]);
  });
});
