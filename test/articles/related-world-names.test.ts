// Boxes of links to other stories named "related" in the site's own language, and their headings
// (related-world-names.ts): VnExpress's box-tinlienquanv2 between the paragraphs, BBC Persian's
// "مطالب مرتبط" under the story. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://news.example/2024/08/12/story.html';

function storedText(lang: string, body: string): string {
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Story</title></head>
<body><header class="site-header"><a href="/">News</a><nav><ul><li><a href="/a/">Politics</a></li><li><a href="/b/">Sport</a></li></ul></nav></header>
<main>${body}</main><footer class="site-footer"><p>Contact</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).text;
}

const vietnamese = [
  'Sở Giao thông Vận tải Hà Nội ngày 11/8 cho biết đã phê duyệt phương án mở 5 tuyến buýt điện mới, chạy từ 5h đến 22h mỗi ngày.',
  'Giá vé lượt từ 7.000 đến 9.000 đồng tùy cự ly. Người từ 60 tuổi trở lên và trẻ em dưới 6 tuổi được miễn vé.',
  'Hà Nội hiện có 154 tuyến buýt, trong đó 22 tuyến dùng xe điện. Đến năm 2030 toàn bộ xe buýt mới phải dùng điện.',
];
const persian = [
  'شرکت آب منطقه‌ای اصفهان می‌گوید دریچه‌های سد زاینده‌رود از ۲۰ مهر به مدت ده روز برای کشت پاییزه باز می‌شود.',
  'به گفته این شرکت، در این مدت حدود ۴۵ میلیون متر مکعب آب از سد رها می‌شود تا کشاورزان بتوانند گندم پاییزه را بکارند.',
  'کارشناسان محیط زیست هشدار داده‌اند که خشک ماندن بستر رودخانه به فرونشست زمین در اطراف اصفهان سرعت داده است.',
];

describe('related stories named in the site\'s language', () => {
  it('drops a box of related headlines named "tin liên quan" between the paragraphs', () => {
    const box = '<div class="box-tinlienquanv2"><article class="item-news"><h4 class="title-news"><a href="/ve-dien-tu-4769876.html">Hà Nội sắp có vé điện tử liên thông buýt và tàu điện</a></h4></article><article class="item-news"><h4 class="title-news"><a href="/buyt-thang-4770012.html">Người dân ngoại thành mong có buýt thẳng vào nội đô</a></h4></article></div>';
    const text = storedText('vi', `<article class="fck_detail">${vietnamese.slice(0, 2).map((line) => `<p class="Normal">${line}</p>`).join('')}${box}<p class="Normal">${vietnamese[2]}</p></article>`);
    expect(text).not.toContain('vé điện tử liên thông');
    for (const line of vietnamese) expect(text).toContain(line);
  });

  it('drops a section of links under "مطالب مرتبط" after the story', () => {
    const text = storedText('fa', `<div dir="rtl">${persian.map((line) => `<p dir="rtl">${line}</p>`).join('')}<section role="region"><h2>مطالب مرتبط</h2><ul><li><a href="/persian/articles/c1">خشکسالی در ایران؛ ۱۰ استان در وضعیت قرمز</a></li><li><a href="/persian/articles/c2">دریاچه ارومیه دوباره کوچک شد</a></li></ul></section></div>`);
    expect(text).not.toContain('مطالب مرتبط');
    expect(text).not.toContain('دریاچه ارومیه');
    for (const line of persian) expect(text).toContain(line);
  });

  it('keeps a block of the story that a template happens to name so', () => {
    const text = storedText('vi', `<article class="fck_detail"><p class="Normal">${vietnamese[0]}</p><div class="noi-dung-lien-quan"><p class="Normal">${vietnamese[1]} Xem <a href="/bang-gia.html">bảng giá</a> và <a href="/lo-trinh.html">lộ trình</a>.</p></div><p class="Normal">${vietnamese[2]}</p></article>`);
    for (const line of vietnamese) expect(text).toContain(line);
  });
});
