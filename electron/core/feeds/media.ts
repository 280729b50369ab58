// Enclosures, the lead image and the fallback title and description, which RSS and Atom items express
// through the same extension elements (Media RSS, iTunes) besides their own syntax.
import type { Enclosure } from '../../../shared/types';
import { bloggerFullSize } from './blogger-images';
import { absoluteHttpUrl, collapseWhitespace, escapeHtml, hasMarkup, htmlToText, parseCount, textToHtml, titleText, withDecodedEntities } from './text';
import { attr, child, children, textOf, type XmlElement, type XmlNode } from './xml-nodes';

const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;
const EPISODE_PATH = /\.(?:mp3|m4a|aac|ogg|oga|opus|mp4|m4v|mov|webm)(?:[?#]|$)/i;
/** The largest side of a picture that is an icon, not a picture of the story (GitHub's 30-pixel author avatars). */
const ICON_SIZE = 64;
/**
 * The largest file that is an icon or a spacer, not a picture of the story: Yahoo! JAPAN attaches
 * its 133-byte camera icon to every story with photos, a 1x1 GIF is 43 bytes, and the smallest
 * thumbnail a feed attaches is some kilobytes.
 */
const ICON_BYTES = 1023;
/** An author's picture (avatars.githubusercontent.com, Gravatar's /avatar/, /avatars/ folders): the same on every item. */
const AVATAR_URL = /^https?:\/\/(?:[^/?#]*[.@])?avatars?\.|\/avatars?\//i;

export function enclosureOf(url: string | null, type: string | null, length: string | number | null, base: string): Enclosure | null {
  const href = absoluteHttpUrl(url, base);
  if (!href) return null;
  // length="0" is what generators write when they do not know the size.
  const size = parseCount(length);
  return { url: href, type: type?.trim() || null, length: size === 0 ? null : size };
}

/** Every RSS <enclosure>, not only the first, and the sound and video of mediaEnclosures. */
export function rssEnclosures(item: XmlElement, base: string): Enclosure[] {
  return [
    ...children(item, 'enclosure')
      .map((e) => enclosureOf(attr(e, 'url'), attr(e, 'type'), attr(e, 'length'), base))
      .filter((e): e is Enclosure => e !== null),
    // RSS 1.0's enclosure module (Craigslist's listings): the file in rdf:resource or resource.
    ...children(item, 'enc:enclosure')
      .map((e) => enclosureOf(attr(e, 'rdf:resource') ?? attr(e, 'resource'), attr(e, 'enc:type') ?? attr(e, 'type'), attr(e, 'enc:length') ?? attr(e, 'length'), base))
      .filter((e): e is Enclosure => e !== null),
    ...mediaEnclosures(item, base),
  ];
}

/**
 * The sound and video an item attaches as media:content: Mastodon lists a post's attachments only
 * there. Those of a media:group are left out: a group holds versions of one file (YouTube's player).
 */
export function mediaEnclosures(item: XmlElement, base: string): Enclosure[] {
  return children(item, 'media:content')
    .filter((content) => isMediumContent(content, 'audio') || isMediumContent(content, 'video'))
    .map((content) => enclosureOf(attr(content, 'url'), attr(content, 'type'), attr(content, 'fileSize'), base))
    .filter((e): e is Enclosure => e !== null);
}

/**
 * The item's picture, in order of how deliberately it was chosen: the largest image media:content
 * (Flickr's 1,024-pixel photo, not its 75-pixel thumbnail), a media:thumbnail (Blogger's at full
 * size), an image enclosure, the iTunes episode image, Bing News's picture. Icons and author
 * avatars are no picture of the story.
 */
export function itemImage(item: XmlElement, enclosures: readonly Enclosure[], base: string): string | null {
  const scopes: XmlNode[] = [item, ...children(item, 'media:group')];
  // A picture rated for adults is never the one the list and the reader show uncovered
  // (withAttachedPictures puts it in the text, behind a click).
  if (isRatedAdult(item)) return null;
  const contents = scopes.flatMap((scope) => children(scope, 'media:content')).filter((content) => !isRatedAdult(content));
  const thumbnails = [...scopes.flatMap((scope) => children(scope, 'media:thumbnail')), ...contents.flatMap((c) => children(c, 'media:thumbnail'))];
  const candidates = [
    ...largestFirst(contents.filter(isImageContent)).map((c) => attr(c, 'url')),
    // Blogger's 72-pixel square thumbnail stands for its upload, which is there in any size.
    ...thumbnails.map((t) => bloggerFullSize(attr(t, 'url')) ?? (isIcon(t) ? null : attr(t, 'url'))),
    ...enclosures.filter((e) => (e.type?.startsWith('image/') ?? IMAGE_PATH.test(e.url)) && !isIconSize(e.length)).map((e) => e.url),
    ...children(item, 'itunes:image').map((i) => attr(i, 'href')),
    // Bing News's RSS names a story's picture in its own element (a thumbnail from its image
    // service, up to 700 pixels wide); its items have no other.
    ...children(item, 'News:Image').map((i) => textOf(i).trim()),
  ];
  for (const candidate of candidates) {
    const url = absoluteHttpUrl(candidate, base);
    if (url) return url;
  }
  return null;
}

/** A podcast's or video show's episode: the item carries its audio or video as an enclosure. */
export function isEpisode(enclosures: readonly Enclosure[]): boolean {
  return enclosures.some((e) => (e.type ? /^(?:audio|video)\//i.test(e.type) : EPISODE_PATH.test(e.url)));
}

/**
 * The item's body with the pictures it attaches as media:content after its text (the sync caches
 * them as any picture of the body), each with its description as alt text. Mastodon lists a
 * post's pictures only there. A news item's one picture there is the lead image the reader shows
 * above the text already, so pictures are added only to a post without a title of its own or
 * with several pictures, and only to a body that has none of its own.
 */
export function withAttachedPictures(bodyHtml: string | null, item: XmlElement, untitled: boolean, base: string): string | null {
  if (bodyHtml !== null && hasPicture(bodyHtml)) return bodyHtml;
  const pictures = attachedPictures(item, base);
  // A lone picture rated for adults is no lead image (itemImage): it is shown here, covered.
  if (pictures.length === 0 || (pictures.length === 1 && !untitled && !pictures[0]!.covered)) return bodyHtml;
  const html = pictures.map(({ url, alt, covered }) => {
    const picture = `<p><img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}"></p>`;
    return covered ? `<details><summary>${COVERED_LABEL}</summary>${picture}</details>` : picture;
  }).join('\n');
  return bodyHtml === null ? html : `${bodyHtml}\n${html}`;
}

/** What a covered picture says until it is clicked, as Mastodon's own "Sensitive content" cover does. */
const COVERED_LABEL = 'Sensitive content (click to show)';

/** Whether a media:content, or an item for all it attaches, is rated for adults in Media RSS's
 *  simple scheme (its default): Mastodon rates so each picture of a post its author marked
 *  sensitive, which Mastodon shows behind a click. */
function isRatedAdult(node: XmlNode): boolean {
  const rating = child(node, 'media:rating');
  if (rating === undefined) return false;
  const scheme = attr(rating, 'scheme')?.trim().toLowerCase() || 'urn:simple';
  return scheme === 'urn:simple' && textOf(rating).trim().toLowerCase() === 'adult';
}

/**
 * The item's own address when FeedBurner proxied the feed (feedburner:origLink, in RSS and in
 * Atom): its <link> is a feedproxy.google.com redirect, through which Google no longer sends
 * anyone, so the article's page could not be fetched and "Open in browser" led nowhere.
 */
export function feedBurnerOriginal(item: XmlElement, base: string): string | null {
  return absoluteHttpUrl(textOf(child(item, 'feedburner:origLink')).trim(), base);
}

/** A custom emoji Mastodon writes into a post's text as an <img> (class "custom-emoji", rel
 *  "emoji"): a character of the text, not a picture of the post. */
const EMOJI_IMAGE = /\b(?:class|rel)\s*=\s*["'][^"']*\bemoji/i;

/** Whether the body shows a picture of its own; a custom emoji in its text is none. */
function hasPicture(bodyHtml: string): boolean {
  for (const tag of bodyHtml.matchAll(/<img\b[^>]*>/gi)) if (!EMOJI_IMAGE.test(tag[0])) return true;
  return false;
}

/**
 * The item's image media:content (not a media:group's: versions of one file), one per photo: some
 * feeds list a photo at two sizes (?width=140, ?width=460), and the wider is kept, in its place.
 */
function attachedPictures(item: XmlElement, base: string): { url: string; alt: string; covered: boolean }[] {
  const byPhoto = new Map<string, { url: string; alt: string; width: number; covered: boolean }>();
  const allCovered = isRatedAdult(item);
  for (const content of children(item, 'media:content').filter(isImageContent)) {
    const url = absoluteHttpUrl(attr(content, 'url'), base);
    if (url === null) continue;
    const photo = url.replace(/[?#].*$/, '');
    const width = parseCount(attr(content, 'width')) ?? 0;
    const kept = byPhoto.get(photo);
    if (kept === undefined || width > kept.width) byPhoto.set(photo, { url, alt: pictureDescription(content), width, covered: allCovered || isRatedAdult(content) });
  }
  return [...byPhoto.values()];
}

/** A media:content's media:description as plain text: Mastodon writes a picture's alt text there, news feeds its caption. */
function pictureDescription(content: XmlNode): string {
  const description = child(content, 'media:description');
  const text = textOf(description);
  return attr(description, 'type')?.trim().toLowerCase() === 'html' ? htmlToText(text) : collapseWhitespace(text);
}

/**
 * The item's title in Media RSS or iTunes terms, for an item without a title of its own: video
 * and picture feeds title some items only in their media:group (or beside it). Plain text unless
 * it says type="html". A media:content's own title is left out: a video file's is often its file name.
 */
export function extensionTitle(item: XmlElement): string | null {
  const media = [item, ...children(item, 'media:group')].map((scope) => child(scope, 'media:title')).find((t) => textOf(t).trim() !== '');
  if (media !== undefined) return (attr(media, 'type')?.trim().toLowerCase() === 'html' ? htmlToText(textOf(media)) : titleText(textOf(media))) || null;
  return titleText(textOf(child(item, 'itunes:title'))) || null;
}

/**
 * The item's description in Media RSS or iTunes terms, as HTML, for items with no text of their
 * own: a YouTube entry's only text is its media:group's media:description, many podcast episodes'
 * only text their itunes:summary. Both are plain text by their specs (Media RSS allows
 * type="html"; some podcast hosts put HTML in itunes:summary anyway). Last, the media:description
 * of the item's one media:content: photo and video feeds (a photo agency's, a video platform's
 * MRSS) describe the picture or clip that is the item there and nowhere else. Only for an item
 * with a title of its own that the description does not merely repeat: a post that is only a
 * picture (Mastodon's) is named by that text and shows it as the picture's alt text already.
 */
export function extensionDescriptionHtml(item: XmlElement, title: string | null): string | null {
  const media = [item, ...children(item, 'media:group')].map((scope) => child(scope, 'media:description')).find((d) => textOf(d).trim() !== '');
  if (media !== undefined) return descriptionHtml(textOf(media), attr(media, 'type')?.trim().toLowerCase() === 'html');
  const summary = textOf(child(item, 'itunes:summary'));
  if (summary.trim()) return htmlOrTextHtml(summary);
  return loneContentDescriptionHtml(item, title);
}

/** The media:description of the item's only media:content, unless it says no more than the title (see extensionDescriptionHtml). */
function loneContentDescriptionHtml(item: XmlElement, title: string | null): string | null {
  const contents = children(item, 'media:content');
  if (!title || contents.length !== 1) return null;
  const description = child(contents[0]!, 'media:description');
  const text = pictureDescription(contents[0]!);
  if (text === '' || text === collapseWhitespace(title)) return null;
  return descriptionHtml(textOf(description), attr(description, 'type')?.trim().toLowerCase() === 'html');
}

/**
 * A description feeds write as HTML or as plain text without saying which (RSS <description>,
 * itunes:summary, JSON Feed's summary), as HTML: HTML when it holds markup; else text, whose
 * entities are decoded (publishers escape it as they would HTML) and whose line breaks are kept.
 * Text whose entities decode to HTML, a tag first and a closing tag in it, is HTML escaped twice
 * (a CMS escaping a field it had escaped already: "&amp;lt;p&amp;gt;" in the XML): read as text,
 * every item showed its tags as words. Text that only mentions a tag ("Use <details> for it")
 * opens with none and stays text.
 */
export function htmlOrTextHtml(text: string): string {
  if (hasMarkup(text)) return descriptionHtml(text, true);
  const decoded = withDecodedEntities(text);
  return descriptionHtml(decoded, isEscapedTwice(text) && hasMarkup(decoded));
}

/** An escaped tag first and an escaped closing tag after it: as HTML escaped twice reads once its XML is read. */
const ESCAPED_TWICE = /^\s*&lt;[a-z][\s\S]*&lt;\/[a-z]/i;

/** Whether the text may be HTML escaped twice (htmlOrTextHtml decides, by the tags it decodes to). */
export function isEscapedTwice(text: string): boolean {
  return ESCAPED_TWICE.test(text);
}

/**
 * A body that is HTML by its element (content:encoded, Atom's type="html", JSON Feed's
 * content_html), as the HTML it decodes to when it was escaped twice and holds no tag of its own:
 * a template's htmlspecialchars() inside CDATA showed every tag as words.
 */
export function withoutSecondEscaping(html: string): string {
  if (!isEscapedTwice(html) || hasMarkup(html)) return html;
  const decoded = withDecodedEntities(html);
  return hasMarkup(decoded) ? decoded : html;
}

/** Plain text keeps its line breaks and its bare addresses become links, as other readers show it. */
function descriptionHtml(text: string, isHtml: boolean): string {
  return isHtml ? text.trim() : textToHtml(text, { links: true });
}

/** A picture of the story as media:content: not its author's avatar, which WordPress.com lists
 *  as one (a Gravatar) on every post. */
function isImageContent(content: XmlNode): boolean {
  const image = isMediumContent(content, 'image') || (!attr(content, 'medium') && !attr(content, 'type') && isUntypedPicture(content));
  return image && !isIcon(content);
}

/** Sound and film by their files' names: what an untyped media:content with a size may be besides a picture. */
const TIMED_MEDIA_PATH = /\.(?:mp3|m4a|aac|ogg|oga|opus|wav|flac|mp4|m4v|mov|webm|mkv|m3u8|mpd)(?:[?#]|$)/i;

/** A media:content that says neither its medium nor its type: a picture by its file's name, or by
 *  the width and height it declares when its address names no file (Yahoo's media.zenfs.com/...). */
function isUntypedPicture(content: XmlNode): boolean {
  const url = attr(content, 'url') ?? '';
  if (IMAGE_PATH.test(url)) return true;
  return parseCount(attr(content, 'width')) !== null && parseCount(attr(content, 'height')) !== null && !TIMED_MEDIA_PATH.test(url);
}

/**
 * The media:content is of that medium, by its type when that is an image, audio or video type,
 * else by its medium attribute. The type wins: Mastodon declares a GIF it turned into an MP4 as
 * medium "image" with type "video/mp4", which was fetched as a picture and shown broken.
 */
function isMediumContent(content: XmlNode, medium: 'image' | 'audio' | 'video'): boolean {
  const type = attr(content, 'type')?.trim().toLowerCase() ?? '';
  if (/^(?:image|audio|video)\//.test(type)) return type.startsWith(`${medium}/`);
  const declared = attr(content, 'medium')?.trim().toLowerCase();
  return declared === medium;
}

/** Widest first; those that do not say keep their place after those that do (a stable sort). */
function largestFirst(contents: readonly XmlNode[]): XmlNode[] {
  return [...contents].sort((a, b) => (parseCount(attr(b, 'width')) ?? 0) - (parseCount(attr(a, 'width')) ?? 0));
}

/** A thumbnail or picture at most ICON_SIZE pixels on a side or ICON_BYTES long, or an author's avatar. */
function isIcon(thumbnail: XmlNode): boolean {
  const sides = [attr(thumbnail, 'width'), attr(thumbnail, 'height')].map((side) => parseCount(side));
  return sides.some((side) => side !== null && side <= ICON_SIZE) || isIconSize(parseCount(attr(thumbnail, 'fileSize'))) || AVATAR_URL.test(attr(thumbnail, 'url') ?? '');
}

/** A declared size of an icon's file (ICON_BYTES). 0 and 1 are what generators write when they do
 *  not know the size (enclosureOf makes 0 no size), and say nothing. */
function isIconSize(bytes: number | null): boolean {
  return bytes !== null && bytes > 1 && bytes <= ICON_BYTES;
}
