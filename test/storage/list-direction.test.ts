// The article list and the search hits say which way each article reads (ArticleSummary.dir),
// as the sync worked it out from its page: the list shows a right-to-left title and snippet so,
// also one that opens with a Latin brand name ("Samsung تطلق ..."), whose first letter reads left
// to right. Known from an index of the right-to-left articles (migration 17), which a page of the
// list looks up without reading any article's body. A real sync from a loopback site into SQLite.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { SUMMARY_COLUMNS } from '../../electron/core/storage/articles-repo';
import { Storage } from '../../electron/core/storage';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
}, '127.0.28.3');

interface Story {
  readonly slug: string;
  readonly lang: string;
  readonly dir: string | null;
  readonly title: string;
  readonly summary: string;
  readonly paragraphs: readonly string[];
}

const STORIES: readonly Story[] = [
  {
    slug: 'galaxy-fold', lang: 'ar', dir: 'rtl',
    title: 'Samsung تطلق هاتف Galaxy Z Fold 6 في الإمارات بسعر ٧٤٩٩ درهمًا',
    summary: 'Galaxy Z Fold 6 متوفر الآن في متاجر الإمارات بعد إطلاقه رسميًا، ويأتي بشاشة داخلية قابلة للطي بقياس ٧٫٦ بوصة.',
    paragraphs: [
      'Galaxy Z Fold 6 متوفر الآن في متاجر الإمارات بعد إطلاقه رسميًا، ويأتي بشاشة داخلية قابلة للطي بقياس ٧٫٦ بوصة ومعالج Snapdragon 8 Gen 3، مع ضمان لمدة عامين من الوكيل المحلي.',
      'وقالت الشركة إن الهاتف يدعم ميزات Galaxy AI باللغة العربية، ومنها الترجمة الفورية للمكالمات وتلخيص الملاحظات، وإن الطلب المسبق عليه فاق التوقعات بنسبة ٣٠٪ مقارنة بالجيل السابق.',
    ],
  },
  {
    slug: 'interest-rate', lang: 'he', dir: null,
    title: 'Leader Capital: בנק ישראל יותיר את הריבית על 4.5%',
    summary: 'Psagot ו-Leader Capital Markets העריכו כי הורדת ריבית ראשונה לא תגיע לפני 2025.',
    paragraphs: [
      'Psagot ו-Leader Capital Markets העריכו כי הורדת ריבית ראשונה לא תגיע לפני הרבעון הראשון של 2025, על רקע האינפלציה הגבוהה.',
      'נגיד בנק ישראל, פרופ\' אמיר ירון, אמר במסיבת עיתונאים בירושלים כי קצב האינפלציה השנתי עומד על 3.2%, מעל לגבול העליון של היעד.',
    ],
  },
  {
    slug: 'harbour', lang: 'en', dir: null,
    title: 'Harbour council approves the ferry budget',
    summary: 'The ferry will run every twenty minutes from May, the council said.',
    paragraphs: [
      'The ferry will run every twenty minutes from May, the council said on Tuesday after a long debate about the budget.',
      'Residents of the islands had asked for a later last boat; the timetable now ends at midnight on Fridays and Saturdays.',
    ],
  },
];

function serveSite(): string {
  const items = STORIES.map((story, i) => `<item><title>${story.title}</title><link>${server.url(`/${story.slug}/`)}</link>
<guid isPermaLink="false">${story.slug}</guid><pubDate>${new Date(Date.now() - (i + 1) * 3_600_000).toUTCString()}</pubDate>
<description>${story.summary}</description></item>`);
  server.serve('/feed', {
    type: 'application/rss+xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Mideast Tech</title><link>${server.url('/')}</link>
<description>News</description>${items.join('\n')}</channel></rss>`,
  });
  for (const story of STORIES) {
    server.serve(`/${story.slug}/`, {
      type: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html><html lang="${story.lang}"${story.dir ? ` dir="${story.dir}"` : ''}><head><meta charset="utf-8"><title>${story.title}</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${story.title}</h1>
${story.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></main><footer>© 2026</footer></body></html>`,
    });
  }
  return server.url('/feed');
}

async function syncSite(): Promise<void> {
  await core.api.addFeed(serveSite());
  const summary = await core.api.sync({ images: false });
  expect(summary.feedsFailed).toBe(0);
}

/** Each listed article's direction, by its page's address. */
function directions(articles: readonly { url: string | null; dir: string }[]): Record<string, string> {
  return Object.fromEntries(articles.map((article) => [new URL(article.url!).pathname, article.dir]));
}

const EXPECTED = { '/galaxy-fold/': 'rtl', '/interest-rate/': 'rtl', '/harbour/': 'ltr' };

describe('the direction of listed articles', () => {
  it('is each article\'s own, also for a right-to-left title that opens with a Latin brand name', async () => {
    await syncSite();
    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    expect(directions(articles)).toEqual(EXPECTED);
    // Read or unread, in every list.
    const unread = await core.api.listArticles({ filter: { kind: 'unread' } });
    expect(directions(unread.articles)).toEqual(EXPECTED);
    const opened = (await core.api.getArticle(articles.find((article) => article.title.startsWith('Samsung'))!.id))!;
    expect(opened.dir).toBe('rtl');
  });

  it('comes with each search hit, whose snippet is the article\'s text', async () => {
    await syncSite();
    expect(directions(await core.api.search('Galaxy'))).toEqual({ '/galaxy-fold/': 'rtl' });
    expect(directions(await core.api.search('2025'))).toEqual({ '/interest-rate/': 'rtl' });
    expect(directions(await core.api.search('ferry'))).toEqual({ '/harbour/': 'ltr' });
  });

  it('is looked up in the index of right-to-left articles, without reading any body', async () => {
    await syncSite();
    const plan = core.storage.db
      .all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT ${SUMMARY_COLUMNS} FROM articles a JOIN article_status s ON s.article_id = a.id
        JOIN feeds f ON f.id = a.feed_id ORDER BY a.published_at DESC, a.id DESC LIMIT 100`)
      .map((step) => step.detail);
    expect(plan).toContain('SEARCH r USING COVERING INDEX article_content_rtl (article_id=?)');
    expect(plan.join('\n')).not.toMatch(/article_content_1|SCAN r/);
  });

  it('is known for the articles a library stored before (schema 16)', async () => {
    await syncSite();
    // The folder as the version before left it: no index, at its schema version (the core idles meanwhile).
    const file = core.storage.db.value<string>("SELECT file FROM pragma_database_list WHERE name = 'main'")!;
    core.storage.db.exec("DROP INDEX article_content_rtl; DELETE FROM app_meta WHERE key = 'search_grams_backfill'; ALTER TABLE comments DROP COLUMN reply_lead; DROP INDEX articles_by_page_url; DROP INDEX articles_by_url; ALTER TABLE articles DROP COLUMN page_url; ALTER TABLE articles DROP COLUMN linked_file; PRAGMA user_version = 16");
    const dataDir = path.dirname(file);
    const storage = Storage.open(dataDir);
    try {
      expect(directions(storage.articles.list({ filter: { kind: 'all' } }).articles)).toEqual(EXPECTED);
    } finally {
      storage.close();
    }
  });
});
