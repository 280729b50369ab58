// The story's lead picture as an <img> outside its text, on a page that names no og:image (a blog
// with no SEO plugin, a static site's theme): GeneratePress's <div class="featured-image"> above
// the <main> that holds the post, a Hugo theme's <figure class="post-hero"> above the <article>.
// Readability keeps the text and leaves the picture out: the reader opened on the text, with no
// picture. And what stands above a story's text that is no lead picture: the site's logo, an ad's
// banner, a rail of other stories' thumbnails. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const SITE = 'https://harbourlight.example';
const paragraphs = [
  'The east arm of the harbour wall reopened to walkers on Saturday, eleven months after a winter storm tore a twenty-metre gap in its seaward face and washed part of the parapet into the channel.',
  'Contractors rebuilt the breach with granite recovered from the seabed at low water, and the masons who dressed the new stones matched their tooling to the Victorian work on either side.',
  'The harbour trust said the repair came in under its budget, largely because the stone could be reused, and that the saving would go towards new lighting along the quay.',
  'Fishermen who moor inside the east arm said the winter had been the hardest they remembered, with boats moved twice to the inner basin when gales were forecast.',
  'A plaque at the head of the steps records the names of the crew who worked through the spring tides to close the gap before the summer season.',
  'The trust will open the lighthouse at the end of the arm to visitors on the first Sunday of each month from June, with tickets sold at the harbour office.',
];
const text = paragraphs.map((words) => `<p>${words}</p>`).join('\n');
const firstWords = paragraphs[0]!.slice(0, 40);

function stored(page: string, url: string) {
  return prepareArticle({ pageHtml: page, pageUrl: url, feedHtml: '<p>The east arm of the harbour wall has reopened.</p>', feedItemUrl: url });
}

