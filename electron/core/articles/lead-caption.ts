// The list's snippet of an item that opens with a captioned picture starts at the story, not at
// the picture's caption. Medium's feeds open nearly every post with a figure ("Photo by … on
// Unsplash"), WordPress's with its image block, Substack's with a captioned image: the list showed
// a credit or a description of a photo where the story's first words belong. The caption stays in
// the article and in its searchable text; only the snippet starts after it.
import { plainTextOfRaw } from './raw-text';

/** How far into an item's HTML a leading picture's caption may start: a picture's markup (its
 *  srcset, a wrapper or two) before it, not a story's. */
const LEAD_CAPTION_MAX = 20_000;

/**
 * `text` (the item's plain text, as plainTextOfRaw made it of `html`) without the caption of the
 * picture the HTML opens with: a caption with no text before it. Otherwise `text` as it is. Feeds
 * write their markup in lower case; most items have no caption, and pay one indexOf for it.
 */
export function textAfterLeadCaption(text: string, html: string): string {
  const captionAt = html.indexOf('<figcaption');
  if (captionAt < 0 || captionAt > LEAD_CAPTION_MAX) return text;
  // Text before the caption: the item opens with words, not with a picture.
  if (plainTextOfRaw(html.slice(0, captionAt)) !== '') return text;
  const captionEnd = html.indexOf('</figcaption', captionAt);
  const caption = plainTextOfRaw(html.slice(captionAt, captionEnd < 0 ? captionAt + LEAD_CAPTION_MAX : captionEnd));
  if (caption === '' || !text.startsWith(caption)) return text;
  const rest = text.slice(caption.length).trimStart();
  // A picture and its caption alone (a photo post): the caption is all it says.
  return rest === '' ? text : rest;
}
