// Whether an image of an article is part of a sentence (a formula, an icon in a line of text) or
// stands on its own: a missing one's placeholder (image-placeholders.ts) and a picture's line
// (pictures.ts) both follow from it.

/** Elements that flow inside a line of text: an image within them, beside words, is part of a sentence. */
const PHRASING = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);

/** Whether the image sits in a sentence (a formula, an icon in a line of text) rather than on
 *  its own: a box the width of the column there would break the sentence in two. */
export function isInText(image: Element): boolean {
  for (let node: Element | null = image; node?.parentElement; node = node.parentElement) {
    for (const sibling of Array.from(node.parentElement.childNodes)) {
      if (sibling !== node && sibling.nodeType === Node.TEXT_NODE && sibling.textContent?.trim()) return true;
    }
    if (!PHRASING.has(node.parentElement.tagName)) return false;
  }
  return false;
}
