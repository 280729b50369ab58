// A story whose picture the page shows as a CSS background (a theme's hero above the text) and
// whose og:image is missing or the site's logo: the lead image is the hero, in whatever way the
// theme or its lazy loader gives it; never the logo, a theme's pattern, a sprite, nor one of the
// background tiles of a rail of other stories. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const SITE = 'https://www.valleycourier.example';
const PAGE_URL = `${SITE}/2024/03/12/weir-reopens-to-canoes/`;
const HERO = `${SITE}/wp-content/uploads/2024/03/weir-canoes-1200x675.jpg`;
const LOGO = `${SITE}/wp-content/uploads/2021/06/valley-courier-logo.png`;

const paragraphs = [
  'The old mill weir below Castle Bridge opened to canoes again on Monday, after two summers closed while the fish pass beside it was rebuilt.',
  'Paddlers can now carry round the weir on a new landing stage on the east bank, which the rowing club says is the first they have had there since the 1980s.',
  'The river trust spent most of the winter lowering the channel by the old sluice so that salmon can climb it at low water, which they could not before.',
  'Volunteers counted forty canoes on the first afternoon, and the club expects more once the evenings are light and the school holidays begin.',
].map((text) => `<p>${text}</p>`).join('\n');

// Related stories as tagDiv's modules draw them: each thumbnail a background, in a link to its story.
const relatedRail = `<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title">Related posts</h4><div class="td-related-row">
  ${['flood-gates', 'bridge-paint', 'otter-count', 'mill-sale'].map((name, n) => `<div class="td-related-span4 td-module-container"><div class="td-image-container"><div class="td-module-thumb"><a href="${SITE}/2024/02/${20 + n}/${name}/" rel="bookmark" class="td-image-wrap"><span class="entry-thumb td-thumb-css" data-type="css_image" data-img-url="${SITE}/wp-content/uploads/2024/02/${name}-218x150.jpg"></span></a></div></div><h3 class="entry-title td-module-title"><a href="${SITE}/2024/02/${20 + n}/${name}/">A story about the ${name.replace('-', ' ')}</a></h3></div>`).join('\n')}
  </div></div>`;

// A grid of other stories above the headline, as JNews's hero block draws one: each a background in a link.
const storyGrid = `<div class="jeg_heroblock jeg_heroblock_4"><div class="jeg_heroblock_wrapper">
  ${['harvest-fair', 'ferry-fares', 'school-roof', 'canal-lock'].map((name, n) => `<article class="jeg_post jeg_hero_item_${n + 1}"><div class="jeg_block_container"><span class="jeg_postformat_icon"></span><div class="jeg_thumb"><a href="${SITE}/2024/03/0${n + 1}/${name}/"><div class="thumbnail-container thumbnail-background"><div class="lazyloaded" style="background-image: url(${SITE}/wp-content/uploads/2024/03/${name}-750x536.jpg)"></div></div></a></div><div class="jeg_postblock_content"><h2 class="jeg_post_title"><a href="${SITE}/2024/03/0${n + 1}/${name}/">The ${name.replace('-', ' ')} story</a></h2></div></div></article>`).join('\n')}
  </div></div>`;

// A slider of featured stories above the headline, as Jannah draws one: each slide a background,
// its link laid over it beside the picture, not around it.
const featuredSlider = `<section class="featured-slider-wrapper"><div class="main-slider tie-slick-slider">
  ${['harvest-fair', 'ferry-fares', 'school-roof'].map((name, n) => `<div class="slide tie-slide-${n + 1}" style="background-image: url(${SITE}/wp-content/uploads/2024/03/${name}-780x470.jpg)"><a href="${SITE}/2024/03/0${n + 1}/${name}/" class="all-over-thumb-link" aria-label="The ${name.replace('-', ' ')} story"></a><div class="thumb-overlay"><h2 class="thumb-title"><a href="${SITE}/2024/03/0${n + 1}/${name}/">The ${name.replace('-', ' ')} story</a></h2></div></div>`).join('\n')}
  </div></section>`;

interface Page {
  readonly head?: string;
  /** The theme's markup between the headline and the text. */
  readonly hero: string;
  readonly ogImage?: string | null;
}

