// What the stored article loses of a real page, class by class (issue 10, "Article pages"): each
// table row is a page in the shape publishers serve and what a reader must find in the stored copy.
// The pages go through prepareArticle, the sync's own path (extract, sanitize, list the images).
import { describe, expect, it } from 'vitest';
import { prepareArticle, type PreparedArticle } from '../../electron/core/articles';
import { prepare } from '../../electron/core/workers/tasks';
import { corpusPages } from '../support/corpus-pages';

const SITE = 'https://harbour-gazette.example';
const PAGE_URL = `${SITE}/2024/03/11/the-story/`;

/** The article in a site's page; `footer: false` for the small personal sites whose pages are
 *  little more than the post (on a short page Readability would take a longer footer instead). */
function stored(body: string, { footer = true } = {}): PreparedArticle {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The story - Harbour Gazette</title></head>
<body><div id="page" class="site"><header class="site-header"><a href="/">Harbour Gazette</a><nav class="primary-menu"><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li><li><a href="/about/">About</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">${body}</main></div></div>
${footer ? '<footer class="site-footer"><p>© 2024 Harbour Gazette. All rights reserved.</p></footer>' : ''}</div></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const paragraphs = (count: number, topic: string) =>
  Array.from({ length: count }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}: the harbour board met on Tuesday and agreed to keep the old crane, which dockers have used since 1961, in working order for visitors and for the small boats that still unload there.</p>`).join('\n');

describe('short real pages are kept, not refused for their length', () => {
  it.each([
    ['a photo post with a one-line caption', `<article><h1>Sunrise</h1><figure><img src="/uploads/sunrise.jpg" alt="The harbour at dawn"><figcaption>Sunrise, 6:12.</figcaption></figure></article>`, 'Sunrise, 6:12.'],
    ['a two-line notice', `<article><h1>Office closed</h1><div class="entry-content"><p>Closed on Monday.</p></div></article>`, 'Closed on Monday.'],
    ['a Japanese notice', `<article><h1>お知らせ</h1><div class="entry-content"><p>本日は休業します。</p></div></article>`, '本日は休業します。'],
    ['a link post', `<article><h1>Worth reading</h1><div class="entry-content"><p>Read <a href="https://other.example/report">the full report</a>.</p></div></article>`, 'Read the full report.'],
  ])('%s', (_name, body, text) => {
    const article = stored(body, { footer: false });
    expect(article.source).toBe('page');
    expect(words(article.text)).toContain(text);
    // Readability falls back to the whole body of a short page: the site's menu is no part of it.
    expect(article.text).not.toContain('Sport');
  });

  it('still refuses a script-rendered shell with nothing in it', () => {
    expect(stored('<div id="root"><div class="spinner"></div></div><script>render()</script>', { footer: false }).source).toBe('none');
  });
});

describe('tables of contents and in-page navigation are kept', () => {
  // Readability weighs an in-page (#) link at a third of a link: made absolute first, these
  // blocks looked like link farms and went.
  const sections = `<h2 id="history">History</h2>${paragraphs(2, 'history')}<h2 id="repairs">Repairs</h2>${paragraphs(2, 'repairs')}<h2 id="visiting">Visiting</h2>${paragraphs(1, 'visits')}`;
  it.each([
    ['a table of contents with its introduction', `<div class="toc"><p>On this page you will find the history of the crane, its repairs and how to visit it:</p>
      <ul><li><a href="#history">History</a></li><li><a href="#repairs">Repairs</a></li><li><a href="#visiting">Visiting</a></li></ul></div>`,
    ['On this page you will find the history of the crane', 'History Repairs Visiting']],
    ['a line of jump links', '<div class="jump-links"><span>Jump to:</span> <span><a href="#repairs">the repairs</a></span> · <span><a href="#visiting">visiting the quay</a></span></div>',
    ['Jump to: the repairs · visiting the quay']],
  ])('%s', (_name, navigation, kept) => {
    const article = stored(`<article><h1>The crane</h1><div class="entry-content">${navigation}${sections}</div></article>`);
    for (const text of kept) expect(words(article.text)).toContain(text);
    // Stored, they point at their sections in the article (in-page-links.ts).
    expect(article.html).toContain('href="#pb-repairs"');
    expect(article.html).toContain('<h2 id="pb-repairs">Repairs</h2>');
  });
});

describe('images Readability keeps by their class stay', () => {
  it.each([
    ['Wikipedia math formulas (hidden from screen readers, shown to the eye)', Array.from({ length: 6 }, (_, i) =>
      `<p>The load on arm ${i} is <span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;"><math><mi>F</mi></math></span><img src="https://wikimedia.example/api/rest_v1/media/math/render/png/f${i}" class="mwe-math-fallback-image-inline mw-invert" aria-hidden="true" alt="{\\displaystyle F_{${i}}=m\\cdot g}"></span> where m is the mass of the load and g is the acceleration of gravity at the quay.</p>`).join(''), 6],
  ])('%s', (_name, formulas, count) => {
    const article = stored(`<div id="content" class="mw-body"><h1>Crane (machine)</h1><div id="bodyContent" class="mw-body-content">${paragraphs(3, 'cranes')}${formulas}</div></div>`);
    expect(article.imageUrls.filter((url) => url.includes('/math/render/'))).toHaveLength(count);
  });
});

describe('every lazily loaded image is found, and only real image URLs are kept', () => {
  const body = (image: string) => `<article><h1>The crane</h1><div class="entry-content">${paragraphs(2, 'the crane')}${image}${paragraphs(2, 'the quay')}</div></article>`;
  it.each([
    ['a placeholder followed by its <noscript> fallback',
      '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazyload" alt="The crane"><noscript><img src="/uploads/crane.jpg" alt="The crane"></noscript><figcaption>The crane in 1961.</figcaption></figure>',
      [`${SITE}/uploads/crane.jpg`]],
    ['a <noscript> fallback with no placeholder before it (the script inserts the image)',
      '<figure><div class="lazy-container" data-ratio="0.66"></div><noscript><img src="/uploads/quay.jpg" alt="The quay"></noscript><figcaption>The quay.</figcaption></figure>',
      [`${SITE}/uploads/quay.jpg`]],
    ['a placeholder GIF file in src, the real image in data-lazy-srcset',
      '<p><img src="/wp-content/plugins/lazy/blank.gif" data-lazy-srcset="/uploads/dock-480.jpg 480w, /uploads/dock-1200.jpg 1200w" alt="The dock"></p>',
      [`${SITE}/uploads/dock-1200.jpg`]],
    ['a whole srcset written into data-src',
      '<p><img data-src="/uploads/boats-600.jpg 600w, /uploads/boats-1800.jpg 1800w" alt="Boats"></p>',
      [`${SITE}/uploads/boats-1800.jpg`]],
    ['a <picture> whose only real source is a lazy <source data-srcset>',
      '<picture><source type="image/webp" data-srcset="/uploads/net.webp 1x, /uploads/net@2x.webp 2x"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Nets"></picture>',
      [`${SITE}/uploads/net@2x.webp`]],
    ['src="#" with the image in srcset',
      '<p><img src="#" srcset="/uploads/gull-800.jpg 800w, /uploads/gull-400.jpg 400w" alt="A gull"></p>',
      [`${SITE}/uploads/gull-800.jpg`]],
    ["echo.js: a placeholder file in src, the real image in data-echo",
      '<p><img class="lazy aligncenter" src="/wp-content/themes/mag/images/blank.gif" data-echo="/uploads/echo-crane.jpg" width="800" height="533" alt="The crane"></p>',
      [`${SITE}/uploads/echo-crane.jpg`]],
    ['a lazyload class, a placeholder PNG in src, the real image in an attribute of its own',
      '<p><img class="lazyload" src="/wp-content/themes/mag/images/placeholder.png" data-lazyload="/uploads/lazyload-quay.jpg" width="800" height="533" alt="The quay"></p>',
      [`${SITE}/uploads/lazyload-quay.jpg`]],
    ["a theme's placeholder named for what it stands in for, no lazy class, the real image in an attribute of its own",
      '<p><img src="/wp-content/themes/flavor/images/thumb-placeholder.png" data-lazyload="/uploads/harbour-steps.jpg" width="800" height="533" alt="The steps"></p>',
      [`${SITE}/uploads/harbour-steps.jpg`]],
    ['a spinner in src and no lazy class, the real image in an attribute of its own',
      '<p><img src="/wp-content/themes/mag/images/spinner.gif" data-lazyload="/uploads/harbour-crane.jpg" width="800" height="533" alt="The crane"></p>',
      [`${SITE}/uploads/harbour-crane.jpg`]],
    ["an image showing its own src keeps it, whatever other sizes Jetpack names beside it",
      '<p><img src="/uploads/crane-1024x683.jpg" data-orig-file="/uploads/crane.jpg" data-large-file="/uploads/crane-1024x683.jpg" class="wp-image-42" alt="The crane"></p>',
      [`${SITE}/uploads/crane-1024x683.jpg`]],
    ['a tracking pixel in <noscript> is no picture of the article',
      '<noscript><img height="1" width="1" style="display:none" src="https://tracker.example/tr?id=42&ev=PageView"></noscript>',
      []],
    ["a press wire's counter, sized to a pixel by its style alone",
      '<img alt="" src="https://rt.wire.example/rt.gif?NewsItemId=EN12345&amp;DateId=20240312" style="border:0px; width:1px; height:1px;">',
      []],
  ])('%s', (_name, image, urls) => {
    const article = stored(body(image));
    expect(article.imageUrls).toEqual(urls);
    expect(article.html).not.toMatch(/data:image|blank\.gif|spinner\.gif|placeholder\.png|%20\d+w|src="https:\/\/harbour-gazette\.example\/2024\/03\/11\/the-story\/#"/);
  });
});

