// Finding elements on a parsed page for extraction, at the cost of one plain walk. A page is some
// 10,000 nodes (news pages: 1,500 elements and their attributes and text), and linkedom's
// querySelectorAll walks all of them and compiles its selector again on every call, which on
// such pages cost about 1 ms a query; getElementsByTagName walks without a selector, about twice
// as fast. Elements inside a <template> are left out, as querySelectorAll leaves them out: they
// are no part of the page as shown.

/** Node types, as the DOM numbers them (Node.js has no Node global to read them from). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** The elements named `tag` (lower case) under `root`, in document order, none inside a <template>. */
export function elementsByTag(root: Document | Element, tag: string): Element[] {
  const found: Element[] = [];
  for (const element of root.getElementsByTagName(tag)) if (!inTemplate(element, root)) found.push(element);
  return found;
}

function inTemplate(element: Element, root: Document | Element): boolean {
  for (let node = element.parentElement; node && node !== root; node = node.parentElement) if (node.localName === 'template') return true;
  return false;
}

/** Whether the element's text is longer than `limit` characters, read only as far as that: the
 *  ancestor where a climb from a picture or a pager stops is often the whole article. */
export function holdsMoreTextThan(element: Element, limit: number): boolean {
  let length = 0;
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) length += (child as CharacterData).data.length;
      else if (child.nodeType === ELEMENT_NODE && walk(child)) return true;
      if (length > limit) return true;
    }
    return false;
  };
  return walk(element);
}

/** The text a paragraph opens with, inside however many inline elements; null when it opens with
 *  none (an empty element): a cheap test before its whole text is read. */
export function firstText(paragraph: Element): string | null {
  let first: Node | null = paragraph.firstChild;
  while (first && first.nodeType === ELEMENT_NODE) first = first.firstChild;
  return first && first.nodeType === TEXT_NODE ? (first as CharacterData).data : null;
}

/** Whether the element has text of its own, not only inside its children. */
export function holdsOwnText(element: Element): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE && /\S/.test((child as CharacterData).data)) return true;
  }
  return false;
}

/** Length of the element's text, spaces aside. */
export function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, '').length;
}

/** The textLength of an element's links together. */
export function linkedLength(element: Element): number {
  return elementsByTag(element, 'a').reduce((sum, link) => sum + textLength(link), 0);
}

/** The inline elements a paragraph written as a <div> (Reuters') holds. */
const INLINE = new Set(['a', 'b', 'em', 'i', 'strong', 'span', 'small', 'br']);

/** A <div> written as a paragraph: text and inline elements only. */
export function holdsTextAlone(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) if (!INLINE.has(child.localName)) return false;
  return true;
}
