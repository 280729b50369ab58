// The date and byline lines news pages set between the headline and the story, which Readability
// kept as the text's opening: an agency's spans side by side, a paper's "Published ... | Updated
// ...", a German "11.03.2024, 17.42 Uhr" under the standfirst. The reader shows the date and the
// author above the text itself. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages } from '../support/corpus-pages';

const URL = 'https://www.harbour-wire.example/markets/copper-climbs-2024-03-11/';
const story = [
  'Copper prices rose to their highest in eleven months on Monday after a group of smelters agreed to cut output, tightening a market that traders had expected to stay well supplied through the summer.',
  'The benchmark contract gained as much as two per cent in early trading before easing back, as buyers in the physical market held off until the size of the cuts was clearer.',
  'Analysts said the agreement covered about a tenth of refined output and would take several months to show up in warehouse stocks, which have been rising since the start of the year.',
  'Miners welcomed the move, which follows two years in which treatment charges fell so low that several smelters said they were running at a loss on every tonne they processed.',
];
const dek = 'Smelters agree to cut output, tightening a market expected to stay well supplied through the summer.';

function page(opening: string, after = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Copper climbs to 11-month high</title>
<meta name="description" content="${dek}"><meta property="og:title" content="Copper climbs to 11-month high"></head><body>
<header class="site"><a href="/">Harbour Wire</a><nav><a href="/markets/">Markets</a></nav></header>
<main><article><h1>Copper climbs to 11-month high</h1>${opening}${story.map((text) => `<p>${text}</p>`).join('')}${after}</article></main></body></html>`;
}

const stored = (html: string) => prepareArticle({ pageHtml: html, pageUrl: URL, feedHtml: null, feedItemUrl: URL });

describe('the lines between a news page\'s headline and its story', () => {
  it("leaves out the byline and an agency's date with its update, set side by side as spans; the section's name stays", () => {
    const article = stored(page('<ul class="breadcrumbs"><li><a href="/markets/commodities/">Commodities</a></li></ul><div class="byline"><a rel="author" href="/authors/peter-lund/">By Peter Lund</a></div><div class="date-line"><time datetime="2024-03-11T10:41:00Z"><span>March 11, 2024</span><span>10:41 AM GMT</span></time><span>Updated an hour ago</span></div>'));
    expect(article.source).toBe('page');
    expect(article.text).toContain(story[0]);
    expect(article.text).not.toContain('March 11, 2024');
    expect(article.text).not.toContain('Updated an hour ago');
    expect(article.text).not.toContain('By Peter Lund');
  });

  it('leaves out "Published ... | Updated ..." with times written the American way', () => {
    const article = stored(page('<div class="gnt_ar_dt">Published <span>5:01 a.m. ET</span> March 11, 2024 | Updated <span>9:12 a.m. ET</span> March 11, 2024</div>'));
    expect(article.text).toContain(story[0]);
    expect(article.text).not.toContain('Published');
    expect(article.text).not.toContain('9:12 a.m.');
  });

  it('leaves out a date under the standfirst (the page\'s description), and keeps the standfirst', () => {
    const article = stored(page(`<p class="leadtext">${dek}</p><div class="timeformat"><time datetime="2024-03-11T17:42:00+01:00">11.03.2024, 17.42 Uhr</time></div>`));
    expect(article.text).toContain(dek);
    expect(article.text).not.toContain('17.42 Uhr');
    expect(article.text).toContain(story[3]);
  });

  it("leaves out the line about the writer beside the byline, and keeps the one that ends the story", () => {
    const closing = '<p><em>Peter Lund covers metals for the Harbour Wire. Reach him at plund@harbour-wire.example.</em></p>';
    const article = stored(page('<div class="contributor"><a rel="author" href="/authors/peter-lund/">By Peter Lund</a><p class="contributor__bio">Peter Lund writes about metals, mining and the markets that price them.</p></div>', closing));
    expect(article.text).toContain(story[0]);
    expect(article.text).not.toContain('writes about metals');
    expect(article.text).toContain('Peter Lund covers metals for the Harbour Wire.');
  });

  it.each([
    ['in capitals (a British tabloid\'s)', '<p class="author-section">By <a href="/authors/peter-lund" class="author">PETER LUND</a></p>', 'PETER LUND'],
    ["after the desk's name (ABC Australia's)", '<div class="ArticleByline_byline__Tk4"><span>ABC Rural</span> / By <a href="/authors/peter-lund">Peter Lund</a></div>', 'ABC Rural'],
    ["with the writer's post on a line of its own (Brightspot's)", '<div class="byline"><div class="author-name"><a href="/people/peter-lund">Peter Lund</a></div><div class="author-title">Senior Staff Writer</div></div>', 'Staff Writer'],
  ])('leaves out the byline %s', (_name, opening, gone) => {
    const article = stored(page(opening).replace('<title>', '<meta name="author" content="Peter Lund"><title>'));
    expect(article.text).toContain(story[0]);
    expect(article.text).not.toContain(gone);
  });

  it("keeps a line of the story that names a post, after the opening, and a desk's line with no byline", () => {
    const article = stored(page('<div class="desk"><span>ABC Rural</span> / Markets</div>', '<p>Senior reporter</p><p>Editor</p>'));
    expect(article.text).toContain('ABC Rural / Markets');
    expect(article.text).toContain('Senior reporter');
  });

  it("keeps the story's own lines that hold a date, and a line before a page with no paragraph after it", () => {
    const dated = stored(page('<p>On March 11, 2024, the smelters met in Shanghai.</p>'));
    expect(dated.text).toContain('On March 11, 2024, the smelters met in Shanghai.');
    const notice = `<!DOCTYPE html><html lang="en"><head><title>Closed on Monday</title></head><body><main><article><h1>Closed on Monday</h1><p><time datetime="2024-03-11">11 March 2024</time></p><p>The exchange is closed on Monday.</p></article></main></body></html>`;
    expect(stored(notice).text).toContain('11 March 2024');
  });
});

describe("the writer's photo beside the byline", () => {
  // Utility classes only, as a Tailwind site writes the byline: no name says "author".
  it.each([
    ['named "Author" (beehiiv), in a line of its own', '<div class="flex items-center gap-3"><p><img class="h-9 w-9 rounded-full" src="/people/peter-lund.jpg" alt="Author"></p><p><span class="font-medium">Peter Lund</span> <span class="text-xs">March 11, 2024</span></p></div>'],
    ['named as the writer, beside the byline', '<div class="flex items-center gap-3"><img class="h-9 w-9 rounded-full" src="/people/peter-lund.jpg" alt="Peter Lund"><p><a rel="author" href="/authors/peter-lund/">Peter Lund</a></p></div>'],
  ])('%s is left out with the byline; a picture of the story stays', (_name, byline) => {
    const article = stored(page(`${byline}<p><img src="/photos/cathodes.jpg" alt="Copper cathodes stacked in a warehouse"></p>`));
    expect(article.text).toContain(story[0]);
    expect(article.html).not.toContain('peter-lund.jpg');
    expect(article.html).toContain('cathodes.jpg');
  });
});

describe("a documentation page's headline, in its text, under a <title> that names the site at length", () => {
  // MkDocs Material: the <h1> opens the article, with its anchor's "¶"; the <title> adds the site.
  const docPage = (title: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header class="md-header"><a href="/">Harbour Data Handbook</a></header><main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">
<h1 id="calibrating-a-gauge">Calibrating a gauge<a class="headerlink" href="#calibrating-a-gauge" title="Permanent link">¶</a></h1>
${story.map((text) => `<p>${text}</p>`).join('')}<h2 id="how-often">How often<a class="headerlink" href="#how-often" title="Permanent link">¶</a></h2><p>Every six months.</p></article></div></main></body></html>`;

  it('is not kept as its first line (the reader shows the title); its sections keep theirs', () => {
    const article = stored(docPage('Calibrating a gauge - Harbour Data Handbook'));
    expect(article.text.startsWith(story[0]!)).toBe(true);
    expect(article.text).toContain('\nHow often');
  });
});

