// News pages as large sites and today's frameworks serve them, and what the reader keeps of each:
// the photo above the headline's article (a New York Times-style page, an Arc XP page, a Next.js
// page with next/image), a <picture> with a crop for phones, Google's markup for paywalled text
// and a Piano offer box, a newsletter sign-up box in the middle of the text. Through
// prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const SITE = 'https://www.riverside-times.example';
const IMAGES = 'https://static.riverside-times.example';
const summary = '<p>The river authority approved the second crossing on Wednesday, ending a decade of delays.</p>';
const paragraphs = [
  'The river authority voted seven to two on Wednesday evening to approve the second road crossing, a project first proposed more than a decade ago and delayed by two public inquiries.',
  'Construction of the four-span bridge is expected to start next spring and to take three years, during which the existing ferry will run an extra service in the morning and evening peaks.',
  'Residents of the east bank, who have waited longest for the crossing, packed the public gallery and applauded when the chair read out the result of the vote.',
  'Opponents said the authority had underestimated the cost of moving the sewer main under the east approach, and that the budget would not survive the first winter of work.',
  'The authority’s engineer said the estimate included a contingency of fifteen per cent and had been checked by an independent firm appointed by the regional government.',
  'A cycle lane separated from traffic will run along the downstream side of the deck, connecting the towpaths on both banks for the first time.',
  'Shops on the west bank, which depend on trade from ferry passengers, asked for a guarantee that the landing stage would stay open until the bridge is finished.',
  'The authority will publish the contract for the main works in June, with the aim of choosing a builder before the end of the year.',
  'Traffic modelling presented to the meeting suggested that journeys between the hospital on the east bank and the station on the west would be twenty minutes shorter at peak times.',
  'The harbour master asked for the navigation span to be wide enough for the sail training ships that visit each summer, and the design was changed last year to allow for them.',
  'Two of the authority’s members voted against, saying the money would be better spent on a second ferry and on repairs to the existing quay walls, several of which are closed.',
  'A public consultation on the design of the approach roads, including the junction with the ring road, will open in September and run for twelve weeks.',
  'The regional government has promised to pay sixty per cent of the cost, with the remainder coming from the authority’s reserves and a loan to be repaid from tolls on heavy goods vehicles.',
  'The chair thanked the campaigners who had kept the project alive through two inquiries and three changes of government, several of whom had travelled to the meeting from the east bank by ferry.',
];
const body = (from: number, to: number) => paragraphs.slice(from, to).map((text) => `<p>${text}</p>`).join('\n');
const head = (title: string, ogImage: string) =>
  `<meta charset="utf-8"><title>${title} - The Riverside Times</title><meta property="og:title" content="${title}"><meta property="og:image" content="${ogImage}"><meta name="viewport" content="width=device-width, initial-scale=1">`;
const masthead = '<header class="site-header"><a href="/">The Riverside Times</a><nav><a href="/news/">News</a> <a href="/sport/">Sport</a> <a href="/opinion/">Opinion</a></nav></header>';
const related = `<section class="related"><h2>More from The Riverside Times</h2><ul>${[1, 2, 3, 4, 5, 6].map((n) => `<li><a href="/news/story-${n}"><img src="${IMAGES}/thumbs/story-${n}.jpg" width="300" height="200" alt=""><h3>Another story from the river, number ${n}</h3></a></li>`).join('')}</ul></section>`;

function stored(page: string, pageUrl: string) {
  return prepareArticle({ pageHtml: page, pageUrl, feedHtml: summary, feedItemUrl: pageUrl });
}

