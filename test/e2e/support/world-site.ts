// A loopback site whose feed carries articles in Arabic, Japanese and Russian and one hostile
// page (test/fixtures/articles/), with their pictures; and a second feed that can be made to
// fail, to see the sidebar's error badge.
import { fixtureText } from '../../support/fixtures';
import { makePng } from '../../support/images';
import { TestServer, sendStatic } from '../../support/server';

export interface WorldArticle {
  readonly fixture: string;
  readonly title: string;
  readonly lang: string;
}

export const WORLD_ARTICLES: readonly WorldArticle[] = [
  { fixture: 'arabic', title: 'افتتاح مكتبة عامة جديدة في وسط المدينة', lang: 'ar' },
  { fixture: 'japanese', title: '台風で不通の地方鉄道、三か月ぶりに全線で運転再開', lang: 'ja' },
  { fixture: 'russian', title: 'В городском парке завершили реконструкцию набережной', lang: 'ru' },
  { fixture: 'hostile', title: 'Council approves the new harbour plan', lang: 'en' },
];

const PUBLISHED = Date.UTC(2026, 10, 2, 9);

export class WorldSite {
  /** When true, the second feed answers 500. */
  failing = false;

  private constructor(readonly server: TestServer) {}

  static async start(): Promise<WorldSite> {
    const site = new WorldSite(await TestServer.start());
    site.install();
    return site;
  }

  get feedUrl(): string {
    return this.server.url('/world.xml');
  }

  get flakyFeedUrl(): string {
    return this.server.url('/flaky.xml');
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private install(): void {
    const items = WORLD_ARTICLES.map(
      (article, index) => `<item>
  <title><![CDATA[${article.title}]]></title>
  <link>${this.server.url(`/articles/${article.fixture}.html`)}</link>
  <guid isPermaLink="false">world-${article.fixture}</guid>
  <pubDate>${new Date(PUBLISHED - index * 3_600_000).toUTCString()}</pubDate>
  <description><![CDATA[${article.title}]]></description>
</item>`,
    );
    this.server.serve('/world.xml', {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World Desk</title><link>${this.server.url('/')}</link><description>Stories in many scripts</description>
${items.join('\n')}
</channel></rss>`,
    });
    for (const article of WORLD_ARTICLES) {
      this.server.serve(`/articles/${article.fixture}.html`, { type: 'text/html; charset=utf-8', body: fixtureText(`articles/${article.fixture}.html`) });
    }
    this.server.serve('/media/2023/05/library-hall.jpg', { type: 'image/png', body: makePng(64, 40, [190, 140, 60]) });
    this.server.serve('/articles/pier.jpg', { type: 'image/png', body: makePng(64, 40, [60, 120, 170]) });

    this.server.route('/flaky.xml', (req, res) => {
      if (this.failing) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('server error');
        return;
      }
      sendStatic(req, res, {
        type: 'application/rss+xml; charset=utf-8',
        body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Flaky Wire</title><link>${this.server.url('/flaky/')}</link><description>Sometimes down</description>
<item><title>The only story of the flaky wire</title><guid isPermaLink="false">flaky-1</guid><pubDate>${new Date(PUBLISHED - 86_400_000).toUTCString()}</pubDate>
<description><![CDATA[<p>It was up when we subscribed.</p>]]></description></item>
</channel></rss>`,
      });
    });
  }
}
