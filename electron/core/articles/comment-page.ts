// The comments a WordPress article's page lists itself, for sites that do not serve them over the
// REST API: the comment feed holds only the newest 10 (and WordPress 6.1 ignores ?paged=N on a
// single post's comment feed: its LIMIT is posts_per_rss alone), while the page holds them all,
// split into comment pages when the site says so (comment-page-N/ with pretty permalinks,
// &cpage=N without; the bare address is the newest page by default).
//
// Most themes write each comment as a list item with its replies in a list inside it:
// WordPress's own walker as <li id="comment-N">, classic themes in <ol class="comment-list"> (older
// ones "commentlist", as <ol> or <ul>), replies in <ol|ul class="children">; block themes (Twenty
// Twenty-Three) in <ol class="wp-block-comment-template">, replies in a bare <ol>; themes with their
// own callback (Twenty Twelve, Astra, Divi) as <li id="li-comment-N"> around <article id="comment-N">,
// or (Blocksy, in its <ol class="ct-comment-list">) the walker's <li id="comment-N"> with markup of
// their own inside.
// Themes that call the walker with style 'div' (Twenty Twenty, Soledad) write no list at all: each
// comment is a <div id="comment-N" class="comment ..."> (comment_class) with its replies in a
// <div class="children"> inside it. So a comment's parent is the nearest enclosing comment element,
// and each comment is identified as the REST API and the comment feed identify it (POST#comment-N).
// Past the site's thread depth the walker stops nesting and writes a reply beside the comment it
// answers, which a theme's "In reply to <a href="POST#comment-N">" then names (statedParentNumber).
// A site may list its threads newest first (listsNewestFirst): the reader shows them so.
//
// The text is the comment's .comment-content where the theme writes one (html5 markup, block and most
// themed markup; Avada's .comment-text); WordPress's walker without html5 support (many older themes) writes it as bare
// paragraphs in div.comment-body, between the author and date blocks and the reply link, and gives
// the date only as the permalink's text ("January 10, 2024 at 8:38 am", the site's clock).
// Pingbacks and trackbacks are left out, as the REST API leaves them out: comment_class marks their
// element 'pingback' or 'trackback', whatever the theme writes inside it (Twenty Twenty-Four's
// block template and the walker without short_ping give them an author and a text like a comment's).
//
// Drupal writes a thread the other way round: a comment's replies follow it, in the <div
// class="indented"> after its element, not inside it. Drupal 8 and later write each comment as
// <article id="comment-N" class="comment ...">, its text in the comment_body field
// (.field--name-comment-body), the author in .comment__author, and the time it was last saved, in
// seconds, in data-comment-timestamp (its shown date, "Tue, 09/03/2024 - 17:19", may be day or month
// first). Its thread is split into comment pages when the site says so (50 a page by default):
// ?page=N, linked from the pager under the thread, each read like WordPress's comment pages.
// Drupal 7 writes an empty <a id="comment-N"> and then the comment's <div class="comment">,
// its text in .field-name-comment-body, the author's .username, and the date as RDFa
// (property="dc:date dc:created" content="2016-05-02T08:14:00+01:00"), as it marks up every
// comment for the semantic web. So a comment's parent is also the comment just before the
// "indented" block that holds it.
//
// wpDiscuz (a comment plugin on hundreds of thousands of sites) writes a thread of its own in place
// of the theme's: each comment a <div id="wpd-comm-N_PARENT" class="... wpd-comment"> (with
// comment_class's marks) holding its replies, the author in .wpd-comment-author, the text in
// .wpd-comment-text, the date in .wpd-comment-date: shown as "3 years ago" by default, the site's
// date and time in its title. Its votes, Reply and Share buttons sit outside the text. It lists
// the newest threads only, up to a number the site sets, then a "Load more comments" button that
// fetches the rest by script: a page with that button does not hold the whole thread.
import { parseDate, type SiteComment } from '../feeds';
import { localDate } from './local-date';
import { markupTooComplex } from './markup-limits';
import { parsePage } from './page-document';
import { marksSchemaComments, readSchemaComments, topicAddressOf, topicPagesLinked } from './schema-comments';
import { listsSystemThread, readSystemThread } from './system-threads';
import { parseBase, webUrl } from './urls';

