// A view of the HTTP client for one feed's content: every request it makes carries the scope
// decided for that feed (network-scope.ts), whatever the caller asked for, so the code that
// fetches pages, images, icons and comment feeds cannot widen it by mistake.
import type { HttpClient } from './client';
import { HttpError } from './errors';
import type { FetchScope } from './network-scope';

/** onBlocked hears of each request refused for pointing into the local network (for the sync's warnings). */
export function withScope(http: HttpClient, scope: FetchScope | Promise<FetchScope>, onBlocked?: (error: HttpError) => void): HttpClient {
  return {
    async fetch(request) {
      try {
        return await http.fetch({ ...request, scope: await scope });
      } catch (error) {
        if (error instanceof HttpError && error.kind === 'blocked') onBlocked?.(error);
        throw error;
      }
    },
    close: () => http.close(),
    contentScopes: () => http.contentScopes(),
  };
}
