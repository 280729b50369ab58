// Feeds, pages and images shaped like the real web, for bench/sync.ts.
//
// Item size: full `content:encoded` of 2-10 KB, drawn from a log-normal with a median of about
// 4 KB (clipped to 2-10 KB), from a fixed seed so every run serves the same bytes. Why: WordPress
// and Ghost full-content feeds, which is what people subscribe to for offline reading, carry
// 3-8 KB per item; news agencies' long reads reach 10 KB and more; summary-only feeds (under
// 1 KB) are the easy case and would flatter us. Each item has the markup real posts have: a
// lead figure with a caption, 1-3 more images, 3-12 links, emphasis, now and then a blockquote
// or a list. The article page wraps the same content in a site's whole page (see PAGE_MEDIAN).
// Words: drawn by Zipf's law over a vocabulary of 40,000 (bench/vocabulary.ts says why).
//
// Images: each address serves its own bytes (a JPEG's markers around pseudo-random data, which is
// what compressed image data looks like to a hash or a disk), sized log-normal with a median of
// 60 KB, clipped to 15-250 KB. Why: a news site's lead image at 1200 px as JPEG is some 80-150 KB
// and its inline ones at 800 px 40-80 KB; thumbnails are the small end. One tiny image served for
// every address, as before, was deduplicated by the content-addressed cache and cost nothing to
// hash or write: it flattered us.
//
// Compression: pages and feeds go out gzipped to a client that accepts it, as news sites and
// their feeds are served (the client then inflates some 700 MB of pages in a many-host sync);
// images as they are. Compressed once, before any measured run: gzipping each page as it is asked
// for would cost the benchmark's own process as much CPU as the sync's inflating.
//
// Many hosts: the feeds live on one host; pages and images are spread over `liveHosts`
// (127.0.0.3 ...), and a few images (one in 40 each) point at the troubled hosts: two dead ones
// (connection refused), a black hole (accepts, never answers) and a slow one (500 ms).
import type http from 'node:http';
import zlib from 'node:zlib';
import { seededRandom } from '../test/support/random';
import { sendStatic, type TestServer } from '../test/support/server';
import { drawWord } from './vocabulary';

export interface SiteLayout {
  readonly feeds: number;
  readonly itemsPerFeed: number;
  /** Origins that serve pages and images (each a TestServer); at least one. */
  readonly liveOrigins: readonly string[];
  /** Origins some images point at that will not answer well (dead, black hole, slow). */
  readonly troubledOrigins: readonly string[];
}

const WORDS = ('council harbour ministers agreed budget river station evening reported residents plans ' +
  'bridge school weather market election museum library festival workers railway hospital') .split(' ');

/** The same site on every run. */
const random = seededRandom;

/** Random bytes the images are cut from (made once: the servers must cost the measured sync little CPU). */
const IMAGE_DATA = (() => {
  const rand = random(7919);
  return Buffer.from(Uint8Array.from({ length: 512 * 1024 }, () => Math.floor(rand() * 256)));
})();

/** An image address's own bytes: see the file's opening comment. */
export function imageBytes(path: string): Buffer {
  let seed = 0;
  for (let i = 0; i < path.length; i++) seed = Math.imul(seed ^ path.charCodeAt(i), 16777619) >>> 0;
  const rand = random(seed);
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const size = Math.min(250 * 1024, Math.max(15 * 1024, Math.round(60 * 1024 * Math.exp(0.6 * normal))));
  const start = Math.floor(rand() * (IMAGE_DATA.length - size));
  // SOI, a comment segment naming the image (so no two are alike), a baseline frame header of
  // 1200 x 675 (the size every image reader looks for: the cache refuses huge declared sizes), the
  // start of the scan, the data, EOI. Without the frame header, random data read as one declared
  // some 2 images in 11,000 at an absurd size.
  const comment = Buffer.from(`bench ${path}`, 'latin1');
  const segment = Buffer.from([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]);
  const frame = Buffer.from([0xff, 0xc0, 0, 17, 8, 675 >> 8, 675 & 0xff, 1200 >> 8, 1200 & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const scan = Buffer.from([0xff, 0xda, 0, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), segment, comment, frame, scan, IMAGE_DATA.subarray(start, start + size), Buffer.from([0xff, 0xd9])]);
}

function sentence(rand: () => number): string {
  const n = 8 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => drawWord(rand));
  return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
}