describe('theme chrome after the article is left out', () => {
  it.each([
    ['Twenty Twenty-One post navigation', `<article class="post type-post"><header class="entry-header"><h1 class="entry-title">The crane</h1></header>
      <div class="entry-content">${paragraphs(4, 'the crane')}</div>
      <footer class="entry-footer default-max-width"><div class="posted-by"><span class="posted-on">Published <time class="entry-date published updated" datetime="2024-03-11T09:00:00+00:00">March 11, 2024</time></span></div></footer></article>
      <nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/2024/03/10/tides/" rel="prev"><p class="meta-nav">Previous post</p><p class="post-title">Spring tides</p></a></div><div class="nav-next"><a href="/2024/03/12/ferry/" rel="next"><p class="meta-nav">Next post</p><p class="post-title">Ferry timetable</p></a></div></div></nav>`],
    ['Twenty Twenty-Three post navigation links', `<div class="entry-content wp-block-post-content">${paragraphs(4, 'the crane')}</div>
      <nav class="wp-block-group is-layout-flex" aria-label="Post navigation"><div class="post-navigation-link-previous wp-block-post-navigation-link"><span class="wp-block-post-navigation-link__arrow-previous">←</span><a href="/2024/03/10/tides/" rel="prev">Spring tides</a></div><div class="post-navigation-link-next wp-block-post-navigation-link"><a href="/2024/03/12/ferry/" rel="next">Ferry timetable</a></div></nav>`],
    ['a news site\'s most-read list beside the one <article>', `<article class="story"><header class="story-header"><h1 class="headline">The crane</h1></header>
      <div class="story-body">${paragraphs(4, 'the crane')}</div></article>
      <section class="most-read"><h2>Most read</h2><ol>${[1, 2, 3, 4, 5].map((n) => `<li><a href="/story/${n}">Previous post number ${n} in the list</a></li>`).join('')}</ol></section>`],
    // Sites built with a script framework carry their state as JSON in the body, often many times
    // the article's length: it is no prose, and must not hide that the <article> holds the page's
    // prose (a short article is where it counts: Readability falls back to the whole body).
    ['a short story beside its most-read list and the site\'s state in an inline script', `<article class="story"><header class="story-header"><h1 class="headline">The crane</h1></header>
      <div class="story-body">${paragraphs(1, 'the crane')}</div></article>
      <div class="rail"><section class="most-read"><h2>Most read</h2><p>The stories our readers opened most today, updated every hour from our newsroom in the harbour.</p><ol>${[1, 2, 3, 4, 5].map((n) => `<li><a href="/story/${n}">Previous post number ${n} in the list</a></li>`).join('')}</ol></section></div>
      <script id="__APP_STATE__" type="application/json">${JSON.stringify({ menu: Array.from({ length: 200 }, (_, n) => ({ label: `Section ${n}`, href: `/section/${n}/` })) })}</script>`],
  ])('%s', (_name, body) => {
    const article = stored(body);
    expect(article.text).toContain(body.includes('Paragraph 4') ? 'Paragraph 4 about the crane' : 'Paragraph 1 about the crane');
    expect(article.text).not.toContain('Most read');
    for (const chrome of ['Post navigation', 'Previous post', 'Next post', 'Spring tides', 'Ferry timetable']) expect(article.text).not.toContain(chrome);
  });
});

describe("the site's breadcrumb trail above the article is left out", () => {
  it.each([['Breadcrumb'], ['breadcrumbs']])('<nav aria-label="%s">, inside the article', (label) => {
    const article = stored(`<article><nav aria-label="${label}"><ol><li class="crumb"><a href="/releases">Releases</a></li><li class="crumb"><a href="/releases/tag/v3.2.0">v3.2.0</a></li></ol></nav><h1>Release v3.2.0</h1><div class="markdown-body">${paragraphs(3, 'the release')}</div></article>`);
    expect(article.text).toContain('Paragraph 3 about the release');
    expect(article.text).not.toMatch(/Releases|v3\.2\.0\n/);
  });
});

describe('a drop cap written twice, for the eye and for screen readers', () => {
  it('keeps the letter once, where it stands', () => {
    const article = stored(`<article class="feature"><div class="feature-body">
      <p class="has-dropcap"><span class="dropcap" aria-hidden="true">O</span><span class="sr-only">O</span>n the morning of the vote, the harbour board met early and agreed to keep the old crane in working order for visitors.</p>
      ${paragraphs(3, 'the crane')}</div></article>`);
    expect(article.text).toContain('On the morning of the vote, the harbour board met early');
    expect(article.text).not.toContain('OOn the morning');
  });

  it('still leaves out what only screen readers get', () => {
    const article = stored(`<article class="feature"><div class="feature-body">
      <p>The board's <a href="/minutes.pdf">minutes<span class="sr-only"> (opens in a new tab)</span></a> are online.</p>${paragraphs(3, 'the crane')}</div></article>`);
    expect(article.text).toContain("The board's minutes are online.");
    expect(article.text).not.toContain('opens in a new tab');
  });
});

