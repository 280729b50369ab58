// A view of the HTTP client that adds up what came over the wire: every fetch, each of its hops,
// and every try of it, whatever became of the body (a page cut short, an image refused for its
// size, an error page, a redirect's short body). A sync shows the sum as what it downloaded, for a
// person on a metered connection; counted here, beneath the callers, no path can forget its share
// (a failure has no response to take a count from) and none is counted twice.
import type { HttpClient } from './client';

export function withByteCount(http: HttpClient, onBytes: (count: number) => void): HttpClient {
  return {
    fetch(request) {
      const told = request.onBytes;
      return http.fetch({
        ...request,
        onBytes: (count) => {
          onBytes(count);
          told?.(count);
        },
      });
    },
    close: () => http.close(),
    contentScopes: () => http.contentScopes(),
  };
}
