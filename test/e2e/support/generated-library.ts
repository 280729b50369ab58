// A data folder written straight through the storage layer, for UI tests that need many
// feeds, folders or articles: no HTTP and no sync, so a library of thousands is ready in a
// second. The articles look like a news feed's (title, snippet, a body); their addresses are
// under .invalid, which the UI never fetches.
import { createHash } from 'node:crypto';
import { Core } from '../../../electron/core/core';
import type { IncomingComment, IncomingItem } from '../../../electron/core/storage';
import type { FeedId, FolderId, ImageMiss } from '../../../shared/types';
import { FIRST_COMMENT_NUMBER, generatedThread } from './generated-comments';

export interface GeneratedFeed {
  readonly title: string;
  readonly articles: number;
  /** A folder by name, created on first use. */
  readonly folder?: string;
  /** Defaults to https://<slug>.invalid/feed.xml. */
  readonly url?: string;
  /** Records a failed last sync with this message. */
  readonly error?: string;
  /** When the first article was published (ms); the others follow hourly. Default: 1 Oct 2026. */
  readonly from?: number;
  /** Every article's text, in place of the generated English sentence (another language's). */
  readonly text?: string;
  /** Extra HTML at the end of every article's body (a picture, say). */
  readonly extraHtml?: string;
  /** Stores every article's copy as a sync does whose images' server could not be reached:
   *  these image addresses (in extraHtml) are left for the next sync to fetch again. */
  readonly unreachedImages?: readonly string[];
  /** Stores every article's copy as a sync does that kept none of these images (in extraHtml), with why. */
  readonly missedImages?: readonly { readonly url: string; readonly why: ImageMiss }[];
  /** Stores every article's copy as a sync left it: where its body came from, its state and the note. */
  readonly savedCopy?: { readonly source: 'page' | 'feed'; readonly state: 'pending' | 'done' | 'failed'; readonly note: string | null };
  /** Stores each article's copy as made from its page, which answered from this address (where
   *  its link redirected; null: its link), Story 0 first. */
  readonly pageUrls?: readonly (string | null)[];
  /** Stored comment threads, by article (Story 0 first): how many comments each has (generated-comments.ts). */
  readonly comments?: readonly number[];
  /** The person's comments on Story 0 that the site took (sent, or held for moderation). */
  readonly ownComments?: readonly OwnComment[];
}

export interface OwnComment {
  readonly state: 'sent' | 'held';
  readonly name: string;
  readonly body: string;
  /** The thread's comment it answers, by its place in the thread written (0: the first). */
  readonly replyTo?: number;
  /** Where the site put it: the thread's comment that it is, by the same place. */
  readonly isComment?: number;
}

// Dates in the past (the storage moves future dates to now), spaced by the hour.
const START = Date.UTC(2026, 9, 1);

function items(feedIndex: number, title: string, count: number, from: number, extraHtml: string, givenText?: string, comments: readonly number[] = []): IncomingItem[] {
  return Array.from({ length: count }, (_, i) => {
    const text = givenText ?? `Story ${i} of ${title}. Ministers met in Brussels on Thursday for talks that officials from Lisbourne described as frank and difficult.`;
    return {
      id: createHash('md5').update(`generated-${feedIndex}-${i}`).digest('hex'),
      uniqueId: `generated-${feedIndex}-${i}`,
      fingerprint: `fp-${feedIndex}-${i}`,
      url: `https://story-${feedIndex}.invalid/${i}`,
      title: `Story ${i} of ${title}`,
      author: null,
      // The newest first in the list is Story count-1; publishing times interleave across feeds.
      publishedAt: from + i * 3_600_000 + feedIndex * 1_000,
      updatedAt: null,
      snippet: text,
      categories: [],
      enclosures: [],
      imageUrl: null,
      commentsUrl: null,
      commentFeedUrl: null,
      commentCount: comments[i] ?? null,
      feedHtml: `<p>${text}</p>${extraHtml}`,
      feedText: text,
      dir: 'ltr',
    };
  });
}

const itemsOf = (feed: GeneratedFeed, index: number) => items(index, feed.title, feed.articles, feed.from ?? START, feed.extraHtml ?? '', feed.text, feed.comments);
const threadOf = (item: IncomingItem, count: number) => generatedThread({ articleId: item.id, articleUrl: item.url!, count, from: item.publishedAt! });

