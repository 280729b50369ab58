// Two of patches/@mozilla+readability+0.6.0.patch's changes save work on every page without
// changing what Readability returns:
// - a node without a style attribute is not asked for its style (linkedom made a
//   CSSStyleDeclaration and a Proxy for each node of the page to read "display" and "visibility");
// - a link or picture address already written as URL writes it is kept as it is, not parsed again.
// What they must keep: a node hidden by its style is still dropped, and every other address still
// comes out as URL writes it (a host in capitals, a default port, a dot segment, a space).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const PAGE_URL = 'https://news.example/2026/12/07/harbour/';

/** Readability's article from a page whose story is `story`, on linkedom as extraction runs it. */
function article(story: string): Element {
  const { document } = parseHTML(`<!doctype html><html><head><title>Harbour works</title><base href="${PAGE_URL}"></head><body><main><article>${story}</article></main></body></html>`);
  const parsed = new Readability(document as unknown as Document).parse();
  const { document: result } = parseHTML(`<html><body>${parsed?.content ?? ''}</body></html>`);
  return result.body as unknown as Element;
}

const PROSE = Array.from({ length: 6 }, (_, n) => `<p>Paragraph ${n + 1} of the harbour story, long enough for Readability to weigh it as the article's own text and keep it.</p>`).join('');

describe('Readability on nodes with and without a style', () => {
  it('still drops what a style hides, and keeps what has no style', () => {
    const body = article(`${PROSE}<p style="display: none">Hidden by display.</p><p style="color: red; visibility:hidden">Hidden by visibility.</p><p style="color: navy">Shown in navy.</p><p>Shown plainly.</p>`);
    const text = body.textContent ?? '';
    expect(text).not.toContain('Hidden by display.');
    expect(text).not.toContain('Hidden by visibility.');
    expect(text).toContain('Shown in navy.');
    expect(text).toContain('Shown plainly.');
  });
});

describe('Readability on addresses already absolute', () => {
  const asUrlWritesIt = [
    'HTTPS://News.Example/Upper/Host',
    'https://news.example:443/default-port',
    'http://news.example:80/default-port',
    'https://news.example/a/../dot-segment',
    'https://news.example/a/%2e%2e/encoded-dot-segment',
    'https://news.example/a space',
    "https://news.example/quote?q='x'",
    'https://1.2.3/three-part-ip',
    'https://0x7f.0.0.1/hex-ip',
    'https://news.example/back\\slash',
    'https://news.example',
  ];
  const alreadyWritten = [
    'https://news.example/2026/12/07/quay/?utm=x&page=2#part-3',
    'http://127.0.0.2:8000/images/quay.jpg?w=1200',
    'https://cdn.news.example/i/quay%20west.jpg',
  ];

  it('comes out as URL writes it, links and pictures alike', () => {
    const links = [...asUrlWritesIt, ...alreadyWritten].map((href, n) => `<p>Link ${n}: <a href="${href}">see</a> <img src="${href}" alt="picture ${n}"></p>`).join('');
    const body = article(`${PROSE}${links}`);
    const hrefs = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    const srcs = [...body.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    const expected = [...asUrlWritesIt, ...alreadyWritten].map((href) => new URL(href, PAGE_URL).href);
    expect(hrefs).toEqual(expected);
    expect(srcs).toEqual(expected);
    // The point of the check: the written ones are kept as they were.
    expect(expected.slice(asUrlWritesIt.length)).toEqual(alreadyWritten);
  });

  it('is the patch in force', () => {
    const source = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
    expect(source).toContain('WRITTEN_AS_URL.test(uri)');
    expect(source).toContain('var styled = node.hasAttribute("style")');
  });
});
