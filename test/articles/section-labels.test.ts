// The section's name a news page sets just above its headline with no class naming it a kicker:
// a link to the section's or the tag's page, or the word alone where the page's address names the
// section. The reader shows the feed's name there; the text starts with the story. Through
// prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const story = [
  'The province wants to stop the sand extraction that has clouded the lake for forty years, divers and fishermen say, and will not renew the dredging company\'s licence when it runs out at the end of the year.',
  'The company, which takes some 300,000 cubic metres of sand out of the lake every year for the building trade, had asked for ten more years. The province says that no longer fits its plans for the water.',
  'Dive schools on the north shore say visibility under water in summer is sometimes less than a metre, especially near the dredger, and that customers who cannot see their own hands do not come back.',
];

function stored(pageUrl: string, above: string, under = ''): string {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Province wants to stop sand extraction</title></head><body>
<header class="site"><a href="/">Coast Radio</a><nav><a href="/news/">News</a><a href="/regio/">Regions</a></nav></header>
<main><article><div class="head">${above}<h1>Province wants to stop sand extraction</h1>${under}</div>${story.map((text) => `<p>${text}</p>`).join('')}</article></main></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl, feedHtml: null, feedItemUrl: pageUrl }).text.trim();
}

describe("the section's name above the headline", () => {
  it.each([
    ["a tag's link (Ghost's primary tag)", 'https://coast.example/sand-extraction-grevelingen/', '<section class="article-tag"><a href="/tag/environment/">Environment</a></section>', 'Environment'],
    ["a region's link (a broadcaster's Next.js page)", 'https://coast.example/nieuws/1083215/sand-extraction', '<span class="sc-c3d4e5f6-1 tUvWxY"><a href="/regio/schouwen-duiveland">Schouwen-Duiveland</a></span>', 'Schouwen-Duiveland'],
    ["the section's word where the address names it", 'https://coast.example/lokales/sand-extraction-12345.html', '<p class="text-sm font-semibold uppercase text-blue-700">Lokales</p>', 'Lokales'],
  ])('is left out: %s', (_name, pageUrl, above, label) => {
    const text = stored(pageUrl, above);
    expect(text.startsWith(story[0]!)).toBe(true);
    expect(text).not.toContain(label);
  });

  it("goes with the relative date line under the headline: the header's other line is no story either", () => {
    const text = stored('https://coast.example/nieuws/1083215/sand-extraction', '<span class="sc-1"><a href="/regio/schouwen-duiveland">Schouwen-Duiveland</a></span>', '<div class="sc-3"><time datetime="2024-03-11T06:02:14+0100">vandaag, 06:02</time><span> • </span><span>Aangepast vandaag, 09:14</span></div>');
    expect(text.startsWith(story[0]!)).toBe(true);
    expect(text).not.toContain('Schouwen-Duiveland');
    expect(text).not.toContain('vandaag');
  });

  it('stays when the page names no such section: a word the address does not hold', () => {
    expect(stored('https://coast.example/news/sand-extraction/', '<p class="text-sm">Analysis</p>')).toContain('Analysis');
  });
});
