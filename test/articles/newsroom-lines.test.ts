// The lines and boxes big English-language newsrooms put in a story that are the site's, not the
// story's (inline-promos.ts, share-counters.ts, paywall-marks.ts, support-boxes.ts, video-playlists.ts, the read-more
// labels of page-cleanup.ts), and the look-alikes that are the story's and stay. Each page goes
// through prepareArticle, the sync's own path; the corpus pages en-* hold the same shapes whole.
import { describe, expect, it } from 'vitest';
import { prepareArticle, type PreparedArticle } from '../../electron/core/articles';
import { corpusPages, storedText } from '../support/corpus-pages';

const PAGE_URL = 'https://www.dispatch-herald.example/us/2024/03/11/the-story';

function stored(body: string, head = '', top = ''): PreparedArticle {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The story | Dispatch Herald</title><link rel="canonical" href="${PAGE_URL}">${head}</head>
<body><header class="site-header"><a href="/">Dispatch Herald</a><nav><ul><li><a href="/us">U.S.</a></li><li><a href="/world">World</a></li><li><a href="/sports">Sports</a></li></ul></nav></header>
<main class="main-content"><article class="article-wrap"><header class="article-header"><h1>Reservoir levels rise after a wet winter</h1>${top}</header><div class="article-body">${body}</div></article></main>
<footer class="site-footer"><p>© 2024 Dispatch Herald. All rights reserved.</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
}

/** The stored text of a page of the corpus (test/fixtures/corpus/pages/), a publisher's page whole. */
function corpusText(name: string): string {
  const page = corpusPages().find((candidate) => candidate.name === name);
  if (!page) throw new Error(`no corpus page ${name}`);
  return storedText(page);
}