function page({ head = '', hero, ogImage = LOGO }: Page): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Weir reopens to canoes - Valley Courier</title>
    ${ogImage ? `<meta property="og:image" content="${ogImage}"><meta property="og:image:width" content="512"><meta property="og:image:height" content="512">` : ''}
    <link rel="canonical" href="${PAGE_URL}">${head}</head>
    <body class="post-template-default single single-post">
    <header id="masthead" class="site-header" style="background-image: url('${SITE}/wp-content/themes/courier/images/header-pattern.png')"><a href="/" class="logo"><img src="${LOGO}" alt="Valley Courier" width="240" height="60"></a>
    <nav class="main-menu"><a href="/news/">News</a> <a href="/sport/">Sport</a></nav></header>
    <div id="content" class="site-content"><main id="main"><article class="post type-post status-publish has-post-thumbnail">
    <span class="share-icon" style="background: url(${SITE}/wp-content/themes/courier/images/share-sprite.svg) no-repeat 0 -32px"></span>
    ${hero}
    <div class="entry-content">${paragraphs}</div>
    </article>${relatedRail}</main></div>
    <footer class="site-footer"><p>Valley Courier, Market Street</p></footer></body></html>`;
}

const headline = '<h1 class="entry-title">Weir reopens to canoes after two summers</h1>';

function leadOf(html: string) {
  const article = prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
  expect(article.source).toBe('page');
  expect(article.imageUrls).toEqual([]);
  return article.leadImageUrl;
}

describe("a story whose page shows its picture as the hero's background", () => {
  it.each<[string, Page]>([
    ['in the style of the featured block (Jannah, Newspaper)', { hero: `<div class="featured-area"><div class="single-featured-image" style="background-image: url('${HERO}');"></div></div>${headline}` }],
    // Webflow binds a CMS picture to a hero's background with its address in &quot; quotes.
    ['in a Webflow hero, quoted as Webflow writes it', { hero: `<div class="blog-hero"><div class="hero-image" style="background-image:url(&quot;${HERO}&quot;)"></div>${headline}</div>`, ogImage: null }],
    ['lazily, in data-bg (a lazy loader)', { hero: `${headline}<div class="jeg_featured featured_image"><div class="jeg_featured_bg lazyload" data-bg="${HERO}"></div></div>` }],
    ["lazily, as WP Rocket writes it (data-bg=\"url(...)\")", { hero: `${headline}<div class="post-thumbnail rocket-lazyload" data-bg="url(${HERO})" style=""></div>` }],
    ['lazily, in data-background-image', { hero: `${headline}<div class="entry-cover" data-background-image="${HERO}"></div>` }],
    // lazysizes' bgset: a set per media query, the one without a query for wider windows.
    ["lazily, in lazysizes' data-bgset (Soledad)", { hero: `${headline}<div class="penci-single-featured-img penci-image-holder penci-lazy" data-bgset="${HERO.replace('1200x675', '585x329')} 585w, ${HERO} 1200w | ${HERO.replace('1200x675', '480x270')} [(max-width: 480px)]"></div>` }],
    // GeneratePress's Elements write the page hero's background in the head's stylesheet.
    ['in the stylesheet, for the page hero around the headline (GeneratePress)', { head: `<style id="generate-style-inline-css">.page-hero{background-color:#222;background-image:url(${HERO});background-size:cover;padding:120px 20px;}@media (max-width:768px){.page-hero{padding:60px 20px}}</style>`, hero: `<div class="page-hero"><div class="inside-page-hero grid-container">${headline}</div></div>` }],
    ['in a stylesheet beside the block (tagDiv Cloud templates)', { hero: `${headline}<style>.tdi_58 .tdb-featured-image-bg{background:url('${HERO}') center center;}</style><div class="td_block_wrap tdb_single_bg_featured_image tdi_58"><div class="tdb-featured-image-bg"></div></div>`, ogImage: null }],
  ])('%s', (_name, shape) => {
    expect(leadOf(page(shape))).toBe(HERO);
  });

  it('whose address holds parentheses, as image resizers write their filters', () => {
    const resized = `${SITE}/resizer/v2/V2VpckNhbm9lcw==/1440x810/smart/filters:quality(80):focal(640x360:650x370)/weir-canoes.jpg`;
    expect(leadOf(page({ hero: `${headline}<figure class="b-lead-art"><div class="lead-art-image" style="background-image: url('${resized}'); background-size: cover;"></div><figcaption>Canoes above the weir on Monday.</figcaption></figure>` }))).toBe(resized);
  });

  it("is not taken for og:image when the site names the story's own picture there", () => {
    const ogImage = `${SITE}/wp-content/uploads/2024/03/weir-canoes-social.jpg`;
    expect(leadOf(page({ hero: `<div class="single-featured-image" style="background-image: url('${HERO}')"></div>${headline}`, ogImage: `${SITE}/wp-content/uploads/2024/03/weir-canoes.jpg` }))).toBe(`${SITE}/wp-content/uploads/2024/03/weir-canoes.jpg`);
    // A picture named "social" is taken for the site's card: the hero is the story's.
    expect(leadOf(page({ hero: `<div class="single-featured-image" style="background-image: url('${HERO}')"></div>${headline}`, ogImage }))).toBe(HERO);
  });

  it("is none when the only backgrounds are the theme's, a sprite and the tiles of other stories", () => {
    expect(leadOf(page({ hero: `${storyGrid}${headline}` }))).toBe(LOGO);
    expect(leadOf(page({ hero: `${storyGrid}${headline}`, ogImage: null }))).toBeNull();
    expect(leadOf(page({ hero: `${featuredSlider}${headline}` }))).toBe(LOGO);
  });

  it('is none when it stands below the text, or in a link to another story', () => {
    const below = page({ hero: headline }).replace('</article>', `<div class="post-cover" style="background-image: url('${HERO}')"></div></article>`);
    expect(leadOf(below)).toBe(LOGO);
    expect(leadOf(page({ hero: `<a href="${SITE}/2024/03/01/other-story/"><div class="featured-image" style="background-image: url('${HERO}')"></div></a>${headline}` }))).toBe(LOGO);
  });
});
