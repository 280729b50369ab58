// The comments a page marks up as schema.org Comment microdata, for threads that are not
// WordPress's: Discourse's view without JavaScript (what it serves to a client that runs no
// script, as Paperboy is) writes the topic's opening post, then each reply as
// <div id="post_N" itemprop="comment" itemscope itemtype="http://schema.org/Comment">, with the
// author's Person (itemprop="author", its "name" and "url"), a <time itemprop="datePublished">,
// the post's number (itemprop="position") and its text in itemprop="text". Extraction leaves
// these replies out of the article (comment-threads.ts), so this is where they are kept.
// Discourse before 3.2 (and forums still on it) wrote the same view with every post a
// DiscussionForumPosting of its own, the opening post's and each reply's alike (div#post_N
// .topic-body.crawler-post), its text in itemprop="articleBody": a posting numbered after the
// first (its own position, 2 and on) is a reply, read as a Comment is.
//
// A property belongs to the nearest itemscope around it, so a reply's own author, date and text
// are told from a quoted or nested comment's. A Comment inside another answers it. Each is
// identified as comment-page.ts identifies WordPress's (POST#comment-N, N its number on the
// page), so the stored thread is kept in order, updated and pruned the same way.
//
// Discourse shows 20 posts a page to such a client and links the next page as ?page=N, with
// <link rel="next"> in the head and a "next page →" link (rel="next") below the posts, and the
// one before as rel="prev" (the bare address for page 1). Those are the topic's other pages,
// read as WordPress's comment pages are (comment-refresh.ts); every page's replies are identified
// under the topic's address without its page number, so each is stored once whichever page
// showed it.
import { parseDate, type SiteComment } from '../feeds';
import { webUrl } from './urls';

