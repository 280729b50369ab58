// Which comment a comment answers, when its feed says so reliably.
//
// Atom (RFC 4685): thr:in-reply-to names the parent entry's id. It may name the article itself
// for a top-level comment; the caller finds no such comment and shows it at the top level.
//
// WordPress RSS comment feeds carry no parent element, but WordPress writes a reply's content as
// "In reply to <a href="POST#comment-N">Parent</a>." + the text (in the site's language), and
// gives every comment the guid "POST-GUID#comment-ID". A reply is recognised only when both
// hold: the content opens with a short lead and a link to #comment-N on the same post page, and
// the comment's own guid has the #comment-ID form, so the parent's guid can be written exactly.
import { uniqueIdOf } from './article-id';
import type { ParsedItem } from './parsed';

const WORDPRESS_GUID = /^(.*)#comment-\d+$/;
// Lead text (the localized "In reply to", possibly empty), the link, then the end of that line.
const REPLY_LEAD =
  /^\s*(?:<p>)?([^<]{0,80})<a\s[^>]*?href=(["'])([^"']*#comment-(\d+))\2[^>]*>[^<]{0,245}<\/a>[^<]{0,80}?(?:<\/p>|<br\s*\/?>|\n)/i;

/** The unique id of the comment this one answers, or null (top level, or not known). */
export function parentUniqueIdOf(item: ParsedItem): string | null {
  return item.inReplyTo ?? replyLeadOf(item)?.parent ?? null;
}

/** The comment's content without WordPress's "In reply to X." lead when that lead names its
 *  parent: the reader shows the reply under its parent, and the lead said it twice. */
export function contentWithoutReplyLead(item: ParsedItem): string | null {
  const lead = item.inReplyTo ? null : replyLeadOf(item);
  return lead ? item.contentHtml!.slice(lead.length).trimStart() : item.contentHtml;
}

/** The parent a WordPress reply's lead names, and how long the lead is. */
function replyLeadOf(item: ParsedItem): { parent: string; length: number } | null {
  const guid = WORDPRESS_GUID.exec(uniqueIdOf(item));
  const lead = REPLY_LEAD.exec(item.contentHtml ?? '');
  if (!guid || !lead || !item.link || !samePostPage(lead[3]!, item.link)) return null;
  return { parent: `${guid[1]}#comment-${lead[4]}`, length: lead[0].length };
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
