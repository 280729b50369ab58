import { describe, expect, it } from 'vitest';
import { bestSrcsetCandidate, imageSource, linkUrl, parseBase, webUrl } from '../../electron/core/articles/urls';

// What WordPress writes for a photo inserted at "large" (its -scaled original is 2,560 wide).
const wordpress = '/p-1024x683.jpg 1024w, /p-300x200.jpg 300w, /p-768x512.jpg 768w, /p-1536x1024.jpg 1536w, /p-2048x1365.jpg 2048w, /p-scaled.jpg 2560w';

describe('bestSrcsetCandidate', () => {
  it('takes the smallest candidate sharp in the reader on a 2x screen, not the largest file', () => {
    expect(bestSrcsetCandidate(wordpress)).toBe('/p-1536x1024.jpg');
    expect(bestSrcsetCandidate('a.jpg 1x, b.jpg 2x, c.jpg 3x')).toBe('b.jpg');
  });

  it('takes the largest when none is wide enough, and ignores placeholders', () => {
    expect(bestSrcsetCandidate('a.jpg 300w, b.jpg 1024w, c.jpg 768w')).toBe('b.jpg');
    expect(bestSrcsetCandidate('a.jpg, c.jpg 1.5x')).toBe('c.jpg');
    expect(bestSrcsetCandidate('/img/lazy-placeholder.png 2000w, real.jpg 800w')).toBe('real.jpg');
    expect(bestSrcsetCandidate('only.jpg')).toBe('only.jpg');
    expect(bestSrcsetCandidate('')).toBeNull();
    expect(bestSrcsetCandidate(null)).toBeNull();
  });

  it('keeps commas inside URLs, as image CDNs write them', () => {
    expect(bestSrcsetCandidate('https://cdn.example/w_300,h_200/a.jpg 300w, https://cdn.example/w_900,h_600/a.jpg 900w')).toBe(
      'https://cdn.example/w_900,h_600/a.jpg',
    );
  });
});

