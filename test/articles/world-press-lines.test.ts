// What the world's English-language press sets in a story that is no part of it, and what it sets
// there that is: each case a story in the shape those newsrooms serve, through prepareArticle, the
// sync's own path. Gone: India's and South Africa's "Also Read | <link>", "Catch all the Latest
// India News…", "Join News24's WhatsApp channel", "Download the Punch News App on Android and iOS",
// a rights notice with no year, a paywall prompt under its own title, a "Subscribe to <site>" box,
// the site's appeal for money in its own words, a corrections policy's "If you think we have got
// something wrong, please get in touch". Kept: the writer's "Further reading:" list, a
// story's own sentences that use the same words. The corpus pages named enw-* are whole such pages.
import { describe, expect, it } from 'vitest';
import { prepareArticle, type PreparedArticle } from '../../electron/core/articles';
import { corpusPages, storedText } from '../support/corpus-pages';

const SITE = 'https://www.harbour-gazette.example';
const PAGE_URL = `${SITE}/news/2024/05/14/the-story/`;

function stored(body: string, head = ''): PreparedArticle {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Port strike ends - Harbour Gazette</title>
<link rel="canonical" href="${PAGE_URL}"><meta property="og:site_name" content="Harbour Gazette">${head}</head>
<body><header class="site-header"><a href="/">Harbour Gazette</a><nav><a href="/news/">News</a><a href="/sport/">Sport</a></nav></header>
<main><article><h1>Port strike ends after nine days</h1><div class="story-body">${body}</div></article></main>
<footer><p>© 2024 Harbour Gazette</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const story = [
  'Dock workers at the port returned to work on Tuesday after nine days on strike, when the port authority agreed to a 7% rise in pay over two years and to hire 40 more crane drivers.',
  'The union had asked for 10%. Its secretary, Ruth Mensah, said the members had voted by a large majority to accept the offer at a meeting on Monday night.',
  'About 60 ships waited at anchor during the strike. The authority said it expected the backlog to be cleared by the end of next week, working through the weekend.',
  'Shipping lines had diverted some cargo to other ports, and traders said the price of imported rice had risen by a fifth in the markets since the strike began.',
].map((text) => `<p>${text}</p>`);

describe("newsrooms' lines between a story's paragraphs go", () => {
  it.each([
    ['an "Also Read |" line (the Hindustan Times, Mint)', `<p>Also Read | <a href="${SITE}/news/2024/05/13/rice-prices/">Rice prices climb as ships wait at anchor</a></p>`, 'Rice prices climb'],
    ['an "ALSO READ |" card (News24)', `<div class="related-article"><a href="/news/rice/"><span>ALSO READ |</span> <span>Rice prices climb as ships wait at anchor</span></a></div>`, 'Rice prices climb'],
    ['India\'s "Catch all the Latest…" trailer', '<p>Catch all the Latest India News, Breaking News Events, Election News, Weather Update along with Top Headlines on Harbour Gazette.</p>', 'Catch all the Latest'],
    ['a call to join the site\'s own channel', '<p><strong>Join Harbour Gazette\'s WhatsApp channel for the latest news and updates:</strong> <a href="https://whatsapp.com/channel/0029Va">click here</a></p>', 'WhatsApp channel'],
    ['a call to join it, the channel linked', '<p><em>Join <a href="https://t.me/harbourgazette">HG\'s Telegram channel</a> and get the latest breaking news delivered to you.</em></p>', 'Telegram channel'],
    ['a call to download the site\'s app', '<p>Download the Harbour Gazette App on <a href="https://play.google.com/store/apps/details?id=x">Android</a> and <a href="https://apps.apple.com/app/id1">iOS</a> for breaking news.</p>', 'Download the Harbour'],
    ['the desk\'s call for tips', '<p><em>Got a story to share? Email <a href="mailto:newstips@harbour-gazette.example">newstips@harbour-gazette.example</a></em></p>', 'Got a story'],
    ['the desk\'s call for comments', '<p><em>Have something to add to the story? Share it in the comments below.</em></p>', 'Have something to add'],
    ['a corrections policy\'s call under the story', '<div class="correction-policy"><p>We believe in transparency. If you think we have got something wrong, <a href="/corrections/">please get in touch</a>.</p></div>', 'We believe in transparency'],
    ['a call to report what does not look right', '<p><em>We strive for accuracy and fairness. If you see something that doesn\'t look right, <a href="/contact/">click here to contact us</a>!</em></p>', 'accuracy and fairness'],
    ['a wire\'s pointer back to the release on its site', '<p>View original content to download multimedia:<a href="https://www.prnewswire.example/news-releases/port-strike-ends-302084512.html">https://www.prnewswire.example/news-releases/port-strike-ends-302084512.html</a></p>', 'View original content'],
    ['a question about an error, and where to write', '<p>Spotted an error? Let us know at <a href="mailto:corrections@harbour-gazette.example">corrections@harbour-gazette.example</a>.</p>', 'Spotted an error?'],
    ['a rights notice with no year', '<p><strong>Copyright HARBOUR GAZETTE.</strong><br>All rights reserved. This material, and other digital content on this website, may not be reproduced, published, broadcast, rewritten or redistributed in whole or in part without prior express written permission from HARBOUR GAZETTE.</p>', 'All rights reserved'],
  ])('%s', (_name, line, gone) => {
    const article = stored([story[0], story[1], line, story[2], story[3]].join('\n'));
    expect(article.source).toBe('page');
    expect(article.text).not.toContain(gone);
    expect(words(article.text)).toContain('The union had asked for 10%.');
    expect(words(article.text)).toContain('About 60 ships waited at anchor');
  });

  it.each([
    ['a sentence that opens with the same words', '<p>Also read by the union on Monday was a letter from the port authority, which warned that <a href="/news/port-authority/">a second strike</a> would cost the port its contract with two shipping lines.</p>', 'Also read by the union on Monday'],
    ['a quoted call to download another\'s app', '<p>"Download the ferry company\'s app to check your sailing," the harbour master told passengers, as the first boats left the quay.</p>', 'Download the ferry company'],
    ['a question the story asks and answers', '<p>Have a question about the new rota? Ruth Mensah said the union would email every member a copy of the deal this week, with the new shift pattern and the pay table.</p>', 'Have a question about the new rota?'],
    ['a story\'s own call to complain to someone else', '<p>If you think the port authority got your bill wrong, please get in touch with the ombudsman, the union said, which has handled 40 such cases since the strike began.</p>', 'please get in touch with the ombudsman'],
    ['a story about a rights dispute', '<p>The photographer says the pictures may not be reproduced without her consent, and that all rights reserved in her contract with the port were hers, not the authority\'s; a court in the capital will hear the case in June.</p>', 'may not be reproduced without her consent'],
  ])('keeps %s', (_name, paragraph, kept) => {
    const article = stored([story[0], story[1], paragraph, story[2], story[3]].join('\n'));
    expect(words(article.text)).toContain(kept);
  });
});

describe('a reading list the writer introduces is kept', () => {
  const readingList = `<div class="body-component"><p><strong>Further reading:</strong></p></div>
<div class="body-component"><ul>
<li><a href="https://stats.example/ports/monthly">The statistics office's monthly port figures</a>, by port</li>
<li><a href="https://research.example/strikes-review">A review of dock strikes since 1990</a> in five countries</li>
<li><a href="${SITE}/news/2023/cranes-explained/">Our explainer on why crane drivers are so hard to hire</a></li>
</ul></div>`;

  it('its items, under their label', () => {
    const article = stored([...story, readingList, '<p>None of this will settle the next dispute, but it will show what it costs.</p>'].join('\n'));
    const text = words(article.text);
    expect(text).toContain('Further reading:');
    expect(text).toContain("The statistics office's monthly port figures, by port");
    expect(text).toContain('Our explainer on why crane drivers are so hard to hire');
  });

  it('while the site\'s "Read more:" over a list of its stories still goes', () => {
    const related = `<p>READ MORE:</p><ul><li><a href="${SITE}/news/a/">Rice prices climb as ships wait at anchor</a></li><li><a href="${SITE}/news/b/">Union votes to strike over pay</a></li></ul>`;
    const article = stored([story[0], story[1], related, story[2], story[3]].join('\n'));
    expect(article.text).not.toContain('Rice prices climb');
  });
});

describe("a site's offers and appeals at a story's end go", () => {
  it('a paywall prompt under its own title, the free part kept, the copy marked a teaser', () => {
    const prompt = `<div class="story-paywall"><div class="paywall-prompt"><h2>Subscribe to read</h2>
<p>This story is for subscribers only. Get digital access for $1 a week for the first 12 weeks.</p>
<a class="button" href="/subscribe">Subscribe now</a><p>Already a subscriber? <a href="/login">Log in</a></p></div></div>`;
    const article = stored([story[0], story[1], story[2], prompt].join('\n'));
    expect(words(article.text)).toContain('About 60 ships waited at anchor');
    expect(article.text).not.toContain('Subscribe to read');
    expect(article.text).not.toContain('Already a subscriber');
    expect(article.extractionNote).toContain('subscribers only');
  });

  it('a "Subscribe to <site>" box under the story', () => {
    const box = `<div class="offer-box"><h3>Subscribe to Harbour Gazette</h3><p>Get unlimited access to all our award-winning journalism, ad-light, for R75 a month. Cancel anytime.</p><a class="button" href="/subscription">Subscribe now</a></div>`;
    const article = stored([...story, box].join('\n'));
    expect(article.text).not.toContain('Subscribe to Harbour Gazette');
    expect(article.text).not.toContain('award-winning journalism');
  });

  it.each([
    ['a box with its own title', `<div class="cta-card"><div class="cta-content"><h3>We keep you informed, you keep us independent</h3><p>The Harbour Gazette is funded by its readers. Become a member to support our reporting from the docks.</p><a class="cta-button" href="/membership/">Become a member</a></div></div>`, 'funded by its readers'],
    ['a line with its link', `<div class="support-box"><p>You've read 1 article in the last month. Here at Harbour Gazette, we believe everyone should know what happens on the docks. <a href="/support">Give now</a></p></div>`, 'Give now'],
  ])("the site's appeal for money in its own words: %s", (_name, appeal, gone) => {
    const article = stored([story[0], story[1], story[2], appeal, story[3]].join('\n'));
    expect(article.text).not.toContain(gone);
    expect(words(article.text)).toContain('Shipping lines had diverted some cargo');
  });

  it("a wire's 'Explore' list of topics and its promotion of itself, sections beside the release's (the corpus's PR Newswire page)", () => {
    // The release in a <section> of <main>, and Readability took <main>: the sections after it with it.
    const text = storedText(corpusPages().find((page) => page.name === 'prn-release-ferries')!);
    expect(words(text)).toContain('SOURCE Salish Marine Holdings, Inc.');
    for (const gone of ['Explore', 'Maritime & Shipbuilding', 'FEATURED ON', 'Digital Media Outlets', 'GET STARTED']) expect(text).not.toContain(gone);
  });

  it("keeps a story's appeal for someone else's cause", () => {
    const appeal = '<p>The union has set up a hardship fund for members who lost pay. "Please consider supporting our families," Ms Mensah said; donations can be made <a href="https://union.example/fund">on its website</a>.</p>';
    const article = stored([story[0], story[1], appeal, story[2], story[3]].join('\n'));
    expect(words(article.text)).toContain('Please consider supporting our families');
  });
});

describe("the section's label above the headline goes", () => {
  it('named "label" (Vox\'s duet--article--label)', () => {
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Why the port strike ended - Harbour Gazette</title><link rel="canonical" href="${PAGE_URL}"></head>
<body><main><article><div class="article-hero"><span class="article--label"><a href="/climate">Climate</a></span><h1>Why the port strike ended</h1>
<p class="article--dek">Nine days on the quay, and what the deal gives the dockers.</p></div>
<div class="article-body">${story.join('\n')}</div></article></main></body></html>`;
    const article = prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
    expect(words(article.text).startsWith('Nine days on the quay')).toBe(true);
  });

  it.each([
    ["a live page's badge (a regional group's span.live-badge)", '<span class="live-badge">Live</span>'],
    ["the section's word beside the date (a scientific publisher's list of the two)", '<ul class="c-article-identifiers"><li class="c-article-identifiers__item">NEWS</li><li class="c-article-identifiers__item"><time datetime="2024-05-14">14 May 2024</time></li></ul>'],
    ['the same, a line of its own', '<p class="article-meta">Analysis · <time datetime="2024-05-14">14 May 2024</time></p>'],
  ])('%s', (_name, label) => {
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Why the port strike ended - Harbour Gazette</title><link rel="canonical" href="${PAGE_URL}"></head>
<body><main><article><div class="article-header">${label}<h1>Why the port strike ended</h1>
<div class="article-teaser">Nine days on the quay, and what the deal gives the dockers.</div></div>
<div class="article-body">${story.join('\n')}</div></article></main></body></html>`;
    const article = prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
    expect(words(article.text)).toMatch(/^(?:Nine days on the quay|Dock workers at the port)/);
  });

  it('keeps a line above the headline that says more than a word and a date', () => {
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Why the port strike ended - Harbour Gazette</title><link rel="canonical" href="${PAGE_URL}"></head>
<body><main><article><div class="article-header"><p>Updated after the vote on <time datetime="2024-05-14">14 May 2024</time>: the union accepted the offer</p><h1>Why the port strike ended</h1></div>
<div class="article-body">${story.join('\n')}</div></article></main></body></html>`;
    const article = prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
    expect(words(article.text)).toContain('the union accepted the offer');
  });
});

describe('parts named in CSS Modules (Next.js sites) are told by their names', () => {
  it('the kicker above the headline goes and the standfirst leads the text', () => {
    const html = `<!DOCTYPE html><html lang="en-NZ"><head><meta charset="utf-8"><title>Farmers still rebuilding fences | Harbour Gazette</title><link rel="canonical" href="${PAGE_URL}"></head>
<body><div id="__next"><main class="Layout_main__j7K8l"><article class="Article_article__m9N0o">
<div class="Article_header__p1Q2r"><span class="Article_kicker__s3T4u">Rural</span><h1 class="Article_headline__v5W6x">Farmers still rebuilding fences</h1>
<p class="Article_intro__y7Z8a">More than a year on, some East Coast farmers are still rebuilding fences and tracks.</p></div>
<figure class="Article_leadImage__e1F2g"><img src="${SITE}/images/fence.jpg" alt="A new fence line"><figcaption>A new fence line on a Tolaga Bay farm.</figcaption></figure>
<div class="Article_body__h3I4j">${story.join('\n')}</div></article></main></div></body></html>`;
    const article = prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
    const text = words(article.text);
    expect(text.startsWith('More than a year on, some East Coast farmers')).toBe(true);
    expect(text).not.toMatch(/^Rural\b/);
    expect(text).not.toContain('Rural More than');
  });
});
