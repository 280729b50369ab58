// A table of contents: a list of links that each lead to a section of the text. The project keeps
// one (its links lead to the sections in the stored copy, in-page-links.ts), wherever the page sets
// it, by one rule:
// - Just before the block that holds the text, as a disclosure (Hugo PaperMod's <div class="toc">
//   <details open><summary>Table of Contents</summary>…) or a titled box (Hashnode's "Table of
//   contents" over its list, beside div#post-content-parent): Readability left it out, a sibling of
//   the text it judges by its links, and these are all links. It moves to the head of that block.
// - Inside the text, as a navigation landmark (Kadence's <nav class="wp-block-kadence-
//   tableofcontents" role="navigation">, Easy Table of Contents'): Readability removes any element
//   whose role is navigation. It stays where it is, as a list.
// A list any of whose links leads elsewhere, or to no section of the text, is left to the rules
// for links (a site's menu, a reading list); so is one in an <aside>, beside the text by the page's
// own word (a live blog's "Key events").
import { elementsByTag } from './page-walk';
import { unweighDown } from './readability-names';

/** A table of contents has a few entries at least. */
const ENTRIES = 2;
/** The most a box's title says besides its list ("Table of contents", "Inhaltsverzeichnis"). */
const TITLE_TEXT = 60;

/** Moves a disclosure of in-page links (see above) into the block after it that holds their
 *  sections; leaves any other where it is. */
export function moveContentsIntoText(details: Element): void {
  const targets = sectionLinks(details);
  if (targets === null) return;
  // The wrapper the disclosure fills alone (PaperMod's div.toc) moves with it.
  let box = details;
  while (box.parentElement && box.parentElement.children.length === 1 && box.parentElement.localName !== 'body') box = box.parentElement;
  moveBeforeSections(box, targets);
}

/** Whether a list's first entry leads to a place in the page: the cheap look that finds the lists
 *  worth keepContentsList's whole test, asked of every list while the page is walked. */
export function mayBeContents(list: Element): boolean {
  const link = list.firstElementChild?.firstElementChild;
  return link?.localName === 'a' && (link.getAttribute('href') ?? '').trimStart().startsWith('#');
}

/** Keeps a list of in-page links (see above): into the block after its box when that block holds
 *  their sections; where it is, with Readability's reason to drop it taken off, when the text
 *  around it does. */
export function keepContentsList(list: Element): void {
  // A list the page sets aside is beside the text by the page's own word (a live blog's "Key
  // events", a docs site's "On this page" rail): Readability leaves every <aside> out.
  if (list.closest('aside')) return;
  const targets = sectionLinks(list);
  if (targets === null) return;
  const box = contentsBox(list);
  if (moveBeforeSections(box, targets)) return;
  const text = box.parentElement;
  if (text === null || !targets.every((id) => holdsId(text, id))) return;
  for (let element: Element | null = list; element && element !== text; element = element.parentElement) {
    if (element.getAttribute('role') === 'navigation') element.removeAttribute('role');
    unweighDown(element);
  }
}

/** The ids an element's links lead to, when it has a few and every one leads to a place in the
 *  page; else null. */
function sectionLinks(element: Element): string[] | null {
  const links = elementsByTag(element, 'a');
  if (links.length < ENTRIES) return null;
  const targets = links.map((link) => (link.getAttribute('href') ?? '').trim());
  if (!targets.every((href) => href.length > 1 && href.startsWith('#'))) return null;
  return targets.map((href) => decoded(href.slice(1)));
}

/** The list with the wrappers that hold nothing else but its title: each parent whose other
 *  children are short lines without links. */
function contentsBox(list: Element): Element {
  let box = list;
  for (let parent = box.parentElement; parent && parent.localName !== 'body'; box = parent, parent = parent.parentElement) {
    for (const child of parent.children) {
      if (child === box) continue;
      if (child.getElementsByTagName('a').length > 0 || (child.textContent ?? '').trim().length > TITLE_TEXT) return box;
    }
  }
  return box;
}

/** Moves what the box holds to the head of the block right after it when that block holds every
 *  target: of the innermost block in it that holds them all (Hashnode's div#post-content-wrapper inside
 *  div#post-content-parent), which is the one Readability keeps. */
function moveBeforeSections(box: Element, targets: readonly string[]): boolean {
  const holdsAll = (block: Element) => targets.every((id) => holdsId(block, id));
  let text = box.nextElementSibling;
  if (text === null || !holdsAll(text)) return false;
  for (let inner = [...text.children].find(holdsAll); inner; inner = [...inner.children].find(holdsAll)) text = inner;
  // What the box holds, not the box: Readability weighs a <div> of links by its links and dropped
  // Hashnode's there too; its title and its list are kept as a heading and a list are.
  text.prepend(...box.childNodes);
  box.remove();
  return true;
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
