// Pingbacks in a WordPress comment feed. WordPress lists them among a post's comments in its
// comment feeds (RSS and Atom alike, with no mark of their type), while its REST API leaves them
// out and the article page's comment reader skips them (articles/comment-page.ts): each is another
// site's post that linked here, titled "By: <that post's title>", not something a person said.
//
// Their one reliable sign is the text WordPress's pingback server writes for them
// (wp_xmlrpc_server::pingback_ping): '[&#8230;] ' + the escaped words around the link, stripped of
// markup + ' [&#8230;]', which the feed gives in one paragraph (content:encoded, wpautop's <p>) or
// bare (description). A pingback is an item of a WordPress comment feed (its guid ends in
// #comment-N) whose whole text has that shape: a comment that opens with "[…]" to quote the
// article, or that also has words or markup of its own, is a comment. Trackbacks are not told
// apart: WordPress writes theirs as "<strong>title</strong>" and an excerpt, which a comment may be.
import { uniqueIdOf } from './article-id';
import type { ParsedItem } from './parsed';

/** The ellipsis as the pingback server writes it, and as a filter may have decoded it. */
const ELLIPSIS = String.raw`\[(?:&#8230;|&hellip;|&#x2026;|…)\]`;
/** '[…] words […]' with no markup inside, in one paragraph or none. */
const PINGBACK_TEXT = new RegExp(String.raw`^(?:<p>)?${ELLIPSIS} [^<]*? ${ELLIPSIS}(?:</p>)?$`, 'i');
const WORDPRESS_COMMENT = /#comment-\d+$/;

/** Whether the item is a pingback WordPress lists among a post's comments (see above). */
export function isPingback(item: ParsedItem): boolean {
  const text = (item.contentHtml ?? item.summaryHtml)?.trim();
  return text !== undefined && PINGBACK_TEXT.test(text) && WORDPRESS_COMMENT.test(uniqueIdOf(item));
}