describe('a line pointing to another story between the paragraphs is left out', () => {
  it.each([
    ['"Read more:" in bold, then the link', '<p><strong>Read more:</strong> <a href="/2024/02/20/explainer/">What the proposed rent cap would and would not do</a></p>'],
    ['"READ MORE:" in capitals', '<p class="c-paragraph"><b>READ MORE:</b> <a href="/2024/03/08/union/">Tenants\' union membership has tripled since 2021</a></p>'],
    ['the label inside the link', '<p><a href="/2024/03/08/union/">Related: Tenants\' union membership has tripled since 2021</a></p>'],
    ['"Lire aussi :" on a French site', '<p><em>Lire aussi :</em> <a href="/2024/03/08/syndicat/">Les adhésions au syndicat des locataires ont triplé</a></p>'],
    ["Le Monde's catcher section", '<section class="catcher"><span class="catcher__title">Lire aussi</span> <a href="/2024/03/08/syndicat/">Les adhésions au syndicat des locataires ont triplé</a></section>'],
    ['Russian, without a colon', '<p><strong>Читайте также</strong> <a href="/2024/03/08/union/">Число членов союза квартиросъёмщиков выросло втрое</a></p>'],
    ['Polish', '<p><b>Czytaj także:</b> <a href="/2024/03/08/union/">Związek lokatorów ma trzy razy więcej członków</a></p>'],
    ['Indonesian', '<p><strong>Baca juga:</strong> <a href="/2024/03/08/union/">Anggota serikat penyewa naik tiga kali lipat</a></p>'],
    ['Hindi', '<p><strong>ये भी पढ़ें:</strong> <a href="/2024/03/08/union/">किरायेदार संघ की सदस्यता तीन गुना हुई</a></p>'],
    ['Japanese, in its brackets', '<p>【関連記事】<a href="/2024/03/08/union/">借家人組合の会員が３倍に</a></p>'],
    ['Chinese', '<p>相关阅读：<a href="/2024/03/08/union/">租户工会会员人数增加两倍</a></p>'],
    ['Korean', '<p>관련기사: <a href="/2024/03/08/union/">세입자 조합원 세 배로 늘어</a></p>'],
    ['Turkish, in capitals that keep their dot', '<p><strong>İLGİLİ HABER:</strong> <a href="/2024/03/08/union/">Kiracılar sendikasının üye sayısı üç katına çıktı</a></p>'],
    ['Turkish, "İlgili Haber"', '<p><strong>İlgili Haber:</strong> <a href="/2024/03/08/union/">Kiracılar sendikasının üye sayısı üç katına çıktı</a></p>'],
    ['Argentine Spanish ("Leé también")', '<p class="c-paragraph"><b>Leé también:</b> <a href="/2024/03/08/union/">Se triplicó la afiliación al sindicato de inquilinos</a></p>'],
    ['Swedish', '<p><strong>Läs också:</strong> <a href="/2024/03/08/union/">Hyresgästföreningen har tredubblat sina medlemmar</a></p>'],
    ['Greek', '<p><strong>Διαβάστε επίσης:</strong> <a href="/2024/03/08/union/">Τριπλασιάστηκαν τα μέλη του σωματείου ενοικιαστών</a></p>'],
    ['Urdu', '<p><strong>یہ بھی پڑھیں:</strong> <a href="/2024/03/08/union/">کرایہ داروں کی یونین کے ارکان تین گنا</a></p>'],
    ['Thai', '<p><strong>อ่านเพิ่มเติม</strong> <a href="/2024/03/08/union/">สมาชิกสหภาพผู้เช่าเพิ่มขึ้นสามเท่า</a></p>'],
    ["Bengali, label and headline in one link, a Quintype story element", '<div class="story-element story-element-also-read"><a href="/2024/03/08/union/"><span class="also-read-label">আরও পড়ুন</span><h2 class="also-read-title">ভাড়াটিয়া সমিতির সদস্য তিন গুণ বেড়েছে</h2></a></div>'],
  ])('%s', (_name, line) => {
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(2, 'the rent cap')}${line}${paragraphs(2, 'the vote')}</div></article>`);
    expect(article.text).toContain('Paragraph 2 about the vote');
    expect(article.text).not.toMatch(/explainer|proposed rent cap would|union membership|syndicat|союза|Związek|serikat|संघ|組合|工会|조합|Kiracılar|sindicato de inquilinos|ভাড়াটিয়া|পড়ুন|Hyresgäst|σωματείου|یونین|สหภาพ/);
  });

  it.each([
    ['English', '<p><strong>Follow us on Google News</strong> and join our WhatsApp channel for the latest.</p>'],
    ['Russian', '<p><i>Подписывайтесь на «Город.НСК» в Telegram и Дзен, чтобы первыми узнавать главные новости.</i></p>'],
    ['German', '<p>Folgen Sie uns auf Instagram und Facebook.</p>'],
    ['Brazilian, after an emoji', '<p class="content-text__container"><strong>📲 Participe do canal do g1 Campinas no WhatsApp</strong></p>'],
    ["Indonesian, the channel's address spelled out", '<p>Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel : <a href="https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D">https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D</a>. Pastikan kamu sudah install aplikasi WhatsApp ya.</p>'],
    ['Bengali, its verb last, in a <div>', '<div class="follow-gnews">প্রথম বার্তার খবর পেতে গুগল নিউজ চ্যানেল ফলো করুন</div>'],
    ['Ukrainian', '<p><strong>Підписуйтеся на наш Telegram-канал</strong>, щоб першими дізнаватися головні новини.</p>'],
    ['Ukrainian, "follow us"', '<p><em>Стежте за нами в Instagram та Facebook.</em></p>'],
    ['Belarusian', '<p>Падпісвайцеся на наш Telegram і Viber, каб першымі даведвацца пра галоўныя навіны.</p>'],
    ['Kazakh, its verb last', '<p>Жаңалықтарды бірінші болып білу үшін Telegram арнамызға жазылыңыз.</p>'],
  ])('leaves out a %s line asking to follow the site on a channel', (_language, line) => {
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(2, 'the rent cap')}${line}${paragraphs(2, 'the vote')}</div></article>`);
    expect(article.text).toContain('Paragraph 2 about the vote');
    expect(article.text).not.toMatch(/Google News|Telegram|Instagram|WhatsApp|গুগল/);
  });

  it("keeps a sentence of the story about a site's app, its link among its words", () => {
    const line = '<p>Residents can <a href="https://council.example/app">download the app</a> to report potholes; 4,000 have done so since March.</p>';
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(2, 'the rent cap')}${line}${paragraphs(2, 'the vote')}</div></article>`);
    expect(article.text).toContain('Residents can download the app to report potholes');
  });

  it('keeps a paragraph of the story that opens with such words and names a channel, and says more', () => {
    const line = '<p>Siga o dinheiro: a prefeitura gastou R$ 2 milhões em dois anos com o canal de atendimento por WhatsApp, segundo o relatório do tribunal de contas divulgado nesta semana, e a oposição quer que o secretário explique os contratos na câmara.</p>';
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(2, 'the rent cap')}${line}${paragraphs(2, 'the vote')}</div></article>`);
    expect(article.text).toContain('Siga o dinheiro: a prefeitura gastou R$ 2 milhões');
  });

  it('keeps a paragraph of the story that opens with such a word and a link in it', () => {
    const line = '<p>More: the council said on Tuesday that it would publish the <a href="/minutes.pdf">minutes</a> of the vote, and that tenants could comment until the end of April.</p>';
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(2, 'the rent cap')}${line}${paragraphs(2, 'the vote')}</div></article>`);
    expect(article.text).toContain('the council said on Tuesday that it would publish the minutes of the vote');
  });
});

describe("a block of links to the site's other stories, under its heading, is left out", () => {
  it.each([
    ['"More on this story" as a section of links', '<section class="onward"><h2>More on this story</h2><ul><li><a href="/a">Storm named as warning issued</a></li><li><a href="/b">Why so many storms this winter?</a></li><li><a href="/c">How to prepare for a power cut</a></li></ul></section>'],
    ['a wire\'s "More news from this source"', '<section class="more-from-source"><h3>More news from this source</h3><div class="row"><div class="card"><a href="/a"><h4>Storm named as warning issued</h4><p>Nov 21, 2023</p></a></div><div class="card"><a href="/b"><h4>Why so many storms this winter?</h4><p>Apr 04, 2023</p></a></div></div></section>'],
    ['"Related" cards with a teaser each', '<div class="related"><h3>Related</h3><div class="card"><a href="/a">Storm named as warning issued</a><p>Gusts of 90mph.</p></div><div class="card"><a href="/b">Why so many storms this winter?</a><p>An explainer.</p></div></div>'],
  ])('%s', (_name, block) => {
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(3, 'the storm')}</div>${block}</article>`);
    expect(article.text).toContain('Paragraph 3 about the storm');
    expect(article.text).not.toMatch(/More on this story|More news|Related|Storm named|so many storms/);
  });

  it("leaves out a page builder's heading block and the cards in the block after it", () => {
    const card = (slug: string, title: string, teaser: string) => `<div class="summary-item"><a href="/journal/${slug}"><img src="/${slug}.jpg" alt=""></a><time>14 Nov 2023</time><div class="summary-title"><a href="/journal/${slug}">${title}</a></div><div class="summary-excerpt"><p>${teaser}</p></div><a href="/journal/${slug}" class="summary-read-more-link">Read More →</a></div>`;
    const article = stored(`<article class="entry"><div class="sqs-layout">${paragraphs(3, 'the bakery')}<div class="sqs-block html-block"><div class="sqs-block-content"><h3>More from the journal</h3></div></div><div class="sqs-block summary-v2-block"><div class="summary-item-list">${card('sourdough', 'A year of sourdough', 'What we learned from baking the same loaf three hundred times.')}${card('farmers', 'Meet our farmers', 'Three farms, three kinds of wheat, and a lot of mud.')}</div></div></div></article>`);
    expect(article.text).toContain('Paragraph 3 about the bakery');
    expect(article.text).not.toMatch(/More from the journal|Read More|three hundred times|lot of mud/);
  });

  it("leaves out cards whose teasers outweigh their titles when each links its story twice (Squarespace's summary block with its own heading, between the paragraphs)", () => {
    const card = (slug: string, title: string, teaser: string) => `<div class="summary-item"><a href="/journal/${slug}"><img src="/${slug}.jpg" alt=""></a><div class="summary-title"><a href="/journal/${slug}">${title}</a></div><div class="summary-excerpt"><p>${teaser}</p></div></div>`;
    const teaser = 'Forty-two pots came out whole, three cracked and one fused itself to the shelf. Here is what the ash did this time, pot by pot.';
    const summary = `<div class="sqs-block summary-v2-block"><div class="sqs-block-content"><div class="summary-block-header"><h3>More from the journal</h3></div><div class="summary-block-wrapper">${card('october', 'October firing', teaser)}${card('clay', 'Our own clay', teaser.replace('Forty-two', 'Thirty'))}</div></div></div>`;
    const article = stored(`<article class="entry"><div class="sqs-layout">${paragraphs(2, 'the kiln')}${summary}${paragraphs(1, 'the cost')}</div></article>`);
    expect(article.text).toContain('Paragraph 2 about the kiln');
    expect(article.text).toContain('Paragraph 1 about the cost');
    expect(article.text).not.toMatch(/More from the journal|October firing|pots came out whole/);
    const kiln = corpusPages().find((page) => page.name === 'squarespace71-kiln')!;
    const text = prepareArticle({ pageHtml: kiln.html, pageUrl: kiln.url, feedHtml: null, feedItemUrl: kiln.url }).text;
    expect(text).toContain('accept what comes out.\nThe cost\nIt is not cheap');
  });

  it('keeps a section of the article whose heading says "Related" but that is prose', () => {
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(3, 'the storm')}<section><h2>Related</h2>${paragraphs(1, 'the related storms')}</section></div></article>`);
    expect(article.text).toContain('Paragraph 1 about the related storms');
    const ownBlock = stored(`<article class="story"><div class="story-body">${paragraphs(3, 'the storm')}<div class="block"><h2>Related</h2></div><div class="block">${paragraphs(1, 'the related storms')}</div></div></article>`);
    expect(ownBlock.text).toContain('Paragraph 1 about the related storms');
  });
});

describe("a line that only dates the page is left out (the reader shows the article's date)", () => {
  it('leaves out "Published:" and "Last updated:" lines, and keeps a note of what an update changed', () => {
    const article = stored(`<div id="main-content"><div class="col-md-8"><h1>Flood defence scheme approved</h1>
      <p class="press-release-date"><span class="label">Press release</span> Published: 11 March 2024</p>${paragraphs(3, 'the scheme')}
      <p>Updated 3pm: the council has now published the full report on its website.</p>
      <p class="page-last-updated">Last updated: 11 March 2024</p></div></div>`);
    expect(article.text).toContain('Paragraph 3 about the scheme');
    expect(article.text).toContain('Updated 3pm: the council has now published the full report');
    expect(article.text).not.toMatch(/Published: 11 March|Last updated/);
  });

  it.each([
    ['German', 'Veröffentlicht am 27.08.2024, 10:15 Uhr', 'Aktualisiert am 27.08.2024, 11:40 Uhr'],
    ['French', 'Publié le 27 août 2024 à 10h15', 'Mis à jour le 27 août 2024 à 11h40'],
    ['Spanish', 'Publicado el 27 de agosto de 2024 10:15', 'Actualizado: 27/08/2024 11:40'],
    ['Japanese', '公開 2024年8月27日(火) 10時15分', '更新 2024年8月27日 11:40'],
    ['Korean', '입력 2024.08.27 10:15', '수정 2024년 8월 27일 오전 11:40'],
    ['Chinese', '发布时间：2024年08月27日 10:15', '更新时间：2024-08-27 11:40'],
  ])('leaves out the %s labels and dates news sites print', (_language, published, updated) => {
    const article = stored(`<article class="story"><h1>Flood defence scheme approved</h1><p class="date">${published}</p>${paragraphs(3, 'the scheme')}<p class="date">${updated}</p></article>`);
    expect(article.text).toContain('Paragraph 3 about the scheme');
    expect(article.text).not.toContain('2024');
  });

  it.each([
    ['Italian', '<p>© RIPRODUZIONE RISERVATA</p>'],
    ['Korean', '<div class="view-copyright">저작권자 © 한빛일보 무단전재 및 재배포 금지</div>'],
    ['Chinese', '<p>责任编辑：张晓燕 SN240</p>'],
    ['English', '<p>Copyright 2024 Harbour Gazette. All rights reserved.</p>'],
    ['Chinese portal', '<div class="post_statement"><span class="bg"></span>特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</div>'],
  ])("leaves out the %s site's rights and desk lines under the story", (_language, line) => {
    const article = stored(`<article class="story"><h1>Flood defence scheme approved</h1>${paragraphs(3, 'the scheme')}${line}</article>`);
    expect(article.text).toMatch(/Paragraph 3 about the scheme[^\n]*$/);
  });

  it("leaves out a Chinese portal's bracketed line naming the paper's own headline, above the story", () => {
    const article = stored(`<article class="story"><h1>Flood defence scheme approved</h1><div class="post_body"><p>（原标题：防洪工程获批）</p>${paragraphs(3, 'the scheme')}</div></article>`);
    expect(article.text).toMatch(/^Paragraph 1 about the scheme/);
    expect(article.text).not.toContain('原标题');
  });

  it("leaves out Yahoo! Japan's last-updated line under the story, its date a month, a day and a weekday", () => {
    const article = stored(`<article class="story"><h1>Flood defence scheme approved</h1>${paragraphs(3, 'the scheme')}<p class="updated">最終更新:3/11(月) 7:00</p></article>`);
    expect(article.text).toMatch(/Paragraph 3 about the scheme[^\n]*$/);
  });

  it('keeps a paragraph of a list that opens with its letter', () => {
    const article = stored(`<article class="story"><h1>Flood defence scheme approved</h1>${paragraphs(3, 'the scheme')}<p>(c) Residents may object until 30 April.</p></article>`);
    expect(article.text).toContain('(c) Residents may object until 30 April.');
  });

  it('keeps a date that stands alone: a short notice may say nothing else of when it holds', () => {
    const article = stored(`<article class="post"><h1>Closed on Friday</h1><p>The museum is closed on Friday, for the installation of the new gallery lights.</p><p class="meta"><time datetime="2024-03-01">1 March 2024</time></p></article>`);
    expect(article.text).toContain('1 March 2024');
  });
});

describe('the standfirst under the headline is kept, above the text', () => {
  const dek = 'The ordinance limits rent increases to 5% plus inflation for buildings more than 15 years old.';
  it.each([
    ['a news site\'s subheadline in the article header', `<article class="story"><header class="story-header"><h1 class="headline">Council caps rents</h1><h2 class="b-subheadline">${dek}</h2><p class="byline">By Jo Park</p></header><div class="story-body">${paragraphs(4, 'the vote')}</div></article>`],
    ['a newsletter\'s subtitle', `<article class="post"><div class="post-header"><h1 class="post-title">Council caps rents</h1><h3 class="subtitle">${dek}</h3></div><div class="available-content"><div class="body markup">${paragraphs(4, 'the vote')}</div></div></article>`],
    ['a magazine\'s dek in its hero block', `<article><div class="longform-hero"><div class="longform-hero__text"><h1>Council caps rents</h1><p class="longform-hero__dek">${dek}</p></div></div><div class="longform-body">${paragraphs(4, 'the vote')}</div></article>`],
    // The Guardian: named in a data attribute, out of the headline's own wrappers, with a link under it.
    ['a standfirst named in a data attribute, with a link under it', `<main><article class="dcr-1a4tslc"><div data-gu-name="headline" class="dcr-1kvbsmh"><div class="dcr-1tfoq3l"><div class="dcr-0"><h1 class="dcr-19bb8ws">Council caps rents</h1></div></div></div><div data-gu-name="standfirst" class="dcr-1l3v3de"><div class="dcr-1vzinmd"><p>${dek}</p><ul><li><p><a href="/money/rent-calculator">Use our calculator to see what it means for you</a></p></li></ul></div></div><div data-gu-name="body" class="dcr-1fgsp1y"><div id="maincontent">${paragraphs(4, 'the vote')}</div></div></article></main>`],
  ])('%s', (_name, body) => {
    const article = stored(body);
    // Above the story, once (the headline may stand above it, as the page's title differs).
    expect(article.text).toMatch(new RegExp(`^(?:Council caps rents\\n)?${dek.replace(/[.%]/g, '\\$&')}\\nParagraph 1 about the vote`));
    expect(article.text.split(dek)).toHaveLength(2);
  });

  it('is not written twice when the text has it, nor taken from a summary elsewhere on the page', () => {
    const kept = stored(`<article class="story"><h1>Council caps rents</h1><div class="story-body"><p class="intro">${dek}</p>${paragraphs(4, 'the vote')}</div></article>`);
    expect(kept.text.split(dek)).toHaveLength(2);
    const far = stored(`<article class="story"><h1>Council caps rents</h1><div class="story-body">${paragraphs(4, 'the vote')}</div></article><div class="rail"><div class="card"><h3>Ferry timetable</h3><p class="summary">The ferry will run every half hour from May, the harbour board said on Monday.</p></div></div>`);
    expect(far.text).not.toContain('The ferry will run every half hour');
    const facts = stored(`<article class="story"><h1>Council caps rents</h1><div class="summary"><p>In brief:</p><ul><li>Rents rise by 5% plus inflation at most</li><li>Buildings under 15 years old are exempt</li></ul></div><div class="story-body">${paragraphs(4, 'the vote')}</div></article>`);
    expect(facts.text).not.toMatch(/^In brief: Rents rise/);
  });
});

describe("an article's fact box is kept, its sidebar and pull quote are not", () => {
  it('keeps "Key points" and a box of facts in the story, where they stand', () => {
    const article = stored(`<article class="story"><aside class="key-points"><h2>Key points:</h2><ul><li>Level 3 restrictions start on April 1</li><li>The lake is at 38 per cent</li></ul></aside>
      <div class="story-body">${paragraphs(2, 'the restrictions')}<aside class="fact-box"><h3>What Level 3 means for you</h3><ul><li>No sprinklers at any time</li><li>Hand watering on Wednesdays and Saturdays only</li></ul></aside>${paragraphs(2, 'the lake')}</div></article>`);
    expect(article.text).toMatch(/Key points:\nLevel 3 restrictions start on April 1\nThe lake is at 38 per cent\n[\s\S]*Paragraph 2 about the restrictions[\s\S]*What Level 3 means for you\nNo sprinklers at any time\nHand watering on Wednesdays and Saturdays only\n[\s\S]*Paragraph 1 about the lake/);
  });

  it('leaves out a box of links to other stories, and a pull quote', () => {
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(2, 'the restrictions')}<aside class="pullquote"><p>"We have never seen the lake this low."</p></aside>${paragraphs(2, 'the lake')}
      <aside class="more"><h3>Most viewed</h3><ul><li><a href="/a">Highway upgrade starts next month</a></li><li><a href="/b">Pub changes hands</a></li></ul></aside></div></article>`);
    expect(article.text).toContain('Paragraph 2 about the lake');
    expect(article.text).not.toMatch(/never seen the lake|Most viewed|Highway upgrade/);
  });
});

