// How long a search query may be: the API refuses a longer one whole (shared/api-schema.ts), so
// the search box cuts what it sends to this length. Apart from the schema, so that the renderer
// takes the limit without the schema library.

/** The longest search query the API takes, in UTF-16 units (as the schema and maxlength count). */
export const MAX_SEARCH_QUERY = 500;

/** The query as sent: trimmed, and at most the API's limit, never ending in half a character. */
export function queryToSend(value: string): string {
  let query = value.trim();
  if (query.length > MAX_SEARCH_QUERY) {
    query = query.slice(0, MAX_SEARCH_QUERY);
    if (/[\uD800-\uDBFF]$/.test(query)) query = query.slice(0, -1);
  }
  return query.trimEnd();
}