/** What marks a Comment, in the page's source: checked before any DOM is walked for it. */
const SCHEMA_COMMENT_MARK = /\bitemtype=["']?https?:\/\/schema\.org\/Comment\/?["'\s>]/i;
const SCHEMA_COMMENT_TYPE = /^https?:\/\/schema\.org\/Comment\/?$/i;
const SCHEMA_POSTING_TYPE = /^https?:\/\/schema\.org\/DiscussionForumPosting\/?$/i;
/** A posting's itemtype and the first position written after it (Discourse: <span
 *  itemprop='position'>2</span>): its own, in the older view, where it holds no other posting. */
const POSTING_POSITION = /schema\.org\/DiscussionForumPosting\b[\s\S]*?\bitemprop=["']?position["']?>\s*(\d+)/g;
/** Discourse numbers each post's element post_N. */
const POST_ID = /^post_(\d+)$/;

/** The page's link to its next or previous page: the head's <link> or the navigation's <a>. */
const NEIGHBOUR_PAGE = ['link', 'a'].flatMap((tag) => [`${tag}[rel~="next"][href]`, `${tag}[rel~="prev"][href]`]).join(', ');
/** The topic page's number in its address (?page=N). */
const PAGE_PARAM = 'page';

/** What marks a forum topic: schema.org's DiscussionForumPosting, in microdata or in JSON-LD. */
const FORUM_TOPIC_MARK = /\bitemtype=["']?https?:\/\/schema\.org\/DiscussionForumPosting\b|"@type"\s*:\s*"DiscussionForumPosting"/;

/** True when the page is a forum topic whose replies are its schema.org Comments (cheap: no DOM):
 *  its pager and rel="next" page those comments, never more of its opening post (extract.ts). A
 *  forum that marks no Comment (each post a posting of its own) keeps its pages with the article. */
export function marksForumTopic(html: string): boolean {
  return html.includes('DiscussionForumPosting') && FORUM_TOPIC_MARK.test(html) && marksSchemaComments(html);
}

/** True when the page marks at least one schema.org Comment, or a forum posting after the first
 *  (cheap: no DOM). */
export function marksSchemaComments(html: string): boolean {
  return SCHEMA_COMMENT_MARK.test(html) || marksLaterPosting(html);
}

/** True when a forum posting's own position is past the first: one posting around the whole
 *  topic (its replies unmarked) names its opening post's, 1, first. */
function marksLaterPosting(html: string): boolean {
  if (!html.includes('DiscussionForumPosting')) return false;
  for (const match of html.matchAll(POSTING_POSITION)) if (Number(match[1]) > 1) return true;
  return false;
}

/** The page's schema.org Comments, in page order, identified under `post` (the page's address
 *  without its fragment or comment page). */
export function readSchemaComments(document: Document, base: URL | null, post: string): SiteComment[] {
  const uniqueIdOf = (number: string) => `${post}#comment-${number}`;
  const items = [...document.querySelectorAll('[itemscope][itemtype]')].filter(isSchemaComment);
  const numbers = new Map<Element, string>();
  const seen = new Set<string>();
  const comments: SiteComment[] = [];
  items.forEach((item, index) => {
    const number = numberOf(item) ?? String(index + 1);
    if (seen.has(number)) return;
    seen.add(number);
    numbers.set(item, number);
    const text = ownProperty(item, 'text') ?? ownProperty(item, 'articleBody');
    if (!text) return;
    const author = ownProperty(item, 'author');
    const name = author ? (ownProperty(author, 'name') ?? (author.hasAttribute('itemscope') ? null : author)) : null;
    const authorLink = author ? ownProperty(author, 'url') : null;
    const date = ownProperty(item, 'datePublished') ?? ownProperty(item, 'dateCreated');
    const permalink = ownProperty(item, 'url');
    const around = item.parentElement?.closest('[itemscope][itemtype]');
    const parent = around && isSchemaComment(around) ? numbers.get(around) : undefined;
    comments.push({
      uniqueId: uniqueIdOf(number),
      parentUniqueId: parent ? uniqueIdOf(parent) : null,
      author: valueOf(name) || null,
      authorUrl: webUrl(authorLink?.getAttribute('href'), base),
      publishedAt: date ? parseDate(date.getAttribute('datetime') ?? date.getAttribute('content') ?? date.textContent?.trim() ?? '') : null,
      html: text.innerHTML.trim(),
      link: webUrl(permalink?.getAttribute('href') ?? permalink?.getAttribute('content'), base) ?? uniqueIdOf(number),
    });
  });
  return comments;
}

/** The topic's address for one of its pages (`post`, comment-page.ts's postAddressOf of it), its
 *  page number taken off: the same for every page, and page 1's is the topic's own. */
export function topicAddressOf(post: string): string {
  const url = new URL(post);
  if (/^\d+$/.test(url.searchParams.get(PAGE_PARAM) ?? '')) url.searchParams.delete(PAGE_PARAM);
  return url.href;
}

/** The topic's later pages this page links as its next or previous (absolute, no fragment). Page 1
 *  is the topic's own address, read first; a link to another topic is no page of this one. */
export function topicPagesLinked(document: Document, base: URL | null, topic: string): string[] {
  const pages = new Set<string>();
  for (const link of document.querySelectorAll(NEIGHBOUR_PAGE)) {
    const href = webUrl(link.getAttribute('href'), base);
    if (!href) continue;
    const url = new URL(href);
    url.hash = '';
    if (Number(url.searchParams.get(PAGE_PARAM)) > 1 && topicAddressOf(url.href) === topic) pages.add(url.href);
  }
  return [...pages];
}

/** A schema.org Comment, or a forum posting numbered after the first (the older crawler view's
 *  reply): comment-threads.ts leaves the same elements out of the article. */
export function isSchemaComment(element: Element): boolean {
  const type = element.getAttribute('itemtype')?.trim() ?? '';
  if (SCHEMA_COMMENT_TYPE.test(type)) return true;
  return SCHEMA_POSTING_TYPE.test(type) && Number(valueOf(ownProperty(element, 'position'))) > 1;
}

/** The comment's number: Discourse's post_N, else its own position property. */
function numberOf(item: Element): string | null {
  const fromId = POST_ID.exec(item.id)?.[1];
  if (fromId) return fromId;
  const position = valueOf(ownProperty(item, 'position'));
  return /^\d+$/.test(position) ? position : null;
}

/** The first element carrying property `name` of the item `scope` itself, not of an item inside it. */
function ownProperty(scope: Element, name: string): Element | null {
  for (const found of scope.querySelectorAll(`[itemprop~="${name}"]`)) {
    if (found.parentElement?.closest('[itemscope]') === scope) return found;
  }
  return null;
}

/** A property's value as microdata gives it: a <meta>'s content, else its text. */
function valueOf(element: Element | null): string {
  if (!element) return '';
  return (element.getAttribute('content') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
