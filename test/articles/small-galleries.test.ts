// A few captioned pictures side by side in the text, written with no slideshow's markup: the
// reader sees every picture and its caption between the paragraphs, where the page shows them.
// Readability used to drop such a block whole for holding more pictures than paragraphs.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://dales-courier.example/2024/04/02/the-quiet-line/';
const CAPTIONS = [
  'The old signal box at Hensall, now a holiday let, seen from the level crossing in April.',
  'Platform two at Snaith, where one train a day stops in each direction on weekdays.',
  'The footbridge at Rawcliffe, repainted in the company colours by volunteers last summer.',
  'A Saturday train at Goole, the only station on the line with a ticket office still open.',
];
const paragraph = (n: number) =>
  `<p>Paragraph ${n}: the line runs across the flat country east of Leeds, where the stations see a handful of passengers a day and the volunteers who adopt them have spent years planting flower beds and repainting fences.</p>`;
const picture = (n: number) => `<img src="https://cdn.dales-courier.example/2024/04/station-${n}.jpg" alt="" width="1200" height="800">`;

function stored(gallery: string) {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The stations on the quiet line</title></head><body>
<header class="site-header"><a href="/">Dales Courier</a><nav><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li></ul></nav></header>
<main><article><h1>The stations on the quiet line</h1>${paragraph(1)}${paragraph(2)}${gallery}${paragraph(3)}${paragraph(4)}</article></main>
<footer class="site-footer"><p>© 2024 Dales Courier</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
}

describe('a small gallery in the text keeps its pictures and captions', () => {
  it.each([
    ['figures in a list, each with a credit beside it', `<ul class="photo-row">${CAPTIONS.map((caption, n) => `<li><figure>${picture(n)}<figcaption>${caption}</figcaption></figure><span class="credit">Sam Hale</span></li>`).join('')}</ul>`],
    ['figures whose captions end in a link to the photographer', `<div class="photo-row">${CAPTIONS.map((caption, n) => `<figure>${picture(n)}<figcaption>${caption} <a href="https://www.flickr.com/people/samhale/">Photo: Sam Hale/Flickr</a></figcaption></figure>`).join('')}</div>`],
    ['pictures in list items with a caption named so', `<ul>${CAPTIONS.map((caption, n) => `<li>${picture(n)}<span class="caption">${caption}</span></li>`).join('')}</ul>`],
    ['a pair of figures', `<div class="pair">${CAPTIONS.slice(0, 2).map((caption, n) => `<figure>${picture(n)}<figcaption>${caption} <a href="/photographers/sam-hale/">Sam Hale</a></figcaption></figure>`).join('')}</div>`],
  ])('%s', (_name, gallery) => {
    const article = stored(gallery);
    const shown = gallery.includes('pair') ? CAPTIONS.slice(0, 2) : CAPTIONS;
    for (const caption of shown) expect(article.text).toContain(caption);
    expect(article.html.match(/<img /g)).toHaveLength(shown.length);
    // In its place: after the second paragraph, before the third.
    const text = article.text;
    expect(text.indexOf(shown[0]!)).toBeGreaterThan(text.indexOf('Paragraph 2:'));
    expect(text.indexOf(shown.at(-1)!)).toBeLessThan(text.indexOf('Paragraph 3:'));
  });

  it('leaves out a row of cards for other stories, each a picture and its linked title', () => {
    const cards = `<div class="more-stories">${CAPTIONS.map((caption, n) => `<figure>${picture(n)}<figcaption><a href="/2024/03/${n}/other-story/">${caption}</a></figcaption></figure>`).join('')}</div>`;
    const article = stored(cards);
    for (const caption of CAPTIONS) expect(article.text).not.toContain(caption);
    expect(article.text).toContain('Paragraph 4:');
  });
});
