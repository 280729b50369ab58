// The parse error lives apart from parse.ts so that the mappers can throw it without importing
// the dispatcher that imports them. parse.ts re-exports it as part of its API.

/** Why a document is not a usable feed; the message is shown to the user as is. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}
