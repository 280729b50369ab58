// A table of contents set just before the block that holds the text, in a disclosure of its own
// (Hugo PaperMod's <div class="toc"><details open><summary>Table of Contents</summary>…), which
// Readability left out: a sibling of the text it judges by its links, and these are all links. The
// project keeps a table of contents in the text (its links lead to the sections in the stored copy,
// in-page-links.ts): this one is moved to the head of the text, where it is read as one there is.
import { elementsByTag } from './page-walk';

/** A table of contents has a few entries at least. */
const ENTRIES = 2;

/** Moves a disclosure of in-page links (see above) into the block after it that holds their
 *  sections; leaves any other where it is. */
export function moveContentsIntoText(details: Element): void {
  const links = elementsByTag(details, 'a');
  if (links.length < ENTRIES) return;
  const targets = links.map((link) => (link.getAttribute('href') ?? '').trim());
  if (!targets.every((href) => href.length > 1 && href.startsWith('#'))) return;
  // The wrapper the disclosure fills alone (PaperMod's div.toc) moves with it.
  let box = details;
  while (box.parentElement && box.parentElement.children.length === 1 && box.parentElement.localName !== 'body') box = box.parentElement;
  const text = box.nextElementSibling;
  if (text === null || !targets.every((href) => holdsId(text, decoded(href.slice(1))))) return;
  text.prepend(box);
}

function holdsId(block: Element, id: string): boolean {
  for (const element of block.querySelectorAll('[id]')) if (element.getAttribute('id') === id) return true;
  return false;
}

function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
