// Mending for documents sax stopped at an end tag it did not expect, written by hand or by a
// template with HTML's habits, which HTML forgives and XML does not: an inline description's
// <br> or <img ...> left open (XML then finds </description> while <br> is open), and an end tag
// in another case than its start tag (<pubDate>...</pubdate>). Readers that fall back to a loose
// parser (feedparser) show those feeds; a strict parse lost every item.
import { rssName } from './element-names';

/**
 * HTML's void elements, which never have content or an end tag. Not <source> or <link>: RSS has
 * elements of those names, with text.
 */
const VOID_ELEMENT = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\/(?:area|br|col|embed|hr|img|input|param|track|wbr)\s*>|<(?:area|br|col|embed|hr|img|input|param|track|wbr)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
/** A start or end tag's name (1: the '/' of an end tag), outside CDATA and comments. */
const TAG_NAME = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.:-]*)(?=[\s/>])/g;

/** The document with HTML's habits written as XML: void elements closed, RSS's names in RSS's case. */
export function withoutHtmlHabits(xml: string): string {
  return withRssNamesInCase(withVoidElementsClosed(xml));
}

/** <br> as <br/>, <img src="..."> as <img src="..."/>; the end tags HTML ignores (</br>, </img>) dropped. */
function withVoidElementsClosed(xml: string): string {
  return xml.replace(VOID_ELEMENT, (tag) => {
    if (tag.startsWith('<!')) return tag;
    if (tag.startsWith('</')) return '';
    return tag.endsWith('/>') ? tag : `${tag.slice(0, -1)}/>`;
  });
}

/** Start and end tags of RSS's own elements written in RSS's case, so that <pubDate> ends at </pubdate>. */
function withRssNamesInCase(xml: string): string {
  return xml.replace(TAG_NAME, (tag, slash: string | undefined, name: string | undefined) => {
    if (name === undefined) return tag;
    const rss = rssName(name);
    return rss === name ? tag : `<${slash}${rss}`;
  });
}
