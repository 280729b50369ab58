// The CPU-heavy work of a sync, run off the main thread so the app stays responsive:
// feed parsing (items are stored raw, sanitized when read), article extraction (and the page's comment form), and
// comment feeds.
import type { PageCommentForm, CommentThreadSource, EarlierPages, LaterPage, LaterPageMiss, PageRedirect, PrepareInput, PreparedArticle } from '../articles';
import {
  captureCommentForm, discoverCommentThread, htmlToPlainText, linkedFileOf, mayHoldCommentForm, pageDocumentToShare, plainTextOfRaw, readCommentPage, plainTextOfSanitized,
  prepareArticle, prepareLaterPage, refreshTarget, safeDrawing, sanitizeArticleHtml, snippetAfterTitle, textAfterLeadCaption, textDirection,
} from '../articles';
import { articleIdOf, commentIdOf, isPingback, itemFingerprint, parseFeed, parseWordPressComments, placeInThread, uniqueIdOf } from '../feeds';
import type { ParsedFeed, SiteComment } from '../feeds';
import { decodeText, documentText, HEAD_BYTES, inflate, withoutUndeclaredGzip } from '../http';
import type { IncomingComment, IncomingItem } from '../storage';
import { packItems, type PackedItems } from './packed-items';

export interface IngestedFeed {
  readonly kind: ParsedFeed['kind'];
  readonly title: string;
  readonly siteUrl: string | null;
  readonly description: string | null;
  readonly iconUrl: string | null;
  readonly items: readonly IncomingItem[];
  /** ParsedFeed.cutShort: the sync log says so. */
  readonly cutShort: boolean;
  /** ParsedFeed.itemsLeftOut: the sync log says so. */
  readonly itemsLeftOut: number;
}

/** Parses a feed's text and turns its items into rows ready to store. */
export async function ingestFeed(text: string, feedUrl: string, feedId: number): Promise<IngestedFeed> {
  const feed = await parseFeed(text, feedUrl);
  const items = feed.items.map((item): IncomingItem => {
    const uniqueId = uniqueIdOf(item);
    // Stored as the feed wrote it, with the address its links resolve against: it is sanitized
    // when it is read (../storage/articles-repo.ts) or when the article's sync makes its copy.
    // A refresh stores thousands of items nobody may open, and sanitizing them all here cost the
    // parse workers a third of their time. Its text for search and the list is read straight
    // from the raw HTML, never markup.
    const wholeHtml = item.contentHtml ?? item.summaryHtml ?? '';
    const keptHtml = wholeHtml.slice(0, keptLength(wholeHtml));
    const feedHtml = keptHtml.length < wholeHtml.length ? cutNote(wholeHtml.length) + keptHtml : wholeHtml;
    const feedText = plainTextOfRaw(keptHtml);
    // The list shows the item's own summary when it has one besides its content. Plain text
    // comes out of htmlToPlainText, never markup, so the raw summary needs no sanitizing here.
    const summaryText = item.contentHtml && item.summaryHtml ? htmlToPlainText(item.summaryHtml.slice(0, keptLength(item.summaryHtml))) : feedText;
    // Its first words, after the caption of a picture it opens with (lead-caption.ts).
    const listed = summaryText ? { text: summaryText, html: item.contentHtml && item.summaryHtml ? item.summaryHtml : keptHtml } : { text: feedText, html: keptHtml };
    return {
      id: articleIdOf(feedId, uniqueId),
      uniqueId,
      fingerprint: itemFingerprint(item),
      url: item.link,
      title: item.title,
      author: item.author,
      publishedAt: item.publishedAt,
      updatedAt: item.updatedAt,
      snippet: snippetAfterTitle(textAfterLeadCaption(listed.text, listed.html), item.title),
      categories: item.categories,
      enclosures: item.enclosures,
      imageUrl: item.imageUrl,
      commentsUrl: item.commentsUrl,
      commentFeedUrl: item.commentFeedUrl,
      commentCount: item.commentCount,
      feedHtml,
      feedBase: feedHtml === '' ? null : item.baseUrl ?? item.link ?? feedUrl,
      feedText,
      dir: textDirection(item.title, feedText),
    };
  });
  return { kind: feed.kind, title: feed.title, siteUrl: feed.siteUrl, description: feed.description, iconUrl: feed.iconUrl, items, cutShort: feed.cutShort, itemsLeftOut: feed.itemsLeftOut };
}

