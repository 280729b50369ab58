// A list of links the writer introduces with a line of the story that ends in a colon ("Further
// reading:", "Sources:", "The reports are here:") and whose items are titles, each a few words:
// the writer's reading list, part of the story. Readability drops such a list for its link
// density, as it drops a site's rail of other stories, and keeps the line that announced it. A
// label of the site's own ("Read more:", "Related:", "Also read:") over a list of its stories is
// read-more-lines.ts's, and is gone by the time this is asked; a sentence of the story never
// introduces a rail.
import { elementsByTag, holdsMoreTextThan, linkedLength, textLength } from './page-walk';

/** An introducing line is a line: a label or a sentence, not a paragraph with a colon in it. */
const LABEL_TEXT = 200;
/** Ends in a colon (an ASCII one, a full-width one), closing punctuation or emphasis aside. */
const ENDS_IN_COLON = /[:：]\s*$/;
/** The wrappers a page builder sets each part of a story in (Vox's body components, Gutenberg's groups). */
const WRAPPERS = new Set(['div', 'section']);
/** Items of a reading list name what they link to: a title, not a platform ("Facebook") or a page number. */
const ITEM_WORDS = 3;
const ITEMS = 2;

/** The list of links `paragraph` introduces (see above), or null. */
export function introducedLinkList(paragraph: Element): Element | null {
  // Asked of every paragraph of a page: most are followed by another paragraph, told first.
  if (paragraph.localName !== 'p' || holdsMoreTextThan(paragraph, LABEL_TEXT)) return null;
  // The list after the line, or after the wrapper the line fills alone.
  let own = paragraph;
  const length = textLength(paragraph);
  while (own.nextElementSibling === null && own.parentElement && WRAPPERS.has(own.parentElement.localName) && textLength(own.parentElement) === length) own = own.parentElement;
  let list = own.nextElementSibling;
  while (list && WRAPPERS.has(list.localName) && list.children.length === 1 && textLength(list.firstElementChild!) === textLength(list)) list = list.firstElementChild;
  if (!list || (list.localName !== 'ul' && list.localName !== 'ol')) return null;
  if (!ENDS_IN_COLON.test(paragraph.textContent ?? '') || linkedLength(list) === 0) return null;
  const items = elementsByTag(list, 'li');
  return items.length >= ITEMS && items.every((item) => words(item) >= ITEM_WORDS) ? list : null;
}

function words(element: Element): number {
  return (element.textContent ?? '').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
