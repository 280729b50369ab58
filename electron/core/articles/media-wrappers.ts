// A picture's wrapper whose class Readability reads as chrome: it weighs class names and ids
// against words like "media", "widget", "hidden" and "meta", and removes a block that weighs below
// zero before any other test. A picture wrapped in <div class="c-media">, Drupal's media embed
// (field--label-visually_hidden), Medium's progressiveMedia or Elementor's widget-container went
// with its caption. Its names go before Readability runs: what it holds is the article's picture.
// So do those of a block of a picture and text side by side named for where its picture sits
// (Kadence's info box, kt-blocks-info-box-media-align-left): its text went with the name.

import { elementsByTag, holdsMoreTextThan } from './page-walk';
import { unweigh, weighsDown } from './readability-names';

/** A wrapper holds a picture and its caption: never more text than a caption. */
const CAPTION_TEXT = 300;
/** How far above a picture its wrappers go (Drupal's: three divs; an Elementor gallery: six). */
const WRAPPER_LEVELS = 6;

/** Takes the names Readability weighs down off the wrappers of the article's pictures `images`
 *  (still on the page, after the chrome went): a wrapper holds the picture and at most a caption,
 *  with no link that has words, and no author's avatar. */
export function unweighMediaWrappers(images: readonly Element[]): void {
  for (const img of images) {
    if (!img.isConnected || !isArticlePicture(img)) continue;
    let wrapper = img.parentElement;
    for (let level = 0; wrapper && level < WRAPPER_LEVELS && isMediaWrapper(wrapper); level++, wrapper = wrapper.parentElement) {
      if (weighsDown(wrapper)) {
        removeBlurredStandIns(wrapper);
        unweigh(wrapper);
      }
      // The caption's own block beside the picture's (CNN's div.image__metadata, "meta"; RIA's
      // div.media__info and div.media__copyright: its title and its credit, named for the media).
      for (const child of wrapper.children) if (!child.contains(img) && weighsDown(child) && (child.matches(CAPTION) || child.querySelector(CAPTION) || NAMED_AS_CAPTION.test(child.getAttribute('class') ?? ''))) unweigh(child);
    }
  }
}

/** How a block of a picture (or an icon) and text is named for where the picture sits:
 *  Kadence's kt-blocks-info-box-media-align-left, has-media-on-the-right, media-position-top. */
const MEDIA_PLACE = /media-(?:align|position|on-the)-|media-(?:left|right|top|bottom)(?:$|\s)/i;
/** Tested on the class attribute of every element of a page: most have no "media-" in it. */
export function mayNameMediaPlace(classAttribute: string): boolean {
  return classAttribute.includes('media-');
}

/** Takes the names Readability weighs down off each block named for where its picture sits
 *  (MEDIA_PLACE) that holds a heading or a paragraph of text beside it. */
export function unweighMediaTextBlocks(blocks: readonly Element[]): void {
  for (const block of blocks) {
    if (block.isConnected && MEDIA_PLACE.test(block.getAttribute('class') ?? '') && weighsDown(block) && block.querySelector('p, h2, h3, h4, h5, h6')) unweigh(block);
  }
}

/** A picture with its caption in a block of their own beside the text (tx_news's
 *  div.news-img-wrap, a lightbox link and p.news-img-caption; a <figure> between a story's
 *  blocks): Readability keeps a sibling of the text's block only when it scores as text, and a
 *  picture and a short caption do not. For extract.ts to set aside while it runs, as it does the
 *  blocks of blocksReadabilityDrops: the widest <div> or <figure> around each picture of the article
 *  that holds it, a caption named so, and nothing else; none in a paragraph, a list or a header, and
 *  not the lead image's (`isLead`), which extract.ts puts above the text itself. */