describe('imageSource', () => {
  const attrs = (values: Record<string, string>) => (name: string) => values[name];

  it('prefers lazy-loading attributes, then the image own; in each a srcset over a single address', () => {
    expect(imageSource(attrs({ src: 'placeholder.gif', 'data-src': 'real.jpg' }))).toBe('real.jpg');
    expect(imageSource(attrs({ src: 'data:image/gif;base64,R0lG', 'data-lazy-srcset': 's.jpg 1x, l.jpg 2x' }))).toBe('l.jpg');
    // lazysizes: data-src is the small fallback, data-srcset the sizes the script would pick from.
    expect(imageSource(attrs({ src: 'data:image/gif;base64,R0lG', 'data-src': 's.jpg', 'data-srcset': 's.jpg 400w, l.jpg 1600w' }))).toBe('l.jpg');
    // A theme's small src next to its srcset: the browser shows the srcset's, and so does the reader.
    expect(imageSource(attrs({ src: '/p-300x200.jpg', srcset: wordpress }))).toBe('/p-1536x1024.jpg');
    expect(imageSource(attrs({ src: 'plain.jpg', srcset: 'plain.jpg 1x, big.jpg 2x' }))).toBe('big.jpg');
    expect(imageSource(attrs({ src: 'real.jpg', srcset: 'data:image/gif;base64,R0lG 1x' }))).toBe('real.jpg');
    expect(imageSource(attrs({ src: 'data:image/gif;base64,R0lG' }))).toBeNull();
  });

  it('sizes the candidate to how wide the page shows the image', () => {
    // A 300-pixel thumbnail needs 600 pixels on a 2x screen, not the 1,536 of a full-width photo.
    expect(imageSource(attrs({ src: '/p-300x200.jpg', width: '300', srcset: wordpress }))).toBe('/p-768x512.jpg');
    expect(imageSource(attrs({ src: '/p-300x200.jpg', sizes: '(max-width: 300px) 100vw, 300px', srcset: wordpress }))).toBe('/p-768x512.jpg');
    expect(imageSource(attrs({ src: '/p-1024x683.jpg', sizes: '(max-width: 1024px) 100vw, 1024px', srcset: wordpress }))).toBe('/p-1536x1024.jpg');
  });

  it('takes the 1x candidate of an image that is already wider at 1x than the column on a 2x screen', () => {
    const nextImage = { width: '1600', srcset: '/_next/image?url=%2Fs.jpg&w=1920&q=75 1x, /_next/image?url=%2Fs.jpg&w=3840&q=75 2x', src: '/_next/image?url=%2Fs.jpg&w=3840&q=75' };
    expect(imageSource(attrs(nextImage))).toBe('/_next/image?url=%2Fs.jpg&w=1920&q=75');
    expect(imageSource(attrs({ ...nextImage, width: '400' }))).toBe('/_next/image?url=%2Fs.jpg&w=3840&q=75');
  });

  it("takes a 1x/2x srcset's candidate nearest the column's need, as Chromium does, not the smallest that reaches it", () => {
    // next/image at width 1200: 1x is 1,200 pixels, 2x (2,400) rounded up to 3,840. The column needs
    // 1,472 (1.23x): under the geometric mean of 1x and 2x (1.41x), so the 1x.
    const fixed = (width: number, one: number, two: number) => ({ width: String(width), srcset: `/_next/image?url=%2Fs.jpg&w=${one}&q=75 1x, /_next/image?url=%2Fs.jpg&w=${two}&q=75 2x`, src: `/_next/image?url=%2Fs.jpg&w=${two}&q=75` });
    expect(imageSource(attrs(fixed(1200, 1200, 3840)))).toBe('/_next/image?url=%2Fs.jpg&w=1200&q=75');
    // At width 800 the need is 1.84x: past the mean, the 2x (1,920 pixels).
    expect(imageSource(attrs(fixed(800, 828, 1920)))).toBe('/_next/image?url=%2Fs.jpg&w=1920&q=75');
    // With no width the page shows it at its 1x size, whatever that is: a 2x screen takes the 2x.
    expect(imageSource(attrs({ srcset: '/a.jpg 1x, /a@2x.jpg 2x' }))).toBe('/a@2x.jpg');
    // The order written does not matter.
    expect(imageSource(attrs({ ...fixed(1200, 1200, 3840), srcset: '/_next/image?url=%2Fs.jpg&w=3840&q=75 2x, /_next/image?url=%2Fs.jpg&w=1200&q=75 1x' }))).toBe('/_next/image?url=%2Fs.jpg&w=1200&q=75');
  });

  it("fills a lazy loader's {width} template with a width the page lists, else reads the image's src", () => {
    // lazysizes' RIAS plugin and Shopify's themes: the smallest listed width that fills the column on a 2x screen.
    const template = '//cdn.shop.example/files/brew_{width}x.jpg?v=1';
    expect(imageSource(attrs({ src: '//cdn.shop.example/files/brew_300x300.jpg?v=1', 'data-src': template, 'data-widths': '[180,360,540,720,900,1080,1296,1512,1728,2048]' }))).toBe('//cdn.shop.example/files/brew_1512x.jpg?v=1');
    expect(imageSource(attrs({ 'data-src': template, 'data-widths': '[180, 360, 540]' }))).toBe('//cdn.shop.example/files/brew_540x.jpg?v=1');
    expect(imageSource(attrs({ src: '//cdn.shop.example/files/brew_300x300.jpg?v=1', 'data-src': template }))).toBe('//cdn.shop.example/files/brew_300x300.jpg?v=1');
  });
});

describe('webUrl and linkUrl', () => {
  const base = parseBase('https://news.example/a/b');

  it('resolve against the base and allow only their schemes', () => {
    expect(webUrl('../c.png', base)).toBe('https://news.example/c.png');
    expect(webUrl('//cdn.example/x.png', base)).toBe('https://cdn.example/x.png');
    expect(webUrl('mailto:a@b.example', base)).toBeNull();
    expect(linkUrl('mailto:a@b.example', base)).toBe('mailto:a@b.example');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) {
      expect(linkUrl(bad, base)).toBeNull();
      expect(webUrl(bad, base)).toBeNull();
    }
  });

  it('resolve only absolute URLs without a usable base', () => {
    expect(parseBase('not a url')).toBeNull();
    expect(webUrl('/x.png', null)).toBeNull();
    expect(webUrl('https://ok.example/x.png', null)).toBe('https://ok.example/x.png');
  });
});