describe('a live blog keeps the time of each update', () => {
  it("keeps each update's time, which its header held, as a line of its own without the header's badge", () => {
    const update = (time: string, words: string) =>
      `<article class="block update"><header class="update__header"><time class="update__time" datetime="2024-03-11T${time}:00Z">${time} GMT</time><span class="update__badge">Key event</span></header><div class="update__body"><p>${words} Engineers worked through the night to restore power to homes across the region after the storm, and the council said rest centres would stay open.</p><p>Network Rail said lines would reopen once trees had been cleared, which could take until the evening on the busiest routes in the north.</p></div></article>`;
    const article = stored(`<div class="liveblog"><div class="liveblog-body">${update('11:48', 'Trains are running again.')}${update('11:20', 'Gusts reached 90mph.')}${update('10:41', 'Schools have closed.')}${update('09:30', 'Roads are flooded.')}</div></div>`);
    expect(article.text).toMatch(/11:48 GMT\nTrains are running again\.[\s\S]*11:20 GMT\nGusts reached 90mph\.[\s\S]*10:41 GMT\nSchools have closed\./);
    expect(article.text).not.toContain('Key event');
  });

  it("keeps each block's time, not its author's picture and name, when a <div> is its head (the Guardian's block__meta)", () => {
    const block = (n: number, time: string, words: string) =>
      `<article class="block" id="block-${n}"><div class="block__meta"><time class="block__time" datetime="2024-03-11">${time} GMT</time><span class="block__author"><img src="https://i.example-cdn.org/byline/jo.png" alt="" width="36" height="36">Jo Adebayo</span></div><p>${words} The returning officer said the count would go on into the evening, and the candidates waited in the sports hall with their agents.</p><footer class="block__footer"><button class="share">Share</button></footer></article>`;
    const article = stored(`<div class="liveblog"><div class="liveblog-body">${block(1, '16.05', 'Counting has started.')}${block(2, '15.40', 'Turnout was 31.2%.')}${block(3, '15.12', 'The candidates have arrived.')}</div></div>`);
    expect(article.text).toMatch(/16\.05 GMT\nCounting has started\.[\s\S]*15\.40 GMT\nTurnout was 31\.2%\.[\s\S]*15\.12 GMT\nThe candidates have arrived\./);
    expect(article.text).not.toContain('Jo Adebayo');
    expect(article.html).not.toContain('byline/jo.png');
  });

  it("keeps each post's time and title when the header holds both, each post an <article> alone in its list item, and the summary's list (the BBC's)", () => {
    const post = (n: number, time: string, title: string, words: string) =>
      `<li class="lx-stream__post-container"><article id="post_${n}" class="lx-stream-post"><header class="lx-stream-post__header gs-o-media"><div class="lx-stream-post__meta gs-o-media__img"><time class="lx-stream-post__meta-time" datetime="2024-03-11T${time}:00Z"><span class="qa-post-auto-meta">${time}</span></time></div><h3 class="lx-stream-post__header-title qa-post-title"><span class="lx-stream-post__header-text">${title}</span></h3></header><div class="lx-stream-post-body"><p>${words} Crews from three stations stayed at the scene through the evening, and the council said the smoke would take until tomorrow to clear from the valley.</p></div></article></li>`;
    const summary = `<li class="lx-stream__post-container"><article id="post_0" class="lx-stream-post"><header class="lx-stream-post__header"><div class="lx-stream-post__meta"><time datetime="2024-03-11T18:42:00Z">18:42</time></div><h3 class="lx-stream-post__header-title"><span class="lx-stream-post__header-text">Summary: what we know so far</span></h3></header><div class="lx-stream-post-body"><ul class="lx-stream-related-story--list"><li>A fire broke out at the recycling centre on Mill Lane at about 14:30</li><li>Residents within 500 metres have been told to keep windows shut</li><li>No one has been injured, the fire service says</li></ul></div></article></li>`;
    const article = stored(`<div class="lx-stream"><ol class="lx-stream__feed">${summary}${post(1, '18:20', 'School to open as normal', 'The school will open tomorrow.')}${post(2, '17:55', 'Eight fire engines at the scene', 'The fire service sent eight engines.')}${post(3, '17:30', 'Road closed at Mill Lane', 'Police closed the road.')}</ol></div>`);
    expect(article.text).toMatch(/18:20\nSchool to open as normal\nThe school will open tomorrow\.[\s\S]*17:55\nEight fire engines at the scene\n[\s\S]*17:30\nRoad closed at Mill Lane\n/);
    // The summary's facts, in a list named "related" that links nowhere.
    expect(article.text).toMatch(/18:42\nSummary: what we know so far\nA fire broke out at the recycling centre[\s\S]*No one has been injured/);
  });
});

describe("a code listing's line numbers are no part of its text", () => {
  const listing = 'rows, err := db.QueryContext(ctx, sql)\nif err != nil {\n    return nil, err\n}';
  const numbered = (gutter: string, code: string) => stored(`<article class="post"><div class="post-content">${paragraphs(2, 'the outage')}${gutter}${code}${paragraphs(1, 'the fix')}</div></article>`);
  it.each([
    ['Hugo (Chroma) numbers in a cell beside the code', numbered('', `<div class="highlight"><div class="chroma"><table class="lntable"><tr><td class="lntd"><pre class="chroma"><code><span class="lnt">1\n</span><span class="lnt">2\n</span><span class="lnt">3\n</span><span class="lnt">4\n</span></code></pre></td><td class="lntd"><pre class="chroma"><code class="language-go">${listing}</code></pre></td></tr></table></div></div>`)],
    ['Jekyll (Rouge) numbers in a gutter cell', numbered('', `<figure class="highlight"><pre><code class="language-go"><table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1\n2\n3\n4\n</pre></td><td class="code"><pre>${listing}</pre></td></tr></tbody></table></code></pre></figure>`)],
    ['Chroma numbers written inline at each line', numbered('', `<pre class="chroma"><code>${listing.split('\n').map((line, i) => `<span class="line"><span class="ln">${i + 1}</span><span class="cl">${line}\n</span></span>`).join('')}</code></pre>`)],
  ])('%s', (_name, article) => {
    expect(article.text).toContain('rows, err := db.QueryContext(ctx, sql)');
    expect(article.text).toContain('return nil, err');
    expect(article.text).not.toMatch(/\b1\s+2\s+3\s+4\b/);
    expect(article.text).not.toMatch(/^\s*\d\s*rows, err/m);
  });

  it('keeps a table of figures that is no listing', () => {
    const article = stored(`<article class="post"><div class="post-content">${paragraphs(2, 'the results')}<table><tr><th>Crew</th><td>12</td></tr><tr><th>Boats</th><td>4</td></tr></table>${paragraphs(1, 'the fix')}</div></article>`);
    expect(article.text).toMatch(/Crew\s+12/);
    expect(article.text).toMatch(/Boats\s+4/);
  });
});

