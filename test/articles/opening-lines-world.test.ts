// The byline and date lines over a story in the shapes opening-lines-world.ts reads: BBC World
// Service's labelled byline and a Persian-calendar date, the writer's name then the paper's, the
// writer's name then the date. The reader shows the byline and date in their own place; the text
// starts with the story. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://news.example/2024/10/08/story/';

/** The page, its structured data naming the author when `author` is given (BBC World Service's names none). */
function stored(lang: string, author: string | null, opening: string, paragraphs: readonly string[]): string {
  const byline = author === null ? '' : `,"author":{"@type":"Person","name":"${author}"}`;
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Story</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Story"${byline}}</script></head>
<body><header class="site-header"><a href="/">News</a><nav><ul><li><a href="/a/">Politics</a></li><li><a href="/b/">Sport</a></li></ul></nav></header>
<main><article>${opening.includes('<h1') ? opening : `<h1>Story</h1>${opening}`}<div class="article-body">${paragraphs.map((line) => `<p>${line}</p>`).join('')}</div></article></main>
<footer class="site-footer"><p>Contact</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).text.trim();
}

/** A story's paragraph is longer than any meta line (lead-lines.ts's META_LINE): two sentences. */
const twice = (lines: readonly string[]) => lines.map((line) => `${line} ${line}`);

const persian = twice([
  'شرکت آب منطقه‌ای اصفهان می‌گوید دریچه‌های سد زاینده‌رود از ۲۰ مهر به مدت ده روز برای کشت پاییزه باز می‌شود.',
  'به گفته این شرکت، در این مدت حدود ۴۵ میلیون متر مکعب آب از سد رها می‌شود تا کشاورزان بتوانند گندم پاییزه را بکارند.',
  'کارشناسان محیط زیست هشدار داده‌اند که خشک ماندن بستر رودخانه به فرونشست زمین در اطراف اصفهان سرعت داده است.',
]);

describe('opening lines in more shapes', () => {
  it("drops BBC World Service's labelled byline and a Persian-calendar date", () => {
    // Each of the page's blocks in a <div> of its own, the byline's and the date's beside the paragraphs'.
    const blocks = persian.map((line) => `<div dir="rtl" class="bbc-19j92fr"><p dir="rtl" class="bbc-hhl7in">${line}</p></div>`).join('');
    const text = stored('fa', null, `<div class="bbc-19j92fr"><ul class="bbc-1qybn2d"><li class="bbc-1a3w4ok"><div class="bbc-1cd3xjt"><span class="bbc-1ycfh8g">نویسنده, </span>شیرین کاظمی</div></li></ul></div><div class="bbc-19j92fr"><time datetime="2024-10-08" class="bbc-xuzbud">۱۷ مهر ۱۴۰۳</time></div>${blocks}`, []);
    expect(text.startsWith(persian[0]!)).toBe(true);
  });

  it("keeps a Persian-calendar date that the story's text sets after its first paragraph", () => {
    const text = stored('fa', 'شیرین کاظمی', '', [persian[0]!, '۱۷ مهر ۱۴۰۳', ...persian.slice(1)]);
    expect(text).toContain('۱۷ مهر ۱۴۰۳');
  });

  it("drops the writer's name followed by the paper's", () => {
    const story = twice(['У Львові на маршрут №32 вийшов перший електробус, зібраний на заводі у Брюховичах.', 'Електробус завдовжки 12 метрів вміщує до 90 пасажирів, має низьку підлогу і кондиціонер.', 'До кінця року місто отримає ще 14 таких машин, повідомили у міській раді.']);
    const text = stored('uk', 'Марія Ємець', '<div class="post_author"><a href="/authors/mariya-yemets/">Марія Ємець</a> — Українська правда</div>', story);
    expect(text.startsWith(story[0]!)).toBe(true);
  });

  it("drops the writer's name and the date set side by side", () => {
    const story = twice(['Din 1 decembrie, călătorii din zona metropolitană vor putea folosi același bilet în autobuz și în tren.', 'Biletul unic va costa 5 lei și va fi valabil 90 de minute de la prima validare.', 'Abonamentul lunar integrat va costa 120 de lei, iar elevii vor plăti jumătate.']);
    const text = stored('ro', 'Mihaela Stan', '<div class="article-header"><h1>Story</h1><div class="author-meta"><span class="author">Mihaela Stan</span><time datetime="2024-11-14T12:30:00+02:00">14.11.2024 12:30</time></div></div>', story);
    expect(text.startsWith(story[0]!)).toBe(true);
  });
});