/** The comments generateLibrary stores under a feed's article, in the order written: for a test
 *  to find them on the page. */
export function storedThread(feeds: readonly GeneratedFeed[], feedIndex: number, article = 0): IncomingComment[] {
  const feed = feeds[feedIndex]!;
  return threadOf(itemsOf(feed, feedIndex)[article]!, feed.comments![article]!);
}

/** Writes the feeds (and their folders) into the data folder; returns the feeds' ids in order. */
export async function generateLibrary(dataDir: string, feeds: readonly GeneratedFeed[]): Promise<FeedId[]> {
  const core = new Core({ dataDir, workers: 1 });
  try {
    const folders = new Map<string, FolderId>();
    const ids: FeedId[] = [];
    core.storage.db.transaction(() => {
      feeds.forEach((feed, index) => {
        let folderId: FolderId | null = null;
        if (feed.folder) {
          folderId = folders.get(feed.folder) ?? core.storage.feeds.ensureFolder(feed.folder, null, START).folder.id;
          folders.set(feed.folder, folderId);
        }
        const slug = `feed-${index}`;
        const id = core.storage.feeds.add({ url: feed.url ?? `https://${slug}.invalid/feed.xml`, title: feed.title, siteUrl: null, description: null, folderId }, START);
        const made = itemsOf(feed, index);
        if (feed.articles > 0) core.storage.articles.upsertFeedItems(id, made);
        const threads = (feed.comments ?? []).map((count, i) => {
          const thread = threadOf(made[i]!, count);
          core.storage.comments.upsert(made[i]!.id, thread, START);
          return thread;
        });
        for (const own of feed.ownComments ?? []) {
          const story = made[0]!;
          const answered = own.replyTo === undefined ? null : threads[0]![own.replyTo]!;
          const draft = core.storage.drafts.create({
            articleId: story.id, articleTitle: story.title!, articleUrl: story.url, feedTitle: feed.title, body: own.body, name: own.name, email: 'reader@example.org', website: '',
            replyTo: answered && { commentId: answered.id, author: answered.author, siteId: String(FIRST_COMMENT_NUMBER + own.replyTo!) },
          }, START);
          // As a send leaves it (sender.ts): the site took it, and where it put it when it said.
          const commentUrl = own.isComment === undefined ? null : threads[0]![own.isComment]!.url;
          core.storage.db.run('UPDATE drafts SET state = ?, comment_url = ?, sent_at = ? WHERE id = ?', [own.state, commentUrl, START, draft]);
        }
        if (feed.unreachedImages || feed.missedImages) {
          const unreached = (feed.unreachedImages ?? []).map((url) => ({ url, why: { kind: 'unreachable' } as const }));
          for (const item of made) {
            core.storage.articles.saveContent(item.id, {
              html: item.feedHtml, text: item.feedText, source: 'feed', lang: 'en', dir: 'ltr', state: 'skipped', error: null,
              leadImageHash: null, images: [], missedImages: [...unreached, ...(feed.missedImages ?? [])],
            }, START);
          }
        }
        if (feed.savedCopy) {
          const { source, state, note } = feed.savedCopy;
          for (const item of made) {
            core.storage.articles.saveContent(item.id, {
              html: item.feedHtml, text: item.feedText, source, lang: 'en', dir: 'ltr', state: state === 'pending' ? 'done' : state, error: note,
              leadImageHash: null, images: [],
            }, START);
            // A copy the sync is to make again (an edited article) keeps its body and is pending.
            if (state === 'pending') core.storage.db.run("UPDATE articles SET fulltext_state = 'pending' WHERE id = ?", [item.id]);
          }
        }
        for (const [i, pageUrl] of (feed.pageUrls ?? []).entries()) {
          const item = made[i]!;
          core.storage.articles.saveContent(item.id, {
            html: item.feedHtml, text: item.feedText, source: 'page', lang: 'en', dir: 'ltr', state: 'done', error: null, leadImageHash: null, images: [], pageUrl,
          }, START);
        }
        if (feed.error) {
          core.storage.feeds.recordFetch(id, { status: 'failed', message: feed.error, error: feed.error, at: START, durationMs: 5 });
        }
        ids.push(id);
      });
    });
    return ids;
  } finally {
    await core.close();
  }
}
