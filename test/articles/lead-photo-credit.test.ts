// The credit and the title a news template sets beside a lead photo (picture-credits.ts,
// media-wrappers.ts): a credit opens with "©" as a site's rights line does, and the blocks beside
// the picture are named for the media, which Readability weighs down. Through prepareArticle.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://news.example/2024/05/14/story/';

function storedText(lang: string, body: string): string {
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Story</title></head>
<body><header class="site-header"><a href="/">News</a><nav><ul><li><a href="/a/">Politics</a></li><li><a href="/b/">Sport</a></li></ul></nav></header>
<main>${body}</main><footer class="site-footer"><p>© 2024 News. All rights reserved.</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).text;
}

describe("a lead photo's credit and title beside it", () => {
  it('keeps the photo credit that opens with ©, and the title under the photo', () => {
    const story = ['В Твери до конца года отремонтируют двенадцать трамвайных остановок, сообщили в администрации города.', 'На остановках установят новые навесы, скамейки и табло с временем прибытия трамваев. Работы оценили в 48 миллионов рублей.', 'Первые четыре остановки на проспекте Ленина откроют после ремонта уже в сентябре.'];
    const text = storedText('ru', `<div class="article"><div class="article__header"><h1 class="article__title">В Твери отремонтируют трамвайные остановки</h1>
<div class="article__announce"><div class="media" data-type="photo"><div class="photoview__open"><img src="https://cdn.news.example/img/tram_1440x0.jpg" alt="Трамвай в Твери"></div>
<div class="media__copyright"><div class="media__copyright-item m-copyright">© Фото : пресс-служба администрации Твери</div></div>
<div class="media__info"><div class="media__title">Трамвай на проспекте Ленина</div></div></div></div></div>
<div class="article__body">${story.map((line) => `<div class="article__block" data-type="text"><div class="article__text">${line}</div></div>`).join('')}</div></div>`);
    expect(text).toContain('© Фото : пресс-служба администрации Твери');
    expect(text).toContain('Трамвай на проспекте Ленина');
    for (const line of story) expect(text).toContain(line);
  });
});