export function captionedPictures(images: readonly Element[], isLead: (img: Element) => boolean): Element[] {
  const blocks: Element[] = [];
  for (const img of images) {
    if (!img.isConnected || isLead(img)) continue;
    const block = captionedPictureBlock(img);
    if (block && !block.closest(IN_HEADER) && !blocks.some((other) => other.contains(block))) blocks.push(block);
  }
  return blocks;
}

/** The caption of a picture in such a block of their own (a theme's featured image block,
 *  tagDiv's figcaption.tdb-caption-text in a <div>), or null. */
export function pictureCaption(img: Element): Element | null {
  return captionedPictureBlock(img)?.querySelector(CAPTION) ?? null;
}

function captionedPictureBlock(img: Element): Element | null {
  if (!isArticlePicture(img)) return null;
  let block: Element | null = null;
  for (let node = img.parentElement, level = 0; node && level < WRAPPER_LEVELS && isCaptionedPicture(node); node = node.parentElement, level++) {
    if (node.localName === 'div' || node.localName === 'figure') block = node;
  }
  return block && block.querySelector(CAPTION) && !block.parentElement?.closest(IN_TEXT) ? block : null;
}

/** Where a picture is part of a line of text, not a block of its own. */
const IN_TEXT = 'p, li, td, th, blockquote, figcaption';
/** The article's header, where the photo kept is the page's lead image alone (extract.ts leadFigure). */
const IN_HEADER = 'header, [class*="header"], [id*="header"]';

/** A picture and at most a caption: one picture, a caption's words, no headings nor paragraphs
 *  nor lists of their own, no link with words. */
function isCaptionedPicture(element: Element): boolean {
  return isMediaWrapper(element) && elementsByTag(element, 'img').length <= 1 && !element.querySelector('h1, h2, h3, h4, h5, h6, li, p ~ p');
}

/** The names of the blocks a template sets beside a picture for its words: its title, its
 *  description, its credit. In a wrapper of a picture and a caption's words (isMediaWrapper) they
 *  are the picture's. */
const NAMED_AS_CAPTION = /caption|credit|copyright|title|info|desc|legend/i;

/** A picture's caption, in a <figure> or not. */
const CAPTION = 'figcaption, [itemprop="caption"], [class*="caption"]';

/** The class of a picture's blurred stand-in while it loads (Medium's progressiveMedia-thumbnail,
 *  "lqip", "blur-up", "placeholder"), shown only until the picture beside it has come. */
const STAND_IN_CLASS = /(?:^|[\s_-])(?:thumbnail|placeholder|lqip|blur(?:-?up)?|preview)(?:$|\s)/i;

/** The stand-ins in a wrapper that holds the picture they stand in for too: Readability used to
 *  remove the wrapper with both, and the stand-in is no picture of its own. */
function removeBlurredStandIns(wrapper: Element): void {
  const imgs = [...wrapper.querySelectorAll('img')];
  const standIns = imgs.filter((img) => STAND_IN_CLASS.test(img.getAttribute('class') ?? ''));
  if (standIns.length < imgs.length) for (const img of standIns) img.remove();
}

/** The most pixels on a side of an icon or an author's avatar, as its attributes declare it. */
const ICON_SIDE = 120;
const AVATAR = /avatar/i;

/** A picture of the article: with an address, no icon by its declared size, no avatar. */
export function isArticlePicture(img: Element): boolean {
  const src = img.getAttribute('src');
  if (!src || AVATAR.test(src) || AVATAR.test(img.getAttribute('class') ?? '')) return false;
  const side = (name: string) => Number.parseInt(img.getAttribute(name) ?? '', 10);
  return !(side('width') <= ICON_SIDE || side('height') <= ICON_SIDE);
}

/** Not the article's own block, no more words than a caption, no link with words. */
function isMediaWrapper(element: Element): boolean {
  if (element.localName === 'article' || element.localName === 'main' || element.localName === 'body') return false;
  return !holdsMoreTextThan(element, CAPTION_TEXT) && !elementsByTag(element, 'a').some((link) => (link.textContent ?? '').trim() !== '');
}