/** The pictures the copy shows, in order, and whether the first stands above the text. */
function pictures(html: string): { srcs: string[]; firstBeforeText: boolean } {
  const srcs = [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
  const first = html.indexOf('<img ');
  return { srcs, firstBeforeText: first >= 0 && first < html.indexOf(firstWords) };
}

// No og:image: a WordPress site without an SEO plugin writes none.
const wordpressHead = (title: string) => `<meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} &#8211; Harbour Light</title><link rel="stylesheet" id="generate-style-css" href="${SITE}/wp-content/themes/generatepress/assets/css/main.min.css?ver=3.4.0" media="all">`;
const masthead = `<header class="site-header grid-container" id="masthead" aria-label="Site"><div class="inside-header"><div class="site-logo"><a href="${SITE}/" rel="home"><img class="header-image is-logo-image" alt="Harbour Light" src="${SITE}/wp-content/uploads/2023/02/harbour-light-logo.png" width="300" height="80"></a></div><nav class="main-navigation"><ul class="menu"><li><a href="${SITE}/news/">News</a></li><li><a href="${SITE}/boats/">Boats</a></li></ul></nav></div></header>`;
const sidebar = `<div class="widget-area sidebar is-right-sidebar" id="right-sidebar"><div class="inside-right-sidebar"><aside class="widget widget_media_image"><a href="https://chandlery.example/?utm_source=harbourlight"><img width="300" height="250" src="${SITE}/wp-content/uploads/2024/01/chandlery-300x250.jpg" class="image wp-image-88 attachment-full size-full" alt="Quay Chandlery: ropes, paint and fittings"></a></aside></div></div>`;

describe('a lead picture above the text, on a page with no og:image', () => {
  it("GeneratePress's featured image above the post's <main> is kept above the text, not the logo nor the sidebar's ad", () => {
    const hero = `${SITE}/wp-content/uploads/2024/05/east-arm-reopened-1200x675.jpg`;
    const page = `<!DOCTYPE html><html lang="en-GB"><head>${wordpressHead('East arm of the harbour wall reopens')}</head><body class="post-template-default single single-post postid-412 single-format-standard wp-embed-responsive right-sidebar">
<a class="screen-reader-text skip-link" href="#content" title="Skip to content">Skip to content</a>${masthead}
<div class="site grid-container container hfeed" id="page"><div class="featured-image page-header-image-single grid-container grid-parent">
<img width="1200" height="675" src="${SITE}/wp-content/uploads/2024/05/east-arm-reopened-1200x675.jpg" class="attachment-full size-full wp-post-image" alt="Walkers on the rebuilt east arm of the harbour wall" decoding="async" fetchpriority="high" srcset="${hero} 1200w, ${SITE}/wp-content/uploads/2024/05/east-arm-reopened-300x169.jpg 300w, ${SITE}/wp-content/uploads/2024/05/east-arm-reopened-768x432.jpg 768w" sizes="(max-width: 1200px) 100vw, 1200px">
</div><div class="site-content" id="content"><div class="content-area" id="primary"><main class="site-main" id="main">
<article id="post-412" class="post-412 post type-post status-publish format-standard has-post-thumbnail hentry category-news"><div class="inside-article"><header class="entry-header"><h1 class="entry-title" itemprop="headline">East arm of the harbour wall reopens</h1><div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="2024-05-18T09:12:00+01:00">18 May 2024</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="${SITE}/author/ruth/" rel="author"><span class="author-name">Ruth Pengelly</span></a></span></span></div></header>
<div class="entry-content" itemprop="text">${text}</div></div></article></main></div>${sidebar}</div></div>
<footer class="site-info"><div class="inside-site-info grid-container"><div class="copyright-bar">&copy; 2024 Harbour Light</div></div></footer></body></html>`;
    const article = stored(page, `${SITE}/2024/05/18/east-arm-reopens/`);
    expect(article.source).toBe('page');
    expect(pictures(article.html)).toEqual({ srcs: [hero], firstBeforeText: true });
    expect(article.html).toContain('alt="Walkers on the rebuilt east arm of the harbour wall"');
    expect(article.leadImageUrl).toBe(hero);
  });

  it("a Hugo theme's <figure class=\"post-hero\"> above the <article> is kept with its caption", () => {
    const hero = `${SITE}/images/2024/east-arm-at-low-water.jpg`;
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>East arm of the harbour wall reopens | Harbour Light</title><meta name="generator" content="Hugo 0.125.4"><meta name="description" content="The east arm of the harbour wall has reopened."><link rel="stylesheet" href="/css/main.min.3f2a.css"></head><body>
<header class="header"><nav class="nav"><a class="logo" href="/">Harbour Light</a><ul id="menu"><li><a href="/posts/">Posts</a></li><li><a href="/about/">About</a></li></ul></nav></header>
<main class="main"><figure class="post-hero"><img loading="eager" src="/images/2024/east-arm-at-low-water.jpg" alt="The rebuilt breach in the east arm at low water" width="1600" height="900"><figcaption>The rebuilt breach at low water. Photo: Ruth Pengelly</figcaption></figure>
<article class="post-single"><header class="post-header"><h1 class="post-title">East arm of the harbour wall reopens</h1><div class="post-meta"><span title="2024-05-18 09:12:00 +0100 BST">May 18, 2024</span>&nbsp;·&nbsp;3 min</div></header>
<div class="post-content">${text}</div><footer class="post-footer"><ul class="post-tags"><li><a href="/tags/harbour/">harbour</a></li></ul></footer></article></main>
<footer class="footer"><span>&copy; 2024 Harbour Light</span></footer></body></html>`;
    const article = stored(page, `${SITE}/posts/east-arm-reopens/`);
    expect(pictures(article.html)).toEqual({ srcs: [hero], firstBeforeText: true });
    expect(article.text).toContain('Photo: Ruth Pengelly');
    expect(article.leadImageUrl).toBe(hero);
  });

  it('keeps no logo, ad banner or rail of thumbnails that stands above the text', () => {
    const page = `<!DOCTYPE html><html lang="en-GB"><head>${wordpressHead('East arm of the harbour wall reopens')}</head><body class="single single-post">
<div class="brand-strip"><img src="${SITE}/wp-content/uploads/2023/02/harbour-light-wordmark.png" width="640" height="120" alt="Harbour Light"></div>
<div class="top-sponsor"><img src="${SITE}/wp-content/uploads/2024/04/chandlery-728x90.jpg" width="728" height="90" alt="Quay Chandlery"></div>
<div class="trending"><ul><li><a href="${SITE}/2024/05/10/lifeboat-day/"><img src="${SITE}/wp-content/uploads/2024/05/lifeboat-day-1200x800.jpg" width="1200" height="800" alt=""></a><a href="${SITE}/2024/05/10/lifeboat-day/">Lifeboat day</a></li><li><a href="${SITE}/2024/05/12/regatta/"><img src="${SITE}/wp-content/uploads/2024/05/regatta-1200x800.jpg" width="1200" height="800" alt=""></a><a href="${SITE}/2024/05/12/regatta/">Regatta</a></li><li><a href="${SITE}/2024/05/14/fish-market/"><img src="${SITE}/wp-content/uploads/2024/05/fish-market-1200x800.jpg" width="1200" height="800" alt=""></a><a href="${SITE}/2024/05/14/fish-market/">Fish market</a></li></ul></div>
<main class="site-main"><article class="post type-post"><h1 class="entry-title">East arm of the harbour wall reopens</h1><div class="entry-content">${text}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/2024/05/18/east-arm-reopens/`);
    expect(article.source).toBe('page');
    expect(pictures(article.html).srcs).toEqual([]);
    expect(article.leadImageUrl).toBeNull();
  });
});
