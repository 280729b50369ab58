// A generated news site on the loopback test server: N RSS feeds of M items each, every item
// an article page of about 6 KB with two images. Used by the sync tests and the benchmarks.
// Feeds answer conditional requests (ETag and Last-Modified), as real sites do.
import { makePng } from './images';
import { TestServer, sendStatic } from './server';

export interface NewsSiteOptions {
  readonly feeds: number;
  readonly itemsPerFeed: number;
  /** Items published per feed; raising it later makes the feeds change between syncs. */
  readonly imagesPerArticle?: number;
}

const LAST_MODIFIED = 'Mon, 02 Nov 2026 08:00:00 GMT';
const PARAGRAPH =
  'Ministers met in Brussels on Thursday for talks that officials described as frank and difficult. ' +
  'The meeting, which lasted more than three hours, ended without agreement on the main questions, ' +
  'but both sides said they were ready to continue the dialogue in the coming weeks. ';

export class NewsSite {
  private editions = new Map<number, number>();

  private constructor(
    readonly server: TestServer,
    readonly options: NewsSiteOptions,
  ) {}

  static async start(options: NewsSiteOptions): Promise<NewsSite> {
    const site = new NewsSite(await TestServer.start(), options);
    site.install();
    return site;
  }

  feedUrl(feed: number): string {
    return this.server.url(`/feeds/${feed}.xml`);
  }

  feedUrls(): string[] {
    return Array.from({ length: this.options.feeds }, (_, i) => this.feedUrl(i));
  }

  articleUrl(feed: number, item: number): string {
    return this.server.url(`/feeds/${feed}/articles/${item}.html`);
  }

  /** Publishes one more item in a feed (its body, ETag and Last-Modified change). */
  publish(feed: number): void {
    this.editions.set(feed, (this.editions.get(feed) ?? 0) + 1);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private itemCount(feed: number): number {
    return this.options.itemsPerFeed + (this.editions.get(feed) ?? 0);
  }

  private install(): void {
    for (let feed = 0; feed < this.options.feeds; feed++) {
      this.server.route(`/feeds/${feed}.xml`, (req, res) => {
        const edition = this.editions.get(feed) ?? 0;
        sendStatic(req, res, {
          body: this.feedXml(feed),
          type: 'application/rss+xml; charset=utf-8',
          etag: `"feed-${feed}-${edition}"`,
          lastModified: edition === 0 ? LAST_MODIFIED : new Date(Date.parse(LAST_MODIFIED) + edition * 60_000).toUTCString(),
        });
      });
    }
    this.server.fallback((req, res) => {
      const path = req.url ?? '';
      const article = /^\/feeds\/(\d+)\/articles\/(\d+)\.html$/.exec(path);
      if (article) return sendStatic(req, res, { body: this.articleHtml(Number(article[1]), Number(article[2])), type: 'text/html; charset=utf-8' });
      const image = /^\/img\/(\d+)-(\d+)-(\d+)\.png$/.exec(path);
      if (image) {
        const [f, i, n] = [Number(image[1]), Number(image[2]), Number(image[3])];
        return sendStatic(req, res, { body: makePng(16, 12, [f % 256, i % 256, (n * 97) % 256]), type: 'image/png' });
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  }

  private feedXml(feed: number): string {
    const count = this.itemCount(feed);
    const items: string[] = [];
    for (let item = count - 1; item >= Math.max(0, count - this.options.itemsPerFeed); item--) {
      const published = new Date(Date.UTC(2026, 10, 1) + feed * 1000 + item * 3_600_000).toUTCString();
      items.push(`    <item>
      <title>Story ${item} of feed ${feed}: talks continue</title>
      <link>${this.articleUrl(feed, item)}</link>
      <guid isPermaLink="false">feed-${feed}-item-${item}</guid>
      <pubDate>${published}</pubDate>
      <dc:creator><![CDATA[Reporter ${item % 7}]]></dc:creator>
      <category><![CDATA[World]]></category>
      <description><![CDATA[<p>${PARAGRAPH.slice(0, 160)}</p>]]></description>
    </item>`);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Generated feed ${feed}</title>
    <link>${this.server.url(`/feeds/${feed}/`)}</link>
    <description>Feed ${feed} of the generated news site</description>
${items.join('\n')}
  </channel>
</rss>
`;
  }

  private articleHtml(feed: number, item: number): string {
    const images = this.options.imagesPerArticle ?? 2;
    const figures = Array.from(
      { length: images },
      (_, n) => `<figure><img src="/img/${feed}-${item}-${n}.png" alt="Picture ${n + 1}" width="640" height="480"><figcaption>Picture ${n + 1} of story ${item}.</figcaption></figure>`,
    );
    const paragraphs = Array.from({ length: 12 }, (_, n) => `<p>${n === 0 ? `Story ${item} of feed ${feed}. ` : ''}${PARAGRAPH}</p>`);
    paragraphs.splice(2, 0, figures[0] ?? '');
    paragraphs.splice(8, 0, ...(figures.slice(1)));
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Story ${item} of feed ${feed}</title>
<meta property="og:image" content="/img/${feed}-${item}-0.png"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main><article><h1>Story ${item} of feed ${feed}: talks continue</h1><p class="byline">By Reporter ${item % 7}</p>
${paragraphs.join('\n')}
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another</a></li></ul></aside>
<footer><p>© Generated News</p></footer></body></html>`;
  }
}