describe("an ad slot's label is left out with the slot", () => {
  it('leaves out "Advertisement" and "SKIP ADVERTISEMENT" between the paragraphs, and keeps a sentence that opens with "Ad"', () => {
    const slot = '<div class="css-1sy8kpn"><div class="css-l9onyx"><p>Advertisement</p></div><a href="#after-mid" class="css-1ly73wi">SKIP ADVERTISEMENT</a><div id="mid1" class="ad mid1-wrapper"></div><div id="after-mid"></div></div>';
    const article = stored(`<article class="story"><section class="story-body">${paragraphs(2, 'the tunnel')}${slot}<p>Ad hoc crews will work through the night on the rings.</p>${paragraphs(2, 'the rings')}</section></article>`);
    expect(article.text).toContain('Ad hoc crews will work through the night');
    expect(article.text).not.toMatch(/Advertisement|ADVERTISEMENT/);
  });

  it.each(['Reklama', 'Reklam', 'פרסומת', 'スポンサーリンク', 'Реклама. ООО «Сибирская Медиа Группа», ИНН 5406123456, erid: 2VtzqwXyZ12'])('leaves out "%s" over a slot', (label) => {
    const article = stored(`<article class="story"><section class="story-body">${paragraphs(2, 'the tunnel')}<div class="slot"><span>${label}</span><div class="ad-slot"></div></div>${paragraphs(2, 'the rings')}</section></article>`);
    expect(article.text).toContain('Paragraph 2 about the rings');
    expect(article.text).not.toContain(label);
  });
});

describe("a caption's parts set side by side as elements", () => {
  it('read apart, in a figure of the text as in the lead one', () => {
    const figure = '<figure><img src="/rings.jpg" alt="Rings" width="800" height="533"><figcaption class="css-jevhq3"><span class="css-cnj6d5">Lining segments waiting to be installed.</span><span class="css-1u46b97"><span class="css-1ly73wi">Credit...</span><span><span>Jeenah Moon</span></span></span></figcaption></figure>';
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(2, 'the tunnel')}${figure}${paragraphs(2, 'the rings')}</div></article>`);
    expect(article.text).toContain('Lining segments waiting to be installed. Credit... Jeenah Moon');
  });

  it("read apart when the credit, named so, follows the caption's bare text (ABC Australia's), and a part of a word stays in it", () => {
    const figure = '<figure><img src="/rings.jpg" alt="Rings" width="800" height="533"><figcaption class="Figure_caption__zz1">Lining segments in H<sub>2</sub>O-proof wrap.<span class="Figure_credit__9q">(ABC News: Jeenah Moon)</span></figcaption></figure>';
    const article = stored(`<article class="story"><div class="story-body">${paragraphs(2, 'the tunnel')}${figure}${paragraphs(2, 'the rings')}</div></article>`);
    expect(article.text).toContain('Lining segments in H2O-proof wrap. (ABC News: Jeenah Moon)');
  });
});

describe('formulas written for MathJax as TeX scripts', () => {
  it('keep their TeX in the sentence, and a displayed one on a line of its own', () => {
    const article = stored(`<article class="post"><div class="post-content">${paragraphs(2, 'the filter')}
      <p>Let the true temperature at step <script type="math/tex">k</script> be <script type="math/tex">x_k</script>, and the reading <script type="math/tex">z_k</script>:</p>
      <script type="math/tex; mode=display">z_k = x_k + v_k</script>${paragraphs(1, 'the noise')}</div></article>`);
    expect(article.text).toContain('Let the true temperature at step k be x_k, and the reading z_k:\nz_k = x_k + v_k\n');
  });
});

describe('a ruby reading (furigana) is no part of the text', () => {
  it('keeps the characters in the text and the reading in the copy', () => {
    const article = stored(`<article class="post"><div class="post-content"><p>沖縄の<ruby>浜比嘉<rp>（</rp><rt>はまひが</rt><rp>）</rp></ruby>島で、祭りが三年ぶりに開かれ、島の人々や観光客でにぎわいました。主催者によると、来場者は例年の二倍を超えたということです。</p>${paragraphs(3, 'the festival')}</div></article>`);
    expect(article.text).toContain('沖縄の浜比嘉島で、祭りが三年ぶりに開かれ');
    expect(article.html).toContain('<rt>はまひが</rt>');
  });
});

describe("a theme's comments, each an <article> of its own, are no part of the article", () => {
  it('leaves out a Genesis comment list (article-comment-N) and keeps the post', () => {
    const comment = (n: number, words: string) => `<li class="comment depth-1" id="comment-${n}"><article id="article-comment-${n}"><header class="comment-header"><p class="comment-author"><span class="comment-author-name">Reader ${n}</span> says</p></header><div class="comment-content"><p>${words}</p></div></article></li>`;
    const article = stored(`<div class="breadcrumb"><a href="/">Home</a> / <a href="/soups/">Soups</a> / Carrot soup</div><article class="post entry"><header class="entry-header"><h1 class="entry-title">Carrot soup</h1></header><div class="entry-content">${paragraphs(3, 'the soup')}</div></article>
      <div class="entry-comments" id="comments"><h3>Comments</h3><ol class="comment-list">${comment(1, 'Made this last night and my kids had seconds.')}${comment(2, 'I added coconut milk instead of some of the stock.')}</ol></div>`);
    expect(article.text).toContain('Paragraph 3 about the soup');
    expect(article.text).not.toMatch(/kids had seconds|coconut milk|Home \/ Soups/);
  });
});

describe("Wikipedia's section headings stay", () => {
  it('a heading with its [edit] link beside it', () => {
    const heading = (title: string) =>
      `<div class="mw-heading mw-heading2"><h2 id="${title}">${title}</h2><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Crane&amp;action=edit&amp;section=1" title="Edit section: ${title}"><span>edit</span></a><span class="mw-editsection-bracket">]</span></span></div>`;
    const article = stored(`<div id="bodyContent" class="vector-body"><div class="mw-parser-output">${paragraphs(2, 'cranes')}${heading('History')}${paragraphs(2, 'history')}${heading('Design')}${paragraphs(2, 'design')}</div></div>`);
    expect(article.text).toMatch(/\nHistory\n[\s\S]*\nDesign\n/);
    expect(article.text).not.toContain('edit');
  });

  it("without the wiki's tagline above the text", () => {
    const article = stored(`<div id="bodyContent" class="vector-body"><div class="vector-body-before-content"><div id="siteSub" class="noprint">From Wikipedia, the free encyclopedia</div></div><div class="mw-parser-output">${paragraphs(3, 'cranes')}</div></div>`);
    expect(article.text).toContain('Paragraph 1 about cranes');
    expect(article.text).not.toContain('free encyclopedia');
  });
});

describe("a heading's link to itself, a mark shown on hover, is no part of its text", () => {
  it.each([
    ['Sphinx and MkDocs', '<a class="headerlink" href="#repairs" title="Permanent link">¶</a>'],
    ['a theme\'s "#"', '<a class="anchor" href="#repairs" aria-label="Link to this section">#</a>'],
    ['an emoji', '<a href="#repairs">🔗</a>'],
  ])('%s', (_name, permalink) => {
    const article = stored(`<article><h1>The crane</h1><div class="entry-content">${paragraphs(2, 'the crane')}<h2 id="repairs">Repairs${permalink}</h2>${paragraphs(2, 'repairs')}</div></article>`);
    expect(article.text).toContain('\nRepairs\nParagraph 1 about repairs');
  });

  it('a heading that is itself a link to its section keeps its words', () => {
    const article = stored(`<article><h1>The crane</h1><div class="entry-content">${paragraphs(2, 'the crane')}<h2 id="repairs"><a href="#repairs">Repairs</a></h2>${paragraphs(2, 'repairs')}</div></article>`);
    expect(article.text).toContain('\nRepairs\nParagraph 1 about repairs');
  });
});

describe('a section heading whose anchor is its own words slugged stays, whatever words those are', () => {
  // Readability reads the id as a template's name: "ti·meta·ble", "social", "media", "sidebar".
  it.each([
    ['a newsletter block', '<h2 class="heading" id="the-timetable">The timetable</h2>', 'The timetable'],
    ["a static site generator's Markdown", '<h2 id="social-media">Social media</h2>', 'Social media'],
    ['a repeated heading, numbered', '<h2 id="sidebar-notes-2">Sidebar notes</h2>', 'Sidebar notes'],
  ])('%s', (_name, heading, text) => {
    const article = stored(`<article><h1>The crane</h1><div class="entry-content">${paragraphs(2, 'the crane')}${heading}${paragraphs(2, 'the quay')}</div></article>`);
    expect(article.text).toContain(`Paragraph 2 about the crane: the harbour board met on Tuesday and agreed to keep the old crane, which dockers have used since 1961, in working order for visitors and for the small boats that still unload there.\n${text}\nParagraph 1 about the quay`);
  });
});