describe("the header lines of the world's news pages, before the story", () => {
  it("leaves out a French regional paper's byline and date under its standfirst, and keeps the standfirst", () => {
    const chapo = 'La ligne 4, qui relie la gare au centre-ville, sera gratuite du 1er juillet au 31 août. Une expérimentation que l’agglomération pourrait prolonger.';
    const html = page(`<p class="su-article__chapo">${chapo}</p><div class="su-article__info"><span class="su-article__author">Gwenaëlle LE GOFF.</span> <time datetime="2024-06-14T06:30">Publié le 14/06/2024 à 06h30</time></div>`);
    const article = stored(html);
    expect(article.text).toContain(chapo);
    expect(article.text).not.toContain('Publié le');
    expect(article.text).not.toContain('LE GOFF');
  });

  it.each([
    ['Arabic', '<div class="article-dates__updated">آخر تحديث: 21/10/2024 12:14 (توقيت مكة)</div>', 'آخر تحديث'],
    ['Korean, its dates spaced', '<p class="info_view"><span>입력 2024. 8. 2. 09:31</span> <span>수정 2024. 8. 2. 10:02</span></p>', '입력'],
    ['Russian, with its section and views', '<div class="news-meta">11.03.2024 12:05 | Культура | Просмотров: 1287</div>', 'Культура'],
    ['Japanese, with its comment count (Yahoo! Japan)', '<p class="source">3/11(月) 7:00 配信 <a href="#comments">コメント42件</a></p>', '配信'],
  ])('leaves out the %s date line', (_language, line, label) => {
    const article = stored(page(line));
    expect(article.text).toContain(story[0]);
    expect(article.text).not.toContain(label);
  });

  it('keeps the caption under a video at the opening, even when it repeats the headline', () => {
    const article = stored(page('<div class="content-video"><div class="video-player"><img src="https://s03.video.example/640x360/1.jpg" alt=""></div><div class="content-media__description"><span>Copper climbs to 11-month high</span></div></div>'));
    expect(article.text).toContain('Copper climbs to 11-month high');
  });
});

