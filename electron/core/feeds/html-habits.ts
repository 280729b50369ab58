// Mending for documents sax stopped at an end tag it did not expect, written by hand or by a
// template with HTML's habits, which HTML forgives and XML does not: an inline description's
// <br> or <img ...> left open (XML then finds </description> while <br> is open), and an end tag
// in another case than its start tag (<pubDate>...</pubdate>), a body's HTML written inline with
// its paragraphs left open (<p>one<p>two); and for those it stopped at an attribute written as
// HTML allows (<guid isPermaLink=false>, <enclosure ... length>, rel="alternate"href=). Readers
// that fall back to a loose parser (feedparser) show those feeds; a strict parse lost every item.
import { rssName } from './element-names';

/**
 * HTML's void elements, which never have content or an end tag, and RSS's <enclosure>, all
 * attributes, which hand-written podcasts leave open as HTML would. Not <source> or <link>: RSS
 * has elements of those names, with text.
 */
const VOID_ELEMENT = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\/(?:area|br|col|embed|enclosure|hr|img|input|param|track|wbr)\s*>|<(?:area|br|col|embed|enclosure|hr|img|input|param|track|wbr)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
/** A start or end tag's name (1: the '/' of an end tag), outside CDATA and comments. */
const TAG_NAME = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.:-]*)(?=[\s/>])/g;

/** A start tag with attributes, whose quoted values are matched whole; CDATA and comments are matched whole to be kept. */
const START_TAG_WITH_ATTRIBUTES = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[A-Za-z_][\w.:-]*\s(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** Such a tag's parts: 1 its '<' and name, 2 its attributes, 3 a '/' right before the '>', which closes the element. */
const TAG_PARTS = /^(<[A-Za-z_][\w.:-]*)([\s\S]*?)(\/?)>$/;
/** The next attribute (sticky): 1 the space before it, 2 its name, 3 its value, quoted or not (none: an attribute HTML reads as ""). */
const ATTRIBUTE = /(\s*)([^\s"'=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/y;

/** A text that may hold HTML: an RSS body (<description>, <content:encoded>, any prefix) or an item's
 *  or feed's <title> or <summary>, where hand-made feeds also write HTML inline ("<title>The <b>new</b>
 *  ferry</title>", or with the <b> left open): 1 its name, 2 its attributes, 3 its body. */
const BODY = /<(description|title|summary|[\w.-]+:(?:encoded|title|summary|description))(\s[^>]*?)?(?<!\/)>([\s\S]*?)<\/\1>/g;
/** Atom's XHTML text: its markup is the element's own children, to be read as elements. */
const XHTML_TYPE = /\btype\s*=\s*["']xhtml["']/;

/**
 * The document with HTML's habits written as XML: inline bodies as the HTML text they are,
 * void elements closed, RSS's names in RSS's case.
 */
export function withoutHtmlHabits(xml: string): string {
  return withRssNamesInCase(withVoidElementsClosed(withInlineBodiesAsText(xml)));
}

/**
 * An inline body as CDATA: its HTML is then read as HTML, as an escaped body is, however loosely
 * it was written (paragraphs and list items left open). A ']]>' in it is split across two sections.
 */
function withInlineBodiesAsText(xml: string): string {
  return xml.replace(BODY, (element, name: string, attributes: string | undefined, body: string) => {
    // Text, escaped HTML or CDATA already: nothing written inline.
    if (!body.includes('<') || body.includes('<![CDATA[') || XHTML_TYPE.test(attributes ?? '')) return element;
    return `<${name}${attributes ?? ''}><![CDATA[${body.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]></${name}>`;
  });
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

/**
 * Attributes written as HTML allows and hand-written feeds and old templates do, written as XML:
 * a value without quotes (<link rel=alternate href=http://...>, <enclosure url=... length=5316608
 * type=audio/mpeg>, <guid isPermaLink=false>) quoted, an attribute without a value (<enclosure
 * url="..." length type="audio/mpeg">, where the template had no length to print) given an empty
 * one, and attributes with no space between them (<link rel="alternate"href="...">) set apart.
 * sax refused the whole feed at the first; libxml2's recovery and feedparser read them, and so
 * does this. A tag whose attributes cannot be told apart is left for the parser to refuse.
 */
export function withAttributesAsXml(xml: string): string {
  return xml.replace(START_TAG_WITH_ATTRIBUTES, (tag) => (tag.startsWith('<!') ? tag : tagAsXml(tag)));
}

function tagAsXml(tag: string): string {
  const [, open, attributes, close] = TAG_PARTS.exec(tag) ?? [];
  if (open === undefined || attributes === undefined) return tag;
  let written = '';
  let at = 0;
  while (attributes.slice(at).trim()) {
    ATTRIBUTE.lastIndex = at;
    const [match, space, name, value] = ATTRIBUTE.exec(attributes) ?? [];
    if (match === undefined) return tag;
    const quoted = value === undefined ? '""' : value.startsWith('"') || value.startsWith("'") ? value : `"${value}"`;
    written += `${space || ' '}${name}=${quoted}`;
    at += match.length;
  }
  return `${open}${written}${attributes.slice(at)}${close}>`;
}