/**
 * What the servers saw, for the benchmark's arithmetic: requests in flight over time (from arrival
 * to the answer's last byte), so the mean number of connections at work can be set against the
 * client's limit, and the span from the first request to the last answer.
 */
export class Traffic {
  firstAt = 0;
  lastAt = 0;
  open = 0;
  mostOpen = 0;
  /** The most requests in flight in each second from the first request: where the network sat idle. */
  readonly mostPerSecond: number[] = [];
  /** Sum of (requests in flight) x (time), in request-milliseconds. */
  private busy = 0;
  private changedAt = 0;

  begin(): void {
    const at = this.tick();
    if (this.firstAt === 0) this.firstAt = at;
    this.mostOpen = Math.max(this.mostOpen, ++this.open);
    const second = Math.floor((at - this.firstAt) / 1000);
    this.mostPerSecond[second] = Math.max(this.mostPerSecond[second] ?? 0, this.open);
  }

  end(): void {
    this.lastAt = this.tick();
    this.open--;
  }

  get spanMs(): number {
    return this.lastAt - this.firstAt;
  }

  /** Mean requests in flight between the first request and the last answer. */
  get meanOpen(): number {
    return this.spanMs > 0 ? this.busy / this.spanMs : 0;
  }

  private tick(): number {
    const at = performance.now();
    if (this.changedAt > 0) this.busy += this.open * (at - this.changedAt);
    this.changedAt = at;
    return at;
  }
}

/** Answers after `latencyMs`, counting the request in `traffic` until its last byte is sent. */
function answerLater(traffic: Traffic, res: http.ServerResponse, latencyMs: number, answer: () => void): void {
  traffic.begin();
  res.once('close', () => traffic.end());
  setTimeout(answer, latencyMs);
}

// Article pages: sized and shaped like real news sites' pages, because Readability, the DOM and
// our page cleanup pay for every element of a page, not for the article alone. Size: a site's page
// weight (its template: the head, menus, rails, footer, inline scripts and styles) is drawn per
// site from a log-normal with a median of 120 KB (sigma 0.5), clipped to 40-400 KB; each page adds
// its own head, article (the feed's content, 2-10 KB), related rail and, on one page in four, a
// comment section (3-20 KB). Why: article pages of news sites are 60-400 KB of HTML (a local
// WordPress paper is at the low end; the big national sites, with their mega-menus and state
// blobs, at the high end), and most of those bytes are the site's template, the same on every
// page of a site, so pages of one site differ mostly by their story. What the template's bytes
// are, as on such pages: about a third inline scripts (analytics set-up, ad set-up, a JSON state
// blob of the menus and config), an eighth inline CSS, and the rest markup: a head of dozens of
// meta and link tags, a masthead with an inline SVG logo, a mega-menu of some hundreds of links,
// ad slots, a newsletter box, a most-read rail, a cookie banner and a long footer of link columns.
// The template is made once per site and kept (about 12 MB for 100 sites): a page costs the
// server only its own parts. The site's chrome uses no <article> of its own and no WordPress
// comment markup (that would send the sync after comment pages the benchmark does not serve).
const PAGE_MEDIAN = 120 * 1024;
const PAGE_MIN = 40 * 1024;
const PAGE_MAX = 400 * 1024;
// What a page adds to its site's template on average (head, article, rail, comments).
const PAGE_OWN = 10 * 1024;

interface SiteChrome {
  readonly origin: string;
  readonly name: string;
  readonly sections: readonly string[];
  /** From the doctype to the page's own head tags. */
  readonly headStart: string;
  /** After the page's own head tags, up to </head>. */
  readonly headEnd: string;
  readonly bodyStart: string;
  readonly share: string;
  readonly adTop: string;
  readonly adMid: string;
  readonly newsletter: string;
  readonly rail: string;
  readonly bodyEnd: string;
}

const SECTION_NAMES = ['News', 'World', 'Politics', 'Business', 'Climate', 'Science', 'Sport', 'Culture', 'Opinion', 'Travel', 'Food', 'Health', 'Technology', 'Local'];

