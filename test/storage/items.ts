// Builds stored-item fixtures for storage tests.
import type { IncomingItem } from '../../electron/core/storage';

let counter = 0;

export function item(overrides: Partial<IncomingItem> = {}): IncomingItem {
  counter++;
  const id = overrides.id ?? counter.toString(16).padStart(32, '0');
  return {
    id,
    uniqueId: `guid-${counter}`,
    fingerprint: `fp-${counter}`,
    url: `http://127.0.0.1/articles/${counter}`,
    title: `Article ${counter}`,
    author: 'Reporter',
    publishedAt: Date.UTC(2026, 10, 1) + counter * 60_000,
    updatedAt: null,
    snippet: `Snippet ${counter}`,
    categories: ['World'],
    enclosures: [],
    imageUrl: null,
    commentsUrl: null,
    commentFeedUrl: null,
    commentCount: null,
    feedHtml: `<p>Body of article ${counter}</p>`,
    feedText: `Body of article ${counter}`,
    dir: 'ltr',
    ...overrides,
  };
}