const paragraphs = (count: number, topic: string) =>
  Array.from({ length: count }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}: the water district said on Monday that its three reservoirs held more water than at any time since 2019, after storms that brought twice the usual rain.</p>`).join('\n');

describe("a call to get the site's app or newsletter between the paragraphs", () => {
  it.each([
    ['the app, in capitals and bold', '<p><a href="https://www.dispatch-herald.example/apps"><strong>CLICK HERE TO GET THE DISPATCH HERALD APP</strong></a></p>', 'CLICK HERE'],
    ['the newsletter', '<p><a href="/newsletters?pid=NL_TOP"><strong>SIGN UP FOR OUR NEWSLETTER TO GET THE DAY\'S TOP STORIES</strong></a></p>', 'SIGN UP'],
  ])('is left out: %s', (_name, line, words) => {
    const article = stored(`${paragraphs(2, 'the dams')}${line}${paragraphs(2, 'the rain')}`);
    expect(article.text).toContain('Paragraph 2 about the rain');
    expect(article.text).not.toContain(words);
  });

  it("keeps the story's sentence that tells readers to click or sign up, and the writer's link to a document", () => {
    const sentence = '<p>Sign up for the district\'s <a href="https://water.example/alerts">drought alerts</a> if you farm in the valley, officials said, because the rules change each month.</p>';
    const report = '<p><a href="https://water.example/reports/2024-reservoirs.pdf">Click here to read the full report</a></p>';
    const article = stored(`${paragraphs(2, 'the dams')}${sentence}${report}${paragraphs(2, 'the rain')}`);
    expect(article.text).toContain("Sign up for the district's drought alerts if you farm in the valley");
    expect(article.text).toContain('Click here to read the full report');
  });
});

describe("another story's headline, in capitals and linked whole, between the paragraphs", () => {
  it('is left out', () => {
    const line = '<p><strong><a href="https://www.dispatch-herald.example/health/wildfire-smoke-dementia-study">WILDFIRE SMOKE LINKED TO HIGHER RISK OF DEMENTIA, STUDY FINDS</a></strong></p>';
    const article = stored(`${paragraphs(2, 'the dams')}${line}${paragraphs(2, 'the rain')}`);
    expect(article.text).toContain('Paragraph 2 about the rain');
    expect(article.text).not.toContain('WILDFIRE SMOKE');
  });

  it("stays when it links to another site: a shopping list's product in capitals", () => {
    const product = '<p><strong><a href="https://www.outdoor-shop.example/p/rain-barrel-200-litre">GARDENLINE RAIN BARREL, 200 LITRES</a></strong></p>';
    const article = stored(`${paragraphs(2, 'the dams')}${product}${paragraphs(2, 'the rain')}`);
    expect(article.text).toContain('GARDENLINE RAIN BARREL, 200 LITRES');
  });

  it('stays when it is no link (a sign, a chant) or when its words are in mixed case', () => {
    const sign = '<p><strong>NO SWIMMING IN THE RESERVOIR AFTER DARK</strong></p>';
    const linked = '<p><a href="https://water.example/report">Read the district\'s full report on the reservoirs</a></p>';
    const article = stored(`${paragraphs(2, 'the dams')}${sign}${linked}${paragraphs(2, 'the rain')}`);
    expect(article.text).toContain('NO SWIMMING IN THE RESERVOIR AFTER DARK');
    expect(article.text).toContain("Read the district's full report on the reservoirs");
  });
});

describe("the site's word that it earns from the links", () => {
  it.each([
    ["Condé Nast's", '<p class="disclaimer"><em>If you buy something using links in our stories, we may earn a commission. This helps support our journalism. <a href="/about/affiliate-link-policy/">Learn more</a>.</em></p>'],
    ["a publisher's, by its name", '<p><em>When you purchase through links on our site, Future Publishing may earn an affiliate commission.</em></p>'],
    ['a plain one', '<p>This article contains affiliate links; we may earn a small commission if you buy through them.</p>'],
  ])('is left out: %s', (_name, line) => {
    const article = stored(`${line}${paragraphs(3, 'the pumps')}`);
    expect(article.text).toContain('Paragraph 3 about the pumps');
    expect(article.text).not.toMatch(/commission/);
  });

  it('stays when the story reports on commissions', () => {
    const story = '<p>Retailers earn a commission on each pump sold through the rebate program, and some dealers said they would pass it on to buyers.</p>';
    const article = stored(`${paragraphs(2, 'the pumps')}${story}${paragraphs(1, 'the rebates')}`);
    expect(article.text).toContain('Retailers earn a commission on each pump sold');
  });
});

describe("a share or comment tally beside the story's buttons", () => {
  it('is left out of a Fox News page, where it stood alone above the text', () => {
    expect(corpusText('en-foxnews-video')).not.toMatch(/^\s*84\s*$/m);
  });

  it('is left out, and a number of the story is kept', () => {
    const header = '<div class="share-bar"><div class="share-count"><span class="count">84</span></div></div>';
    const table = '<table><tr><th>Reservoir</th><th>Percent full</th></tr><tr><td>Lake Alder</td><td>84</td></tr></table>';
    const article = stored(`${header}${paragraphs(3, 'the dams')}${table}`);
    expect(article.text).not.toMatch(/^\s*84\s*$/m);
    expect(article.text).toMatch(/Lake Alder\s+84/);
  });
});

describe('a label before a link to another story', () => {
  it('leaves out Axios\'s "Go deeper:" line', () => {
    const line = '<p><strong>Go deeper:</strong> <a href="https://www.dispatch-herald.example/2024/02/20/reservoirs">Reservoirs were at record lows last year</a></p>';
    const article = stored(`${paragraphs(3, 'the dams')}${line}`);
    expect(article.text).toContain('Paragraph 3 about the dams');
    expect(article.text).not.toContain('Go deeper');
  });

  it('leaves out a Brightspot "More to Read" list of stories (the Los Angeles Times\')', () => {
    const text = corpusText('en-brightspot-latimes');
    expect(text).toContain('The ordinance takes effect in 30 days.');
    expect(text).not.toMatch(/More to Read|hidden urban orchards/);
  });
});

describe("a subscribers' story", () => {
  const box = '<div class="subscriber-only-box"><p>This article is for subscribers only</p><p>Get unlimited access to award-winning journalism.</p><a class="btn" href="/subscribe/">Subscribe now</a><p>Already a subscriber? <a href="/login/">Log in</a></p></div>';

  it("keeps the free text and leaves out the paywall's box whole, and says it is a teaser", () => {
    const article = stored(`${paragraphs(3, 'the dams')}${box}`);
    expect(article.text).toContain('Paragraph 3 about the dams');
    expect(article.text).not.toMatch(/subscribers only|unlimited access|Subscribe now|Already a subscriber/);
    expect(article.extractionNote).toBe('the site shows the rest of this article to subscribers only');
  });

  it('leaves out the "Premium" label over the headline, and keeps the word in the story', () => {
    const label = '<div class="premium-label"><span class="premium-label__icon" aria-hidden="true"></span><span class="premium-label__text">Premium</span></div>';
    const article = stored(`${label}${paragraphs(3, 'the dams')}<p>Premium</p><p>The district sells premium water rights to farms at twice the usual price.</p>`);
    expect(article.text).toContain('premium water rights');
    expect(article.text.match(/Premium/g)).toHaveLength(1);
  });
});

describe("a box asking for money for the site, between the paragraphs", () => {
  const siteName = '<meta property="og:site_name" content="Dispatch Herald">';
  const box = (title: string) => `<div class="cli-support"><h3>${title}</h3><p>At the Herald, we believe everyone needs good journalism. Would you join us to help keep our stories free for all?</p><a class="button" href="/support/">Support the Herald</a></div>`;

  it('is left out when its title names the site', () => {
    const article = stored(`${paragraphs(2, 'the dams')}${box('Support Dispatch Herald')}${paragraphs(2, 'the rain')}`, siteName);
    expect(article.text).toContain('Paragraph 2 about the rain');
    expect(article.text).not.toMatch(/Support Dispatch Herald|keep our stories free/);
  });

  it("stays when it asks for a cause of the story's, with the story after it", () => {
    const article = stored(`${paragraphs(2, 'the dams')}${box('Support the valley farmers')}${paragraphs(2, 'the rain')}`, siteName);
    expect(article.text).toContain('Support the valley farmers');
  });
});

describe("a carousel of the site's other videos in the text", () => {
  it("is left out, and the story's own video keeps its caption", () => {
    const own = '<div class="featured-video"><div class="video-player" data-v-id="63488"><img src="/posters/dam.jpg" alt="Video"></div><div class="caption"><p class="title">Water spills over the Lake Alder dam for the first time since 2019</p></div></div>';
    const carousel = '<div class="vid-promo-wrapper"><div class="video-carousel"><h4>Dispatch Daily Cover Stories</h4><div class="fbs-video-container" data-video-id="1"><img src="/posters/a.jpg" alt=""><p class="video-title">How This Startup Built A $1 Billion Business</p></div><div class="fbs-video-container" data-video-id="2"><p class="video-title">The Billionaire Who Bought A Town</p></div></div></div>';
    const article = stored(`${own}${paragraphs(2, 'the dams')}${carousel}${paragraphs(2, 'the rain')}`);
    expect(article.text).toContain('Water spills over the Lake Alder dam for the first time since 2019');
    expect(article.text).toContain('Paragraph 2 about the rain');
    expect(article.text).not.toMatch(/Cover Stories|Billion Business|Bought A Town/);
  });
});
