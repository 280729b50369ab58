// The picture above an article is kept when the page shows it in another size than the one its
// og:image names (or another format: Astro and imgproxy name each size apart). Drupal's standard
// article puts its image field (field--name-field-image) above the body, where Readability leaves
// it out, and shows it through an image style (/styles/wide/public/...?itok=...), while the
// Metatag module names the original upload as og:image: the picture was lost. And it stays where
// the page shows it, under a standfirst written as a plain paragraph. Through prepareArticle, the
// sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const SITE = 'https://www.bayherald.example';
const PAGE_URL = `${SITE}/news/2024/03/harbour-board-votes-to-restore-steam-crane`;
const drupalPage = fixtureText('articles/drupal-article.html');
const feedSummary = '<p>The harbour board agreed to spend a further 2.3 million euros on restoring the old steam crane.</p>';

const SHOWN = '/sites/default/files/styles/wide/public/2024-03/steam-crane-north-quay.jpg?itok=kP9aQ3rT';
const OG_IMAGE = '/sites/default/files/2024-03/steam-crane-north-quay.jpg';

function stored(page: string) {
  return prepareArticle({ pageHtml: page, pageUrl: PAGE_URL, feedHtml: feedSummary, feedItemUrl: PAGE_URL });
}

/** The first picture the reader shows, and whether it comes before the article's first words. */
function firstPicture(html: string): { src: string | null; beforeText: boolean } {
  const img = /<img [^>]*src="([^"]+)"/.exec(html);
  const firstWords = html.indexOf('The harbour board agreed on Thursday evening');
  return { src: img?.[1] ?? null, beforeText: !!img && img.index < firstWords };
}

describe("a Drupal article's image field, shown through an image style", () => {
  it('stays above the text, in the size the page shows, with its alt text', () => {
    const article = stored(drupalPage);
    expect(article.source).toBe('page');
    expect(firstPicture(article.html)).toEqual({ src: `${SITE}${SHOWN}`, beforeText: true });
    expect(article.html).toContain('alt="The steam crane on the north quay at dusk"');
    expect(article.imageUrls[0]).toBe(`${SITE}${SHOWN}`);
    expect(article.leadImageUrl).toBe(`${SITE}${SHOWN}`);
    // The body's own picture and text are all there, the reporter's avatar and the comments are not.
    expect(article.imageUrls).toContain(`${SITE}/sites/default/files/styles/large/public/2024-03/crane-jib-rivets.jpg?itok=zQ81mWq0`);
    expect(article.imageUrls.some((url) => url.includes('pictures/'))).toBe(false);
    expect(article.text).toContain('during opening hours.');
  });

  it.each([
    // A style with a Convert effect adds the new format's extension to the file name.
    ['a style that converts to WebP', `${SHOWN.replace('.jpg?', '.jpg.webp?')}`, OG_IMAGE],
    ['a private file', SHOWN.replace('/sites/default/files/styles/wide/public/', '/system/files/styles/wide/private/'), '/system/files/2024-03/steam-crane-north-quay.jpg'],
    // The same layout on other platforms, each naming the sizes of an upload its own way.
    ['Ghost', '/content/images/size/w2000/format/webp/2024/03/steam-crane-north-quay.jpg', '/content/images/2024/03/steam-crane-north-quay.jpg'],
    ['WordPress, a large upload scaled down', '/wp-content/uploads/2024/03/steam-crane-north-quay-scaled.jpg', '/wp-content/uploads/2024/03/steam-crane-north-quay.jpg'],
    // Image CDNs and frameworks' image proxies: each size has an address of its own.
    ['Thumbor, signed', '/thumbor/Xk2pQ9vR4tLm7wYb1cNz8sDf3Gh=/fit-in/1200x800/filters:format(webp)/2024/03/steam-crane-north-quay.jpg', '/thumbor/Lq8mT2nB5vXc9rPz4kWy1aHs6Dj=/1200x630/smart/2024/03/steam-crane-north-quay.jpg'],
    ['Cloudinary', '/image/upload/c_fill,g_auto,w_1200,h_800/f_auto,q_auto/v1709550000/harbour/steam-crane-north-quay.jpg', '/image/upload/v1709550000/harbour/steam-crane-north-quay.jpg'],
    ["Nuxt Image's IPX", '/_ipx/w_1200&f_webp/images/steam-crane-north-quay.jpg', '/images/steam-crane-north-quay.jpg'],
    ["Cloudflare's image resizing", '/cdn-cgi/image/width=1200,quality=80,format=auto/images/steam-crane-north-quay.jpg', '/images/steam-crane-north-quay.jpg'],
    ["Vercel's image CDN", '/_vercel/image?url=%2Fimages%2Fsteam-crane-north-quay.jpg&w=1200&q=75', '/images/steam-crane-north-quay.jpg'],
    ['Shopify', '/cdn/shop/articles/steam-crane-north-quay_1200x800_crop_center.jpg?v=1709550000', '/cdn/shop/articles/steam-crane-north-quay.jpg?v=1709550000'],
    // Astro's image service names each size after the upload's hashed name; its <Picture> shows an AVIF.
    ["Astro's image service", '/_astro/steam-crane-north-quay.Dk3n9xQa_Z1yXvbs.avif', '/_astro/steam-crane-north-quay.Dk3n9xQa.jpg'],
    // imgproxy signs each size's options (a podcast host's episode art: a small square, a large one).
    ['imgproxy, signed', '/Xk3pL9qR2vWm/rs:fill:600:600:1/q:60/aHR0cHM6Ly9pbWct/steam-crane-north-quay.jpg', '/Hq7wE2rT9yUi/rs:fill:3000:3000:1/q:60/aHR0cHM6Ly9pbWct/steam-crane-north-quay.jpg'],
  ])('%s', (_name, shown, ogImage) => {
    const page = drupalPage.replace(SHOWN, shown).replace(`content="${SITE}${OG_IMAGE}"`, `content="${SITE}${ogImage}"`);
    const article = stored(page);
    expect(firstPicture(article.html)).toEqual({ src: `${SITE}${shown.replace(/&/g, '&amp;')}`, beforeText: true });
    expect(article.leadImageUrl).toBe(`${SITE}${shown}`);
  });

  it('is not matched to another upload of the same name elsewhere on the site', () => {
    const page = drupalPage.replace(`content="${SITE}${OG_IMAGE}"`, `content="${SITE}/sites/default/files/2023-11/steam-crane-north-quay.jpg"`);
    const article = stored(page);
    // The page's picture is not taken for the og:image's: the lead stays the address the page named.
    // (The picture itself is kept where it stands, inside the article: Readability takes the whole
    // <article>, image field and all, since it scores seven levels of ancestors.)
    expect(article.leadImageUrl).toBe(`${SITE}/sites/default/files/2023-11/steam-crane-north-quay.jpg`);
    expect(article.imageUrls.filter((url) => url === `${SITE}${SHOWN}`)).toHaveLength(1);
  });
});