/** The pictures the reader shows, in order, and whether the first comes before the article's first words. */
function pictures(html: string): { srcs: string[]; firstBeforeText: boolean } {
  const srcs = [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
  const first = html.indexOf('<img ');
  return { srcs, firstBeforeText: first >= 0 && first < html.indexOf(paragraphs[0]!.slice(0, 40)) };
}

describe('the photo at the top of a news page, in the article header that Readability leaves out', () => {
  // A New York Times-style page: the lead photo in the article's <header>, each size a rendition
  // named after the picture's folder (-articleLarge, -jumbo, -superJumbo, and -facebookJumbo, the
  // one og:image names), a crop for phones as an art-directed <source>; caption and credit are
  // spans side by side.
  const rendition = (folder: string, name: string) => `${IMAGES}/images/2024/05/15/multimedia/${folder}/${folder}-${name}.jpg`;
  const nytPage = (ogImage: string) => `<!DOCTYPE html><html lang="en-US"><head>${head('Second river crossing approved', ogImage)}</head><body>${masthead}
<main id="site-content"><article id="story"><header class="css-1vkm6nb"><h1 data-testid="headline">Second river crossing approved</h1><p id="article-summary">A decade after it was first proposed, the bridge has the votes it needs.</p>
<div data-testid="imageblock-wrapper"><figure aria-label="media" role="group"><div data-testid="imageContainer-children-Image"><picture><source media="(max-width: 599px) and (min-device-pixel-ratio: 3)" srcset="${rendition('15bridge-kq7m', 'mobileMasterAt3x')}?quality=75&amp;auto=webp"><img alt="The river at the site of the crossing" class="css-rq4mmj" src="${rendition('15bridge-kq7m', 'articleLarge')}?quality=75&amp;auto=webp&amp;disable=upscale" srcset="${rendition('15bridge-kq7m', 'articleLarge')}?quality=75&amp;auto=webp 600w,${rendition('15bridge-kq7m', 'jumbo')}?quality=75&amp;auto=webp 1024w,${rendition('15bridge-kq7m', 'superJumbo')}?quality=75&amp;auto=webp 2048w" sizes="((min-width: 600px) and (max-width: 1004px)) 84vw, (min-width: 1005px) 80vw, 100vw" decoding="async" width="600" height="400"></picture></div>
<figcaption class="css-jevhq3"><span class="css-cnj6d5">The river at the site of the crossing on Tuesday.</span><span class="css-1u46b97"><span class="css-1ly73wi">Credit...</span><span>Maya Lindqvist for The Riverside Times</span></span></figcaption></figure></div></header>
<section name="articleBody" itemprop="articleBody"><div class="StoryBodyCompanionColumn"><div class="css-53u6y8">${body(0, 2)}</div></div>
<div class="StoryBodyCompanionColumn"><div class="css-53u6y8"><figure><img src="${rendition('15bridge-map', 'articleLarge')}?quality=75&amp;auto=webp" alt="Map of the crossing" width="600" height="400"><figcaption>Where the bridge will cross.</figcaption></figure>${body(2, 14)}</div></div></section></article>${related}</main></body></html>`;
  const NYT_URL = `${SITE}/2024/05/15/region/river-crossing-approved.html`;
  const nytHero = `${rendition('15bridge-kq7m', 'superJumbo')}?quality=75&auto=webp`;

  it('a rendition named after its folder (og:image -facebookJumbo, the page showing -superJumbo): kept above the text, with caption and credit', () => {
    const article = stored(nytPage(rendition('15bridge-kq7m', 'facebookJumbo')), NYT_URL);
    expect(article.source).toBe('page');
    expect(pictures(article.html)).toEqual({ srcs: [nytHero, `${rendition('15bridge-map', 'articleLarge')}?quality=75&auto=webp`], firstBeforeText: true });
    expect(article.html).toContain('alt="The river at the site of the crossing"');
    expect(article.text).toContain('The river at the site of the crossing on Tuesday. Credit... Maya Lindqvist for The Riverside Times');
    expect(article.leadImageUrl).toBe(nytHero);
  });

  it('og:image the very file the page names in src, of which the reader takes a larger size', () => {
    const article = stored(nytPage(`${rendition('15bridge-kq7m', 'articleLarge')}?quality=75&amp;auto=webp&amp;disable=upscale`), NYT_URL);
    expect(pictures(article.html).srcs[0]).toBe(nytHero);
    expect(pictures(article.html).firstBeforeText).toBe(true);
  });

  it("an Arc XP page: og:image and the photo are two sizes from the resizer, each signed", () => {
    const resized = (signature: string, size: string, filters: string) =>
      `${SITE}/resizer/${signature}=/${size}/${filters}/cloudfront-eu-central-1.images.arcpublishing.com/riverside/K4QJ2ZP7WRHB5MVN3XGT6LA.jpg`;
    const shown = resized('w8Zk3pQm1vYfT0rXc2LhNaUe5sA', '800x533', 'filters:format(jpg):quality(70)');
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', resized('Bq4nR7tYw2XcE9mLp0sVa3KdJ1h', '1200x630', 'smart/filters:quality(70)'))}</head><body><div id="fusion-app" class="layout-section">${masthead}
<div class="article-wrapper"><div class="b-article-header"><h1 class="b-headline">Second river crossing approved</h1><div class="b-byline">By <a href="/people/ines-okafor/">Ines Okafor</a></div>
<figure class="b-lead-art"><img src="${shown}" alt="The river at the site of the crossing" width="800" height="533"><figcaption class="c-media-item__fig-caption">The river at the site of the crossing on Tuesday. <span class="c-media-item__credit">(Maya Lindqvist/The Riverside Times)</span></figcaption></figure></div>
<article class="b-article-body">${paragraphs.map((text) => `<p class="c-paragraph" data-type="text">${text}</p>`).join('')}</article></div>${related}</div>
<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{};Fusion.arcSite="riverside";</script></body></html>`;
    const article = stored(page, `${SITE}/news/2024/05/15/second-river-crossing-approved/`);
    expect(pictures(article.html)).toEqual({ srcs: [shown], firstBeforeText: true });
    expect(article.text).toContain('(Maya Lindqvist/The Riverside Times)');
    expect(article.leadImageUrl).toBe(shown);
  });

  // A Next.js page: next/image shows every picture through /_next/image?url=<the file>, and og:image names the file.
  const nextImage = (file: string, alt: string) =>
    `<img alt="${alt}" loading="lazy" width="1200" height="800" decoding="async" data-nimg="1" style="color:transparent" srcset="/_next/image?url=%2Fuploads%2F${file}&amp;w=1200&amp;q=75 1x, /_next/image?url=%2Fuploads%2F${file}&amp;w=3840&amp;q=75 2x" src="/_next/image?url=%2Fuploads%2F${file}&amp;w=3840&amp;q=75">`;
  const nextPage = (ogImage: string) => `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', ogImage)}</head><body><div id="__next">${masthead}
<main><article><div class="article-header"><p class="kicker">Transport</p><h1>Second river crossing approved</h1><p class="byline">By Ines Okafor · May 15, 2024</p><figure class="hero">${nextImage('crossing-site.jpg', 'The river at the site of the crossing')}<figcaption>The river at the site of the crossing. Photo: Maya Lindqvist</figcaption></figure></div>
<div class="article-content">${body(0, 4)}<figure>${nextImage('crossing-map.png', 'Map of the crossing')}<figcaption>Where the bridge will cross.</figcaption></figure>${body(4, 8)}</div></article></main>${related}</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/news/[slug]","buildId":"b1"}</script></body></html>`;
  const NEXT_URL = `${SITE}/news/second-river-crossing-approved`;
  // Shown 1,200 pixels wide, across a column that needs 1,472 on a 2x screen: its 1x file (1,200
  // pixels) is nearer the need than its 2x, which next/image rounds up to 3,840 (urls.ts nearestDensity).
  const nextShown = (file: string) => `${SITE}/_next/image?url=%2Fuploads%2F${file}&w=1200&q=75`;

  it('a Next.js page: og:image names the file that next/image shows', () => {
    const article = stored(nextPage(`${SITE}/uploads/crossing-site.jpg`), NEXT_URL);
    expect(pictures(article.html)).toEqual({ srcs: [nextShown('crossing-site.jpg'), nextShown('crossing-map.png')], firstBeforeText: true });
    expect(article.text).toContain('Photo: Maya Lindqvist');
    expect(article.leadImageUrl).toBe(nextShown('crossing-site.jpg'));
  });

  it('a Next.js page whose og:image is a picture of the story it does not show: nothing is added, and the map is not taken for it', () => {
    const article = stored(nextPage(`${SITE}/uploads/crossing-aerial.jpg`), NEXT_URL);
    expect(pictures(article.html)).toEqual({ srcs: [nextShown('crossing-map.png')], firstBeforeText: false });
    expect(article.leadImageUrl).toBe(`${SITE}/uploads/crossing-aerial.jpg`);
  });

  it("a Next.js page whose og:image is the site's social card: the photo it shows above the text is the lead, not the map", () => {
    // The card names no picture of the story's; the hero in the article's header does (background-heroes.ts heroImage).
    const article = stored(nextPage(`${SITE}/uploads/social-card.png`), NEXT_URL);
    expect(pictures(article.html)).toEqual({ srcs: [nextShown('crossing-site.jpg'), nextShown('crossing-map.png')], firstBeforeText: true });
    expect(article.text).toContain('Photo: Maya Lindqvist');
    expect(article.leadImageUrl).toBe(nextShown('crossing-site.jpg'));
  });
});

describe('a <picture> with a crop for phones', () => {
  it('is saved as a desktop browser shows it, not as the crop its first <source> names for small screens', () => {
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/social/crossing.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="article-body">${body(0, 4)}
<figure><picture><source type="image/avif" media="(max-width: 600px)" srcset="${IMAGES}/pic/east-bank-portrait-crop.avif"><source type="image/avif" media="(min-width: 601px)" srcset="${IMAGES}/pic/east-bank-1600.avif"><img alt="The east bank" loading="lazy"></picture><figcaption>The east bank, where the bridge will land.</figcaption></figure>
${body(4, 8)}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/news/crossing-pictures`);
    expect(article.imageUrls).toEqual([`${IMAGES}/pic/east-bank-1600.avif`]);
  });
});

describe('paywalls', () => {
  const URL = `${SITE}/news/ferry-timetable-changes`;
  const page = (articleBody: string, structuredData = '') => `<!DOCTYPE html><html lang="en"><head>${head('Ferry timetable changes', `${IMAGES}/hero/ferry.jpg`)}${structuredData}</head><body>${masthead}
<main><article><h1>Ferry timetable changes</h1><div class="article-body">${articleBody}</div></article></main>${related}</body></html>`;

  it("Google's markup for paywalled text: the text the page holds inside .paywall is all saved, with no note", () => {
    const markup = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry timetable changes","isAccessibleForFree":"False","hasPart":{"@type":"WebPageElement","isAccessibleForFree":"False","cssSelector":".paywall"}}</script>';
    const article = stored(page(`<p class="non-paywall">${paragraphs[0]}</p><div class="paywall">${body(1, 8)}</div>`, markup), URL);
    expect(article.source).toBe('page');
    expect(article.text).toContain(paragraphs[7]);
    expect(article.extractionNote).toBeNull();
  });

  it('a Piano offer box where the text stops: the note says the rest is for subscribers, in place of the box', () => {
    const offer = '<div class="tp-container-inner piano-offer"><h3>Subscribe to continue reading</h3><p>Unlimited digital access for $1 a week. Cancel anytime.</p><a href="/subscribe" class="btn">Subscribe now</a><p>Already a subscriber? <a href="/login">Sign in</a></p></div>';
    const article = stored(page(`${body(0, 3)}${offer}`), URL);
    expect(article.source).toBe('page');
    expect(article.text).toContain(paragraphs[2]);
    expect(article.extractionNote).toBe('the site shows the rest of this article to subscribers only');
    for (const offerText of ['Subscribe', '$1 a week', 'Already a subscriber']) expect(article.text).not.toContain(offerText);
  });

  it("the paywall's own line where the free text stops, its box a script's (Le Monde's \"Il vous reste…\"): left out, and the note says the rest is for subscribers", () => {
    for (const line of [
      '<p class="article__status"><span>Il vous reste 72.14% de cet article à lire. La suite est réservée aux abonnés.</span></p>',
      '<p>This article is for subscribers only.</p>',
      '<p><em>Dieser Artikel ist nur für Abonnenten.</em></p>',
    ]) {
      const article = stored(page(`${body(0, 3)}${line}`), URL);
      expect(article.source).toBe('page');
      expect(article.text.endsWith(paragraphs[2]!)).toBe(true);
      expect(article.extractionNote).toBe('the site shows the rest of this article to subscribers only');
    }
  });

  it('a paragraph of the story about subscribers stays, and no note is added', () => {
    const story = '<p>The ferry company said the rest of this article of its charter, on fares for residents, is for the council to decide, and that the new timetable is for subscribers to the season ticket as much as for visitors.</p>';
    const article = stored(page(`${body(0, 3)}${story}${body(3, 6)}`), URL);
    expect(article.text).toContain('The ferry company said the rest of this article of its charter');
    expect(article.extractionNote).toBeNull();
  });
});

describe('a newsletter sign-up box in the middle of the text', () => {
  it('is left out; the text on both sides of it stays', () => {
    const signup = `<div class="newsletter-signup inline-newsletter"><h3>Get the River Crossing newsletter</h3><p>Every step of the bridge's construction, in your inbox each Friday.</p><form action="/newsletters/subscribe" method="post"><label for="nl-email">Email address</label><input id="nl-email" type="email" name="email" placeholder="you@example.com"><button type="submit">Sign up</button></form><p class="fine-print">By signing up you agree to our Terms of Use and Privacy Policy. You may unsubscribe at any time.</p></div>`;
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="entry-content">${body(0, 2)}${signup}${body(2, 8)}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/news/second-river-crossing-approved`);
    expect(article.source).toBe('page');
    expect(article.text).toContain(paragraphs[1]);
    expect(article.text).toContain(paragraphs[2]);
    for (const signupText of ['River Crossing newsletter', 'in your inbox', 'Email address', 'Sign up', 'By signing up', 'unsubscribe']) {
      expect(article.text).not.toContain(signupText);
    }
  });
});

describe("a picture whose loader keeps its sizes in attributes of its own", () => {
  it("is saved at the larger size its own srcset names (Gannett's data-gl-srcset), with an inline GIF in src until it loads", () => {
    const photo = (width: number) => `${IMAGES}/gcdn/presto/2024/03/10/PDTF/c2d7e0f4-calves.jpg?crop=4031,2268,x0,y209&amp;width=${width}&amp;format=pjpg`;
    const figure = `<figure class="gnt_em_img"><img class="gnt_em_img_i" alt="A calf at the old barn" loading="lazy" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-gl-src="${photo(660)}" data-gl-srcset="${photo(1320)} 2x" width="660" height="371"><figcaption>A calf at the old barn, built in 1954.</figcaption></figure>`;
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="gnt_ar_b">${body(0, 3)}${figure}${body(3, 9)}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/news/second-river-crossing-approved`);
    expect(pictures(article.html).srcs).toContain(photo(1320).replace(/&amp;/g, '&'));
    expect(article.text).toContain('A calf at the old barn, built in 1954.');
  });
});

describe('a picture whose caption sits in a block of its own beside it, named as meta', () => {
  it("keeps the caption and credit (CNN's div.image__metadata)", () => {
    const picture = `<div data-component-name="image" class="image image__inline"><div class="image__container"><picture class="image__picture"><img src="${IMAGES}/api/v1/images/prod/crossing-site.jpg?c=16x9&amp;q=w_800,c_fill" alt="The crossing site" class="image__dam-img" width="4000" height="2667"></picture></div><div class="image__metadata"><div itemprop="caption" class="image__caption attribution"><span data-editable="metaCaption">Surveyors mark the line of the bridge on Tuesday.</span></div><figcaption class="image__credit">Maya Lindqvist/The Riverside Times</figcaption></div></div>`;
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="article__content" itemprop="articleBody">${body(0, 2)}${picture}${body(2, 9)}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/news/second-river-crossing-approved`);
    expect(article.text).toContain('Surveyors mark the line of the bridge on Tuesday.');
    expect(article.text).toContain('Maya Lindqvist/The Riverside Times');
  });
});

describe("a long read's chapters, each under a header of its own", () => {
  it('keeps each chapter\'s label and title (a BEM "chapter__header" that Readability took for the page\'s header)', () => {
    const chapter = (n: number, title: string, from: number, to: number) => `<section class="chapter"><header class="chapter__header"><p class="chapter__label">Chapter ${n}</p><h2 class="chapter__title">${title}</h2></header>${body(from, to)}</section>`;
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article class="longread"><h1>Second river crossing approved</h1>${chapter(1, 'The vote', 0, 4)}${chapter(2, 'The money', 4, 9)}${chapter(3, 'The wait', 9, 14)}</article></main></body></html>`;
    const article = stored(page, `${SITE}/news/second-river-crossing-approved`);
    for (const title of ['The vote', 'The money', 'The wait']) expect(article.html).toMatch(new RegExp(`<h2>${title}</h2>`));
    expect(article.text).toContain(paragraphs[13]);
  });

  it('keeps a subheading whose own name says header (<h2 class="section-header">)', () => {
    const section = (title: string, from: number, to: number) => `<h2 class="section-header"><span class="section-header__text">${title}</span></h2>${body(from, to)}`;
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="article-body">${section('The vote', 0, 4)}${section('The money', 4, 9)}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/news/second-river-crossing-approved`);
    expect(article.text).toMatch(/The vote\n/);
    expect(article.text).toMatch(/The money\n/);
  });
});

describe('a slideshow in the story', () => {
  it('keeps each slide\'s picture and caption, not its "1 of 3"', () => {
    const slide = (n: number) => `<div class="Carousel-slide" data-slide-index="${n - 1}"><div class="CarouselSlide"><figure class="Figure"><img src="${IMAGES}/slides/crossing-${n}.jpg" alt="Slide ${n}" width="1200" height="800"></figure><div class="CarouselSlide-info"><div class="CarouselSlide-infoDescription"><p>The crossing site from the east bank, view number ${n} of the survey.</p></div><span class="CarouselSlide-infoAttribution">${n} of 3</span></div></div></div>`;
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/slides/crossing-1.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="RichTextStoryBody">${body(0, 2)}<div class="Carousel">${[1, 2, 3].map(slide).join('')}</div>${body(2, 9)}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/news/second-river-crossing-approved`);
    expect(article.text).toContain('view number 2 of the survey');
    expect(article.text).not.toMatch(/\b[123] of 3\b/);
  });

  it('keeps the slides its script hides until their turn (aria-hidden), each picture with its caption', () => {
    const slide = (n: number) => `<li class="slideshow__slide${n === 1 ? ' is-active' : ''}" aria-hidden="${n === 1 ? 'false' : 'true'}"><figure><img src="${IMAGES}/galleries/crossing-${n}.jpg" alt="" width="1400" height="933"><figcaption><span class="slideshow__num">${n}/4</span> The crossing site, survey view number ${n}, from the east bank at low tide, where the piers of the new bridge will stand in the mud once the works begin next spring. <span class="credit">Maya Lindqvist</span></figcaption></figure></li>`;
    const gallery = `<div class="slideshow" data-slideshow><div class="slideshow__controls"><button class="prev" aria-label="Previous">‹</button><button class="next" aria-label="Next">›</button></div><ul class="slideshow__track">${[1, 2, 3, 4].map(slide).join('')}</ul></div>`;
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/galleries/crossing-1.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="article-body">${body(0, 2)}${gallery}${body(2, 6)}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/news/second-river-crossing-approved`);
    for (const n of [1, 2, 3, 4]) {
      expect(pictures(article.html).srcs).toContain(`${IMAGES}/galleries/crossing-${n}.jpg`);
      expect(article.text).toContain(`survey view number ${n}, from the east bank`);
    }
    expect(article.text).not.toMatch(/\b\d\/4\b/);
  });
});

describe("pictures a page's script draws from a stand-in", () => {
  const page = (figure: string) => `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="article-body">${body(0, 3)}${figure}${body(3, 9)}</div></article></main></body></html>`;

  it("are kept, with their alt and caption: a custom element with src (Forbes' <progressive-image>), an empty div with data-src (the BBC's)", () => {
    const figures = [
      [`${IMAGES}/specials-images/imageserve/65ef0a1b/0x0.jpg?format=jpg&width=960`, `<figure class="embed-base image-embed"><div class="image-embed__placeholder"><progressive-image class="image-embed__image" size="large" src="${IMAGES}/specials-images/imageserve/65ef0a1b/0x0.jpg?format=jpg&amp;width=960" alt="The bridge site from the air" background="${IMAGES}/specials-images/imageserve/65ef0a1b/0x0.jpg?format=jpg&amp;width=21"></progressive-image></div><figcaption><span>The bridge site from the air.</span></figcaption></figure>`],
      [`${IMAGES}/news/320/cpsprodpb/3c4d/live/7e8f9a01.jpg.webp`, `<figure><div><span class="image-and-copyright-container"><div class="js-delayed-image-load" data-src="${IMAGES}/news/320/cpsprodpb/3c4d/live/7e8f9a01.jpg.webp" data-width="976" data-height="549" data-alt="The bridge site from the air"></div></span></div><figcaption>The bridge site from the air.</figcaption></figure>`],
    ] as const;
    for (const [src, figure] of figures) {
      const article = stored(page(figure), `${SITE}/news/second-river-crossing-approved`);
      expect(pictures(article.html).srcs).toContain(src);
      expect(article.html).toContain('alt="The bridge site from the air"');
      expect(article.text).toContain('The bridge site from the air.');
    }
  });
});

describe('pictures served through an image script that takes the original as a parameter', () => {
  // The Washington Post's /wp-apps/imrs.php?src=...&w=...: every picture of the page has the same
  // path, and only the parameter tells them apart.
  const imrs = (file: string, width: number) => `${SITE}/wp-apps/imrs.php?src=https://arc-anglerfish.example.s3.amazonaws.com/public/${file}.jpg&amp;w=${width}`;
  const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', imrs('K3QWERTYUIOP', 1440))}</head><body>${masthead}
<main><article><header><h1>Second river crossing approved</h1><figure class="lead-art"><img src="${imrs('K3QWERTYUIOP', 916)}" alt="The river at dawn" width="916" height="611"><figcaption>The river at dawn, where the bridge will land.</figcaption></figure></header>
<div class="article-body">${body(0, 3)}<figure><img src="${imrs('Z9XCVBNMASDF', 916)}" alt="The ferry" width="916" height="611"><figcaption>The ferry that the bridge will replace.</figcaption></figure>${body(3, 10)}</div></article></main></body></html>`;

  it('are told apart by that parameter: the lead photo above the text is kept beside another photo of the story', () => {
    const article = stored(page, `${SITE}/transportation/2024/05/15/river-crossing/`);
    const srcs = pictures(article.html).srcs;
    expect(srcs.some((src) => src.includes('K3QWERTYUIOP'))).toBe(true);
    expect(srcs.some((src) => src.includes('Z9XCVBNMASDF'))).toBe(true);
    expect(article.text).toContain('The river at dawn, where the bridge will land.');
  });
});

describe('words for screen readers only, named by a CSS-in-JS library', () => {
  it('are left out of the caption ("ssrcss-1u7y34b-VisuallyHidden": "Image source, ", "Image caption, ")', () => {
    const hidden = (text: string) => `<span class="ssrcss-1u7y34b-VisuallyHidden e16en2lz0">${text}</span>`;
    const figure = `<figure class="ssrcss-wpgbih-StyledFigure"><div class="ssrcss-ab5fd8-StyledFigureContainer"><span class="ssrcss-1ns8ojd-Copyright">${hidden('Image source, ')}Getty Images</span><img src="${IMAGES}/news/976/cpsprodpb/saltmarsh.jpg" alt="Sheep on the salt marsh" width="976" height="549"></div><figcaption class="ssrcss-1ht1lka-Caption">${hidden('Image caption, ')}Sheep graze the marsh behind the old sea wall</figcaption></figure>`;
    const page = `<!DOCTYPE html><html lang="en-GB"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main id="main-content"><article><h1>Second river crossing approved</h1><div data-component="text-block">${body(0, 2)}</div><div data-component="image-block">${figure}</div><div data-component="text-block">${body(2, 9)}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/news/articles/c4nn2l0xjx0o`);
    expect(article.text).toContain('Sheep graze the marsh behind the old sea wall');
    expect(article.text).toContain('Getty Images');
    expect(article.text).not.toContain('Image caption');
    expect(article.text).not.toContain('Image source');
  });
});

describe('the ad slots news themes and sites set between paragraphs', () => {
  const URL = `${SITE}/news/second-river-crossing-approved`;
  const page = (slot: string) => `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article class="post ad-free-reader"><h1>Second river crossing approved</h1><div class="entry-content">${body(0, 3)}${slot}${body(3, 9)}</div></article></main></body></html>`;

  it("go with their label and banner: a news theme's \"- Advertisement -\" over a linked banner, a label alone in its box, an ad named in a site's CSS modules", () => {
    const slots = [
      '<div class="td-a-rec td-a-rec-id-content_inline tdi_77"><span class="td-adspot-title">- Advertisement -</span><div class="td-all-devices"><a href="https://ads.example/c?b=ferryco" target="_blank"><img src="https://ads.example/banners/ferryco-728x90.jpg" width="728" height="90" alt=""></a></div></div>',
      '<div class="hide-for-print" data-qa="article-body-ad"><div class="dblclick"><div class="moat-trackable" style="min-height:280px"><span class="pb-xs-sm">Story continues below advertisement</span></div></div></div>',
      '<div data-testid="ResponsiveAdSlot" class="article-body__ad__3hGk-"><div class="responsive-ad__container__3MdTu"><span>Advertisement · Scroll to continue</span><div id="ad-mid1"></div></div></div>',
    ];
    for (const slot of slots) {
      const article = stored(page(slot), URL);
      expect(article.source).toBe('page');
      expect(article.text).toContain(paragraphs[2]);
      expect(article.text).toContain(paragraphs[3]);
      expect(article.text).not.toMatch(/advertisement/i);
      expect(article.html).not.toContain('ads.example');
    }
  });
});

describe("a site's own lines in the story: what it earns from links, its call for letters, its newsletter, a link to another story, the agency's offer", () => {
  const URL = `${SITE}/news/second-river-crossing-approved`;
  const page = (between: string, figure = '') => `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="article-body">${body(0, 3)}${between}${figure}${body(3, 9)}</div></article></main></body></html>`;

  it('are left out, in a <p> or a <div> written as one; the story around them stays', () => {
    const lines = [
      '<p><em>When you buy a book using a link on this page, we receive a commission. Thank you for supporting The Riverside Times.</em></p>',
      '<p>This post may contain affiliate links. Please read our <a href="/disclosure/">disclosure policy</a>.</p>',
      '<div class="text__text__1FZLe">Get a look at the day ahead on the river with our Morning Crossing newsletter. <a href="/newsletters/morning-crossing/">Sign up here.</a></div>',
      '<p>Read: <a href="/news/ferry-timetable/">The ferry timetable will change again in the spring</a></p>',
      '<p><em>Do you have an opinion on the issues raised in this article? If you would like to submit a letter of up to 300 words to be considered for publication, email it to us at <a href="mailto:letters@riverside-times.example">letters@riverside-times.example</a></em></p>',
    ];
    for (const line of lines) {
      const article = stored(page(line), URL);
      expect(article.text).toContain(paragraphs[2]);
      expect(article.text).toContain(paragraphs[3]);
      for (const words of ['commission', 'affiliate', 'newsletter', 'timetable will change', 'submit a letter']) expect(article.text).not.toContain(words);
    }
  });

  it("a story's paragraph about affiliate links or a newsletter stays, and a caption keeps its credit but not the agency's offer", () => {
    const story = '<p>The authority said it would not earn a commission on the tolls, and that its newsletter would report the sums every quarter, with the names of the contractors paid and the work they had done on the approach roads.</p>';
    const figure = `<figure><img src="${IMAGES}/news/crossing-site.jpg" alt="The crossing site" width="1200" height="800"><figcaption>Surveyors on the east bank, March 11, 2024. REUTERS/Maya Lindqvist <a href="https://www.reutersagency.example/licensing/">Purchase Licensing Rights</a></figcaption></figure>`;
    const article = stored(page(story, figure), URL);
    expect(article.text).toContain('would not earn a commission on the tolls');
    expect(article.text).toContain('Surveyors on the east bank, March 11, 2024. REUTERS/Maya Lindqvist');
    expect(article.text).not.toContain('Purchase Licensing Rights');
  });
});

describe("a newsroom's call for readers' own stories, in the middle of the text", () => {
  it('is left out with its form (a text box, an email field, a photo upload); the text on both sides stays', () => {
    const callout = `<div class="callout callout--ugc"><h3>Share your pictures and stories</h3><p>If you live near the crossing and it is safe to do so, you can get in touch with us using this form.</p><form class="callout__form" action="https://contribute.riverside-times.example/submit" method="post" enctype="multipart/form-data"><label>Name<input type="text" name="name"></label><label>Email<input type="email" name="email"></label><label>Your story<textarea name="story"></textarea></label><label>Photo<input type="file" name="photo"></label><button type="submit">Send</button></form></div>`;
    const page = `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="entry-content">${body(0, 3)}${callout}${body(3, 9)}</div></article></main></body></html>`;
    const article = stored(page, `${SITE}/news/second-river-crossing-approved`);
    expect(article.source).toBe('page');
    expect(article.text).toContain(paragraphs[2]);
    expect(article.text).toContain(paragraphs[3]);
    for (const calloutText of ['Share your pictures', 'get in touch with us using this form', 'Your story', 'Photo']) expect(article.text).not.toContain(calloutText);
  });
});

describe("the paper's own lines around the story: the date in its header, where it ran in print", () => {
  const URL = `${SITE}/2024/05/15/region/river-crossing-approved.html`;
  const page = (header: string, after: string) => `<!DOCTYPE html><html lang="en"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article id="story"><header class="css-1wfqg0f"><h1 data-testid="headline">Second river crossing approved</h1>${header}</header>
<section name="articleBody">${body(0, 8)}</section>${after}</article></main></body></html>`;
  // The New York Times' header: the date on a line (a list item) of its own, in three spans.
  const dateLine = '<div class="css-xt80pu"><ul class="css-sgvhsr"><li><time datetime="2024-05-15T05:00:12-04:00"><span>May 15, 2024</span><span class="css-1ly73wi">, </span><span>5:00 a.m. ET</span></time></li></ul></div>';

  it('leaves out a date on a line of its own in the headline\'s header, and the print edition\'s line after the story', () => {
    const printLine = '<div class="css-1vd8g72"><p class="css-1n4zbh6">A version of this article appears in print on <time datetime="2024-05-16">May 16, 2024</time>, Section A, Page 18 of the New York edition with the headline: Bridge Gets Its Votes. <a href="/reprints">Order Reprints</a> | <a href="/todays-paper">Today’s Paper</a></p></div>';
    const article = stored(page(`<p class="byline">By Maya Lindqvist</p>${dateLine}`, printLine), URL);
    expect(article.source).toBe('page');
    expect(article.text).toContain(paragraphs[0]);
    expect(article.text).toContain(paragraphs[7]);
    expect(article.text).not.toContain('May 15, 2024');
    expect(article.text).not.toContain('5:00 a.m. ET');
    expect(article.text).not.toContain('appears in print');
  });

  it("leaves out the Wall Street Journal's and the Economist's print lines, with the date inside the sentence", () => {
    for (const printLine of [
      '<p>Appeared in the <time>May 16, 2024</time>, print edition as \'Bridge Gets Its Votes\'.</p>',
      '<p><em>This article appeared in the Britain section of the print edition under the headline "Crossing over"</em></p>',
    ]) {
      const article = stored(page('', printLine), URL);
      expect(article.text).toContain(paragraphs[7]);
      expect(article.text).not.toContain('print edition');
    }
  });

  it('keeps a date inside a line that says more, and a paragraph of the story about an edition', () => {
    const story = '<p>This story ran in every edition of the festival programme since 2009, and the committee says it will run again next year with a new ending.</p><p>Appeared in the 2019 edition of the guide, the bridge design was then only a sketch.</p>';
    const article = stored(page('<p>Filed from the east bank ferry landing on <time datetime="2024-05-15">May 15, 2024</time></p>', story), URL);
    expect(article.text).toContain('May 15, 2024');
    expect(article.text).toContain('This story ran in every edition of the festival programme');
    expect(article.text).toContain('Appeared in the 2019 edition of the guide');
  });
});

describe('a standfirst named in the newsroom word of its language', () => {
  const URL = `${SITE}/news/second-river-crossing-approved`;
  const dek = 'A decade after it was first proposed, the bridge has the votes it needs.';
  const page = (standfirst: string) => `<!DOCTYPE html><html lang="pt-BR"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article><header class="materia-cabecalho"><h1 class="materia-titulo">Second river crossing approved</h1>${standfirst}<div class="autoria">By Ines Okafor</div></header><div class="materia-corpo">${body(0, 8)}</div></article></main></body></html>`;

  it("is kept above the text: Brazil's linha fina, the French chapô, the Czech perex, the Spanish entradilla and bajada, the Italian sommario, Le Monde's article__desc", () => {
    for (const standfirst of [
      `<h2 class="materia-linha-fina">${dek}</h2>`,
      `<p class="article__chapo">${dek}</p>`,
      `<div class="perex">${dek}</div>`,
      `<p class="a-entradilla">${dek}</p>`,
      `<h2 class="nota-bajada">${dek}</h2>`,
      `<h2 class="sommario">${dek}</h2>`,
      `<p class="article__desc">${dek}</p>`,
    ]) {
      const article = stored(page(standfirst), URL);
      expect(article.source).toBe('page');
      expect(article.text.startsWith(`${dek}\n${paragraphs[0]}`)).toBe(true);
    }
  });
});

describe('a "Read also" label on a line of its own, over a list of links to other stories', () => {
  const URL = `${SITE}/news/second-river-crossing-approved`;
  const page = (box: string) => `<!DOCTYPE html><html lang="pt-BR"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<main><article><h1>Second river crossing approved</h1><div class="materia-corpo">${body(0, 3)}${box}${body(3, 9)}</div></article></main></body></html>`;
  const links = '<ul><li><a href="/news/ferry-timetable/">The ferry timetable will change again in the spring</a></li><li><a href="/news/quay-walls/">Two quay walls closed for repairs</a></li></ul>';

  it('is left out with the links ("LEIA TAMBÉM:", "Lee también", "READ MORE", "Read also"), in a box of its own, straight in the text, or each in a block of a page builder; the story around it stays', () => {
    for (const box of [
      `<div class="leia-tambem"><p class="leia-tambem-titulo"><strong>LEIA TAMBÉM:</strong></p>${links}</div>`,
      `<p><strong>Lee también</strong></p>${links}`,
      `<div class="related-inline"><div class="label">READ MORE</div>${links}</div>`,
      // A page builder's blocks, one per part of the story: the label's, then the list's (Globo's g1).
      `<div class="mc-column content-text"><p class="content-text__container"><strong>LEIA TAMBÉM:</strong></p></div><div class="mc-column content-unordered-list">${links}</div>`,
      // Quintype's: the label in a text element, the headline alone in the "also read" element after it.
      '<div class="story-element story-element-text"><div><p><strong>Read also</strong></p></div></div><div class="story-element story-element-also-read"><a href="/news/ferry-timetable/"><h2>The ferry timetable will change again in the spring</h2></a></div>',
    ]) {
      const article = stored(page(box), URL);
      expect(article.source).toBe('page');
      expect(article.text).toContain(`${paragraphs[2]}\n${paragraphs[3]}`);
      for (const words of ['LEIA', 'también', 'READ MORE', 'Read also', 'ferry timetable', 'quay walls']) expect(article.text).not.toContain(words);
    }
  });

  it("a list of the story's own, under a line of its own words, stays", () => {
    const story = '<p>Read more about the vote:</p><ul><li>Seven members voted for the crossing, among them <a href="/people/chair/">the chair</a>.</li><li>Two voted against, asking for <a href="/news/second-ferry/">a second ferry</a> instead.</li></ul>';
    const article = stored(page(story), URL);
    expect(article.text).toContain('Seven members voted for the crossing');
    expect(article.text).toContain('Two voted against');
  });
});

describe("a syndicated wire story's page (Yahoo's copy of an Associated Press story)", () => {
  const URL = 'https://www.yahoo-news.example/news/second-river-crossing-approved-141203511.html';
  const page = (between: string, after: string) => `<!DOCTYPE html><html lang="en-US"><head>${head('Second river crossing approved', `${IMAGES}/hero/crossing.jpg`)}</head><body>${masthead}
<div id="Main" role="main"><article class="caas-container"><div class="caas-content-wrapper"><header class="caas-header"><h1>Second river crossing approved</h1></header><div class="caas-body-content"><div class="caas-body">${body(0, 4)}${between}${body(4, 9)}</div></div>${after}</div></article></div></body></html>`;

  it('leaves out the "Story continues" button between the paragraphs, and the agency\'s rights notice under the story', () => {
    const expander = '<div class="caas-readmore caas-readmore-collapse"><button class="link caas-button collapse-button">Story continues</button></div>';
    const notice = '<div class="caas-content-byline-wrapper caas-provider-logo-copyright">Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.</div>';
    const article = stored(page(expander, notice), URL);
    expect(article.source).toBe('page');
    expect(article.text).toContain(`${paragraphs[3]}\n${paragraphs[4]}`);
    expect(article.text.endsWith(paragraphs[8]!)).toBe(true);
    expect(article.text).not.toContain('Story continues');
    expect(article.text).not.toContain('Associated Press');
  });

  it("keeps an accordion's answer, and a paragraph of the story that opens with copyright and says more", () => {
    const faq = '<div class="faq-item"><button class="faq-toggle">When does work start?</button><div class="faq-answer" hidden>Next spring, once the contract for the main works is signed.</div></div>';
    const story = "<p>Copyright law says the architects' drawings may not be reproduced without their consent, the authority said, so the design shown at the meeting was a sketch of 2019.</p>";
    const article = stored(page(faq + story, ''), URL);
    expect(article.text).toContain('When does work start?');
    expect(article.text).toContain('Next spring, once the contract for the main works is signed.');
    expect(article.text).toContain("Copyright law says the architects' drawings may not be reproduced");
  });
});