describe('the byline and the date on one line over the story', () => {
  // The reader's header shows the article's author and date: the same line in the text said it twice.
  it.each([
    ['with "by" and the date glued to the name (Vox\'s)', '<div class="duet--article--byline">by <a rel="author" href="/authors/peter-lund">Peter Lund</a><time datetime="2024-03-11T10:00:00Z">March 11, 2024, 6:00 AM EDT</time></div>'],
    ['with the reading time after the date (the Kyiv Independent\'s Ghost theme)', '<div class="article-byline"><a rel="author" href="/author/peter-lund/">Peter Lund</a> <time datetime="2024-03-11">March 11, 2024 7:45 PM</time> <span class="reading-time">4 min read</span></div>'],
    ['in German, with a middle dot between them', '<div class="mt-3 text-sm text-gray-500">Von <a rel="author" href="/autoren/peter-lund">Peter Lund</a> · <time datetime="2024-03-11">11.03.2024</time></div>'],
  ])('leaves it out %s', (_name, opening) => {
    const article = stored(page(opening).replace('<title>', '<meta name="author" content="Peter Lund"><title>'));
    expect(article.text.startsWith(story[0]!)).toBe(true);
    expect(article.text).not.toContain('Peter Lund');
  });
});

describe('a date line that names the day by its distance from today', () => {
  it.each([
    ['Dutch, with its update', '<div class="sc-c3d4e5f6-3 hIjKlM"><time datetime="2024-03-11T06:02:14+0100">vandaag, 06:02</time><span> • </span><span>Aangepast vandaag, 09:14</span></div>', 'vandaag'],
    ['English', '<div class="timestamp"><time datetime="2024-03-10T18:30:00Z">Yesterday at 6:30 PM</time></div>', 'Yesterday'],
    ['German', '<div class="meta"><time datetime="2024-03-11T10:15:00+01:00">heute, 10:15 Uhr</time></div>', 'heute'],
    ['Spanish', '<p class="fecha"><time datetime="2024-03-11T10:15:00+01:00">hoy a las 10:15</time></p>', 'hoy'],
  ])('is left out in %s', (_language, opening, word) => {
    const article = stored(page(opening));
    expect(article.text.startsWith(story[0]!)).toBe(true);
    expect(article.text).not.toContain(word);
  });

  it('stays when it gives no time: a line that says "Today" alone may be the story\'s', () => {
    const article = stored(page('<p>Today</p>'));
    expect(article.text).toContain('Today');
  });
});

describe('a short notice whose first paragraph is the page\'s description', () => {
  // WordPress's SEO plugins take a post's first paragraph for its description: the notice's own
  // words, not a standfirst above the date.
  const first = 'The towpath between Mill Lock and the aqueduct will be closed from 9am to 1pm on Saturday 24 February while volunteers plant the new hedge.';
  const notice = (meta: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Towpath closed at Mill Lock</title>
<meta property="og:description" content="${first}"></head><body><main><article><header><h1>Towpath closed at Mill Lock</h1>${meta}</header>
<p>${first}</p><p>Anyone who would like to help can sign up through the volunteering page. Tools and soup are provided.</p></article></main></body></html>`;

  it('loses the date and category line above it, and keeps both paragraphs', () => {
    const article = stored(notice('<div class="post__meta"><time datetime="2024-02-20T10:05:00+00:00">20 February 2024</time> <span>·</span> <a href="/category/notices/" rel="category tag">Notices</a></div>'));
    expect(article.text.startsWith(first)).toBe(true);
    expect(article.text).toContain('Tools and soup are provided.');
    expect(article.text).not.toContain('20 February 2024');
  });
});

describe("a photo gallery's opening, whose story is its captioned pictures with no paragraph (the corpus's slideshow page)", () => {
  const gallery = corpusPages().find((page) => page.name === 'gallery-slideshow')!;
  const text = (html: string) => prepareArticle({ pageHtml: html, pageUrl: gallery.url, feedHtml: null, feedItemUrl: gallery.url }).text;
  const counter = '<span class="slideshow__count"><span class="current">1</span> / 6</span>';

  it('leaves out the byline and the date above the pictures, and keeps the standfirst and every caption', () => {
    const read = text(gallery.html);
    expect(read).not.toContain('By Gwen Rhys');
    expect(read).not.toContain('11 March 2024');
    expect(read).toContain('Volunteers recorded 142 species');
    expect(read).toContain('A volunteer records finds on the survey day.');
  });

  it('leaves out a breadcrumb trail named so by its class, with no label', () => {
    expect(gallery.html).toContain('<nav class="breadcrumbs">');
    expect(text(gallery.html)).not.toContain('Home › News');
  });

  it("leaves out the slideshow's counter, its numbers in spans of their own (the page's, and Swiper's fraction)", () => {
    expect(gallery.html).toContain(counter);
    expect(text(gallery.html)).not.toContain('1 / 6');
    const swiper = gallery.html.replace(counter, '<div class="swiper-pagination swiper-pagination-fraction"><span class="swiper-pagination-current">1</span> / <span class="swiper-pagination-total">6</span></div>');
    expect(text(swiper)).not.toContain('1 / 6');
    expect(text(swiper)).toContain('A volunteer records finds on the survey day.');
  });
});