describe('embedded videos and documents stay where they were, as links to what they show', () => {
  const body = (embed: string) => `<article><h1>The crane</h1><div class="entry-content">${paragraphs(2, 'the crane')}${embed}${paragraphs(2, 'the quay')}</div></article>`;
  it.each([
    ["WordPress's YouTube block",
      '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper"><iframe title="The crane lifts again" width="640" height="360" src="https://www.youtube.com/embed/Xk3f9a8bCdE?feature=oembed" frameborder="0" allowfullscreen></iframe></div><figcaption class="wp-element-caption">The first lift in ten years.</figcaption></figure>',
      '<a href="https://www.youtube.com/watch?v=Xk3f9a8bCdE" rel="noopener noreferrer">Video: The crane lifts again (YouTube)</a>'],
    ["WP Rocket's lazy YouTube player, the real frame in <noscript>",
      '<figure class="wp-block-embed wp-block-embed-youtube"><div class="wp-block-embed__wrapper"><div class="rll-youtube-player" data-src="https://www.youtube.com/embed/Zz9y8x7w6V5" data-id="Zz9y8x7w6V5" data-query="feature=oembed" data-alt="Interview with the harbour master"></div><noscript><iframe title="Interview with the harbour master" width="640" height="360" src="https://www.youtube.com/embed/Zz9y8x7w6V5?feature=oembed" frameborder="0" allowfullscreen></iframe></noscript></div></figure>',
      '<a href="https://www.youtube.com/watch?v=Zz9y8x7w6V5" rel="noopener noreferrer">Video: Interview with the harbour master (YouTube)</a>'],
    ["Substack's YouTube embed",
      '<div id="youtube2-dQw4w9WgXcQ" class="youtube-wrap" data-attrs="{&quot;videoId&quot;:&quot;dQw4w9WgXcQ&quot;}" data-component-name="Youtube2ToDOM"><div class="youtube-inner"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0&amp;autoplay=0&amp;showinfo=0&amp;enablejsapi=0" frameborder="0" loading="lazy" gesture="media" allow="autoplay; fullscreen" allowfullscreen="true" width="728" height="409"></iframe></div></div>',
      '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Video: YouTube</a>'],
    ["Ghost's embed card with a Vimeo player",
      '<figure class="kg-card kg-embed-card"><iframe src="https://player.vimeo.com/video/76979871?app_id=122963" width="426" height="240" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" title="Cranes at dusk"></iframe></figure>',
      '<a href="https://vimeo.com/76979871" rel="noopener noreferrer">Video: Cranes at dusk (Vimeo)</a>'],
    ['a Datawrapper chart',
      '<iframe title="Cargo by month" aria-label="Column chart" id="datawrapper-chart-aB3dE" src="https://datawrapper.dwcdn.net/aB3dE/2/" scrolling="no" frameborder="0" style="width: 0; min-width: 100% !important; border: none;" height="480" data-external="1"></iframe>',
      '<a href="https://datawrapper.dwcdn.net/aB3dE/2/" rel="noopener noreferrer">Embed: Cargo by month (datawrapper.dwcdn.net)</a>'],
  ])('%s', (_name, embed, link) => {
    const article = stored(body(embed));
    expect(article.html).toContain(link);
    expect(article.html).not.toMatch(/<iframe|youtube\.com\/embed/);
    // Where the embed was: after the crane's paragraphs, before the quay's.
    const at = article.html.indexOf(link);
    expect(at).toBeGreaterThan(article.html.indexOf('Paragraph 2 about the crane'));
    expect(at).toBeLessThan(article.html.indexOf('Paragraph 1 about the quay'));
  });

  it("a blog card's cite, set right after its frame, is a word apart from the frame's link", () => {
    // Hatena Blog's card: the frame and its cite in one paragraph, no space between them.
    const card = '<p><iframe src="https://hatenablog-parts.com/embed?url=https%3A%2F%2Fquayside.hatenablog.com%2Fentry%2F2024%2F03%2F02%2Fcrane" title="The old crane - Quayside notes" class="embed-card embed-blogcard" scrolling="no" frameborder="0" style="display: block; width: 100%; height: 190px;"></iframe><cite class="hatena-citation"><a href="https://quayside.hatenablog.com/entry/2024/03/02/crane">quayside.hatenablog.com</a></cite></p>';
    const article = stored(body(card));
    expect(words(article.text)).toContain('Embed: The old crane - Quayside notes (hatenablog-parts.com) quayside.hatenablog.com');
  });

  it("a tag manager's hidden frame is no part of the article", () => {
    const gtm = '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-ABC123" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>';
    const article = stored(`${gtm}${body('')}`);
    expect(article.text).toContain('Paragraph 2 about the quay');
    expect(article.html).not.toContain('googletagmanager');
  });
});

