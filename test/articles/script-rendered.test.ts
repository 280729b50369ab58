// Sites that write their article with JavaScript (a Next.js or React app) send a shell: the
// site's header, a loading skeleton, a footer and the app's state. What a reader that runs no
// scripts can still use is the schema.org NewsArticle in the page's JSON-LD, whose articleBody
// search engines read. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const PAGE_URL = 'https://www.portdaily.example/news/harbour-reopens-after-storm-hilde';
const OG_IMAGE = 'https://www.portdaily.example/images/2024/03/first-ferry-1600.jpg';
const feedSummary = '<p>Ferries resume on Tuesday after the harbour was closed for four days by Storm Hilde.</p>';
const withJsonLd = fixtureText('articles/nextjs-json-ld.html');
// The same shell from a site whose JSON-LD says no more than where the page sits (its breadcrumbs).
const shellOnly = withJsonLd.replace(/<script type="application\/ld\+json">\{"@context": "https:\/\/schema\.org", "@type": "NewsArticle".*?<\/script>/, '');
const LEGAL_FOOTER = 'registered in the harbour district';

function stored(page: string, feedHtml: string | null = feedSummary) {
  return prepareArticle({ pageHtml: page, pageUrl: PAGE_URL, feedHtml, feedItemUrl: PAGE_URL });
}

/** The page with its NewsArticle's articleBody replaced. */
function withArticleBody(body: string): string {
  return withJsonLd.replace(/<script type="application\/ld\+json">(\{"@context": "https:\/\/schema.org", "@type": "NewsArticle".*?)<\/script>/, (_match, json: string) => {
    const entity = JSON.parse(json) as Record<string, unknown>;
    return `<script type="application/ld+json">${JSON.stringify({ ...entity, articleBody: body }).replace(/</g, '\\u003c')}</script>`;
  });
}

describe("a script-rendered page's text from its JSON-LD articleBody", () => {
  it('is the article, paragraph by paragraph, with the page\'s picture as its lead image', () => {
    const article = stored(withJsonLd);
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
    expect(article.html.match(/<p>/g)).toHaveLength(6);
    expect(article.text).toMatch(/^Ferries to the islands will sail again from Tuesday morning,/);
    expect(article.text).toContain('until the survey of the breakwater is complete.');
    // No picture in the text: the reader shows the lead image above it.
    expect(article.imageUrls).toEqual([]);
    expect(article.leadImageUrl).toBe(OG_IMAGE);
    // The shell's own text is no part of it.
    expect(article.text).not.toContain(LEGAL_FOOTER);
    expect(article.text).not.toContain('Subscribe');
  });

  it('is text only, whatever markup a CMS put in it', () => {
    const article = stored(withArticleBody(
      '<p>Ferries to the islands will sail again from Tuesday &amp; freight with them, four days after Storm Hilde closed the harbour.</p><script>alert(document.cookie)</script>' +
        '<p>The harbour master said the ramp was <b>repaired</b> overnight, and that boats with a draught &lt; 2 m may use the inner basin.</p><img src="https://tracker.example/p.gif" onerror="alert(1)">' +
        '<p>Engineers are still assessing a crack in the outer breakwater that appeared on Friday night, when waves of more than seven metres were recorded.</p>',
    ));
    expect(article.source).toBe('page');
    expect(article.html).not.toMatch(/<b>|<script|<img|onerror|alert/);
    expect(article.text).toContain('Tuesday & freight with them');
    expect(article.text).toContain('was repaired overnight');
    expect(article.text).toContain('draught < 2 m');
    expect(article.html.match(/<p>/g)).toHaveLength(3);
  });

  it("is not taken over a full-text feed that says as much, with the feed's pictures", () => {
    const fullFeed = `<p>${withJsonLd.match(/Ferries to the islands[^"]*?complete\./)![0].replace(/\\n\\n/g, '</p><p>')}</p><img src="/images/2024/03/first-ferry-800.jpg">`;
    const article = stored(withJsonLd, fullFeed);
    expect(article.source).toBe('feed');
    expect(article.extractionNote).toBeNull();
    expect(article.imageUrls).toEqual(['https://www.portdaily.example/images/2024/03/first-ferry-800.jpg']);
  });
});

describe('a script-rendered page without JSON-LD', () => {
  it("reads the article from the app's data (__NEXT_DATA__), paragraph by paragraph", () => {
    const article = stored(shellOnly);
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
    expect(article.html.match(/<p>/g)).toHaveLength(6);
    expect(article.text).toMatch(/^Ferries to the islands will sail again from Tuesday morning,/);
    expect(article.text).not.toContain(LEGAL_FOOTER);
  });

  it("reads it for a feed of titles only too, where the shell's footer was stored as the article", () => {
    const article = stored(shellOnly, null);
    expect(article.source).toBe('page');
    expect(article.html.match(/<p>/g)).toHaveLength(6);
    expect(article.text).toMatch(/^Ferries to the islands will sail again from Tuesday morning,/);
    expect(article.text).not.toContain(LEGAL_FOOTER);
  });

  it("keeps the feed's summary, and says that the page shows its text only with JavaScript, when its data has no article either", () => {
    const article = stored(shellOnly.replace(/"body": \[.*?\]\}, "nav"/, '"body": []}, "nav"'));
    expect(article.source).toBe('feed');
    expect(article.text).toBe('Ferries resume on Tuesday after the harbour was closed for four days by Storm Hilde.');
    expect(article.extractionNote).toBe("the page shows its text only with JavaScript; showing the feed's content");
  });
});

describe("a short page text that is not the story", () => {
  const SITE = 'https://harbour-gazette.example';
  const URL = `${SITE}/2024/03/11/steam-crane-lifts-again/`;
  const summary = '<p>The old steam crane on the north quay has been restored and lifted its first load in thirty years on Saturday.</p>';
  const head = '<meta charset="utf-8"><title>Steam crane lifts again after thirty years | Harbour Gazette</title><meta property="og:title" content="Steam crane lifts again after thirty years">';
  const page = (body: string) => `<!DOCTYPE html><html lang="en"><head>${head}</head>
<body><header class="site-header"><a href="/">Harbour Gazette</a><nav><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li></ul></nav></header>${body}</body></html>`;
  // An app of the site's own making: its mount point filled with a skeleton, its legal notice beside it.
  const shell = page(`<div id="page-root"><div class="skeleton skeleton--headline"></div><div class="skeleton skeleton--paragraph"></div><div class="skeleton skeleton--paragraph"></div></div>
<div class="legal"><p>The Harbour Gazette is published by Quayside Media Ltd, registered in England under company number 0458812. All content is copyright and may not be reproduced without permission. We follow the Editors’ Code of Practice; if you have a complaint about our journalism, please write to the readers’ editor at the address below.</p><p>© 2024 Quayside Media Ltd</p></div>`);

  it("loses to the feed's summary when it has neither the summary's words nor the headline's", () => {
    const article = prepareArticle({ pageHtml: shell, pageUrl: URL, feedHtml: summary, feedItemUrl: URL });
    expect(article.source).toBe('feed');
    expect(article.text).toContain('lifted its first load in thirty years');
    expect(article.extractionNote).toBe("the page's text did not match the feed's story; showing the feed's content");
  });

  const story = page(`<main id="main"><article><h1>Steam crane lifts again after thirty years</h1><div class="entry-content"><p>The steam crane on the north quay lifted again on Saturday, thirty years after its last load: a crate of flowers for the restorers, who spent eighteen months and 2.3 million euros on it.</p></div></article></main><footer class="site-footer"><p>© 2024 Harbour Gazette</p></footer>`);

  it('is kept when it is the story, however short', () => {
    const article = prepareArticle({ pageHtml: story, pageUrl: URL, feedHtml: summary, feedItemUrl: URL });
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
  });

  it("is kept when the feed gives every item the site's tagline", () => {
    const tagline = '<p>Local news, sport and opinion from the Harbour Gazette, the quayside’s paper since 1887.</p>';
    const article = prepareArticle({ pageHtml: story, pageUrl: URL, feedHtml: tagline, feedItemUrl: URL });
    expect(article.source).toBe('page');
  });
});

describe("a Nuxt 3 page whose article body a script writes in (its data in __NUXT_DATA__, devalue's flat array)", () => {
  const NUXT_URL = 'https://www.westmoorcourier.example/news/westmoor-carnegie-library-reopens';
  const nuxtShell = fixtureText('corpus/pages/nuxt3-payload-library.html');
  const FIRST = 'Westmoor’s central library will open its doors again on Saturday morning,';
  const LAST = 'can be booked at the front desk on the day.';
  const SUBHEADING = 'What has changed inside';
  const nuxtStored = (page: string, feedHtml: string | null) => prepareArticle({ pageHtml: page, pageUrl: NUXT_URL, feedHtml, feedItemUrl: NUXT_URL });

  it('reads the article from the payload, paragraph by paragraph, under the standfirst the page shows', () => {
    // A feed of titles only: the page is the only copy there is.
    const article = nuxtStored(nuxtShell, null);
    expect(article.source).toBe('page');
    expect(article.text).toContain(FIRST);
    expect(article.text).toContain(LAST);
    expect(article.html).toContain(`<p>${SUBHEADING}</p>`);
    expect(article.html.match(/<p>/g)!.length).toBeGreaterThanOrEqual(13);
    expect(article.text.indexOf('The Carnegie building on Bridge Street closed in 2021')).toBeLessThan(article.text.indexOf(FIRST));
    // Not the shell's byline, nor its cookie notice.
    expect(article.text).not.toContain('Local democracy reporter');
    expect(article.text).not.toContain('We and our partners use cookies');
  });

  it("is taken over the feed's summary", () => {
    const article = nuxtStored(nuxtShell, '<p>The Carnegie building on Bridge Street opens again on Saturday after a £3.2m repair.</p>');
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
    expect(article.text).toContain(LAST);
  });

  it("is not read behind a paywall box: the state of a subscribers' story is no free copy of it", () => {
    const paywalled = nuxtShell.replace('<footer class="wc-article__tags">', '<div class="paywall"><h2>This story is for subscribers</h2><p>Subscribe to the Westmoor Courier to keep reading, from £1 a week.</p><a href="/subscribe">Subscribe now</a></div><footer class="wc-article__tags">');
    const article = nuxtStored(paywalled, null);
    expect(article.text).not.toContain(FIRST);
  });

  it('is not read when the page shows its article itself: its text is there once', () => {
    // The same page rendered on the server, as most Nuxt sites send it: the payload holds what it shows.
    const paragraphs = fixtureText('corpus/pages/nuxt3-payload-library.txt').trim().split('\n').slice(2);
    const shown = nuxtShell.replace(/<div class="wc-article__body wc-skeleton"[^]*?<\/div>/, `<div class="wc-article__body">${paragraphs.map((text) => `<p>${text}</p>`).join('')}</div>`);
    const article = nuxtStored(shown, null);
    expect(article.text.split(FIRST)).toHaveLength(2);
    expect(article.text.split(LAST)).toHaveLength(2);
  });
});

describe("an app's page that sends its article in a <noscript>, for readers without scripts", () => {
  const FERRY_URL = 'https://www.fieldnote-mag.example/stories/hand-cranked-chain-ferry';
  const spa = fixtureText('corpus/pages/noscript-spa-chain-ferry.html');
  const FIRST = 'At seven every morning, Dave Pollard unlocks the padlock on the chain';
  const LAST = 'he has wound the chain about nine miles.';
  const ferryStored = (page: string, feedHtml: string | null) => prepareArticle({ pageHtml: page, pageUrl: FERRY_URL, feedHtml, feedItemUrl: FERRY_URL });

  it('is read as a browser with scripts off shows it: the article, where its extraction failed', () => {
    for (const feedHtml of [null, '<p>For 170 years a chain ferry has carried people across the Hamble by hand.</p>']) {
      const article = ferryStored(spa, feedHtml);
      expect(article.source).toBe('page');
      expect(article.extractionNote).toBeNull();
      expect(article.text).toContain(FIRST);
      expect(article.text).toContain(LAST);
      expect(article.html.match(/<p>/g)!.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('is not read twice when the page shows the same article outside it', () => {
    const shown = spa.replace(/<div id="root">[^]*?<\/div><\/div>/, (root) => root + spa.match(/<article>[^]*?<\/article>/)![0]);
    const article = ferryStored(shown, null);
    expect(article.text).toContain(LAST);
    expect(article.text.split(FIRST)).toHaveLength(2);
  });

  it('leaves a notice asking for JavaScript out, however many paragraphs it runs to', () => {
    const notice = '<noscript><div class="js-off"><h2>This site needs JavaScript</h2><p>Fieldnote Magazine is built as an app, and needs JavaScript to show its stories, photographs and audio. It looks as though JavaScript is turned off in your browser, or that an extension is blocking it.</p><p>To turn it on, open your browser’s settings, find the section on site permissions or content settings, and allow JavaScript for this site. Then reload this page, and the story you asked for will appear.</p></div></noscript>';
    const shell = spa.replace(/<noscript>[^]*<\/noscript>/, notice);
    expect(ferryStored(shell, null).text).not.toContain('open your browser’s settings');
  });
});
