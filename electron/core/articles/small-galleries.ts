// A small gallery in the text: a few captioned pictures side by side in a <ul> or a <div> of their
// own, with no slideshow's markup (<li><figure><img><figcaption>…</figcaption></figure><span
// class="credit">…</span></li>, or a caption ending in a link to the photographer's page).
// Readability removes a block with more pictures than paragraphs, and keeps a list of pictures
// only when each item is one picture alone: the whole gallery went, pictures and captions, where a
// reader sees them between the paragraphs. Told by its shape, not its names: each child of the
// block is one picture with a caption's words, linked at most in part (a card of another story is
// its linked title).

import { elementsByTag, holdsMoreTextThan, linkedLength, textLength } from './page-walk';
import { isArticlePicture } from './media-wrappers';

/** Pictures side by side that make a gallery: two is a pair, and Readability drops a pair too. */
const MIN_ITEMS = 2;
/** More than this is a photo page's grid or an archive, left to the rules for those. */
const MAX_ITEMS = 12;
/** An item's words: a caption and a credit, not a paragraph of the story. */
const ITEM_TEXT = 500;
/** How far above its picture an item's outer element may be (li > div > figure > a > img). */
const ITEM_LEVELS = 4;
/** The most of an item's words that may be links: a credit's link, not a linked title. */
const ITEM_LINK_SHARE = 0.5;
/** The blocks a gallery is written as. */
const GALLERY_TAGS = new Set(['ul', 'ol', 'div', 'section', 'figure']);
/** A caption, as a figure or a template names it. */
const CAPTION = 'figcaption, [itemprop="caption"], [class*="caption"]';

/** The small galleries among the article's pictures `images` (still on the page): for extract.ts to
 *  set aside while Readability runs, as it does a captioned picture alone. */
export function smallGalleries(images: readonly Element[]): Element[] {
  const galleries: Element[] = [];
  const asked = new Set<Element>();
  for (const img of images) {
    if (!img.isConnected || !isArticlePicture(img)) continue;
    for (let node = img.parentElement, level = 0; node?.parentElement && level < ITEM_LEVELS; node = node.parentElement, level++) {
      const block = node.parentElement;
      if (asked.has(block)) break;
      if (!GALLERY_TAGS.has(block.localName)) continue;
      asked.add(block);
      if (isSmallGallery(block)) {
        galleries.push(block);
        break;
      }
    }
  }
  return galleries;
}

function isSmallGallery(block: Element): boolean {
  let items = 0;
  for (let child = block.firstElementChild; child; child = child.nextElementSibling) {
    if (++items > MAX_ITEMS || !isCaptionedItem(child)) return false;
  }
  return items >= MIN_ITEMS;
}

/** One picture of the article's, a caption with words, and no more words than a caption's. */
function isCaptionedItem(item: Element): boolean {
  const pictures = elementsByTag(item, 'img');
  if (pictures.length !== 1 || !isArticlePicture(pictures[0]!) || item.querySelector('h1, h2, h3, h4, h5, h6, p ~ p')) return false;
  const caption = item.querySelector(CAPTION);
  if (!caption || (caption.textContent ?? '').trim() === '' || holdsMoreTextThan(item, ITEM_TEXT)) return false;
  return linkedLength(item) <= textLength(item) * ITEM_LINK_SHARE;
}
