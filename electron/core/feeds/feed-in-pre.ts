// A feed shown as text in an HTML page rather than served: the page's <pre> holds the feed, escaped
// (`<pre>&lt;?xml ...`, what a CMS's debug or error template prints with htmlspecialchars) or as
// it is (`<pre><?xml ...`, a script that wraps its output in <pre> to read it in a browser). Every
// item is there, so a page that is that <pre> and nothing else is read as the feed it holds; a
// page that quotes a feed among other text (a tutorial, a validator's report) is no feed.
import { htmlToText, withDecodedEntities } from './text';

/** A <pre>'s opening, with a <code> right inside it as syntax highlighters write it. */
const PRE_START = /<pre\b[^>]*>\s*(?:<code\b[^>]*>)?/i;
/** Where a feed's text starts, as it is or escaped: its declaration, its root element, a JSON Feed's opening. */
const FEED_TEXT_START = /^(?:<|&lt;|&#0*60;|&#x0*3c;)(?:\?xml\b|(?:rss|feed|rdf:RDF)\b)|^\{\s*(?:"|&quot;|&#0*34;)/i;
/** Markup that shows nothing: the head, scripts, styles and comments. */
const UNSHOWN = /<head\b[\s\S]*?<\/head>|<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

export interface FeedShownAsText {
  /** The feed's text, unescaped. */
  readonly text: string;
  /** The <pre> is all the page shows: the page stands for the feed. */
  readonly alone: boolean;
}

/** The feed a page shows in its first <pre>, or null when that <pre> does not start with one. */
export function feedShownAsText(html: string): FeedShownAsText | null {
  const start = PRE_START.exec(html);
  if (start === null) return null;
  const from = start.index + start[0].length;
  // The last </pre>: a feed as it is may hold a post's own <pre> in its CDATA. A page cut short has none.
  const close = html.toLowerCase().lastIndexOf('</pre>');
  const to = close < from ? html.length : close;
  const inside = html.slice(from, to).replace(/<\/code>\s*$/i, '').trim();
  if (!FEED_TEXT_START.test(inside)) return null;
  const escaped = !inside.startsWith('<') && !/^\{\s*"/.test(inside);
  const around = html.slice(0, start.index) + html.slice(close < from ? html.length : close + '</pre>'.length);
  return { text: escaped ? withDecodedEntities(inside) : inside, alone: htmlToText(around.replace(UNSHOWN, '')) === '' };
}
