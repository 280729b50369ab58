// What feed generators append to every item's text, or write as its only text: the list's line
// under a headline showed "Comments" for every Hacker News item, and a short post's excerpt ended
// in "[…] The post … appeared first on …"; and the line an email newsletter opens with. Only the
// list's snippet goes without them: the article keeps the text as the feed wrote it.

/** The whole text of an item that has none of its own: a link to its discussion or its page. */
const ONLY_A_LINK = /^(?:comments?|discuss(?:ion)?|permalink|link|read more|continue reading|read full (?:topic|story|article))\s*(?:→|»|›)?$/i;

/** Generators' lines at the end of an item's text, each anchored at its end. */
const TRAILERS: readonly RegExp[] = [
  // Yoast SEO and WordPress plugins, in their common translations: a paragraph of its own.
  /(?:^|\n)\s*The post .{1,300}? appeared first on .{1,200}$/is,
  /(?:^|\n)\s*Der Beitrag .{1,300}? erschien zuerst auf .{1,200}$/is,
  /(?:^|\n)\s*L[’']article .{1,300}? est apparu en premier sur .{1,200}$/is,
  /(?:^|\n)\s*La entrada .{1,300}? se publicó primero en .{1,200}$/is,
  /(?:^|\n)\s*L[’']articolo .{1,300}? proviene da .{1,200}$/is,
  /(?:^|\n)\s*Het bericht .{1,300}? verscheen eerst op .{1,200}$/is,
  /(?:^|\n)\s*O post .{1,300}? apareceu primeiro em .{1,200}$/is,
  // WordPress.com's excerpt link ("Continue reading <title> →") and themes' "Read more", as
  // labels write them (capitalized: "we want to read more books" is a sentence).
  // The Guardian's ends in an ellipsis: "Continue reading...".
  /\s*(?:Continue reading|Read more|Weiterlesen|Lire la suite|Leer más|Continua a leggere|Lees verder|Continuar lendo)\b[^.!?]{0,200}?(?:\.{3}|…)?$/,
  // Lobsters and link aggregators: a link to the discussion after the text.
  /(?<=[.!?…"”)])\s+(?:Comments?|Discuss(?:ion)?)$/,
  // Medium's line under each post of a publication: "<Title> was originally published in
  // <Publication> on Medium, where people are continuing the conversation by ...".
  /(?:^|\n)[^\n]{1,300} was originally published in [^\n]{1,200} on Medium, where people are continuing the conversation\b[^\n]{0,100}$/,
  // Slashdot, Discourse, phpBB.
  /(?:^|\n)\s*Read more of this story at Slashdot\.?$/i,
  /\s*(?:\d+ posts? - \d+ participants?\s*)?Read full topic$/i,
  /(?:^|\n)\s*Statistics: Posted by .{1,200}$/is,
  // Reddit's footer on every post: "submitted by /u/name [link] [comments]".
  /\s*submitted by\s+\/?u\/\S+(?:\s+to\s+\/?r\/\S+)?\s*\[link\]\s*\[comments\]$/i,
];
/** Words one of TRAILERS has: a text with none of them (most) takes one scan, not one per trailer. */
const TRAILER_WORDS = /appeared first|originally published in|erschien zuerst|apparu en premier|se publicó primero|proviene da|verscheen eerst|apareceu primeiro|Continue reading|Read more|Weiterlesen|Lire la suite|Leer más|Continua a leggere|Lees verder|Continuar lendo|Comment|Discuss|Read full topic|Statistics: Posted|submitted by/i;
/** WordPress's excerpt ends in "[…]" (or "[...]"): shown as the ellipsis it means. */
const EXCERPT_MORE = /\s*\[(?:…|\.\.\.|&hellip;)\]$/;
/** Past this many characters, an item's end is beyond what a snippet shows. */
const SNIPPET_REACH = 700;
/** An email newsletter's first line, a line of its own, which links to its copy on the web
 *  (Mailchimp's "View this email in your browser", "View online", "Having trouble viewing this
 *  email? ..."): a campaign archive's feed carries the email whole. */
const EMAIL_OPENING = /^\s*(?:View (?:this (?:email|newsletter|issue) )?(?:in (?:your |a )?browser|online)|(?:Having trouble viewing|Can[’']t see|(?:Is this )?email not displaying correctly)[^\n]{0,120}?)[.!]?[ \t]*(?:\n|$)/i;

/** The text without the generator's closing lines, when they could show in a snippet, and
 *  without an email's opening line. */
export function withoutFeedBoilerplate(text: string): string {
  const opened = text.replace(EMAIL_OPENING, '');
  const trimmed = opened.trim();
  if (trimmed.length > SNIPPET_REACH) return opened;
  if (ONLY_A_LINK.test(trimmed)) return '';
  let kept = trimmed;
  if (TRAILER_WORDS.test(trimmed)) for (const trailer of TRAILERS) kept = kept.replace(trailer, '');
  return kept.replace(EXCERPT_MORE, '…');
}
