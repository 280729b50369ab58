// The CPU-heavy work of a sync, run off the main thread so the app stays responsive:
// feed parsing plus per-item sanitizing, and article extraction plus image URL rewriting.
import type { PrepareInput, PreparedArticle } from '../articles';
import { htmlToPlainText, plainTextOfSanitized, prepareArticle, rewriteImageUrls, sanitizeArticleHtml, snippetOfText, textDirection } from '../articles';
import { articleIdOf, itemFingerprint, parseFeed, uniqueIdOf } from '../feeds';
import type { ParsedFeed } from '../feeds';
import type { IncomingItem } from '../storage';

export interface IngestedFeed {
  readonly kind: ParsedFeed['kind'];
  readonly title: string;
  readonly siteUrl: string | null;
  readonly description: string | null;
  readonly iconUrl: string | null;
  readonly items: readonly IncomingItem[];
}

/** Parses a feed's text and turns its items into rows ready to store. */
export async function ingestFeed(text: string, feedUrl: string, feedId: number): Promise<IngestedFeed> {
  const feed = await parseFeed(text, feedUrl);
  const items = feed.items.map((item): IncomingItem => {
    const uniqueId = uniqueIdOf(item);
    const feedHtml = sanitizeArticleHtml(item.contentHtml ?? item.summaryHtml ?? '', item.link ?? feedUrl);
    const feedText = plainTextOfSanitized(feedHtml);
    // The list shows the item's own summary when it has one besides its content. Plain text
    // comes out of htmlToPlainText, never markup, so the raw summary needs no sanitizing here.
    const summaryText = item.contentHtml && item.summaryHtml ? htmlToPlainText(item.summaryHtml) : feedText;
    return {
      id: articleIdOf(feedId, uniqueId),
      uniqueId,
      fingerprint: itemFingerprint(item),
      url: item.link,
      title: item.title,
      author: item.author,
      publishedAt: item.publishedAt,
      updatedAt: item.updatedAt,
      snippet: snippetOfText(summaryText || feedText),
      categories: item.categories,
      enclosures: item.enclosures,
      imageUrl: item.imageUrl,
      commentsUrl: item.commentsUrl,
      commentFeedUrl: item.commentFeedUrl,
      commentCount: item.commentCount,
      feedHtml,
      feedText,
      dir: textDirection(`${item.title} ${feedText}`),
    };
  });
  return { kind: feed.kind, title: feed.title, siteUrl: feed.siteUrl, description: feed.description, iconUrl: feed.iconUrl, items };
}

export function prepare(input: PrepareInput): PreparedArticle {
  return prepareArticle(input);
}

export function rewriteImages(html: string, cached: readonly (readonly [string, string])[]): string {
  return rewriteImageUrls(html, new Map(cached));
}

/** Answers once the worker has loaded everything above (see WorkerPool.warmUp). */
export function ping(): true {
  return true;
}

export const TASKS = { ingestFeed, prepare, rewriteImages, ping };
export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
