// A story's dateline written as an element of its own, glued to the first words of its paragraph:
// the site's CSS sets it apart on the page, and the stored copy, which has none, read the place and
// the first word as one ("Hà NộiTừ"). Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const URL = 'https://news.example/thoi-su/xe-buyt-dien-4779123.html';

const later = [
  'The city transport department said on Monday it had approved five new electric bus routes, to be run by the company that already operates most of the capital\'s electric fleet, from five in the morning to ten at night.',
  'Buses will come every fifteen to twenty minutes at rush hour, and the routes will stop at two stations of the elevated railway, so that passengers can change to the train without a long walk.',
];

function stored(first: string, standfirst = ''): string {
  const html = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Five new electric bus routes</title></head><body>
<main><article><h1 class="title-detail">Five new electric bus routes</h1>${standfirst}<article class="fck_detail"><p class="Normal">${first}</p>${later.map((text) => `<p class="Normal">${text}</p>`).join('')}</article></article></main></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: URL, feedHtml: null, feedItemUrl: URL }).text;
}

describe('a dateline glued to the story', () => {
  it("is kept apart from the standfirst's first word (VnExpress's location stamp)", () => {
    const text = stored(later[0]!.replace('Monday', 'Sunday'), '<p class="description"><span class="location-stamp">Hà Nội</span>Từ tháng 9, 5 tuyến buýt điện mới sẽ nối trung tâm Hà Nội với các huyện ngoại thành, giá vé 7.000-9.000 đồng mỗi lượt.</p>');
    expect(text).toContain('Hà Nội Từ tháng 9');
  });

  it("is kept, apart from the first paragraph's first word (a wire story's dateline, which Readability took for a byline and removed)", () => {
    const text = stored('<strong class="article__dateline">KYIV</strong>Ukraine\'s drone makers say they could double their output this year if state contracts were signed on time, rather than months into the year.');
    expect(text).toContain("KYIV Ukraine's drone makers");
  });

  it('adds nothing before the punctuation that follows it', () => {
    const text = stored('<span class="location">HANOI</span>, March 11: the city said on Monday that five electric bus routes would open in September, linking the centre with the outer districts.');
    expect(text).toContain('HANOI, March 11');
  });

  it("reads its place and its source apart, the source in parentheses (CNN's, whose CSS draws them)", () => {
    const text = stored(`${later[0]}</p><div class="source inline-placeholder"><cite class="source__cite"><span class="source__location">Truckee, California</span><span class="source__text">CNN</span></cite></div><p class="Normal">${later[1]}`);
    expect(text).toContain('Truckee, California (CNN)\n');
    expect(text).not.toContain('CaliforniaCNN');
  });

  it('leaves a place followed by a date as it is', () => {
    const text = stored(`${later[0]}</p><p class="Normal"><span class="location">Hanoi</span><span class="date">11 March 2024</span>`);
    expect(text).not.toContain('(11 March 2024)');
  });
});