export interface CommentPage {
  readonly comments: SiteComment[];
  /** The other comment pages of the same post this page links to (absolute, no fragment). */
  readonly pages: string[];
  /** The page shows only part of its comments, the rest loaded by script (wpDiscuz's "Load more
   *  comments"): what it lacks is not gone from the site. */
  readonly partial: boolean;
  /** The page lists its threads newest first (listsNewestFirst); null when it cannot tell. */
  readonly newestFirst: boolean | null;
}

// Themes name the list as WordPress does or prefix it (Astra's ast-comment-list, Blocksy's
// ct-comment-list); listsWordPressComments finds it by the same words.
const LIST = ['comment-list', 'commentlist'].flatMap((name) => [`ol[class*="${name}"]`, `ul[class*="${name}"]`]).join(', ') + ', ol.wp-block-comment-template';
/** A comment's list item: the walker's, or a theme callback's around an <article id="comment-N">. */
const LIST_ITEM = 'li[id^="comment-"], li[id^="li-comment-"]';
/** A comment the walker writes with style 'div', found without a list. Only comment_class's 'comment'
 *  tells it from the other elements some themes give the same id (tagDiv's div.comment-meta). */
const DIV_ITEM = 'div.comment[id^="comment-"]';
const WPDISCUZ_ITEM = 'div.wpd-comment[id^="wpd-comm-"]';
/** Drupal's comment: 8 and later's <article>, or 7's <div> after its anchor. */
const DRUPAL_ITEM = 'article.comment[id^="comment-"], a[id^="comment-"] + div.comment';
const ITEM = `${LIST_ITEM}, ${DIV_ITEM}, ${WPDISCUZ_ITEM}, ${DRUPAL_ITEM}`;
/** Where Drupal puts a comment's replies: the block after it. */
const INDENTED = 'indented';
/** comment_class's mark of a pingback or trackback. */
const PING = '.pingback, .trackback';
/** comment-N, li-comment-N, or wpDiscuz's wpd-comm-N_PARENT. */
const COMMENT_ID = /^(?:(?:li-)?comment-(\d+)|wpd-comm-(\d+)_\d+)$/;
const CONTENT = '.comment-content, .wp-block-comment-content, .ast-comment-content, .ct-comment-content, .comment-text, .wpd-comment-text, .field--name-comment-body, .field-name-comment-body';
// The name where the markup says it: the vcard's formatted name, b.fn (html5 walker, Twenty
// Twelve), cite.fn (the older walker), span.fn (Divi); the block theme's; Blocksy's heading, which
// holds the author's link or name alone; wpDiscuz's; Drupal's (8 and later's .comment__author, 7's .username).
const VCARD_NAME = '.fn, .wp-block-comment-author-name, .ct-comment-author, .wpd-comment-author, .comment__author, .username';
/** wpDiscuz's "Load more comments" button. */
const LOAD_MORE = '.wpd-load-more-submit';
// Themes without a vcard: Genesis marks the name up for schema.org (itemprop="author", then "name").
const SCHEMA_NAME = '[itemprop="author"] [itemprop="name"]';
// Else what get_comment_author_link() writes, bare: tagDiv's Newspaper puts it in a <cite> of its
// own, Avada in a <strong> in div.comment-author; a theme may print it alone, a link with the
// class 'url' when the author gave an address. Looked for outside the comment's text only, which
// may quote with a <cite> or link to a site.
const BARE_NAME = ['cite', '.comment-author > strong', 'a.url'];
// What the older walker writes in div.comment-body around the comment's text; the reply and edit
// links some themes put inside their .comment-content; the author block Sahifa puts there
// (div.author-comment, its cite.fn); the "Like" button and "Liked by 2 people" WordPress.com and
// Jetpack's comment likes add after the text; what wpDiscuz puts in its text: the quote an inline
// comment answers and the "Read more" of a text it cut short. "Your comment is awaiting
// moderation.", which the site shows the commenter alone on the page it sends them back to:
// WordPress's walker and block themes write it as em.comment-awaiting-moderation (the block theme
// inside the text, in a <p> of its own), Blocksy as em.ct-awaiting-moderation after the text,
// Genesis as a p.alert at the head of the text (a
// commenter's own markup cannot carry a class: WordPress strips it).
const NOT_TEXT = [
  '.comment-author, .comment-meta, .commentmetadata, .comment-awaiting-moderation, .reply, .comment-reply-link, .comment-edit-link, .edit-link',
  '.author-comment, .fn, .comment-likes, p.alert, .ct-awaiting-moderation, .wpd-inline-feedback-wrapper, .wpdiscuz-readmore',
].join(', ');
// WordPress's comment pages of one post: its address plus comment-page-N/, or ?cpage=N.
const COMMENT_PAGE_PATH = /\/comment-page-\d+\/?$/;

