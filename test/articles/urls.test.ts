import { describe, expect, it } from 'vitest';
import { bestSrcsetCandidate, imageSource, linkUrl, parseBase, webUrl } from '../../electron/core/articles/urls';

describe('bestSrcsetCandidate', () => {
  it('takes the widest, else the densest candidate', () => {
    expect(bestSrcsetCandidate('a.jpg 300w, b.jpg 1024w, c.jpg 768w')).toBe('b.jpg');
    expect(bestSrcsetCandidate('a.jpg, b.jpg 2x, c.jpg 1.5x')).toBe('b.jpg');
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

  it('prefers lazy-loading attributes, then a real src, then srcset', () => {
    expect(imageSource(attrs({ src: 'placeholder.gif', 'data-src': 'real.jpg' }))).toBe('real.jpg');
    expect(imageSource(attrs({ src: 'data:image/gif;base64,R0lG', 'data-lazy-srcset': 's.jpg 1x, l.jpg 2x' }))).toBe('l.jpg');
    expect(imageSource(attrs({ src: 'plain.jpg', srcset: 'big.jpg 2x' }))).toBe('plain.jpg');
    expect(imageSource(attrs({ src: 'data:image/gif;base64,R0lG' }))).toBeNull();
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
