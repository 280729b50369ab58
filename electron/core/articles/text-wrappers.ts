// The layout blocks that hold an article's text, named for what they lay out beside it: a theme's
// <div id="page" class="wrapper header-sticky">, <div class="container sidebar-right"> around the
// story and its sidebar, <div class="site menu-closed">. Readability removes any block (but <body>)
// whose class or id says "header", "menu", "sidebar", "footer" or the like, unless it also says
// "content", "article", "main" or "column", before it reads a word, and all it holds with it: here,
// the article. It then reads the page again without that rule, menus, rails and footers included,
// or finds too little and keeps nothing. A block that holds most of the page's paragraphs is none
// of those whatever its names say: such blocks above the article's text lose their names. A name
// Readability only weighs down (a column's sticky-scroll, hidden-print, has-share-bar) cost the
// story's block 25 points, and a sidebar of teasers beside it was read instead: such a name on
// the article's own block goes too, unless another weighs the block up as much.
//
// The same blocks as the server sends them hidden, for a script to show: a consent plugin renders
// the page's wrapper aria-hidden="true" behind its dialog, an anti-flicker snippet writes <body
// style="visibility:hidden"> or a wrapper with display:none until its experiment has run, a theme
// sets `hidden` on the page until its fonts are in; a site that opens its stories as a modal dialog
// over its front page renders the story's own address in one. Readability removes what is hidden,
// and a modal dialog, before it reads, and with the article inside found nothing at all. A block that holds every paragraph of
// the page, or most of the article's, is what the page shows once its script ran: it is shown.
import { TEXT_NODE, textLength } from './page-walk';
import { readabilityRemovesName, unweigh, unweighDown } from './readability-names';

/** Less text than Readability's own threshold for an article (charThreshold) is no article's. */
const MIN_ARTICLE_TEXT = 500;
/** The share of the page's paragraph text a block must hold to be the article's: a page builder
 *  writes one story as several text modules (Beaver Builder's fl-rich-text), and a long comment
 *  beside a short story is not the story. */
const ARTICLE_SHARE = 0.5;

/** Takes the names off the blocks that Readability would remove or weigh down for them, from the
 *  smallest block that holds half the page's paragraph text up to <body>, and shows those blocks
 *  and every one that holds all of it, <html> and <body> too, when the page hid them. `paragraphs`: the page's
 *  <p>s and its <div>s with text of their own, some of them removed with the site's chrome since. */
export function unweighTextWrappers(paragraphs: readonly Element[]): void {
  // Each block's paragraph text, its descendants' included.
  const held = new Map<Element, number>();
  let total = 0;
  for (const paragraph of paragraphs) {
    if (!paragraph.isConnected) continue;
    const length = paragraph.localName === 'p' ? textLength(paragraph) : ownTextLength(paragraph);
    total += length;
    for (let block = paragraph.parentElement; block !== null; block = block.parentElement) held.set(block, (held.get(block) ?? 0) + length);
  }
  const body = paragraphs[0]?.ownerDocument.body ?? null;
  if (body === null || total === 0) return;
  // A short page's too: a notice of two lines in a hidden wrapper showed nothing.
  for (let block: Element | null = innermost(body, held, total); block !== null; block = block.parentElement) show(block);
  const enough = Math.max(MIN_ARTICLE_TEXT, total * ARTICLE_SHARE);
  if ((held.get(body) ?? 0) < enough) return;
  const article = innermost(body, held, enough);
  // The article's own block only: a page builder names each of the sections it lays a story out
  // in alike (Avada's fusion-fullwidth ...-height-scrolling), and one of them weighed up against
  // its siblings was read alone.
  unweighDown(article);
  for (let block: Element | null = article; block && block.localName !== 'body'; block = block.parentElement) {
    show(block);
    if (readabilityRemovesName(block)) unweigh(block);
  }
}

/** Down from `block` through the one child (if any) that still holds `enough` paragraph text. */
function innermost(block: Element, held: ReadonlyMap<Element, number>, enough: number): Element {
  for (let inner = heldChild(block, held, enough); inner !== null; inner = heldChild(inner, held, enough)) block = inner;
  return block;
}

/** The length of a <div>'s own text, spaces aside: its <p>s and lines in other <div>s are counted
 *  as their own. */
function ownTextLength(block: Element): number {
  let length = 0;
  for (let child = block.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) length += (child as CharacterData).data.replace(/\s+/g, '').length;
  }
  return length;
}

/** The child of `block` that holds `enough` paragraph text (held), if one does. */
function heldChild(block: Element, held: ReadonlyMap<Element, number>, enough: number): Element | null {
  for (const child of block.children) if ((held.get(child) ?? 0) >= enough) return child;
  return null;
}

/** The block without what Readability reads as hidden (its _isProbablyVisible): the hidden
 *  attribute, aria-hidden="true", and a style of display:none or visibility:hidden (the whole style
 *  goes, as the sanitizer drops it anyway); and without what it removes as a dialog over the page,
 *  aria-modal="true" with role="dialog": a site that opens a story over its front page as a
 *  modal (a "story overlay") renders the story so when the story's own address is asked for. */
function show(block: Element): void {
  block.removeAttribute('hidden');
  if (block.getAttribute('aria-modal') === 'true') block.removeAttribute('aria-modal');
  if (block.getAttribute('aria-hidden') === 'true') block.removeAttribute('aria-hidden');
  if (HIDING_STYLE.test(block.getAttribute('style') ?? '')) block.removeAttribute('style');
}

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
