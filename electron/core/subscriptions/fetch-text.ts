// Text fetching for discovery (Add feed): our HTTP client plus charset decoding, under the URL
// policy. discoverFeed asks first for the address as typed (over http too when https gave no
// answer to one typed without a scheme), or for the feed a platform's address names by its shape
// (a YouTube channel's, a subreddit's: platform-feeds.ts): that one is trusted like a subscribed
// feed, judged by the address itself (a public address's redirects may not reach the intranet). What follows (feed links found in the page, guessed paths, the
// site page for icons) and the icons are content: they may reach the local network only when
// the typed address lives there (network-scope.ts).
import { createHash } from 'node:crypto';
import type { FetchText } from '../feeds';
import { FEED_ACCEPT, PAGE_ACCEPT, documentText, movedForGood, withScope, type FetchScope, type HttpClient } from '../http';
import { DEFAULT_LIMITS } from '../sync/limits';
import type { RecentAnswers } from './recent-answers';

export interface DiscoveryFetcher {
  readonly fetchText: FetchText;
  /** The client for what the typed address's content points at (its icons), once discovery is done. */
  contentHttp(): HttpClient;
}

/** With `recent`, an answer fetched a moment ago (to describe a feed offered) is read again rather than fetched (recent-answers.ts). */
export function discoveryFetcher(http: HttpClient, signal?: AbortSignal, recent?: RecentAnswers): DiscoveryFetcher {
  let typed = true;
  // Until the typed address answers there is no content; 'public' is the safe side.
  let contentScope: Promise<FetchScope> = Promise.resolve('public');
  const fetchText: FetchText = async (url, kind) => {
    const isTyped = typed;
    const scope = isTyped ? 'chosen' : await contentScope;
    const reused = recent?.get(url, kind, scope);
    if (reused) {
      typed = false;
      if (isTyped) contentScope = http.contentScopes().of(url);
      return reused;
    }
    const maxBytes = kind === 'feed' ? DEFAULT_LIMITS.feedBytes : DEFAULT_LIMITS.pageBytes;
    const response = await http.fetch({
      url,
      scope,
      // A feed waits longer for its first byte than a page (http/client.ts says why).
      purpose: kind === 'feed' ? 'feed' : 'page',
      accept: kind === 'feed' ? FEED_ACCEPT : PAGE_ACCEPT,
      maxBytes,
      signal,
    });
    // Only once it answers: an address typed without a scheme that https left unanswered is
    // asked again over http (discover.ts), and that is still the address the person typed.
    typed = false;
    if (isTyped) contentScope = http.contentScopes().of(url, response.servedBy);
    // As the sync follows a feed's move (sync/feed-sync.ts): only a move every hop says is for good.
    const answer = {
      url: response.url,
      stableUrl: movedForGood(response) ? response.url : url,
      // As the sync reads a feed (workers/tasks.ts ingestFeedPacked), by the same rule.
      text: documentText(response.body, response.contentType, maxBytes, response.url, 'cut short'),
      contentType: response.contentType,
      // The body hashed as the sync hashes a feed's (sync/feed-sync.ts), so that the first sync
      // after an add knows this answer: a 304, or the same bytes, not stored a second time.
      validators: { etag: response.etag, lastModified: response.lastModified, bodyHash: createHash('sha256').update(response.body).digest('hex') },
    };
    // Also at the address a feed moved to for good, which the list offers it by (feed-choice.ts).
    if (!response.cutShort) for (const key of new Set([url, answer.stableUrl])) recent?.keep(key, kind, scope, answer);
    return answer;
  };
  return { fetchText, contentHttp: () => withScope(http, contentScope) };
}

