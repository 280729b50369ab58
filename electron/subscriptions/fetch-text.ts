// Text fetching for discovery: our HTTP client plus charset decoding.
import type { FetchText } from '../feeds';
import { FEED_ACCEPT, decodeText, type HttpClient } from '../http';
import { DEFAULT_LIMITS } from '../sync/limits';

const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,' + FEED_ACCEPT;

export function fetchTextWith(http: HttpClient, signal?: AbortSignal): FetchText {
  return async (url, kind) => {
    const response = await http.fetch({
      url,
      accept: kind === 'feed' ? FEED_ACCEPT : PAGE_ACCEPT,
      maxBytes: kind === 'feed' ? DEFAULT_LIMITS.feedBytes : DEFAULT_LIMITS.pageBytes,
      signal,
    });
    const type = response.contentType ?? '';
    const textKind = type.includes('json') ? 'json' : type.includes('html') ? 'html' : 'xml';
    return { url: response.url, text: decodeText(response.body, response.contentType, textKind), contentType: response.contentType };
  };
}
