// The http module's public face: the HTTP client and the charset decoder. Code outside
// electron/core/http imports from here only; the other files are its internals.
export { createHttpClient, FEED_ACCEPT, HttpError, PAGE_ACCEPT } from './client';
export { MAX_RETRY_AFTER_MS, sizeLabel } from './errors';
export { HEAD_BYTES, isCutShort } from './body';
export { siteOfHost } from './registrable-site';
export { CookieJar } from './cookies';
export type { BodySink, FetchPurpose, FetchRequest, FetchResponse, HttpClient, HttpClientOptions, HttpErrorKind } from './client';
export type { ContentScopes, FetchScope, NetworkHooks, RemoteAddress } from './network-scope';
export { withScope } from './scoped-client';
export { withByteCount } from './counted-client';
export { movedForGood, refererFor, refreshAddress, REFRESH_DELAY_MAX } from './redirects';
export { signInPageOf } from './sign-in-page';
export { decodeText, type TextKind } from './charset';
export { documentText } from './document-text';
export { inflate, withoutUndeclaredGzip } from './inflate';
export { startsAsGzip } from './gzip';
export { readableHost, withReadableHosts } from './readable-host';
export { HostMemory, isPassingFailure, isUnreachable, type HostMemoryOptions } from './host-memory';
export type { ProxyResolver } from './proxy';
export { proxyFromEnvironment } from './environment-proxy';
