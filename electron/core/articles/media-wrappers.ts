// A picture's wrapper whose class Readability reads as chrome: it weighs class names and ids
// against words like "media", "widget", "hidden" and "meta", and removes a block that weighs below
// zero before any other test. A picture wrapped in <div class="c-media">, Drupal's media embed
// (field--label-visually_hidden), Medium's progressiveMedia or Elementor's widget-container went
// with its caption. Its names go before Readability runs: what it holds is the article's picture.
// So do those of a block of a picture and text side by side named for where its picture sits
// (Kadence's info box, kt-blocks-info-box-media-align-left): its text went with the name.

import { holdsMoreTextThan } from './page-walk';
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
    if (!img.isConnected || !isPicture(img)) continue;
    let wrapper = img.parentElement;
    for (let level = 0; wrapper && level < WRAPPER_LEVELS && isMediaWrapper(wrapper); level++, wrapper = wrapper.parentElement) {
      if (weighsDown(wrapper)) {
        removeBlurredStandIns(wrapper);
        unweigh(wrapper);
      }
      // The caption's own block beside the picture's (CNN's div.image__metadata, "meta").
      for (const child of wrapper.children) if (!child.contains(img) && weighsDown(child) && (child.matches(CAPTION) || child.querySelector(CAPTION))) unweigh(child);
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
function isPicture(img: Element): boolean {
  const src = img.getAttribute('src');
  if (!src || AVATAR.test(src) || AVATAR.test(img.getAttribute('class') ?? '')) return false;
  const side = (name: string) => Number.parseInt(img.getAttribute(name) ?? '', 10);
  return !(side('width') <= ICON_SIDE || side('height') <= ICON_SIDE);
}

function isMediaWrapper(element: Element): boolean {
  if (element.localName === 'article' || element.localName === 'main' || element.localName === 'body') return false;
  return !holdsMoreTextThan(element, CAPTION_TEXT) && ![...element.querySelectorAll('a')].some((link) => (link.textContent ?? '').trim() !== '');
}
