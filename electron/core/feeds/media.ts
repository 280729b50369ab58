// Enclosures, the lead image and the fallback description, which RSS and Atom items express
// through the same extension elements (Media RSS, iTunes) besides their own syntax.
import type { Enclosure } from '../../../shared/types';
import { absoluteHttpUrl, hasInlineMarkup, parseCount, textToHtml } from './text';
import { attr, child, children, textOf, type XmlElement, type XmlNode } from './xml-nodes';

const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

export function enclosureOf(url: string | null, type: string | null, length: string | number | null, base: string): Enclosure | null {
  const href = absoluteHttpUrl(url, base);
  if (!href) return null;
  // length="0" is what generators write when they do not know the size.
  const size = parseCount(length);
  return { url: href, type: type?.trim() || null, length: size === 0 ? null : size };
}

/** Every RSS <enclosure>, not only the first. */
export function rssEnclosures(item: XmlElement, base: string): Enclosure[] {
  return children(item, 'enclosure')
    .map((e) => enclosureOf(attr(e, 'url'), attr(e, 'type'), attr(e, 'length'), base))
    .filter((e): e is Enclosure => e !== null);
}

/**
 * The item's picture, in order of how deliberately it was chosen: media:thumbnail, an image
 * media:content, an image enclosure, the iTunes episode image.
 */
export function itemImage(item: XmlElement, enclosures: readonly Enclosure[], base: string): string | null {
  const scopes: XmlNode[] = [item, ...children(item, 'media:group')];
  const contents = scopes.flatMap((scope) => children(scope, 'media:content'));
  const candidates = [
    ...scopes.flatMap((scope) => children(scope, 'media:thumbnail')).map((t) => attr(t, 'url')),
    ...contents.filter(isImageContent).map((c) => attr(c, 'url')),
    ...contents.flatMap((c) => children(c, 'media:thumbnail')).map((t) => attr(t, 'url')),
    ...enclosures.filter((e) => e.type?.startsWith('image/') ?? IMAGE_PATH.test(e.url)).map((e) => e.url),
    ...children(item, 'itunes:image').map((i) => attr(i, 'href')),
  ];
  for (const candidate of candidates) {
    const url = absoluteHttpUrl(candidate, base);
    if (url) return url;
  }
  return null;
}

/**
 * The item's description in Media RSS or iTunes terms, as HTML, for items with no text of their
 * own: a YouTube entry's only text is its media:group's media:description, many podcast episodes'
 * only text their itunes:summary. Both are plain text by their specs (Media RSS allows
 * type="html"; some podcast hosts put HTML in itunes:summary anyway). A media:content's own
 * description is left out: news feeds write a picture's caption there.
 */
export function extensionDescriptionHtml(item: XmlElement): string | null {
  const media = [item, ...children(item, 'media:group')].map((scope) => child(scope, 'media:description')).find((d) => textOf(d).trim() !== '');
  if (media !== undefined) return descriptionHtml(textOf(media), attr(media, 'type')?.trim().toLowerCase() === 'html');
  const summary = textOf(child(item, 'itunes:summary'));
  return summary.trim() ? descriptionHtml(summary, hasInlineMarkup(summary)) : null;
}

/** Plain text keeps its line breaks and its bare addresses become links, as other readers show it. */
function descriptionHtml(text: string, isHtml: boolean): string {
  return isHtml ? text.trim() : textToHtml(text, { links: true });
}

function isImageContent(content: XmlNode): boolean {
  const medium = attr(content, 'medium');
  if (medium) return medium === 'image';
  const type = attr(content, 'type');
  if (type) return type.startsWith('image/');
  return IMAGE_PATH.test(attr(content, 'url') ?? '');
}
