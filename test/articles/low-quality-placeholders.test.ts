// Platforms that write a low-quality copy of each picture in src until their script swaps in the
// real one: Wix's blurred 147-pixel thumbnail (blur_2 in its image server's grammar), Optimole's
// q:eco copy beside data-opt-src. With no script running, the sync stored the blurred or coarse
// copy. The reader's copy names the picture the script would show across the reader's column.
// Through prepareArticle, the sync's own path, on pages as the platforms write them.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const para = (n: number) => `<p class="mm8Nw _1j-51 roKnc" dir="auto"><span class="_2PHJq public-DraftStyleDefault-ltr">Paragraph ${n}: we sowed the meadow in October, yellow rattle first to weaken the grass, then the wildflower mix raked into the bare patches, and walked it in as the old books say.</span></p>`;
const UPLOAD = 'ad4c1f_9e7d1c4b2f0a4c3e8b5d6a7f1e2c3b4d~mv2.jpg';
const MEDIA = `https://static.wixstatic.com/media/${UPLOAD}/v1`;
const imageInfo = (width: number, height: number) =>
  JSON.stringify({ containerId: 'image-3kq1', displayMode: 'fill', isLQIP: true, lqipTransition: null, encoding: 'AVIF', imageData: { width, height, uri: UPLOAD, name: '', displayMode: 'fill' } }).replace(/"/g, '&quot;');

/** A Wix blog post (its Ricos viewer's markup) with one picture block. */
function wixPost(figure: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="generator" content="Wix.com Website Builder"><title>Sowing the meadow</title>
<meta property="og:image" content="https://static.wixstatic.com/media/${UPLOAD}/v1/fill/w_1000,h_667,al_c,q_85,usm_0.66_1.00_0.01/${UPLOAD}"></head>
<body><div id="SITE_CONTAINER"><div id="main_MF"><header id="SITE_HEADER" class="xU8fqS"><a href="https://www.meadowhouse.example" data-testid="linkElement">Meadow House</a>
<nav id="comp-kx1" aria-label="Site"><ul><li><a href="https://www.meadowhouse.example/blog">Blog</a></li><li><a href="https://www.meadowhouse.example/shop">Seed shop</a></li></ul></nav></header>
<main id="PAGES_CONTAINER"><div id="SITE_PAGES"><article class="blog-post-page-font _2pnO4" data-hook="post"><div data-hook="post-title"><h1 class="blog-post-title-font" data-hook="post-title">Sowing the meadow</h1></div>
<div data-hook="post-description"><div data-id="rich-content-viewer" class="_3Ra3x" dir="ltr">${para(1)}${para(2)}
<div data-breakout="normal" class="_3Bkfb" data-hook="rcv-block3"><div type="image" class="_1oGn3">${figure}</div></div>
${para(3)}${para(4)}</div></div></article></div></main>
<footer id="SITE_FOOTER"><p>© 2024 Meadow House. Proudly created with Wix.com</p></footer></div></div></body></html>`;
}

/** Ricos's picture block around an <img>, with the caption under it. */
const ricosFigure = (img: string, info: string) =>
  `<figure class="_3AWa7" data-hook="figure-IMAGE"><div data-hook="imageViewer" class="_1ZJ4o" role="button" tabindex="-1"><div class="_2Wb6V" style="width:100%"><wow-image id="img_image-3kq1" class="HlRz5e BI8PVQ" data-image-info="${info}" data-has-ssr-src="" data-is-svg="false" style="--wix-img-max-width:max(4032px, 100%)">${img}</wow-image></div></div><figcaption class="_3Yukd" data-hook="imageViewerCaption"><span dir="auto" class="_2EgNf">Yellow rattle coming up through the grass in May.</span></figcaption></figure>`;

function stored(html: string, url: string) {
  return prepareArticle({ pageHtml: html, pageUrl: url, feedHtml: null, feedItemUrl: url });
}

describe("Wix's blurred placeholder", () => {
  const POST = 'https://www.meadowhouse.example/post/sowing-the-meadow';

  it('is the picture across the column, by the same grammar without the blur', () => {
    const img = `<img src="${MEDIA}/fill/w_147,h_98,al_c,q_80,usm_0.66_1.00_0.01,blur_2,enc_auto/${UPLOAD}" alt="Yellow rattle in the grass" style="width:100%;height:100%;object-fit:cover;object-position:50% 50%" fetchpriority="high">`;
    const article = stored(wixPost(ricosFigure(img, imageInfo(4032, 2688))), POST);
    expect(article.imageUrls).toEqual([`${MEDIA}/fill/w_1472,h_981,al_c,q_80,usm_0.66_1.00_0.01,enc_auto/${UPLOAD}`]);
    expect(article.text).toContain('Yellow rattle coming up through the grass in May.');
  });

  it('no wider than the upload, and a cropped picture keeps its crop', () => {
    const img = `<img src="${MEDIA}/crop/x_0,y_212,w_1200,h_800/fill/w_147,h_98,al_c,q_30,blur_30,enc_auto/${UPLOAD}" alt="Yellow rattle in the grass">`;
    const article = stored(wixPost(ricosFigure(img, imageInfo(1200, 1012))), POST);
    expect(article.imageUrls).toEqual([`${MEDIA}/crop/x_0,y_212,w_1200,h_800/fill/w_1200,h_800,al_c,q_85,enc_auto/${UPLOAD}`]);
  });

  it('a picture the page shows small is asked for at twice its size, not the column\'s', () => {
    const img = `<img src="${MEDIA}/fit/w_147,h_147,al_c,q_80,usm_0.66_1.00_0.01,blur_2,enc_auto/${UPLOAD}" alt="The seed mix" width="240" height="240">`;
    const article = stored(wixPost(ricosFigure(img, imageInfo(3000, 3000))), POST);
    expect(article.imageUrls).toEqual([`${MEDIA}/fit/w_480,h_480,al_c,q_80,usm_0.66_1.00_0.01,enc_auto/${UPLOAD}`]);
  });

  it('a cover picture above the post is the lead its og:image names in another size', () => {
    const cover = `<section id="comp-cover" class="wixui-section"><div data-testid="imageX" id="comp-cover-img"><wow-image id="img_comp-cover" data-image-info="${imageInfo(4032, 2688)}" data-has-ssr-src=""><img src="${MEDIA}/fill/w_147,h_61,al_c,q_80,usm_0.66_1.00_0.01,blur_2,enc_auto/${UPLOAD}" alt="" style="width:980px;height:408px;object-fit:cover" width="980" height="408" fetchpriority="high"></wow-image></div></section>`;
    const article = stored(wixPost('').replace('<article class=', `${cover}<article class=`), POST);
    expect(article.imageUrls).toEqual([`${MEDIA}/fill/w_1472,h_613,al_c,q_80,usm_0.66_1.00_0.01,enc_auto/${UPLOAD}`]);
  });

  it('a Wix picture that is no placeholder is left as the page names it', () => {
    const src = `${MEDIA}/fill/w_980,h_653,al_c,q_85,usm_0.66_1.00_0.01,enc_auto/${UPLOAD}`;
    const article = stored(wixPost(ricosFigure(`<img src="${src}" alt="Yellow rattle in the grass" width="980" height="653">`, imageInfo(4032, 2688))), POST);
    expect(article.imageUrls).toEqual([src]);
  });

  it('a tiny Wix picture is the placeholder it is, unless the page shows it at that size', () => {
    const tiny = `${MEDIA}/fill/w_40,h_27,al_c,q_80,enc_auto/${UPLOAD}`;
    const placeholder = stored(wixPost(ricosFigure(`<img src="${tiny}" alt="Yellow rattle in the grass">`, imageInfo(4032, 2688))), POST);
    expect(placeholder.imageUrls).toEqual([`${MEDIA}/fill/w_1472,h_994,al_c,q_80,enc_auto/${UPLOAD}`]);
    const icon = `${MEDIA}/fill/w_40,h_40,al_c,q_85,enc_auto/${UPLOAD}`;
    const shownSmall = stored(wixPost(ricosFigure(`<img src="${icon}" alt="The seed-packet icon" width="40" height="40">`, imageInfo(4032, 2688))), POST);
    expect(shownSmall.imageUrls).toEqual([icon]);
  });
});

describe("Optimole's low-quality copy", () => {
  const PAGE = 'https://www.harbourbakery.example/2024/03/spring-loaves/';
  const ORIGINAL = 'https://www.harbourbakery.example/wp-content/uploads/2024/03/spring-loaves.jpg';
  const optimole = (quality: string) => `https://mlq4z8x2bcde.i.optimole.com/cb:Ht7a.3f2/w:1024/h:683/q:${quality}/f:best/${ORIGINAL}`;
  const bakeryPara = (n: number) => `<p>Paragraph ${n}: the spring loaves are back on the counter from Thursday, a rye with caraway and a white sourdough with wild garlic from the lane behind the harbour wall.</p>`;

  it("is the picture data-opt-src names, not the q:eco copy in src", () => {
    const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Spring loaves – Harbour Bakery</title></head><body class="post-template-default single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Harbour Bakery</a></p></header>
<main id="primary" class="site-main"><article id="post-412" class="post-412 post type-post status-publish"><header class="entry-header"><h1 class="entry-title">Spring loaves</h1></header>
<div class="entry-content">${bakeryPara(1)}${bakeryPara(2)}
<figure class="wp-block-image size-large"><img decoding="async" data-opt-id=1836204117 data-opt-src="${optimole('mauto')}" width="1024" height="683" src="${optimole('eco')}" class="wp-image-413" alt="Rye loaves cooling on the rack" data-opt-lazy-loaded="false" data-opt-otimized-width="0" data-opt-optimized-height="0"><figcaption class="wp-element-caption">Rye with caraway, out of the oven at six.</figcaption></figure>
${bakeryPara(3)}${bakeryPara(4)}</div></article></main><footer class="site-footer"><p>Harbour Bakery, Quay Street</p></footer></body></html>`;
    const article = stored(html, PAGE);
    expect(article.imageUrls).toEqual([optimole('mauto')]);
    expect(article.text).toContain('Rye with caraway, out of the oven at six.');
  });

  it('a featured picture above the post is the lead the og:image names, as the upload Optimole serves', () => {
    const featured = 'https://www.harbourbakery.example/wp-content/uploads/2024/03/bakery-window.jpg';
    const served = (quality: string) => `https://mlq4z8x2bcde.i.optimole.com/cb:Ht7a.3f2/w:1200/h:800/q:${quality}/f:best/${featured}`;
    const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Spring loaves – Harbour Bakery</title>
<meta property="og:image" content="${featured}"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="800"></head><body class="post-template-default single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Harbour Bakery</a></p></header>
<div class="page-hero"><div class="page-hero__image"><img width="1200" height="800" data-opt-id=2010443321 data-opt-src="${served('mauto')}" src="${served('eco')}" class="attachment-full size-full wp-post-image" alt="" decoding="async" fetchpriority="high"></div></div>
<main id="primary" class="site-main"><article id="post-412" class="post-412 post type-post status-publish has-post-thumbnail">
<header class="entry-header"><h1 class="entry-title">Spring loaves</h1><div class="entry-meta"><span class="posted-on">Posted on <time datetime="2024-03-14T08:00:00+00:00">14 March 2024</time></span></div></header>
<div class="entry-content">${bakeryPara(1)}${bakeryPara(2)}${bakeryPara(3)}${bakeryPara(4)}</div></article></main><footer class="site-footer"><p>Harbour Bakery, Quay Street</p></footer></body></html>`;
    const article = stored(html, PAGE);
    expect(article.imageUrls).toEqual([served('mauto')]);
  });
});