/**
 * The most of an item's HTML a sync keeps, in UTF-16 units (1 MB of English text): some 150,000
 * words, a long book. Full-content feeds carry 3-50 KB per item; past 1 MB an item is a dump (a
 * whole book or a log in one post). An 18 MB one kept whole took a sync to 490 MB of memory (two
 * copies of it in the packed items, then the writer thread's and SQLite's), and its reader would
 * sanitize all of it at every opening (storage/articles-repo.ts). The article's page, when the
 * sync saves it, replaces the cut text.
 */
const MAX_ITEM_HTML = 1_000_000;

/** How much of an item's HTML is kept: all of it up to MAX_ITEM_HTML, else up to there, never
 *  inside a tag (a cut picture's data: address would read as text) or between the two halves of
 *  a character. */
function keptLength(html: string): number {
  if (html.length <= MAX_ITEM_HTML) return html.length;
  const lastTag = html.lastIndexOf('<', MAX_ITEM_HTML - 1);
  if (lastTag > html.lastIndexOf('>', MAX_ITEM_HTML - 1) && /^<[A-Za-z/!?]/.test(html.slice(lastTag, lastTag + 2))) return lastTag;
  const last = html.charCodeAt(MAX_ITEM_HTML - 1);
  return last >= 0xd800 && last <= 0xdbff ? MAX_ITEM_HTML - 1 : MAX_ITEM_HTML;
}

/** What the reader says above a cut item: at the top, where no comment or script the cut left open can hide it. */
function cutNote(wholeLength: number): string {
  const mb = (units: number) => `${Math.round(units / 100_000) / 10} MB`;
  return `<p><em>This post is ${mb(wholeLength)} long in its feed; Paperboy kept its first ${mb(MAX_ITEM_HTML)}.</em></p>`;
}

/**
 * ingestFeed for the sync, from the feed's bytes as they came (decoding them is parsing work too,
 * and a feed's text is twice its bytes in memory), with its items packed for the writer thread
 * (./packed-items.ts). Gzip the response did not declare is inflated here, up to maxBytes.
 */
export async function ingestFeedPacked(
  body: Uint8Array, contentType: string | null, feedUrl: string, feedId: number, maxBytes: number,
): Promise<Omit<IngestedFeed, 'items'> & { items: PackedItems }> {
  const text = documentText(body, contentType, maxBytes, feedUrl, 'read what arrived');
  const feed = await ingestFeed(text, feedUrl, feedId);
  return { ...feed, items: packItems(feed.items) };
}

/** The article's offline copy and, from the same raw page (before extraction drops it), its
 *  comment form and where its whole comment thread is read. */
export function prepare(input: PrepareInput): PreparedArticle & { commentForm: PageCommentForm | null; commentThread: CommentThreadSource | null } {
  const page = input.pageHtml !== null && input.pageUrl ? { html: input.pageHtml, url: input.pageUrl } : null;
  // A page with a comment form is read for the form and for the article: one DOM serves both
  // (page-document.ts), the form read first since extraction cuts the DOM up.
  // Asked once: on a page without a form the search reads the whole page (about 50 us a page).
  const mayHoldForm = page !== null && mayHoldCommentForm(page.html);
  const parsed = mayHoldForm ? pageDocumentToShare(page.html) : undefined;
  const commentThread = page ? discoverCommentThread(page.html, page.url) : null;
  const commentForm = formOrForum(mayHoldForm && page ? captureCommentForm(page.html, page.url, parsed) : null, commentThread);
  return { ...prepareArticle(input, parsed), commentForm, commentThread };
}

