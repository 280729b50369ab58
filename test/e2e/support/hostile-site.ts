// A loopback site that puts the XSS corpus (test/fixtures/xss/vectors.ts) everywhere a stranger
// can put text into the reader: feed and item titles, authors, item content, enclosure and media
// URLs, article pages (body, head, attributes), comment feeds (comment text and author names)
// and an OPML file (feed and folder names). Every vector's payload aims at a second server, the
// leak server, which only counts what reaches it.
//
// Two feeds share the corpus: "wire" items carry it in their content (read with full text off),
// "pages" items link to article pages carrying it (read with full text on). Each item has a
// comment feed with one comment per vector of its group, its author named by another vector.
import { makePng } from '../../support/images';
import { TestServer, sendStatic } from '../../support/server';
import { xssVectors, type XssVector } from '../../fixtures/xss/vectors';

export type HostileFeed = 'wire' | 'pages';

export interface HostileArticle {
  readonly feed: HostileFeed;
  readonly group: number;
  /** The readable start of the title (the rest of it is a vector). */
  readonly title: string;
  /** A sentence the reader must show as plain, readable text. */
  readonly sentence: string;
  /** A sentence of one of its comments, likewise. */
  readonly commentSentence: string;
  readonly vectors: readonly XssVector[];
}

const GROUP_SIZE = 10;
const PUBLISHED = Date.UTC(2026, 10, 3, 9);
const LONG_TEXT =
  'The harbour works began on Monday with the first pile driven into the northern quay, watched by a small crowd of residents. ' +
  'Engineers expect the first stage to take eighteen months, after which the ferry terminal will move to the new berth.';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export class HostileSite {
  readonly vectors: readonly XssVector[];
  readonly articles: readonly HostileArticle[];

  private constructor(
    readonly server: TestServer,
    /** Counts every request; a vector's payload is aimed here. */
    readonly leak: TestServer,
  ) {
    this.vectors = xssVectors(leak.origin);
    const groups = Array.from({ length: Math.ceil(this.vectors.length / GROUP_SIZE) }, (_, g) => this.vectors.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE));
    this.articles = (['wire', 'pages'] as const).flatMap((feed) =>
      groups.map((vectors, group) => ({
        feed,
        group,
        title: `Harbour ${feed} report ${group + 1}`,
        sentence: `Plain ${feed} sentence ${group + 1}: the ferry timetable changes on Monday.`,
        commentSentence: `Plain comment on ${feed} ${group + 1}: the ferry was late again.`,
        vectors,
      })),
    );
  }

  static async start(): Promise<HostileSite> {
    const [server, leak] = await Promise.all([TestServer.start(), TestServer.start()]);
    // Real pictures for what asks for one (the sync may cache them: they are then shown from the
    // local cache, never from here); a bare 204 for everything else.
    leak.fallback((req, res) => {
      if (/\.(png|gif|jpe?g|webp)$/.test(req.url ?? '')) return sendStatic(req, res, { body: makePng(24, 16, [200, 30, 30]), type: 'image/png' });
      res.writeHead(204);
      res.end();
    });
    const site = new HostileSite(server, leak);
    site.install();
    return site;
  }

  feedUrl(feed: HostileFeed): string {
    return this.server.url(`/${feed}.xml`);
  }

  /** The name the OPML gives a subscription: the wire's is vectors' (kept as the person's name for
   *  it); the pages feed has none, so it shows the feed's own title, a vector too. */
  subscribedName(feed: HostileFeed): string | null {
    return feed === 'wire' ? `Subscribed ${this.vectors[4]!.html}` : null;
  }

  /** Subscriptions to both feeds, the wire's named by vectors (text over title, as OPML 2.0 has readers show it), in a folder named by a vector. */
  opml(): string {
    const name = (n: number) => escapeXml(`Subscribed ${this.vectors[n]!.html}`);
    return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>${escapeXml(this.vectors[1]!.html)}</title></head><body>
<outline text="${escapeXml(`Folder ${this.vectors[2]!.html}`)}" title="${escapeXml(`Folder ${this.vectors[3]!.html}`)}">
  <outline type="rss" text="${name(4)}" title="${name(5)}" xmlUrl="${escapeXml(this.feedUrl('wire'))}" htmlUrl="javascript:alert('XSS-OPML')"/>
</outline>
<outline type="rss" xmlUrl="${escapeXml(this.feedUrl('pages'))}"/>
</body></opml>`;
  }

  stop(): Promise<void> {
    return Promise.all([this.server.stop(), this.leak.stop()]).then(() => undefined);
  }

  private install(): void {
    for (const feed of ['wire', 'pages'] as const) {
      this.server.route(`/${feed}.xml`, (req, res) => sendStatic(req, res, { body: this.feedXml(feed), type: 'application/rss+xml; charset=utf-8' }));
    }
    for (const article of this.articles) {
      const base = `/${article.feed}/${article.group + 1}`;
      this.server.route(`${base}.html`, (req, res) => sendStatic(req, res, { body: this.pageHtml(article), type: 'text/html; charset=utf-8' }));
      this.server.route(`${base}/comments.xml`, (req, res) => sendStatic(req, res, { body: this.commentFeed(article), type: 'application/rss+xml; charset=utf-8' }));
    }
    this.server.serve('/photo.png', { body: makePng(96, 48, [40, 110, 160]), type: 'image/png' });
  }

  private vectorAt(n: number): XssVector {
    return this.vectors[n % this.vectors.length]!;
  }

  private feedXml(feed: HostileFeed): string {
    const offset = feed === 'wire' ? 7 : 40;
    const items = this.articles.filter((a) => a.feed === feed).map((article, i) => {
      const url = this.server.url(`/${feed}/${article.group + 1}.html`);
      const content = feed === 'wire' ? this.body(article) : `<p>${article.title}: a short teaser ${this.vectorAt(offset + i + 3).html}</p>`;
      return `<item>
  <title>${escapeXml(`${article.title} ${this.vectorAt(offset + i).html}`)}</title>
  <link>${url}</link>
  <guid isPermaLink="false">${feed}-${article.group}</guid>
  <pubDate>${new Date(PUBLISHED - (article.group + (feed === 'pages' ? 100 : 0)) * 60_000).toUTCString()}</pubDate>
  <dc:creator>${escapeXml(`Reporter ${this.vectorAt(offset + i + 1).html}`)}</dc:creator>
  <category>${escapeXml(this.vectorAt(offset + i + 2).html)}</category>
  <enclosure url="javascript:alert('XSS-ENC-${i}')" type="audio/mpeg" length="1"/>
  <enclosure url="${this.leak.url(`/leak/enclosure-${feed}-${i}.mp3`)}" type="audio/mpeg" length="1"/>
  <media:content url="${this.leak.url(`/leak/media-${feed}-${i}.jpg`)}" medium="image"/>
  <comments>javascript:alert('XSS-COMMENTS-${i}')</comments>
  <wfw:commentRss>${this.server.url(`/${feed}/${article.group + 1}/comments.xml`)}</wfw:commentRss>
  <slash:comments>${article.vectors.length}</slash:comments>
  <description>${escapeXml(content)}</description>
</item>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>${escapeXml(`Hostile ${feed} ${this.vectorAt(offset + 50).html}`)}</title>
<link>${this.server.url('/')}</link>
<description>${escapeXml(this.vectorAt(offset + 51).html)}</description>
<image><url>${this.leak.url(`/leak/icon-${feed}.png`)}</url><title>x</title><link>${this.server.url('/')}</link></image>
${items.join('\n')}
</channel></rss>`;
  }

  /** The article's text with its vectors, each between two plain sentences. */
  private body(article: HostileArticle): string {
    return [
      `<p>${article.sentence}</p>`,
      `<figure><img src="${this.server.url('/photo.png')}" alt="The northern quay"><figcaption>The northern quay.</figcaption></figure>`,
      ...article.vectors.map((v) => `<p>Before ${v.id} the council met.</p>${v.html}<p>After ${v.id} the quay reopened.</p>`),
      `<p>${LONG_TEXT}</p>`,
    ].join('\n');
  }

  /** An article page: vectors in the head, in attributes, and in the body around the text. */
  private pageHtml(article: HostileArticle): string {
    const attribute = escapeXml(article.vectors.map((v) => v.html).join(' '));
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(article.title)}</title>
${article.vectors.map((v) => v.html).join('\n')}
</head>
<body onload="alert('XSS-BODY-${article.group}')">
<main><article title="${attribute}"><h1 data-title="${attribute}">${article.title}</h1>
<p class="lead">${LONG_TEXT}</p>
${this.body(article)}
<p>${LONG_TEXT} ${LONG_TEXT}</p>
</article></main></body></html>`;
  }

  private commentFeed(article: HostileArticle): string {
    const post = this.server.url(`/${article.feed}/${article.group + 1}.html`);
    const items = article.vectors.map((vector, i) => {
      const author = `Reader ${this.vectorAt(this.vectors.indexOf(vector) + 17).html}`;
      const text = i === 0 ? `<p>${article.commentSentence}</p>` : '';
      return `<item>
  <title>${escapeXml(`By: ${author}`)}</title>
  <link>${post}#comment-${i + 1}</link>
  <dc:creator>${escapeXml(author)}</dc:creator>
  <pubDate>${new Date(PUBLISHED + i * 60_000).toUTCString()}</pubDate>
  <guid isPermaLink="false">${this.server.url(`/?p=${article.group}`)}#comment-${i + 1}</guid>
  <description>${escapeXml(`${text}<p>Before ${vector.id} a reader wrote.</p>${vector.html}<p>After ${vector.id} the reader signed off.</p>`)}</description>
</item>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>${escapeXml(`Comments on ${article.title}`)}</title><link>${post}</link><description>comments</description>
${items.join('\n')}
</channel></rss>`;
  }
}
