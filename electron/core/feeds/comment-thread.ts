// Which comment a comment answers, when its feed says so reliably.
//
// Atom (RFC 4685): thr:in-reply-to names the parent entry's id. It may name the article itself
// for a top-level comment; the caller finds no such comment and shows it at the top level.
// WordPress's Atom comment feed writes both thr:in-reply-to and the "In reply to X." lead below;
// the lead goes when it names the same comment, as in an RSS feed. (Rare RSS feeds carry
// thr:in-reply-to too: rss.ts reads it as atom.ts does.)
//
// WordPress RSS comment feeds carry no parent element, but WordPress writes a reply's content as
// "In reply to <a href="POST#comment-N">Parent</a>." + the text (in the site's language), and
// gives every comment the guid "POST-GUID#comment-ID". A reply is recognised only when both
// hold: the content opens with a short lead and a link to #comment-N on the same post page, and
// the comment's own guid has the #comment-ID form, so the parent's guid can be written exactly.
import { uniqueIdOf } from './article-id';
import type { ParsedItem } from './parsed';
import { htmlToText } from './text';

const WORDPRESS_GUID = /^(.*)#comment-\d+$/;
// Lead text (the localized "In reply to", possibly empty), the link, then the end of that line.
const REPLY_LEAD =
  /^\s*(?:<p>)?([^<]{0,80})<a\s[^>]*?href=(["'])([^"']*#comment-(\d+))\2[^>]*>[^<]{0,245}<\/a>[^<]{0,80}?(?:<\/p>|<br\s*\/?>|\n)/i;

/** Where a comment stands in its thread: the unique id of the comment it answers (null: top
 *  level, or not known), and its content without WordPress's "In reply to X." lead when that lead
 *  named the parent (the reader shows the reply under its parent: the lead would say it twice).
 *  `lead` keeps that lead's text, for a reply whose parent is not stored (older than the comments
 *  the feed lists): shown at the top level, it says whom it answers. */
export function placeInThread(item: ParsedItem): { parentUniqueId: string | null; contentHtml: string | null; lead: string | null } {
  const lead = REPLY_LEAD.exec(item.contentHtml ?? '');
  const leadOnPost = lead !== null && item.link !== null && samePostPage(lead[3]!, item.link);
  if (item.inReplyTo) {
    const sameComment = leadOnPost && item.inReplyTo.endsWith(`#comment-${lead[4]}`);
    return sameComment ? withoutLead(item, item.inReplyTo, lead) : { parentUniqueId: item.inReplyTo, contentHtml: item.contentHtml, lead: null };
  }
  const guid = WORDPRESS_GUID.exec(uniqueIdOf(item));
  if (!guid || !leadOnPost) return { parentUniqueId: null, contentHtml: item.contentHtml, lead: null };
  return withoutLead(item, `${guid[1]}#comment-${lead[4]}`, lead);
}

function withoutLead(item: ParsedItem, parentUniqueId: string, lead: RegExpExecArray): ReturnType<typeof placeInThread> {
  return { parentUniqueId, contentHtml: item.contentHtml!.slice(lead[0].length).trimStart(), lead: htmlToText(lead[0]) || null };
}

/** Same post, ignoring the fragment, the query and WordPress's comment-page-N/ segment. */
function samePostPage(href: string, link: string): boolean {
  const page = (value: string) => {
    try {
      const url = new URL(value.replace(/&amp;/g, '&'), link);
      return `${url.origin}${url.pathname.replace(/\/comment-page-\d+\/?$/, '/')}`;
    } catch {
      return null;
    }
  };
  const a = page(href);
  return a !== null && a === page(link);
}
