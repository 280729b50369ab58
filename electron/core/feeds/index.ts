// The feeds module's public face: parsing feed documents into immutable values, the article
// identity rules (technote in article-id.ts), feed autodiscovery and OPML. Code outside
// electron/core/feeds imports from here, not from the files behind it.
export type { ParsedFeed, ParsedItem } from './parsed';
export { FeedParseError, parseFeed, sniffFeed } from './parse';
export { articleIdOf, commentIdOf, isOlderFingerprint, itemFingerprint, uniqueIdOf } from './article-id';
export { comparableLink, withoutTrackingParameters } from './item-link';
export { MAX_FEED_ITEMS } from './item-limit';
export { collapseWhitespace, escapeHtml, parseDate, singleSpaced, textToHtml } from './text';
export { bloggerFullSize } from './blogger-images';
export { placeInThread } from './comment-thread';
export { isPingback } from './pingbacks';
export { isEpisode } from './media';
export { parseWordPressComments, type SiteComment } from './wordpress-comments';
export { DiscoveryError, discoverFeed, typedAddress, type Discovery, type FetchText, type PageFeed } from './discover';
export { botCheckRefusal } from './page-instead-of-feed';
export { buildOpml, parseOpml, sameFeed, type OpmlEntry, type OpmlProblem } from './opml';