describe('an AMP page keeps its pictures and its video', () => {
  it('reads <amp-img> (with its <noscript> copy) and <amp-youtube>', () => {
    const html = `<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><title>Flood barriers tested</title><link rel="canonical" href="${PAGE_URL}"><script async src="https://cdn.ampproject.org/v0.js"></script><style amp-boilerplate>body{visibility:hidden}</style></head>
<body><header class="amp-wp-header"><div><a href="/">Harbour Gazette</a></div></header>
<article class="amp-wp-article"><header class="amp-wp-article-header"><h1 class="amp-wp-title">Flood barriers tested</h1></header>
<div class="amp-wp-article-content">${paragraphs(2, 'the barriers')}
<figure class="wp-block-image"><amp-img src="/wp-content/uploads/2024/03/quay-night.jpg" width="800" height="533" layout="intrinsic" alt="The quay at night"><noscript><img src="/wp-content/uploads/2024/03/quay-night.jpg" width="800" height="533" alt="The quay at night"></noscript></amp-img><figcaption>The quay at night, with the barriers raised.</figcaption></figure>
${paragraphs(2, 'the quay')}
<amp-youtube data-videoid="dQw4w9WgXcQ" layout="responsive" width="480" height="270"></amp-youtube>
</div></article><footer class="amp-wp-footer"><p>&copy; Harbour Gazette</p></footer></body></html>`;
    const article = prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
    expect(article.source).toBe('page');
    expect(article.imageUrls).toEqual([`${SITE}/wp-content/uploads/2024/03/quay-night.jpg`]);
    expect(article.html).toContain('alt="The quay at night"');
    expect(article.html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Video: YouTube</a>');
  });
});

describe('a post of links is kept, a menu is not', () => {
  const links = ['The hidden cost of free parking', 'Why bridges sing in the wind', 'A history of the bicycle bell', 'How Copenhagen built its cycle superhighways',
    'Rainfall data for every town, mapped', 'The economics of the corner bakery', 'What happens to old traffic lights', 'In praise of the slow commute'];
  const sources = ['Citylab', 'Ars Technica', 'The Atlantic', 'The Guardian', 'Datawrapper blog', 'Planet Money', 'BBC Future', 'Aeon'];

  it('a weekly roundup: a link and a short note on each line', () => {
    const items = links.map((title, i) => `<li><a href="https://example.org/story-${i}">${title}</a> (${sources[i]}). Worth it.</li>`).join('');
    const article = stored(`<article class="post"><h1>Weekend links</h1><div class="entry-content"><p>Things I read this week:</p><ul>${items}</ul><p>See you next week.</p></div></article>`, { footer: false });
    expect(article.source).toBe('page');
    expect(words(article.text)).toContain('How Copenhagen built its cycle superhighways (The Guardian). Worth it.');
    expect(article.html).toContain('<a href="https://example.org/story-7" rel="noopener noreferrer">In praise of the slow commute</a>');
  });

  it('a script-rendered shell whose only words are its list of sections', () => {
    const sections = ['News', 'Business', 'Opinion', 'Culture', 'Science', 'Travel', 'Weather', 'Obituaries'];
    const menu = `<div class="sections"><ul>${sections.map((name) => `<li><a href="/${name.toLowerCase()}/">${name}</a></li>`).join('')}</ul><p><a href="/about/">About us</a> · <a href="/contact/">Contact</a></p></div>`;
    expect(stored(`${menu}<div id="root"><div class="spinner">Loading…</div></div>`, { footer: false }).source).toBe('none');
  });
});

describe("an FAQ's answers, closed until a question is clicked, are kept under their questions", () => {
  const question = 'Can I moor overnight at the old quay?';
  const answer = 'Yes, from April to October, for up to two nights, once the harbour office has your boat’s name and length.';
  // What the same page hides that is no answer: a share menu, a feedback dialog, a cookie notice.
  const hiddenJunk = `<div class="share-menu" style="display:none"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="mailto:?subject=Moorings">Email this page</a></div>
    <div class="modal" role="dialog" aria-modal="true" style="display:none"><h2>Was this page useful?</h2><p>Tell us how we could improve this page; we read every message we are sent.</p></div>
    <div role="region" aria-label="Cookie notice" hidden><p>This site uses cookies to remember your choices and to count visits to each page.</p></div>
    <button type="button" aria-expanded="false" aria-controls="tools-7">Tools</button><ul id="tools-7" hidden><li><a href="https://www.facebook.com/sharer/sharer.php?u=y">Facebook</a></li><li><a href="mailto:?subject=Quay">Email this page</a></li></ul>`;
  it.each([
    ['a panel hidden by its inline style (jQuery accordions, hand-made toggles)',
      `<div class="accordion"><div class="accordion-item"><h3 class="accordion-title"><a href="#faq1">${question}</a></h3><div class="accordion-content" id="faq1" style="display: none;"><p>${answer}</p></div></div></div>`],
    ['an ARIA accordion: the question a <button>, the answer a region with the hidden attribute',
      `<div class="faq-list"><h3><button type="button" aria-expanded="false" aria-controls="faq-panel-1" id="faq-button-1">${question}<span class="icon" aria-hidden="true">+</span></button></h3><div id="faq-panel-1" role="region" aria-labelledby="faq-button-1" hidden><p>${answer}</p></div></div>`],
    ["Kadence's accordion block (the question in a header's button, the panel named hidden)",
      `<div class="wp-block-kadence-accordion alignnone"><div class="kt-accordion-wrap kt-accordion-id12_3fd2a1 kt-accordion-has-1-panes kt-pane-header-alignment-left"><div class="kt-accordion-inner-wrap" data-allow-multiple-open="false"><div class="wp-block-kadence-pane kt-accordion-pane kt-accordion-pane-1"><div class="kt-accordion-header-wrap"><button class="kt-blocks-accordion-header" type="button"><span class="kt-blocks-accordion-title-wrap"><span class="kt-blocks-accordion-title">${question}</span></span><span class="kt-blocks-accordion-icon-trigger"></span></button></div><div class="kt-accordion-panel kt-accordion-panel-hidden"><div class="kt-accordion-panel-inner"><p>${answer}</p></div></div></div></div></div></div>`],
    ["Elementor's accordion widget (elementor-widget-accordion, the question an <a> with no address)",
      `<div class="elementor-element elementor-element-5f2a1c3 elementor-widget elementor-widget-accordion" data-id="5f2a1c3" data-element_type="widget" data-widget_type="accordion.default"><div class="elementor-widget-container"><div class="elementor-accordion"><div class="elementor-accordion-item"><div id="elementor-tab-title-1231" class="elementor-tab-title" data-tab="1" role="button" aria-controls="elementor-tab-content-1231" aria-expanded="false"><span class="elementor-accordion-icon elementor-accordion-icon-left" aria-hidden="true"><span class="elementor-accordion-icon-closed"><i class="fas fa-plus"></i></span></span><a class="elementor-accordion-title" tabindex="0">${question}</a></div><div id="elementor-tab-content-1231" class="elementor-tab-content elementor-clearfix" data-tab="1" role="region" aria-labelledby="elementor-tab-title-1231"><p>${answer}</p></div></div></div></div></div>`],
    ['the same accordion as a design system writes it: no part named so nor a region, the answer hidden="until-found" for find in page, opened by the button that names it',
      `<div class="qa"><h3 class="qa__heading"><button type="button" class="qa__trigger" id="qa-trigger-1" aria-expanded="false" aria-controls="qa-panel-1"><span class="qa__question">${question}</span><span class="qa__icon" aria-hidden="true">+</span></button></h3><div class="qa__panel" id="qa-panel-1" aria-labelledby="qa-trigger-1" hidden="until-found"><p>${answer}</p></div></div>`],
    ["Bootstrap's accordion (the question's bar a card-header)",
      `<div class="accordion" id="mooringFaq"><div class="card"><div class="card-header" id="headingOne"><h2 class="mb-0"><button class="btn btn-link collapsed" type="button" data-toggle="collapse" data-target="#collapseOne" aria-expanded="false" aria-controls="collapseOne">${question}</button></h2></div><div id="collapseOne" class="collapse" aria-labelledby="headingOne" data-parent="#mooringFaq"><div class="card-body">${answer}</div></div></div></div>`],
  ])('%s', (_name, faq) => {
    const article = stored(`<article><h1>Moorings at the old quay</h1><div class="entry-content">${paragraphs(3, 'the moorings')}${hiddenJunk}<h2>Questions</h2>${faq}<p>The harbour office is open every day from eight until six.</p></div></article>`);
    expect(article.text).toContain(`${question}\n${answer}\n`);
    expect(article.text).toContain('The harbour office is open every day');
    expect(article.text).not.toMatch(/Facebook|Email this page|Was this page useful|cookies/);
  });
});

describe('a section folded away in a <details> is kept, folded; a list of links in one is not', () => {
  const transcript = ['Ellen: The first thing you notice about a coble is how flat it is, built to sit on a shingle bank.', 'Jim: One person pushes, one rows, and the man on the bank holds the end of the net while you come round.', 'Ellen: And how many fish in a haul, on an ordinary morning in July?', 'Jim: Nothing, mostly. Then one shot with thirty in it. That was the job.'];
  const folded = `<details class="transcript"><summary>Read the transcript</summary><div class="transcript-body">${transcript.map((line) => `<p>${line}</p>`).join('')}</div></details>`;
  const otherEpisodes = `<details class="more"><summary>More episodes</summary><div class="more-list"><p>From the archive, the episodes listeners play most:</p><ul><li><a href="/62">Episode 62: Mending the weir, and what the river did next</a></li><li><a href="/64">Episode 64: The otters come back to the lower river</a></li><li><a href="/65">Episode 65: A winter on the salmon ladder at the old mill</a></li></ul></div></details>`;
  /** A podcast's episode page as its small site writes it: no <article>, no <main>, the notes and
   *  what follows them side by side in one <div> (Readability weighs each apart). */
  const episodePage = (after: string) => prepareArticle({ pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL, pageHtml: `<!DOCTYPE html><html lang="en"><head><title>Episode 63 - Riverbank Radio</title></head><body>
    <div class="site-header"><a href="/">Riverbank Radio</a> <a href="/episodes">Episodes</a> <a href="/about">About</a></div>
    <div class="container episode"><h1>Episode 63: The last coble</h1><div class="episode-notes"><h2>Show notes</h2>${paragraphs(3, 'the episode')}</div>${after}</div>
    <div class="site-footer"><p>© 2024 Riverbank Radio.</p></div></body></html>` });

  it("keeps an episode's transcript, beside its show notes, under its summary", () => {
    const article = episodePage(folded);
    expect(article.text).toContain('Paragraph 3 about the episode');
    expect(article.text).toContain(['Read the transcript', ...transcript].join('\n'));
    expect(article.html).toMatch(/<details><summary>Read the transcript<\/summary>/);
  });

  it("leaves out a folded list of the site's other episodes", () => {
    const article = episodePage(otherEpisodes);
    expect(article.text).toContain('Paragraph 3 about the episode');
    expect(article.text).not.toMatch(/More episodes|Mending the weir/);
  });
});

describe('a box of an icon or picture beside text, named for where the picture sits, keeps its text', () => {
  it("Kadence's info box (kt-blocks-info-box-media-align-left: Readability read \"media\" as chrome)", () => {
    const infoBox = `<div class="wp-block-kadence-infobox kt-info-box12_8a31c2-4f"><div class="kt-blocks-info-box-link-wrap info-box-link kt-blocks-info-box-media-align-left kt-info-halign-left"><div class="kt-blocks-info-box-media-container"><div class="kt-blocks-info-box-media kt-info-media-animate-none"><div class="kadence-info-box-icon-container"><span class="kb-svg-icon-wrap kb-svg-icon-fe_alertTriangle"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.29 3.86L1.82 18h20.36z"></path></svg></span></div></div></div>
      <div class="kt-infobox-textcontent"><h3 class="kt-blocks-info-box-title">Never moor on the east wall</h3><p class="kt-blocks-info-box-text">The wall dries out at low tide, and a keel boat left there overnight will lie on its side by morning.</p></div></div></div>`;
    const article = stored(`<article><h1>Moorings at the old quay</h1><div class="entry-content">${paragraphs(3, 'the moorings')}${infoBox}${paragraphs(2, 'the quay')}</div></article>`);
    expect(article.text).toContain('Never moor on the east wall\nThe wall dries out at low tide');
    expect(article.text).toContain('Paragraph 2 about the quay');
  });
});

describe("the lines a site's template prints with every story are no part of it", () => {
  const story = (extra: { before?: string; after?: string }) =>
    `<article class="post"><h1>Moorings at the old quay</h1><div class="entry-content">${extra.before ?? ''}${paragraphs(4, 'the moorings')}${extra.after ?? ''}</div></article>`;
  const kept = 'Paragraph 4 about the moorings';
  it.each([
    ["1C-Bitrix's news detail: its views counter and its link back to the list",
      `<div class="news-detail">${paragraphs(4, 'the moorings')}<div style="clear:both"></div><br /><div class="news-views">Просмотров: 1 204</div></div><p><a href="/news/">Возврат к списку</a></p>`,
      /Просмотров|Возврат/],
    ['an English counter and a back link with an arrow',
      story({ after: '<div class="post-stats"><span class="views-count">1,234 views</span></div><p class="back"><a href="/news/">← Back to list</a></p>' }),
      /1,234 views|Back to list/],
    ["a Korean CMS's comment count in the header's list, under the story as in it",
      story({ before: '<ul class="infomation"><li><i class="icon-comment"></i> 댓글 3</li></ul>', after: '<div class="post-stats"><span class="comment-count">12 comments</span></div>' }),
      /댓글|12 comments/],
    ['a views count drawn beside an icon, its number alone',
      story({ after: '<div class="article__info-statistic"><span class="statistic__item m-views">1834</span></div>' }),
      /1834/],
    ["a recipe card's average rating and its count",
      story({ after: '<div class="tasty-recipes-rating"><span class="tasty-recipes-rating-star"><i class="checked"></i><i class="checked"></i></span><p><span class="rating-label"><span class="average">4.9</span> from <span class="count">41</span> reviews</span></p></div>' }),
      /4\.9|41 reviews/],
    ["a Taiwanese paper's invitation to its app, a line of links",
      story({ after: '<p class="appE1121"><a href="/app">不用抽 不用搶 現在用APP看新聞 保證天天中獎</a>　<a href="/app/download">點我下載APP</a>　<a href="/app/rule">按我看活動辦法</a></p>' }),
      /APP|活動/],
    ["a forum post's count of likes under it",
      story({ after: '<div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter"><meta itemprop="interactionType" content="http://schema.org/LikeAction"><meta itemprop="userInteractionCount" content="3"><span class="post-likes">3 Likes</span></div>' }),
      /3 Likes/],
    ["The Atlantic's audio player: its label, its duration and the credit for its voice",
      story({ before: `<div class="ArticleAudio_root__k3Yq1"><div class="AudioPlayer_player__Fx2b0"><button aria-label="Play" class="AudioPlayer_play__7hT1c"><svg viewBox="0 0 24 24"><path d="M8 5v14l11-7z"></path></svg></button><div class="AudioPlayer_text__q9Lm2"><span class="AudioPlayer_label__hN4d8">Listen to this article</span><span class="AudioPlayer_time__zP0e3"><span>00:00</span><span>14:52</span></span></div></div><p class="ArticleAudio_credit__W2s5c">Produced by ElevenLabs and <a href="https://newsoveraudio.com/">News Over Audio (NOA)</a> using AI narration.</p></div>` }),
      /Listen to this article|14:52|ElevenLabs|narration/],
    ["an audio player whose label is a paragraph beside its credit's",
      story({ before: '<div class="ArticleAudio_root__f9"><p class="ArticleAudio_label__C">Listen to this article</p><span class="ArticleAudio_duration__J">00:00</span><span>12:04</span><p class="ArticleAudio_credit__E">Produced by ElevenLabs and News Over Audio (NOA) using AI narration.</p></div>' }),
      /Listen to this article|12:04|ElevenLabs|narration/],
    ["Forbes's \"More From Forbes\": a heading and the list of cards straight after it, in the story's block",
      story({ after: `<h2 class="recirc-heading">More From Forbes</h2><ul class="recirc-list">${[1, 2, 3].map((n) => `<li class="recirc-card"><a href="/sites/desk/2024/05/0${n}/story-${n}/"><img src="/thumbs/story-${n}.jpg" width="320" height="180" alt=""><h3>Another story from the desk, number ${n}</h3></a><span class="byline">By Writer ${n}</span></li>`).join('')}</ul>` }),
      /More From Forbes|Another story|Writer/],
    ['a "More For You" box of cards',
      story({ after: `<section class="more-for-you"><h2 class="more-for-you__title">More For You</h2><ul>${[1, 2, 3].map((n) => `<li><a href="/news/story-${n}/"><h3>Another story from the desk, number ${n}</h3></a></li>`).join('')}</ul></section>` }),
      /More For You|Another story/],
    ["The Conversation's disclosure statement under the story",
      story({ after: '<div class="disclosure"><h2 class="section-heading">Disclosure statement</h2><p>Mara Lindqvist receives funding from the Coastal Research Council. She is a member of the Harbour Trust.</p></div>' }),
      /Disclosure statement|receives funding/],
  ])('%s', (_name, body, gone) => {
    const article = stored(body);
    expect(article.text).toContain(kept);
    expect(article.text).not.toMatch(gone);
  });

  it("keeps a short story's paragraphs beside a player's label, and a one-paragraph story that is no credit", () => {
    const two = stored('<article class="post"><h1>Ferry</h1><div class="entry-content"><p>Listen to this article</p><p>The ferry is cancelled today.</p><p>It runs again on Friday.</p></div></article>', { footer: false });
    expect(two.text).toContain('The ferry is cancelled today.');
    expect(two.text).toContain('It runs again on Friday.');
    const one = stored('<article class="post"><h1>Ferry</h1><div class="entry-content"><p>Listen to this article</p><p>The ferry is cancelled today and runs again on Friday.</p></div></article>', { footer: false });
    expect(one.text).toContain('The ferry is cancelled today and runs again on Friday.');
  });

  it('keeps a sentence about views, and a back link that is part of a sentence', () => {
    const article = stored(story({ after: '<p>The views from the quay wall draw 1,234 visitors on a fine Sunday, and the harbour film has had <span class="count">5,210 views</span> since May.</p><p>Readers can go <a href="/archive/">back to the list</a> of earlier stories about the quay.</p><h2>Disclosure</h2><p>What the harbour board disclosed on Tuesday changed the plans for the east wall entirely, and the vote was postponed.</p>' }));
    expect(article.text).toContain('The views from the quay wall draw 1,234 visitors');
    expect(article.text).toContain('the harbour film has had 5,210 views since May');
    expect(article.text).toContain('back to the list of earlier stories');
    expect(article.text).toContain('What the harbour board disclosed on Tuesday');
  });
});

describe("a label the site pins beside a heading is no part of the text", () => {
  it.each([
    ["GitHub's \"Latest\" beside a release's title", '<div class="flex-1"><h1 class="d-inline mr-3">v3.2.0: harmonic cache</h1>\n<span class="Label Label--success Label--large">Latest</span></div>', /^Latest$/m],
    ['an "Updated" badge at the end of a section\'s heading', `<h1>Moorings at the old quay</h1>${paragraphs(2, 'the quay')}<h2>Winter berths <span class="badge bg-primary">Updated</span></h2>`, /Updated/],
  ])('%s', (_name, heading, gone) => {
    const article = stored(`<article class="post">${heading}<div class="entry-content">${paragraphs(4, 'the moorings')}</div></article>`);
    expect(article.text).toContain('Paragraph 1 about the moorings');
    expect(article.text).not.toMatch(gone);
  });

  it('keeps a version or a count beside a heading, and words of the heading itself', () => {
    const article = stored(`<article class="post"><h1>Moorings at the old quay</h1><div class="entry-content">${paragraphs(2, 'the moorings')}<h2>Changes <span class="badge">v4.8</span></h2><p>The east wall is closed.</p><h2>Berths <span class="label">Quay side</span> and more</h2>${paragraphs(2, 'the berths')}</div></article>`);
    expect(article.text).toContain('Changes v4.8');
    expect(article.text).toContain('Berths Quay side and more');
  });
});

describe("a box at the story's end asking readers for money is no part of it", () => {
  const nav = '<div class="episode-nav"><a href="/episodes/62/">← Episode 62: Mending the weir</a> <a href="/episodes/64/">Episode 64: The otters come back →</a></div>';
  it.each([
    ["a podcast's \"Support …\" box under the episode's notes", `<div class="support-box"><h3>Support Riverbank Radio</h3><p>We're listener-funded. If you'd like more episodes like this one, become a supporter for £3 a month.</p><a class="button" href="/support">Become a supporter</a></div>${nav}`, /Riverbank Radio|listener-funded|Become a supporter/],
    ['a "Become a member" box in a wrapper of its own', '<div class="wrap"><div class="box"><h2>Become a member</h2><p>The Gazette is paid for by its readers, not by advertisers: members keep it free for everyone to read.</p> <a href="/join/">Join from £4 a month</a></div></div>', /Become a member|Members keep|Join from/],
  ])('%s', (_name, box, gone) => {
    const article = stored(`<article class="post"><h1>Moorings at the old quay</h1><div class="entry-content">${paragraphs(4, 'the moorings')}${box}</div></article>`);
    expect(article.text).toContain('Paragraph 4 about the moorings');
    expect(article.text).not.toMatch(gone);
  });

  it("keeps a section of the story about support, with the story's text after it", () => {
    const article = stored(`<article class="post"><h1>Moorings at the old quay</h1><div class="entry-content">${paragraphs(2, 'the moorings')}<div><h2>Support for the plan</h2><p>Most boat owners back the board: at a meeting on Thursday night 40 of the 52 berth holders voted for the plan, and 400 people have signed <a href="/petition/">the petition to support it</a>.</p></div>${paragraphs(2, 'the vote')}</div></article>`);
    expect(article.text).toContain('Support for the plan');
    expect(article.text).toContain('and 400 people have signed the petition to support it.');
  });
});

describe("the subtitle under a headline set in a header of its own, outside the story's section, is kept", () => {
  const subtitle = 'Plant will build 12,000 water-level sensors a year for ports in northern Europe';
  /** A press wire's page: the release's header (headline, subtitle, date) beside its <section>, in no article or main. */
  const release = (chrome = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tidewater Instruments opens a sensor plant in Bergen</title></head>
<body><div class="site-header"><a href="/"><img src="/logo.svg" alt="PR Wire"></a></div>
<div class="container"><div class="col-lg-8">
<header class="release-header"><p class="subject-line"><a href="/manufacturing/">Manufacturing</a></p><h1>Tidewater Instruments opens a sensor plant in Bergen</h1><p class="subtitle">${subtitle}</p><div class="release-meta">News provided by <a href="/news/tidewater/">Tidewater Instruments</a> Mar 12, 2024, 08:00 ET</div></header>
<section class="release-body">${paragraphs(4, 'the plant')}</section></div></div>
<footer class="site-footer"><p>© 2024 PR Wire.</p>${chrome}</footer></body></html>`;
  // The sync's own path: a page with a WordPress comment form in its chrome is parsed whole.
  const read = (html: string) => prepare({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });

  it('opens the text', () => {
    expect(read(release()).text).toMatch(new RegExp(`^${subtitle}\\nParagraph 1 about the plant`));
  });

  it('opens it too when the page is parsed whole (a comment form in its chrome)', () => {
    const whole = read(release('<form id="commentform" action="/wp-comments-post.php"><input type="hidden" name="comment_post_ID" value="12"><textarea name="comment"></textarea></form>'));
    expect(whole.text).toMatch(new RegExp(`^${subtitle}\\nParagraph 1 about the plant`));
  });

  it("is not taken from the site's masthead: its name and tagline", () => {
    const tagline = 'Independent news from the harbour towns of the north coast since 1901';
    for (const masthead of [`<h1 class="site-title"><a href="/">Harbour Gazette</a></h1><p class="site-description">${tagline}</p>`, `<h1 class="site-title">Harbour Gazette</h1><p class="site-description">${tagline}</p>`]) {
      const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council caps rents - Harbour Gazette</title></head><body>
<header class="site-header">${masthead}<nav><a href="/news/">News</a></nav></header>
<div class="content"><article class="post"><h1>Council caps rents</h1><div class="entry-content">${paragraphs(4, 'the vote')}</div></article></div></body></html>`;
      const article = read(page);
      expect(article.text).toContain('Paragraph 1 about the vote');
      expect(article.text).not.toContain(tagline);
    }
  });
});