describe('a lead picture the page sets under a plain paragraph', () => {
  const standfirst = 'Forty-one homes will be fitted with flood doors and non-return valves this summer, paid for by a grant';
  const page = `<!DOCTYPE html><html lang="en"><head><title>Pier Road homes to get flood doors | The Estuary Post</title>
    <meta property="og:image" content="${SITE}/images/pier-road-surge.jpg"></head><body><header><a href="/">The Estuary Post</a></header>
    <main><article><h1>Pier Road homes to get flood doors</h1><p class="mt-3 text-lg">${standfirst}</p>
    <div class="flex gap-3 py-3"><a href="/authors/kezia-obi">Kezia Obi</a> <time datetime="2024-03-19T06:30:00Z">19 March 2024</time></div>
    <figure><div class="relative aspect-video"><img src="/_next/image?url=%2Fimages%2Fpier-road-surge.jpg&amp;w=1920&amp;q=75" alt="Sea water running down Pier Road"></div><figcaption>Pier Road during the surge of 3 January.</figcaption></figure>
    <div class="prose"><p>Forty-one homes on Pier Road will be fitted with flood doors and non-return valves on their drains this summer, after the street flooded for the third time in ten years.</p>
    <p>The work will be paid for by a grant from the property resilience fund, which the district council applied for after the January surge put water into 23 of the houses.</p></div></article></main></body></html>`;

  it('stays under it, as the page shows them: standfirst, picture, text', () => {
    const article = prepareArticle({ pageHtml: page, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
    expect(article.text).toMatch(new RegExp(`^${standfirst}\\nPier Road during the surge of 3 January\\.\\nForty-one homes on Pier Road`));
    expect(article.html.indexOf('<img')).toBeGreaterThan(article.html.indexOf(standfirst));
  });
});
