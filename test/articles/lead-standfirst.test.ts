// The standfirst that Central European and Nordic newsrooms name the "lead" (Telex's
// p.article__lead beside the headline, Aftonbladet's lead-text): Readability leaves it out with
// the title's block, and the reader lost the sentence that says what the story is. Through
// prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://hirek.example/belfold/2024/10/21/villamos';
const LEAD = 'Két év felújítás után márciusban indul újra a budai villamosvonal, új kocsikkal és meghosszabbított vonallal.';
const STORY = [
  'Jövő márciusban indul újra a budai villamosvonal – jelentette be hétfőn a közlekedési központ. A vonalon 2022 ősze óta nem jár villamos, azóta a teljes pályát felújították.',
  'A felújítás után a vonal a Szilágyi Erzsébet fasorig hosszabbodik meg, így közvetlen átszállást ad a metróra is. A menetidő a végállomások között 19 perc lesz.',
  'A felújítás 38 milliárd forintba került, ennek nagy részét uniós forrásból fizették. A munkák csúszása miatt a határidő egy évvel tolódott.',
];

function stored(header: string): string {
  const html = `<!DOCTYPE html><html lang="hu"><head><meta charset="utf-8"><title>Villamos · Hírek</title></head>
<body><header class="header"><a href="/">Hírek</a><nav><ul><li><a href="/belfold">Belföld</a></li><li><a href="/kulfold">Külföld</a></li></ul></nav></header>
<main class="article-page"><div class="container"><div class="article_title-container"><div class="title-section__top"><a href="/rovat/belfold" class="tag">Belföld</a></div><h1 class="article_title">Tavasztól újra jár a villamos</h1><div class="article_date">2024. október 21. – 15:04</div>${header}</div>
<div class="article_container"><div class="article-html-content">${STORY.map((line) => `<p>${line}</p>`).join('')}</div>
<div class="article-bottom"><div class="tags"><a href="/cimke/villamos" class="tag">villamos</a></div></div></div></div></main></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).text;
}

describe('a standfirst named "lead"', () => {
  it('is kept above the story', () => {
    const text = stored(`<p class="article__lead">${LEAD}</p>`);
    expect(text).toContain(LEAD);
    expect(text.indexOf(LEAD)).toBeLessThan(text.indexOf(STORY[0]!));
    expect(text.split(LEAD).length).toBe(2);
  });

  it('is no picture block named so: a photo and its credit add no standfirst', () => {
    const text = stored('<div class="article-lead"><img src="https://hirek.example/kep/villamos.jpg" alt="" width="1200" height="800"><span>Fotó: Hírek</span></div>');
    expect(text.trim().startsWith(STORY[0]!)).toBe(true);
  });
});