describe("a paid story's badge by its title or date", () => {
  it.each([
    ['French', '<div class="su-article__premium"><span class="su-icon-premium"></span><span>Article réservé aux abonnés</span></div>', 'réservé aux abonnés'],
    ['Japanese, beside the date', '<p class="c-article__meta"><time datetime="2024-03-16T18:30">2024年3月16日 18時30分</time> <span class="c-article__badge">有料記事</span></p>', '有料記事'],
  ])('is left out (%s); the story stays', (_language, badge, words) => {
    const article = stored(`<article class="story"><header>${badge}<h1>Flood defence scheme approved</h1></header><div class="story-body">${paragraphs(3, 'the scheme')}</div></article>`);
    expect(article.text).toContain('Paragraph 1 about the scheme');
    expect(article.text).not.toContain(words);
  });

  it('a paragraph of the story that says as much, among other words, stays', () => {
    const line = '<p>Le quotidien a annoncé que chaque article réservé aux abonnés serait désormais lisible gratuitement une semaine après sa parution.</p>';
    const article = stored(`<article class="story"><h1>Flood defence scheme approved</h1>${paragraphs(2, 'the scheme')}${line}</article>`);
    expect(article.text).toContain('chaque article réservé aux abonnés serait désormais lisible');
  });
});

describe("a caption's parts", () => {
  const figure = (caption: string) => `<article class="story"><h1>Flood defence scheme approved</h1><div class="story-body"><figure><img src="/uploads/flood.jpg" alt=""><figcaption>${caption}</figcaption></figure>${paragraphs(3, 'the scheme')}</div></article>`;

  it('a credit set apart from the text by its style alone is spaced from it', () => {
    const article = stored(figure('রামপুরা খালে জমে থাকা আবর্জনা<span class="attribution">ছবি: সাজিদ হোসেন</span>'));
    expect(article.text).toContain('রামপুরা খালে জমে থাকা আবর্জনা ছবি: সাজিদ হোসেন');
  });

  it("a ruby's reading stays over its characters: no space comes into the caption's text", () => {
    const article = stored(figure('体育館を出る<ruby>宮坂<rp>（</rp><rt>みやさか</rt><rp>）</rp></ruby>陽菜さん＝長野県<ruby>大鹿<rt>おおしか</rt></ruby>村'));
    expect(article.text).toContain('体育館を出る宮坂陽菜さん＝長野県大鹿村');
    expect(article.html).toContain('<rt>みやさか</rt><rp>）</rp>');
  });
});

describe("a post's tags on a line of their own", () => {
  it.each([
    ['after a label (a WordPress theme)', '<p>Tagged: <a href="https://blog.example/tag/towpath/" rel="tag">towpath</a>, <a href="https://blog.example/tag/volunteers/" rel="tag">volunteers</a></p>'],
    ['alone (a Ghost theme)', '<p class="post-tags"><a href="/tag/towpath/" rel="tag">towpath</a> <a href="/tag/volunteers/" rel="tag">volunteers</a></p>'],
  ])('go %s: the blog\'s index, not the story', (_name, line) => {
    const article = stored(`<article class="post"><div class="entry-content">${paragraphs(3, 'the towpath')}</div>${line}</article>`);
    expect(article.text).toContain('Paragraph 3 about the towpath');
    expect(article.text).not.toContain('volunteers');
  });

  it('stay when the story links a tag in its own sentence', () => {
    const line = '<p>More of our work on the canal is under <a href="/tag/towpath/" rel="tag">towpath</a>, where the volunteers post their photos of every Saturday.</p>';
    const article = stored(`<article class="post"><div class="entry-content">${paragraphs(3, 'the towpath')}${line}</div></article>`);
    expect(article.text).toContain('where the volunteers post their photos');
  });
});