/**
 * The page's form; or, where it has none and its comments are a forum's (schema.org's alone: a
 * Discourse topic's replies, a newspaper's reader comments; or a system's of its own: a Reddit or
 * Hacker News thread, a phpBB or XenForo topic), 'forum': they are posted on the site by its
 * signed-in members. Without it the composer read such a page as a WordPress post whose comments
 * were closed (a schema.org topic), or offered a Reply under each comment that could never be sent
 * ("The site's comment form is not known": a Reddit thread).
 */
function formOrForum(form: PageCommentForm | null, thread: CommentThreadSource | null): PageCommentForm | null {
  return form ?? (thread?.membersOnly ? { kind: 'forum' } : null);
}

/** The most text a page that only sends the reader on has of its own ("Redirecting… Click here if
 *  you are not redirected", "This page has moved to …"): a story has more. */
const REDIRECT_PAGE_TEXT_MAX = 200;

/**
 * prepare for the sync, from the page's bytes as they came: still compressed when `encoding` says
 * so (inflated here, up to maxBytes: FetchRequest.keepEncoded), then decoded, as ingestFeedPacked
 * does. A body that does not inflate, or inflates past the cap, throws the HTTP client's own error.
 * Bytes that are no page (a text file; a PDF the client could not judge while it came compressed)
 * make the copy a linked file's (articles/linked-file.ts).
 */
export function preparePage(
  body: Uint8Array, contentType: string | null, encoding: string | null, maxBytes: number, input: Omit<PrepareInput, 'pageHtml'>,
): ReturnType<typeof prepare> & { readonly refreshTo: PageRedirect | null } {
  const bytes = pageBytesOf(body, encoding, maxBytes, input.pageUrl ?? '');
  const linkedFile = linkedFileOf(contentType, bytes.subarray(0, HEAD_BYTES), bytes.length);
  if (linkedFile !== null) {
    const linkedText = linkedFile.kind === 'text' ? decodeText(bytes, contentType, 'text') : null;
    return { ...prepare({ ...input, pageHtml: null, linkedFile, linkedText }), refreshTo: null };
  }
  const pageHtml = decodeText(bytes, contentType, 'html');
  const prepared = prepare({ ...input, pageHtml });
  // A page that sends the reader on at once and says nothing itself (meta-refresh.ts): the sync
  // fetches where it points. A story with a refresh in it is the story.
  const saysLittle = prepared.source !== 'page' || prepared.text.length < REDIRECT_PAGE_TEXT_MAX;
  return { ...prepared, refreshTo: saysLittle ? refreshTarget(pageHtml, input.pageUrl) : null };
}

/** preparePage for a later page of a split article (PreparedArticle.laterPages): its story only,
 *  without what the pages before it showed. */
export function prepareLaterPageBody(
  body: Uint8Array, contentType: string | null, encoding: string | null, maxBytes: number, pageUrl: string, earlier: EarlierPages,
): LaterPage | LaterPageMiss {
  return prepareLaterPage(pageHtmlOf(body, contentType, encoding, maxBytes, pageUrl), pageUrl, earlier);
}

function pageHtmlOf(body: Uint8Array, contentType: string | null, encoding: string | null, maxBytes: number, pageUrl: string): string {
  return decodeText(pageBytesOf(body, encoding, maxBytes, pageUrl), contentType, 'html');
}

/** The page's bytes inflated: the encoding its headers declared, then any gzip they did not (a
 *  precompressed page served without its Content-Encoding), as for a feed. */
function pageBytesOf(body: Uint8Array, encoding: string | null, maxBytes: number, pageUrl: string): Buffer {
  return withoutUndeclaredGzip(encoding ? inflate(body, encoding, maxBytes, pageUrl, 'cut short') : body, maxBytes, pageUrl, 'cut short');
}

