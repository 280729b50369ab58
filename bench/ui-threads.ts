// The UI benchmark's long comment threads: articles whose stored threads have 300, 2,000 and
// 5,000 comments (test/e2e/support/generated-comments.ts: threaded, of real lengths), opened from
// the list. For each: click to the article's title on screen, click to the first comments on
// screen (medians of a few opens, measured in the page), then the thread's DOM elements and the
// page's JavaScript heap (after a garbage collection) with that article open.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Core } from '../electron/core/core';
import type { IncomingItem } from '../electron/core/storage';
import { generatedThread } from '../test/e2e/support/generated-comments';
import { clickUntil } from './click-until';

export const THREAD_SIZES = [300, 2_000, 5_000] as const;
const FEED_TITLE = 'Bench discussions';
const RESTING = 'A story nobody commented on';
const OPENS = 3;

const titleOf = (size: number) => `A story with ${size.toLocaleString('en')} comments`;

function item(title: string, n: number, at: number, comments: number | null): IncomingItem {
  const text = `${title}. The committee published its findings on Tuesday, and readers had a great deal to say about them.`;
  return {
    id: createHash('md5').update(`bench-thread-${n}`).digest('hex'),
    uniqueId: `bench-thread-${n}`,
    fingerprint: `fp-thread-${n}`,
    url: `https://discussions.bench.invalid/2026/01/story-${n}/`,
    title,
    author: 'Desk editor',
    publishedAt: at,
    updatedAt: null,
    snippet: text,
    categories: [],
    enclosures: [],
    imageUrl: null,
    commentsUrl: null,
    commentFeedUrl: null,
    commentCount: comments,
    feedHtml: `<p>${text}</p><p>${text}</p>`,
    feedText: `${text} ${text}`,
    dir: 'ltr',
  };
}

/** Writes the feed of discussed articles and their threads into the core's storage. */
export function writeThreads(core: Core, at: number): void {
  core.storage.db.transaction(() => {
    const feed = core.storage.feeds.add({ url: 'https://discussions.bench.invalid/feed/', title: FEED_TITLE, siteUrl: null, description: null, folderId: null }, at);
    const items = [item(RESTING, 0, at, null), ...THREAD_SIZES.map((size, i) => item(titleOf(size), i + 1, at + (i + 1) * 60_000, size))];
    core.storage.articles.upsertFeedItems(feed, items, at);
    THREAD_SIZES.forEach((size, i) => {
      const article = items[i + 1]!;
      core.storage.comments.upsert(article.id, generatedThread({ articleId: article.id, articleUrl: article.url!, count: size, from: at }), at);
    });
  });
}

export interface ThreadFigures {
  readonly size: number;
  readonly titleMs: number;
  readonly commentsMs: number;
  readonly elements: number;
  readonly comments: number;
  readonly heapMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Opens each discussed article a few times (from the resting one) and measures. */
export async function measureThreads(page: Page): Promise<ThreadFigures[]> {
  const cdp = await page.context().newCDPSession(page);
  await clickUntil(page, 'nav .nav-item', FEED_TITLE, `document.querySelector('#list-title')?.textContent === label && !!document.querySelector('[role="option"]')`);
  const figures: ThreadFigures[] = [];
  for (const size of THREAD_SIZES) {
    const titles: number[] = [];
    const firsts: number[] = [];
    for (let n = 0; n < OPENS; n++) {
      await clickUntil(page, '[role="option"]', RESTING, `document.querySelector('article h1')?.textContent === label && !document.querySelector('section.comments .comment')`);
      titles.push(await clickUntil(page, '[role="option"]', titleOf(size), `document.querySelector('article h1')?.textContent === label`));
      // The same click again, timed to the first comments: the article was left first.
      await clickUntil(page, '[role="option"]', RESTING, `document.querySelector('article h1')?.textContent === label && !document.querySelector('section.comments .comment')`);
      firsts.push(await clickUntil(page, '[role="option"]', titleOf(size), `document.querySelector('article h1')?.textContent === label && !!document.querySelector('section.comments .comment')`));
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const counted = await page.evaluate(() => ({
      elements: document.querySelectorAll('section.comments .comment-list *').length,
      comments: document.querySelectorAll('section.comments .comment').length,
    }));
    figures.push({ size, titleMs: median(titles), commentsMs: median(firsts), ...counted, heapMb: heap.usedSize / 1024 / 1024 });
  }
  await cdp.detach();
  return figures;
}
