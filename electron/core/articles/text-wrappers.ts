// The layout blocks that hold an article's text, named for what they lay out beside it: a theme's
// <div id="page" class="wrapper header-sticky">, <div class="container sidebar-right"> around the
// story and its sidebar, <div class="site menu-closed">. Readability removes any block (but <body>)
// whose class or id says "header", "menu", "sidebar", "footer" or the like, unless it also says
// "content", "article", "main" or "column", before it reads a word, and all it holds with it: here,
// the article. It then reads the page again without that rule, menus, rails and footers included,
// or finds too little and keeps nothing. A block that holds most of the page's paragraphs is none
// of those whatever its names say: such blocks above the article's text lose their names.
import { textLength } from './page-walk';
import { readabilityRemovesName, unweigh } from './readability-names';

/** Less text than Readability's own threshold for an article (charThreshold) is no article's. */
const MIN_ARTICLE_TEXT = 500;
/** The share of the page's paragraph text a block must hold to be the article's: a page builder
 *  writes one story as several text modules (Beaver Builder's fl-rich-text), and a long comment
 *  beside a short story is not the story. */
const ARTICLE_SHARE = 0.5;

/** Takes the names off the blocks that Readability would remove for them, from the smallest block
 *  that holds half the page's paragraph text up to <body>. `paragraphs`: the page's <p>s, some of
 *  them removed with the site's chrome since. */
export function unweighTextWrappers(paragraphs: readonly Element[]): void {
  // Each block's paragraph text, its descendants' included.
  const held = new Map<Element, number>();
  let total = 0;
  for (const paragraph of paragraphs) {
    if (!paragraph.isConnected) continue;
    const length = textLength(paragraph);
    total += length;
    for (let block = paragraph.parentElement; block !== null; block = block.parentElement) held.set(block, (held.get(block) ?? 0) + length);
  }
  const enough = Math.max(MIN_ARTICLE_TEXT, total * ARTICLE_SHARE);
  // Down from <body> through the one child (if any) that still holds enough.
  let article: Element | null = paragraphs[0]?.ownerDocument.body ?? null;
  if (article === null || (held.get(article) ?? 0) < enough) return;
  for (let inner = heldChild(article, held, enough); inner !== null; inner = heldChild(inner, held, enough)) article = inner;
  for (let block: Element | null = article; block && block.localName !== 'body'; block = block.parentElement) {
    if (readabilityRemovesName(block)) unweigh(block);
  }
}

/** The child of `block` that holds `enough` paragraph text (held), if one does. */
function heldChild(block: Element, held: ReadonlyMap<Element, number>, enough: number): Element | null {
  for (const child of block.children) if ((held.get(child) ?? 0) >= enough) return child;
  return null;
}