/** Words in title case, for menu and footer labels. */
function label(rand: () => number, words: number): string {
  return Array.from({ length: words }, () => {
    const word = WORDS[Math.floor(rand() * WORDS.length)]!;
    return word.charAt(0).toUpperCase() + word.slice(1);
  }).join(' ');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** An inline SVG icon as sites paste them: a path of some hundreds of coordinates. */
function icon(rand: () => number, points: number): string {
  const d = Array.from({ length: points }, (_, i) => `${i === 0 ? 'M' : i % 3 === 0 ? 'C' : ''}${(rand() * 24).toFixed(2)} ${(rand() * 24).toFixed(2)}`).join(' ');
  return `<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="${d}Z"/></svg>`;
}

/** Appends what `make` returns until the text reaches `bytes`. */
function fill(bytes: number, make: (n: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = 0; length < bytes; n++) {
    const part = make(n);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

function card(rand: () => number, href: string, thumb: string): string {
  return `<li class="card"><a class="card__link" href="${href}"><img class="card__image" src="${thumb}" alt="" width="300" height="169" loading="lazy"><span class="card__title">${sentence(rand)}</span></a><span class="card__meta"><time>${1 + Math.floor(rand() * 23)}h ago</time></span></li>`;
}

/** Readers' comments as news sites render them (no WordPress markup: see the opening comment). */
function commentSection(rand: () => number): string {
  const comments = fill(3072 + Math.floor(rand() * 17_408), (n) =>
    `<div class="comment" id="c${n}"><div class="comment__author"><img src="/static/avatar.png" alt="" width="32" height="32"><span>${label(rand, 2)}</span> <time>${1 + (n % 12)}h ago</time></div><div class="comment__body"><p>${sentence(rand)} ${sentence(rand)}</p></div><div class="comment__actions"><button>Reply</button><button>Recommend (${n * 3 % 40})</button></div></div>`);
  return `<section id="comments" class="comments"><h2>Comments</h2><p class="comments__rules">Comments are moderated. Read our community guidelines.</p>${comments}</section>`;
}

/** A site's template, made once per site: see the comment above PAGE_MEDIAN. */
function siteChrome(feed: number, origin: string): SiteChrome {
  const rand = random(feed * 65_537 + 11);
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const total = Math.min(PAGE_MAX, Math.max(PAGE_MIN, Math.round(PAGE_MEDIAN * Math.exp(0.5 * normal))));
  const budget = Math.max(8 * 1024, total - PAGE_OWN);
  const name = `The ${label(rand, 1)} ${['Chronicle', 'Herald', 'Gazette', 'Post', 'Times'][feed % 5]}`;
  const sections = SECTION_NAMES.slice(0, 8 + (feed % 7));
  const links = (n: number) => Array.from({ length: n }, () => {
    const text = label(rand, 1 + Math.floor(rand() * 3));
    return `<li><a href="/${slug(text)}/">${text}</a></li>`;
  }).join('');

  const css = fill(budget * 0.12, (n) => `.c-${n.toString(36)}{display:${['flex', 'block', 'grid'][n % 3]};margin:${n % 4}px auto;padding:${(n * 7) % 24}px ${(n * 3) % 16}px;color:#${(n * 2654435761 >>> 8).toString(16).padStart(6, '0').slice(0, 6)};font:${12 + (n % 10)}px/1.4 var(--font-${n % 3})}@media (min-width:${600 + (n % 4) * 200}px){.c-${n.toString(36)}>.c-${(n + 1).toString(36)}{flex:1 1 ${n % 50}%}}`);
  const state = fill(budget * 0.26, (n) => `${n === 0 ? '' : ','}{"id":"nav-${n}","label":"${label(rand, 2)}","href":"/${slug(label(rand, 2))}/","children":[${Array.from({ length: 4 }, (_, i) => `{"id":"nav-${n}-${i}","label":"${label(rand, 1)}","track":{"event":"menu_click","position":${i}}}`).join(',')}],"flags":{"beta":${n % 2 === 0},"variant":"${'abc'[n % 3]}"}}`);
  const analytics = fill(budget * 0.06, (n) => `window.dataLayer.push({"event":"config","slot":${n},"key":"${Math.floor(rand() * 1e12).toString(36)}","consent":{"ads":"pending","analytics":"pending"}});\n`);

  const headStart = `<!doctype html><html lang="en-GB" class="no-js"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="max-image-preview:large"><meta name="theme-color" content="#${(feed * 999_983 >>> 0).toString(16).slice(0, 6).padStart(6, '0')}">
${['https://cdn.example', 'https://fonts.example', 'https://ads.example', 'https://analytics.example', 'https://consent.example'].map((o) => `<link rel="preconnect" href="${o}" crossorigin><link rel="dns-prefetch" href="${o}">`).join('')}
<link rel="preload" href="/static/fonts/serif.woff2" as="font" type="font/woff2" crossorigin><link rel="preload" href="/static/fonts/sans.woff2" as="font" type="font/woff2" crossorigin>
<link rel="icon" href="/favicon.ico" sizes="any"><link rel="icon" href="/icon.svg" type="image/svg+xml"><link rel="apple-touch-icon" href="/apple-touch-icon.png"><link rel="manifest" href="/manifest.webmanifest">
<link rel="alternate" type="application/rss+xml" title="${name}" href="/feeds/${feed}.xml"><link rel="stylesheet" href="/static/main.${feed}.css">
<meta property="og:site_name" content="${name}"><meta property="og:locale" content="en_GB"><meta property="fb:app_id" content="${100_000 + feed}"><meta name="twitter:card" content="summary_large_image"><meta name="twitter:site" content="@site${feed}">
<style>${css}</style>`;
  const headEnd = `<script>window.dataLayer=window.dataLayer||[];\n${analytics}</script>
<script async src="https://analytics.example/gtag.js"></script><script async src="https://ads.example/tag/js/gpt.js"></script><script defer src="/static/main.${feed}.js"></script></head>`;

  const menu = fill(budget * 0.14, (n) => {
    const section = sections[n % sections.length]!;
    return `<li class="mega-menu__item"><a class="mega-menu__link" href="/section/${n}/">${section}</a><div class="mega-menu__panel"><ul class="mega-menu__list">${links(8 + Math.floor(rand() * 10))}</ul></div></li>`;
  });
  const logo = icon(rand, 120).replace('width="20" height="20"', 'width="240" height="40"');
  const bodyStart = `<a class="skip-link" href="#main">Skip to content</a>
<div id="cookie-consent" class="cmp-banner" role="dialog" aria-label="Cookie consent"><p>We and our 842 partners store and access information on your device, such as cookies, and process personal data to show you personalised ads and content, measure them, and improve our services. You can accept or manage your choices at any time.</p><button class="cmp-accept">Accept all</button><button class="cmp-manage">Manage preferences</button></div>
<header class="masthead" role="banner"><div class="masthead__top"><span class="masthead__date">Thursday 3 December 2026</span><a href="/subscribe/">Subscribe</a><a href="/login/">Sign in</a><form class="search" action="/search" role="search"><label for="q" class="visually-hidden">Search</label><input id="q" name="q" type="search" placeholder="Search"><button>${icon(rand, 30)}</button></form></div>
<a class="masthead__logo" href="/" aria-label="${name}">${logo}</a>
<nav class="mega-menu" aria-label="Sections"><button class="mega-menu__toggle" aria-expanded="false">${icon(rand, 12)}Menu</button><ul class="mega-menu__root">${menu}</ul></nav></header>`;

  const share = `<div class="social-share">${['Facebook', 'X', 'LinkedIn', 'WhatsApp', 'Email', 'Copy link'].map((to) => `<a class="social-share__link" href="https://share.example/${slug(to)}?u=${encodeURIComponent(origin)}">${icon(rand, 40)}<span class="visually-hidden">Share on ${to}</span></a>`).join('')}</div>`;
  const ad = (slot: string) => `<div class="ad-slot ad-slot--${slot}" id="div-gpt-ad-${feed}-${slot}" data-sizes="[[728,90],[970,250],[300,250]]"><span class="ad-slot__label">Advertisement</span><script>googletag.cmd.push(function(){googletag.display("div-gpt-ad-${feed}-${slot}");});</script></div>`;
  const newsletter = `<section class="newsletter-signup"><h2>Get the morning briefing</h2><p>The day's top stories, in your inbox every weekday at 7am.</p><form action="/newsletter" method="post"><label for="nl-email">Email address</label><input type="email" id="nl-email" name="email" required><input type="hidden" name="list" value="morning"><button type="submit">Sign up</button></form><p class="newsletter-signup__small">By signing up you agree to our privacy notice.</p></section>`;
  const mostRead = fill(budget * 0.05, (n) => card(rand, `/news/${feed}/${n % 50}.html`, `${origin}/img/thumb/${feed}/${n % 50}.jpg`));
  const rail = `<aside class="rail">${ad('rail')}<section class="most-read"><h2>Most read</h2><ol class="cards">${mostRead}</ol></section>${ad('rail-2')}</aside>`;

  const columns = fill(budget * 0.1, (n) => `<div class="footer__column"><h3>${sections[n % sections.length]}</h3><ul>${links(10 + Math.floor(rand() * 8))}</ul></div>`);
  const social = ['Facebook', 'X', 'Instagram', 'YouTube', 'TikTok'].map((to) => `<a href="https://${slug(to)}.example/site${feed}" aria-label="${to}">${icon(rand, 40)}</a>`).join('');
  const bodyEnd = `
<footer class="site-footer" role="contentinfo"><div class="footer__columns">${columns}</div><div class="footer__social">${social}</div>
<p class="footer__legal">${name} is published by ${label(rand, 2)} Media Ltd, registered in England and Wales. ${sentence(rand)} ${sentence(rand)}</p><p>© 2026 ${name}. All rights reserved.</p></footer>
<script id="__APP_STATE__" type="application/json">{"site":"${name}","navigation":[${state}]}</script>
<script>(function(){var d=document;d.documentElement.className=d.documentElement.className.replace("no-js","js");})();</script>`;
  return { origin, name, sections, headStart, headEnd, bodyStart, share, adTop: ad('top'), adMid: ad('mid'), newsletter, rail, bodyEnd };
}

export class RealisticNews {
  readonly traffic = new Traffic();
  private readonly chromes = new Map<number, SiteChrome>();

  /** Each page's gzipped bytes, by "feed/item" (compressedPages). */
  private gzippedPages: Map<string, Buffer> | null = null;

  constructor(readonly layout: SiteLayout) {}

  /** Every page gzipped, made at the first call (some seconds for 5,000 pages). */
  private compressedPages(): Map<string, Buffer> {
    if (!this.gzippedPages) {
      this.gzippedPages = new Map();
      for (let feed = 0; feed < this.layout.feeds; feed++) {
        for (let item = 0; item < this.layout.itemsPerFeed; item++) this.gzippedPages.set(`${feed}/${item}`, zlib.gzipSync(this.pageHtml(feed, item)));
      }
    }
    return this.gzippedPages;
  }

  private pick(origins: readonly string[], n: number): string {
    return origins[n % origins.length]!;
  }

  /** Target size of an item's content in bytes: log-normal, median ~4 KB, clipped to 2-10 KB. */
  private size(rand: () => number): number {
    const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return Math.min(10_240, Math.max(2048, Math.round(4096 * Math.exp(0.45 * normal))));
  }

  imageUrl(feed: number, item: number, n: number): string {
    const { liveOrigins, troubledOrigins } = this.layout;
    const index = feed * 1000 + item * 10 + n;
    const troubled = troubledOrigins.length > 0 && (feed * 7 + item * 13 + n * 3) % 40 === 7 ? this.pick(troubledOrigins, feed + item) : null;
    // A multiplicative hash spreads the images over every live host (index * 7 put them all on 5 of 35).
    return `${troubled ?? this.pick(liveOrigins, Math.imul(index, 2654435761) >>> 0)}/img/${feed}/${item}/${n}.jpg`;
  }

  pageUrl(feed: number, item: number): string {
    return `${this.pick(this.layout.liveOrigins, feed * 31 + item)}/news/${feed}/${item}.html`;
  }

  content(feed: number, item: number): string {
    const rand = random(feed * 100_003 + item);
    const target = this.size(rand);
    const images = 1 + Math.floor(rand() * 3);
    const links = 3 + Math.floor(rand() * 10);
    const parts = [`<figure><img src="${this.imageUrl(feed, item, 0)}" alt="${sentence(rand)}" width="1200" height="675"><figcaption>${sentence(rand)}</figcaption></figure>`];
    let length = parts[0]!.length;
    let made = 0;
    let linked = 0;
    while (length < target) {
      const pieces = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => sentence(rand));
      if (linked < links) pieces[1] = `<a href="${this.pageUrl(feed + 1, (item + linked) % 50)}">${pieces[1]}</a>`;
      linked++;
      pieces[0] = `<strong>${pieces[0]}</strong>`;
      let block = `<p>${pieces.join(' ')} <em>${sentence(rand)}</em></p>`;
      if (rand() < 0.15) block += `<blockquote><p>${sentence(rand)}</p></blockquote>`;
      if (rand() < 0.1) block += `<ul>${Array.from({ length: 3 }, () => `<li>${sentence(rand)}</li>`).join('')}</ul>`;
      if (made < images && rand() < 0.3) block += `<p><img src="${this.imageUrl(feed, item, ++made)}" alt="" width="800" height="450"></p>`;
      parts.push(block);
      length += block.length;
    }
    return parts.join('\n');
  }

  feedXml(feed: number, origin: string): string {
    const items = Array.from({ length: this.layout.itemsPerFeed }, (_, i) => {
      const item = this.layout.itemsPerFeed - 1 - i;
      return `<item><title>${sentence(random(feed * 7 + item))}</title><link>${this.pageUrl(feed, item)}</link>
<guid isPermaLink="false">bench-${feed}-${item}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1) + feed * 1000 + item * 3_600_000).toUTCString()}</pubDate>
<dc:creator>Reporter ${item % 9}</dc:creator><category>News</category>
<description><![CDATA[${sentence(random(item))} ${sentence(random(item + 1))}]]></description>
<content:encoded><![CDATA[${this.content(feed, item)}]]></content:encoded></item>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Bench feed ${feed}</title><link>${origin}/</link><description>Realistic feed ${feed}</description>
${items.join('\n')}
</channel></rss>`;
  }

  /** The site's page template, made once per site (the feed's): see SITE_CHROME's comment. */
  private chrome(feed: number): SiteChrome {
    let chrome = this.chromes.get(feed);
    if (!chrome) {
      chrome = siteChrome(feed, this.pageUrl(feed, 0).replace(/\/news\/.*$/, ''));
      this.chromes.set(feed, chrome);
    }
    return chrome;
  }

  /**
   * The article's page as a news site serves it: the site's template (made once per site) around
   * the parts that are the story's own: its head (title, description, Open Graph and Twitter
   * cards, JSON-LD), the article (headline, byline, share buttons, the feed's own content, so the
   * extraction finds the same article), a related-stories rail and, on one page in four, the
   * readers' comments.
   */
  pageHtml(feed: number, item: number): string {
    const chrome = this.chrome(feed);
    const rand = random(feed * 90_001 + item * 7 + 3);
    const title = sentence(random(feed * 7 + item));
    const summary = `${sentence(random(item))} ${sentence(random(item + 1))}`;
    const url = this.pageUrl(feed, item);
    const lead = this.imageUrl(feed, item, 0);
    const published = new Date(Date.UTC(2026, 10, 1) + feed * 1000 + item * 3_600_000).toISOString();
    const author = `Reporter ${item % 9}`;
    const related = Array.from({ length: 6 + Math.floor(rand() * 7) }, (_, i) => card(rand, `${chrome.origin}/news/${feed}/${(item + i + 1) % 50}.html`, `${chrome.origin}/img/thumb/${feed}/${(item + i + 1) % 50}.jpg`)).join('');
    const head = `<title>${title} | ${chrome.name}</title>
<meta name="description" content="${summary}"><link rel="canonical" href="${url}">
<meta property="og:type" content="article"><meta property="og:title" content="${title}"><meta property="og:description" content="${summary}">
<meta property="og:url" content="${url}"><meta property="og:image" content="${lead}"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="675">
<meta property="article:published_time" content="${published}"><meta property="article:modified_time" content="${published}"><meta property="article:section" content="${chrome.sections[item % chrome.sections.length]}">
${Array.from({ length: 3 }, (_, i) => `<meta property="article:tag" content="${WORDS[(item + i * 5) % WORDS.length]}">`).join('')}<meta property="article:author" content="${chrome.origin}/authors/reporter-${item % 9}/">
<meta name="twitter:title" content="${title}"><meta name="twitter:description" content="${summary}"><meta name="twitter:image" content="${lead}">
<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, description: summary, image: [lead], datePublished: published, dateModified: published,
      author: [{ '@type': 'Person', name: author, url: `${chrome.origin}/authors/reporter-${item % 9}/` }],
      publisher: { '@type': 'NewsMediaOrganization', name: chrome.name, logo: { '@type': 'ImageObject', url: `${chrome.origin}/static/logo.png` } },
      mainEntityOfPage: url, isAccessibleForFree: true,
    })}</script>`;
    const article = `<article class="article" id="story-${item}"><header class="article__header"><p class="article__kicker"><a href="/section/${item % chrome.sections.length}/">${chrome.sections[item % chrome.sections.length]}</a></p>
<h1>${title}</h1><p class="byline">By <a rel="author" href="/authors/reporter-${item % 9}/">${author}</a> <time datetime="${published}">${published.slice(0, 10)}</time></p>${chrome.share}</header>
<div class="article__body">${this.content(feed, item)}</div>
<footer class="article__footer"><ul class="tags">${Array.from({ length: 3 }, (_, i) => `<li><a href="/tag/${WORDS[(item + i * 5) % WORDS.length]}/">${WORDS[(item + i * 5) % WORDS.length]}</a></li>`).join('')}</ul></footer></article>`;
    const comments = rand() < 0.25 ? commentSection(rand) : '';
    return `${chrome.headStart}${head}${chrome.headEnd}<body class="article-page">${chrome.bodyStart}
<main id="main"><div class="layout">${chrome.adTop}${article}
<aside class="related-articles"><h2>Related stories</h2><ul class="cards">${related}</ul></aside>${chrome.adMid}${chrome.newsletter}${comments}</div>
${chrome.rail}</main>${chrome.bodyEnd}</body></html>`;
  }

  /** Serves pages and images on a live host, after `latencyMs`. */
  serveContent(server: TestServer, latencyMs: number): void {
    const gzipped = this.compressedPages();
    server.fallback((req: http.IncomingMessage, res: http.ServerResponse) => {
      const url = req.url ?? '';
      answerLater(this.traffic, res, latencyMs, () => {
        const page = /^\/news\/(\d+)\/(\d+)\.html$/.exec(url);
        const type = 'text/html; charset=utf-8';
        if (page && acceptsGzip(req)) return sendGzipped(req, res, gzipped.get(`${page[1]}/${page[2]}`), type);
        if (page) return sendStatic(req, res, { body: this.pageHtml(Number(page[1]), Number(page[2])), type });
        if (url.startsWith('/img/')) return sendStatic(req, res, { body: imageBytes(url), type: 'image/jpeg' });
        res.writeHead(404).end();
      });
    });
  }

  serveFeeds(server: TestServer, latencyMs: number): void {
    for (let feed = 0; feed < this.layout.feeds; feed++) {
      const body = this.feedXml(feed, server.origin);
      const gzipped = zlib.gzipSync(body);
      const type = 'application/rss+xml; charset=utf-8';
      const etag = `"bench-${feed}"`;
      server.route(`/feeds/${feed}.xml`, (req, res) => {
        answerLater(this.traffic, res, latencyMs, () =>
          acceptsGzip(req) ? sendGzipped(req, res, gzipped, type, etag) : sendStatic(req, res, { body, type, etag }),
        );
      });
    }
  }
}

function acceptsGzip(req: http.IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/** Bytes gzipped ahead of time, sent as they are (sendStatic would compress them again). */
function sendGzipped(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer | undefined, type: string, etag?: string): void {
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  sendStatic(req, res, { body, type, headers: { 'content-encoding': 'gzip', vary: 'accept-encoding' }, ...(etag ? { etag } : {}) });
}