/** True when the page lists at least one comment in WordPress's markup (cheap: no DOM). */
export function listsWordPressComments(html: string): boolean {
  const listed = /<li\b[^>]*\bid=["'](?:li-)?comment-\d+["']/i.test(html) && /\b(?:comment-?list|wp-block-comment-template)\b/.test(html);
  return listed || COMMENT_HOLDER.test(html) || listsSystemThread(html);
}

/** What DRUPAL_ITEM finds, in the page's source: an <article> with id="comment-N" and the class
 *  'comment', or an empty <a id="comment-N"> followed by a <div> of class 'comment'. */
const DRUPAL_COMMENT = /<article\b(?=[^>]*\bid=["']comment-\d+["'])[^>]*\bclass=["'](?:[^"']*\s)?comment[\s"']|<a id=["']comment-\d+["']><\/a>\s*<div\b[^>]*\bclass=["'](?:[^"']*\s)?comment[\s"']/i;

/** What WPDISCUZ_ITEM finds, in the page's source. */
const WPDISCUZ_COMMENT = /<div\b[^>]*\bid=["']wpd-comm-\d+_\d+["']/i;

/** What DIV_ITEM finds, in the page's source: a <div> with id="comment-N" and the class 'comment'. */
const DIV_COMMENT = /<div\b(?=[^>]*\bid=["']comment-\d+["'])[^>]*\bclass=["'](?:[^"']*\s)?comment[\s"']/i;

/** Any of the three in one scan of the page: each scan stops at every tag of the page, and three
 *  took some 170 us of a news page, one 60-100. */
const COMMENT_HOLDER = new RegExp([DIV_COMMENT, WPDISCUZ_COMMENT, DRUPAL_COMMENT].map((pattern) => pattern.source).join('|'), 'i');

/** Drupal's comment pages of one post: ?page=N, counted from 0 (the post's own address). */
const DRUPAL_PAGE = /^\d+$/;
/** Where Drupal puts its pager: 7's ul.pager, 8 and later's nav.pager. */
const DRUPAL_PAGER = '.pager a[href]';

/** The post's address with its comment page taken off: the same for every comment page. */
export function postAddressOf(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.hash = '';
  // Asked first: deleting rewrites the whole query, and a query written as a path (vBulletin's
  // showthread.php?48211-Title) would become another address.
  if (url.searchParams.has('cpage')) url.searchParams.delete('cpage');
  if (DRUPAL_PAGE.test(url.searchParams.get('page') ?? '')) url.searchParams.delete('page');
  url.pathname = url.pathname.replace(COMMENT_PAGE_PATH, '/');
  return url.href;
}

/** The comments this page lists and the comment pages it links to. Throws on markup too complex to
 *  parse. `servedAt`: when the site served the page (its Date header), which a date shown as
 *  "Today, 09:14 AM" counts from; null when not known. */
export function readCommentPage(html: string, pageUrl: string, servedAt: number | null = null): CommentPage {
  const tooComplex = markupTooComplex(html);
  if (tooComplex) throw new Error(tooComplex);
  const document = parsePage(html);
  const base = parseBase(pageUrl);
  const post = postAddressOf(pageUrl);
  const uniqueIdOf = (number: string) => `${post}#comment-${number}`;
  const comments: SiteComment[] = [];
  const seen = new Set<string>();
  /** The numbers of the page's top-level comments, in page order. */
  const topNumbers: number[] = [];
  // The site's language, which its dates shown as text are written in.
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  const listed = [...document.querySelectorAll(LIST)].flatMap((list) => [...list.querySelectorAll(LIST_ITEM)]);
  const unlisted = [DIV_ITEM, WPDISCUZ_ITEM, DRUPAL_ITEM].flatMap((selector) => [...document.querySelectorAll(selector)]);
  for (const item of [...listed, ...unlisted]) {
    const number = numberOf(item);
    if (!number || seen.has(number)) continue;
    seen.add(number);
    if (item.matches(PING)) continue;
    // Its own elements, not its replies': those whose nearest comment element is this comment.
    const owned = (selector: string) => [...item.querySelectorAll(selector)].filter((found) => numberOf(found.closest(ITEM)) === number);
    const own = (selector: string) => owned(selector)[0] ?? null;
    const html = commentText(own);
    if (html === null) continue;
    // One query for the comment's permalink and the link naming the comment it answers.
    const commentLinks = owned(COMMENT_LINK);
    const parentNumber = (item.matches(DRUPAL_ITEM) ? drupalParentNumber(owned, number) : statedParentNumber(commentLinks, own, number, base, post)) ?? parentNumberOf(item, number);
    const author = authorOf(owned);
    // The author's link is in the name (<b class="fn"><a>) or, in Twenty Twenty, around it with the avatar.
    const authorLink = author?.matches('a') ? author : (author?.querySelector('a') ?? author?.closest('a') ?? null);
    const permalink = commentLinks.find((link) => linkedNumber(link) === number) ?? null;
    const datetime = own('time[datetime]')?.getAttribute('datetime') ?? own(RDFA_CREATED)?.getAttribute('content');
    const timestamp = Number(own('[data-comment-timestamp]')?.getAttribute('data-comment-timestamp'));
    if (!parentNumber) topNumbers.push(Number(number));
    comments.push({
      uniqueId: uniqueIdOf(number),
      parentUniqueId: parentNumber ? uniqueIdOf(parentNumber) : null,
      author: author?.textContent?.trim() || null,
      authorUrl: webUrl(authorLink?.getAttribute('href'), base),
      publishedAt: datetime ? parseDate(datetime) : timestamp > 0 ? timestamp * 1000 : (siteClockDate(permalink?.textContent, lang) ?? shownDate(own(SHOWN_DATE), lang)),
      html,
      link: webUrl(permalink?.getAttribute('href'), base) ?? uniqueIdOf(number),
    });
  }
  // A page with no WordPress thread may be another system's (Reddit, Hacker News, Lobsters, Slash,
  // JComments: system-threads.ts), each comment identified as WordPress's are.
  if (comments.length === 0 && listsSystemThread(html)) {
    const read = readSystemThread(document, html, pageUrl, post, servedAt);
    if (read.comments.length > 0) return { ...read, newestFirst: null };
  }
  // A page with no WordPress thread may mark its comments for schema.org (a Discourse topic's
  // replies), paged as ?page=N and linked as rel="next" and "prev": those are its comment pages.
  if (comments.length === 0 && marksSchemaComments(html)) {
    const topic = topicAddressOf(post);
    const marked = readSchemaComments(document, base, topic);
    if (marked.length > 0) return { comments: marked, pages: topicPagesLinked(document, base, topic), partial: false, newestFirst: null };
  }
  return { comments, pages: commentPagesLinked(document, base, post), partial: document.querySelector(LOAD_MORE) !== null, newestFirst: listsNewestFirst(topNumbers) };
}

/**
 * Whether the page lists its threads newest first: WordPress's "Comments should be displayed with
 * the newer comments at the top" (comment_order desc: the walker reverses the top level, each
 * thread's replies still oldest first), wpDiscuz's default. The site numbers comments as they come,
 * so its top-level numbers then go down the page. Null with fewer than two threads on the page.
 */
function listsNewestFirst(topNumbers: readonly number[]): boolean | null {
  return topNumbers.length < 2 ? null : topNumbers.at(-1)! < topNumbers[0]!;
}

/** A link to a comment of a post: its permalink, or the one it answers. */
const COMMENT_LINK = 'a[href*="#comment-"]';
const LINKED_NUMBER = /#comment-(\d+)$/;

/** The number of the comment a link points at, or null. */
function linkedNumber(link: Element): string | null {
  return LINKED_NUMBER.exec(link.getAttribute('href') ?? '')?.[1] ?? null;
}

/**
 * The comment a WordPress comment says it answers, by a link to it outside its text: many themes
 * write "In reply to <a href="POST#comment-N">Ana</a>" in a reply's header or meta (Hybrid Core's
 * comment_parent_link, themes' own callbacks). Past the site's thread depth
 * (thread_comments_depth) the walker stops nesting: the replies to a comment at that depth stand
 * beside it, in its parent's list, and only this link says which they answer. Not a link a
 * commenter wrote ("As <a href="#comment-12">Ana</a> said"): it must stand outside the text (in
 * the header or meta where the theme writes no .comment-content), point at this post, and at an
 * earlier comment (WordPress numbers comments as they come, and a reply comes after its parent).
 */
function statedParentNumber(links: readonly Element[], own: (selector: string) => Element | null, number: string, base: URL | null, post: string): string | null {
  let text: Element | null | undefined;
  for (const link of links) {
    const linked = linkedNumber(link);
    if (linked === null || Number(linked) >= Number(number)) continue;
    // Asked only here: most comments link no comment but themselves.
    if (text === undefined) text = own(CONTENT);
    if (text ? text.contains(link) : link.closest(NOT_TEXT) === null) continue;
    const href = webUrl(link.getAttribute('href'), base);
    if (href !== null && postAddressOf(href) === post) return linked;
  }
  return null;
}

/** The date Drupal 7 marks up as RDFa (dc:created) on each comment. */
const RDFA_CREATED = '[property~="dc:created"][content]';

/** The comment number of a comment element's id (comment-N, li-comment-N, wpd-comm-N_PARENT), or
 *  of the anchor before it (Drupal 7's). */
function numberOf(item: Element | null): string | null {
  const anchor = item && !item.id && item.localName === 'div' ? item.previousElementSibling : null;
  const match = COMMENT_ID.exec(item?.id || (anchor?.localName === 'a' ? anchor.id : ''));
  return match?.[1] ?? match?.[2] ?? null;
}

/** The number of the nearest comment element around the comment's: another comment's, not a second
 *  element of the same comment (a theme's <div id="comment-N" class="comment"> in its <li>). */
function parentNumberOf(item: Element, number: string): string | null {
  for (let around = item.parentElement?.closest(ITEM); around; around = around.parentElement?.closest(ITEM)) {
    const aroundNumber = numberOf(around);
    if (aroundNumber !== number) return aroundNumber;
  }
  // Drupal's: the comment before the "indented" block the reply is in.
  const block = item.parentElement;
  if (!block?.classList.contains(INDENTED)) return null;
  for (let before = block.previousElementSibling; before; before = before.previousElementSibling) {
    if (before.matches(ITEM)) return numberOf(before);
  }
  return null;
}

// Drupal names the comment a reply answers in the reply's own markup, outside its text: 7 as RDFa
// (<span rel="sioc:reply_of" resource="/comment/N#comment-N">; a comment on the node itself
// names the node), 8 and later in the footer, for screen readers ("In reply to <a
// href="/comment/N#comment-N">Subject</a> by Name", template_preprocess_comment's `parent`).
// Its place in the markup says less: a comment page (?page=N) opens with the replies whose parent
// is on an earlier page, in a div.indented with no comment before it.
const DRUPAL_PARENT = '[rel~="sioc:reply_of"][resource*="#comment-"], a[href*="#comment-"]';
const DRUPAL_PARENT_NUMBER = /#comment-(\d+)$/;

/** The comment a Drupal comment says it answers, or null (none said: see parentNumberOf). */
function drupalParentNumber(owned: (selector: string) => Element[], number: string): string | null {
  const text = owned(CONTENT)[0];
  for (const reference of owned(DRUPAL_PARENT)) {
    if (text?.contains(reference)) continue;
    const parent = DRUPAL_PARENT_NUMBER.exec(reference.getAttribute('resource') ?? reference.getAttribute('href') ?? '')?.[1];
    // Its own permalink names itself.
    if (parent && parent !== number) return parent;
  }
  return null;
}

/** The element holding the author's name: the vcard's, else schema.org's, else a bare one outside the text. */
function authorOf(owned: (selector: string) => Element[]): Element | null {
  const named = owned(VCARD_NAME)[0] ?? owned(SCHEMA_NAME)[0];
  if (named) return named;
  const text = owned(CONTENT)[0];
  for (const selector of BARE_NAME) {
    const bare = owned(selector).find((found) => !text?.contains(found));
    if (bare) return bare;
  }
  return null;
}

/** The comment's text: its .comment-content, or what the older walker's div.comment-body holds
 *  besides the author, date and reply blocks. Null for a pingback or anything else not a comment. */
function commentText(own: (selector: string) => Element | null): string | null {
  const content = own(CONTENT);
  if (content) return withoutFurniture(content).innerHTML.trim();
  const body = own('.comment-body');
  if (!body || !own('.comment-author') || !own('.comment-meta, .commentmetadata')) return null;
  return withoutFurniture(body).innerHTML.trim();
}

/** The element, or when links to reply or edit (or the older walker's blocks) are in it, a copy
 *  without them, nor the breaks and paragraphs that only set them apart (the older walker's <br>
 *  after its moderation notice, the block theme's <p> around it): either would show as a gap. */
function withoutFurniture(element: Element): Element {
  if (!element.querySelector(NOT_TEXT)) return element;
  const copy = element.cloneNode(true) as Element;
  for (const furniture of copy.querySelectorAll(NOT_TEXT)) {
    const holder = furniture.parentElement;
    let next = furniture.nextSibling;
    while (next?.nodeType === 3 && !next.textContent?.trim()) next = next.nextSibling;
    if (next?.nodeType === 1 && (next as Element).localName === 'br') next.remove();
    furniture.remove();
    if (holder?.localName === 'p' && holder !== copy && holder.children.length === 0 && !holder.textContent?.trim()) holder.remove();
  }
  return copy;
}

// Where themes show the date as text outside the permalink: Divi's span.comment_date, OceanWP's
// span.comment-date; Avada beside the name in div.comment-author.meta, with no permalink at all;
// wpDiscuz's div.wpd-comment-date.
const SHOWN_DATE = '.comment_date, .comment-date, .comment-author.meta, .wpd-comment-date';
// A date as WordPress's English date formats write it: month first ("F j, Y", "March 4, 2024") or day
// first ("j F Y", "4 March 2024", the UK's), the month's name whole or cut to three letters...
const SHOWN_DAY = String.raw`\b(?:[a-z]{3,}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,}\.?,? \d{4})`;
// ...then maybe the time, joined by "at" as comments show it (or a comma, or Blocksy's " / "): "g:i a"
// ("8:38 am") or the 24-hour "H:i" ("20:38").
const SHOWN_TIME = String.raw`(?:,? (?:at |/ )?\d{1,2}:[0-5]\d(?: ?[ap]\.?m\b\.?)?)?`;
const SITE_CLOCK_DATE = new RegExp(SHOWN_DAY + SHOWN_TIME, 'i');

/** The date an element shows, or says in its title where it shows one for people ("3 years ago", wpDiscuz's). */
function shownDate(element: Element | null, lang: string | null): number | null {
  return element ? (siteClockDate(element.getAttribute('title'), lang) ?? siteClockDate(element.textContent, lang)) : null;
}

/**
 * A date the page shows only as text, found among the words around it and read as parseDate
 * reads a feed's (UTC when no zone is given): it is the site's own clock, whose offset the page
 * does not say, so it may be some hours off, but it keeps the thread in order (a comment without
 * any date would be dated when it was first seen). A date shown without its time is that day's
 * midnight. In the page's own language where it is not English (local-date.ts); null for other formats.
 */
function siteClockDate(text: string | null | undefined, lang: string | null): number | null {
  if (!text) return null;
  // The page's own language first: "11 mars 2024 à 8 h 40" looks English enough to the pattern
  // below, which would read the day (V8 knows "mar") and miss the time.
  const local = localDate(text, lang);
  if (local !== null) return local;
  const match = SITE_CLOCK_DATE.exec(text);
  return match ? parseDate(match[0]) : null;
}

function commentPagesLinked(document: Document, base: URL | null, post: string): string[] {
  const pages = new Set<string>();
  for (const anchor of document.querySelectorAll('a[href]')) {
    const href = webUrl(anchor.getAttribute('href'), base);
    if (!href) continue;
    const url = new URL(href);
    url.hash = '';
    const isCommentPage = COMMENT_PAGE_PATH.test(url.pathname) || url.searchParams.has('cpage');
    if (isCommentPage && postAddressOf(url.href) === post) pages.add(url.href);
  }
  // Drupal's comment pager, on a page with its comments: the post's address with ?page=N (not
  // any ?page= link: a WordPress post's text pages, a site's own lists).
  if (document.querySelector(DRUPAL_ITEM) !== null) {
    for (const anchor of document.querySelectorAll(DRUPAL_PAGER)) {
      const href = webUrl(anchor.getAttribute('href'), base);
      if (!href) continue;
      const url = new URL(href);
      url.hash = '';
      if (Number(url.searchParams.get('page')) > 0 && postAddressOf(url.href) === post) pages.add(url.href);
    }
  }
  return [...pages];
}
