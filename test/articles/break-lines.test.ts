// A story written as lines between <br>s in one block, no paragraphs (the Korea Herald's, many
// older CMSs'): the site's line between two breaks goes as it goes in a paragraph of its own, and
// the story's lines stay. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const URL = 'https://www.herald.example/view.php?ud=20240522000612';
const lines = [
  'The number of babies born in the country rose on-year in March for the first time in nine years, data showed Wednesday, though the number of marriages fell again, suggesting the increase may not last.',
  'A total of 20,059 babies were born in March, up 0.5 percent from a year earlier, according to the data compiled by the statistics agency. It was the first on-year rise for the month since March 2015.',
  'In the first quarter, 61,288 babies were born, down 6.2 percent from a year earlier. The total fertility rate fell to 0.76 in the quarter from 0.82 a year earlier.',
  'The number of marriages fell 6.8 percent on-year to 19,383 in March. Officials said births tend to follow marriages with a lag of about two years.',
];

function stored(between: string): string {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Births rise for first time in nine years</title></head><body>
<main><div class="view_con"><h1 class="view_tit">Births rise for first time in nine years</h1><div id="articleText" class="view_con_t">
${lines[0]}<br><br>
${lines[1]}<br><br>
${between}<br><br>
${lines[2]}<br><br>
${lines[3]}<br><br>
(Yonhap)
</div></div></main></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: URL, feedHtml: null, feedItemUrl: URL }).text;
}

describe('a line between <br>s in a story written without paragraphs', () => {
  it.each([
    ['"Related article: <link>"', 'Related article: <a href="https://www.herald.example/view.php?ud=20240428000123">Fertility rate hits new low of 0.72</a>', 'Fertility rate hits new low'],
    ['a follow-us line', '<strong>Follow us on Google News</strong> and join our WhatsApp channel for the latest.', 'Google News'],
  ])('goes when it is the site\'s: %s', (_name, between, gone) => {
    const text = stored(between);
    expect(text).not.toContain(gone);
    for (const line of lines) expect(text).toContain(line);
  });

  it("stays when it is the story's, though it opens with the same word", () => {
    const own = 'Related measures announced last year, including a bigger monthly allowance for parents of infants, took effect in January.';
    expect(stored(own)).toContain(own);
  });
});