/** The comment form and thread source of an article's page read again before a send. */
export function captureComments(pageHtml: string, pageUrl: string): { commentForm: PageCommentForm | null; commentThread: CommentThreadSource | null } {
  const commentThread = discoverCommentThread(pageHtml, pageUrl);
  return { commentForm: formOrForum(captureCommentForm(pageHtml, pageUrl), commentThread), commentThread };
}

/** Parses an article's comment feed into comments ready to store: identified, threaded, sanitized.
 *  WordPress's pingbacks are left out, as its REST API and the article page's reader leave them. */
export async function ingestComments(text: string, feedUrl: string, articleId: string): Promise<IncomingComment[]> {
  const feed = await parseFeed(text, feedUrl);
  return feed.items.filter((item) => !isPingback(item)).map((item): IncomingComment => {
    const { parentUniqueId: parent, contentHtml, lead } = placeInThread(item);
    // Comment pictures are not cached, so like any uncached image they keep their address only
    // in data-original-src: shown as is, a remote src would make the reader ask the site.
    const html = sanitizeArticleHtml(contentHtml ?? item.summaryHtml ?? '', item.link ?? feedUrl, 'pending');
    return {
      id: commentIdOf(articleId, uniqueIdOf(item)),
      uniqueId: uniqueIdOf(item),
      parentId: parent === null ? null : commentIdOf(articleId, parent),
      parentUniqueId: parent,
      author: item.author,
      authorUrl: item.authorUrl,
      publishedAt: item.publishedAt ?? item.updatedAt,
      html,
      text: plainTextOfSanitized(html),
      url: item.link,
      replyLead: lead,
    };
  });
}

/** One page of a WordPress site's REST comments (JSON), ready to store like a comment feed's. */
export function ingestApiComments(text: string, pageUrl: string, articleId: string): IncomingComment[] {
  return parseWordPressComments(text, pageUrl).map((comment) => incomingThreadComment(comment, pageUrl, articleId));
}

/** The comments an article's page lists (one comment page of it), ready to store like the API's,
 *  the other comment pages it links to, whether it shows only part of its own (CommentPage.partial)
 *  and whether it lists its threads newest first (CommentPage.newestFirst).
 *  `servedAt`: when the site served the page (readCommentPage). */
export function ingestPageComments(
  html: string, pageUrl: string, articleId: string, servedAt: number | null = null,
): { comments: IncomingComment[]; pages: string[]; partial: boolean; newestFirst: boolean | null } {
  const page = readCommentPage(html, pageUrl, servedAt);
  return { comments: page.comments.map((comment) => incomingThreadComment(comment, pageUrl, articleId)), pages: page.pages, partial: page.partial, newestFirst: page.newestFirst };
}

/** A comment read whole from the site (REST API or page): sanitized, identified and threaded as a comment feed's. */
function incomingThreadComment(comment: SiteComment, pageUrl: string, articleId: string): IncomingComment {
  const html = sanitizeArticleHtml(comment.html, comment.link ?? pageUrl, 'pending');
  return {
    id: commentIdOf(articleId, comment.uniqueId),
    uniqueId: comment.uniqueId,
    parentId: comment.parentUniqueId === null ? null : commentIdOf(articleId, comment.parentUniqueId),
    parentUniqueId: comment.parentUniqueId,
    author: comment.author,
    authorUrl: comment.authorUrl,
    publishedAt: comment.publishedAt,
    html,
    text: plainTextOfSanitized(html),
    url: comment.link,
    // The site's whole thread names each parent by number: no lead was taken out of the text.
    replyLead: null,
  };
}

export const TASKS = {
  ingestFeed, ingestFeedPacked, prepare, preparePage, prepareLaterPage: prepareLaterPageBody, captureComments, ingestComments, ingestApiComments, ingestPageComments,
  // An SVG picture's bytes made safe to keep (svg-drawing.ts): a parse of up to 5 MB of XML.
  safeDrawing,
};
export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
