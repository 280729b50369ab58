// Feeds, pages and images shaped like the real web, for bench/sync.ts.
//
// Item size: full `content:encoded` of 2-10 KB, drawn from a log-normal with a median of about
// 4 KB (clipped to 2-10 KB), from a fixed seed so every run serves the same bytes. Why: WordPress
// and Ghost full-content feeds, which is what people subscribe to for offline reading, carry
// 3-8 KB per item; news agencies' long reads reach 10 KB and more; summary-only feeds (under
// 1 KB) are the easy case and would flatter us. Each item has the markup real posts have: a
// lead figure with a caption, 1-3 more images, 3-12 links, emphasis, now and then a blockquote
// or a list. The article page wraps the same content in a site's chrome (navigation, sidebar,
// footer: about 3 KB), as Readability meets it.
//
// Images: each address serves its own bytes (a JPEG's markers around pseudo-random data, which is
// what compressed image data looks like to a hash or a disk), sized log-normal with a median of
// 60 KB, clipped to 15-250 KB. Why: a news site's lead image at 1200 px as JPEG is some 80-150 KB
// and its inline ones at 800 px 40-80 KB; thumbnails are the small end. One tiny image served for
// every address, as before, was deduplicated by the content-addressed cache and cost nothing to
// hash or write: it flattered us.
//
// Many hosts: the feeds live on one host; pages and images are spread over `liveHosts`
// (127.0.0.3 ...), and a few images (one in 40 each) point at the troubled hosts: two dead ones
// (connection refused), a black hole (accepts, never answers) and a slow one (500 ms).
import type http from 'node:http';
import { sendStatic, type TestServer } from '../test/support/server';

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

/** A small deterministic PRNG (mulberry32): the same site on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  // SOI, a comment segment naming the image (so no two are alike), the data, EOI.
  const comment = Buffer.from(`bench ${path}`, 'latin1');
  const segment = Buffer.from([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), segment, comment, IMAGE_DATA.subarray(start, start + size), Buffer.from([0xff, 0xd9])]);
}

function sentence(rand: () => number): string {
  const n = 8 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
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

export class RealisticNews {
  readonly traffic = new Traffic();

  constructor(readonly layout: SiteLayout) {}

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

  pageHtml(feed: number, item: number): string {
    const nav = Array.from({ length: 12 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
    const side = Array.from({ length: 8 }, (_, i) => `<li><a href="/news/${feed}/${(item + i + 1) % 50}.html">${sentence(random(i))}</a></li>`).join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${item}</title></head><body>
<header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>${sentence(random(feed * 7 + item))}</h1>${this.content(feed, item)}</article></main>
<aside><h2>Most read</h2><ul>${side}</ul></aside><footer><p>© Bench News. All rights reserved.</p></footer></body></html>`;
  }

  /** Serves pages and images on a live host, after `latencyMs`. */
  serveContent(server: TestServer, latencyMs: number): void {
    server.fallback((req: http.IncomingMessage, res: http.ServerResponse) => {
      const url = req.url ?? '';
      answerLater(this.traffic, res, latencyMs, () => {
        const page = /^\/news\/(\d+)\/(\d+)\.html$/.exec(url);
        if (page) return sendStatic(req, res, { body: this.pageHtml(Number(page[1]), Number(page[2])), type: 'text/html; charset=utf-8' });
        if (url.startsWith('/img/')) return sendStatic(req, res, { body: imageBytes(url), type: 'image/jpeg' });
        res.writeHead(404).end();
      });
    });
  }

  serveFeeds(server: TestServer, latencyMs: number): void {
    for (let feed = 0; feed < this.layout.feeds; feed++) {
      const body = this.feedXml(feed, server.origin);
      server.route(`/feeds/${feed}.xml`, (req, res) => {
        answerLater(this.traffic, res, latencyMs, () => sendStatic(req, res, { body, type: 'application/rss+xml; charset=utf-8', etag: `"bench-${feed}"` }));
      });
    }
  }
}
