// The built-in welcome feed: installed once into a new data folder, so the first launch shows
// something to read with no network. It is never fetched; removing it removes it for good.
import { createHash } from 'node:crypto';
import type { Storage, IncomingItem } from '../storage';
import { articleIdOf } from '../feeds';
import { htmlToPlainText, snippetOf } from '../articles';
import { HOW_TO } from './how-to';
import { SEED_ARTICLE } from './seed-article';

export const WELCOME_FEED_URL = 'https://paperboy.invalid/welcome';
const INSTALLED_KEY = 'welcome-feed-installed';

interface WelcomeArticle {
  readonly uniqueId: string;
  readonly title: string;
  readonly author: string | null;
  readonly publishedAt: number;
  readonly html: string;
}

function toItem(feedId: number, article: WelcomeArticle): IncomingItem {
  const text = htmlToPlainText(article.html);
  return {
    id: articleIdOf(feedId, article.uniqueId),
    uniqueId: article.uniqueId,
    fingerprint: createHash('sha256').update(article.html).digest('hex'),
    url: null,
    title: article.title,
    author: article.author,
    publishedAt: article.publishedAt,
    updatedAt: null,
    snippet: snippetOf(article.html),
    categories: [],
    enclosures: [],
    imageUrl: null,
    commentsUrl: null,
    commentFeedUrl: null,
    commentCount: 0,
    feedHtml: article.html,
    feedText: text,
    dir: 'ltr',
  };
}

const SEED_ID = 'welcome:seed-article';
const OLD_SEED_COMMENTS = '<section aria-label="Comments">';

function contentOf(item: IncomingItem) {
  return {
    html: item.feedHtml, text: item.feedText, source: 'feed' as const, lang: 'en', dir: 'ltr' as const,
    state: 'done' as const, error: null, leadImageHash: null, images: [],
  };
}

/**
 * Folders made before the seed article lost its copy of the page's comment section (which the
 * reader then showed twice, above its own) get the article's new text; nothing else changes.
 */
function refreshSeedArticle(storage: Storage, now: number): void {
  const feed = storage.feeds.findByUrl(WELCOME_FEED_URL);
  if (!feed) return;
  // Checked before the new text is made: making it parses HTML, at every start.
  if (!storage.articles.get(articleIdOf(feed.id, SEED_ID))?.html?.includes(OLD_SEED_COMMENTS)) return;
  const item = toItem(feed.id, { uniqueId: SEED_ID, ...SEED_ARTICLE });
  storage.articles.saveContent(item.id, contentOf(item), now);
}

/** Adds the welcome feed unless this data folder ever had it. Returns true when added. */
export function installWelcomeFeed(storage: Storage, now: number): boolean {
  if (storage.feeds.meta(INSTALLED_KEY) !== null) {
    refreshSeedArticle(storage, now);
    return false;
  }
  return storage.db.transaction(() => {
    const feedId = storage.feeds.add(
      { url: WELCOME_FEED_URL, title: 'Welcome to Paperboy', siteUrl: null, description: 'Shipped with the app, readable offline', folderId: null, builtin: true },
      now,
    );
    const articles: WelcomeArticle[] = [
      { uniqueId: SEED_ID, ...SEED_ARTICLE },
      { uniqueId: 'welcome:how-to', ...HOW_TO, publishedAt: now },
    ];
    const items = articles.map((article) => toItem(feedId, article));
    storage.articles.upsertFeedItems(feedId, items, now);
    for (const item of items) storage.articles.saveContent(item.id, contentOf(item), now);
    storage.feeds.setMeta(INSTALLED_KEY, String(now));
    return true;
  });
}
