// The comments a page marks up as schema.org Comment microdata, for threads that are not
// WordPress's: Discourse's view without JavaScript (what it serves to a client that runs no
// script, as Paperboy is) writes the topic's opening post, then each reply as
// <div id="post_N" itemprop="comment" itemscope itemtype="http://schema.org/Comment">, with the
// author's Person (itemprop="author", its "name" and "url"), a <time itemprop="datePublished">,
// the post's number (itemprop="position") and its text in itemprop="text". Extraction leaves
// these replies out of the article (comment-threads.ts), so this is where they are kept.
//
// A property belongs to the nearest itemscope around it, so a reply's own author, date and text
// are told from a quoted or nested comment's. A Comment inside another answers it. Each is
// identified as comment-page.ts identifies WordPress's (POST#comment-N, N its number on the
// page), so the stored thread is kept in order, updated and pruned the same way.
import { parseDate, type SiteComment } from '../feeds';
import { webUrl } from './urls';

/** What marks a Comment, in the page's source: checked before any DOM is walked for it. */
const SCHEMA_COMMENT_MARK = /\bitemtype=["']?https?:\/\/schema\.org\/Comment\/?["'\s>]/i;
const SCHEMA_COMMENT_TYPE = /^https?:\/\/schema\.org\/Comment\/?$/i;
/** Discourse numbers each post's element post_N. */
const POST_ID = /^post_(\d+)$/;

/** True when the page marks at least one schema.org Comment (cheap: no DOM). */
export function marksSchemaComments(html: string): boolean {
  return SCHEMA_COMMENT_MARK.test(html);
}

/** The page's schema.org Comments, in page order, identified under `post` (the page's address
 *  without its fragment or comment page). */
export function readSchemaComments(document: Document, base: URL | null, post: string): SiteComment[] {
  const uniqueIdOf = (number: string) => `${post}#comment-${number}`;
  const items = [...document.querySelectorAll('[itemscope][itemtype]')].filter(isComment);
  const numbers = new Map<Element, string>();
  const seen = new Set<string>();
  const comments: SiteComment[] = [];
  items.forEach((item, index) => {
    const number = numberOf(item) ?? String(index + 1);
    if (seen.has(number)) return;
    seen.add(number);
    numbers.set(item, number);
    const text = ownProperty(item, 'text');
    if (!text) return;
    const author = ownProperty(item, 'author');
    const name = author ? (ownProperty(author, 'name') ?? (author.hasAttribute('itemscope') ? null : author)) : null;
    const authorLink = author ? ownProperty(author, 'url') : null;
    const date = ownProperty(item, 'datePublished') ?? ownProperty(item, 'dateCreated');
    const permalink = ownProperty(item, 'url');
    const around = item.parentElement?.closest('[itemscope][itemtype]');
    const parent = around && isComment(around) ? numbers.get(around) : undefined;
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

function isComment(element: Element): boolean {
  return SCHEMA_COMMENT_TYPE.test(element.getAttribute('itemtype')?.trim() ?? '');
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
