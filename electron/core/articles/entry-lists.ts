// Pages that are a list of dated entries, each as much the page's text as the others: a product's
// changelog or release notes (Headway's, Canny's, a static site's /changelog), a project's news
// page, a timeline. Each entry is an <article> (or a section or list item) with its date in a
// <time> and its own heading (or such an <article> alone in its list item, as the BBC's live
// updates are: the item is the entry); Readability scores each entry's paragraphs apart, takes the longest
// entry for the article and leaves the rest out (a changelog of four releases kept one). Each
// entry of such a list is set aside while Readability runs (extract.ts setAsideBlocks): their
// stand-ins, paragraphs side by side, make the list the article, and every entry is kept whole.
// What else the list holds is left to Readability (its "Older entries" link goes as a link's block).
// A live blog says what it is in its JSON-LD (declaresLiveBlog), whatever the shape of its updates.
import { proseLength } from './page-cleanup';

const ENTRY = 'article, section, li';
/** Fewer entries than this are a post and its neighbours, not a list of entries. */
const MIN_ENTRIES = 3;
/** The list holds most of the page's prose: an article's "More stories" under it, dated cards
 *  too, holds a small part. */
const LIST_SHARE_OF_PAGE = 0.6;

/** The entries of the page's lists of dated entries, found from its <time>s (PageParts.times). */
export function datedEntries(doc: Document, times: readonly Element[]): Element[] {
  const entries: Element[] = [];
  const asked = new Set<Element>();
  let pageProse: number | null = null;
  for (const time of times) {
    const entry = time.isConnected ? outerEntry(time.closest(ENTRY)) : null;
    const list = entry?.parentElement;
    if (!entry || !list || asked.has(list)) continue;
    asked.add(list);
    if (!isEntryList(list, entry.localName)) continue;
    pageProse ??= proseLength(doc.body);
    if (proseLength(list) >= pageProse * LIST_SHARE_OF_PAGE) entries.push(...entriesOf(list, entry.localName));
  }
  for (const entry of entries) removeShareTools(entry);
  return entries;
}

/** The most a share bar says besides its links and buttons: "Share this update". */
const SHARE_TOOLS_TEXT = 20;

/** An entry's buttons to share it (the BBC's div.lx-share-tools under each update: "Share",
 *  Facebook, X), which Readability drops for the name: the entry is set aside whole, past it. */
function removeShareTools(entry: Element): void {
  for (const tools of [...entry.querySelectorAll('[class*="share"]')]) {
    if (tools.isConnected && ownWords(tools) <= SHARE_TOOLS_TEXT) tools.remove();
  }
}

/** The length of the element's text outside its links and buttons, spaces aside. */
function ownWords(element: Element): number {
  let length = 0;
  for (const node of element.childNodes) {
    if (node.nodeType === 3) length += (node.textContent ?? '').replace(/\s+/g, '').length;
    else if (node.nodeType === 1 && !['a', 'button'].includes((node as Element).localName)) length += ownWords(node as Element);
  }
  return length;
}

/** Whether MIN_ENTRIES of the list's children named `tag` each hold a date and a heading. */
function isEntryList(list: Element, tag: string): boolean {
  let entries = 0;
  for (let child = list.firstElementChild; child; child = child.nextElementSibling) {
    if (isEntry(child, tag) && ++entries >= MIN_ENTRIES) return true;
  }
  return false;
}

function entriesOf(list: Element, tag: string): Element[] {
  return [...list.children].filter((child) => isEntry(child, tag));
}

function isEntry(element: Element, tag: string): boolean {
  return element.localName === tag && element.querySelector('time') !== null && element.querySelector('h2, h3, h4') !== null;
}

/** The schema.org type of a live blog's page: the markup search engines read live pages by (the
 *  BBC's, the Guardian's, most news sites' live pages carry it). */
const LIVE_BLOG_TYPE = '"LiveBlogPosting"';

/** Whether the page's JSON-LD (the texts of its scripts) says it is a live blog: a list of dated
 *  updates, however they are written (the BBC's, each an <article> alone in its list item, make
 *  no list of entries above), whose pager ("Next", "Older posts", ?page=2) pages older updates,
 *  not an article's later pages. A string test: no JSON is parsed for it. */
export function declaresLiveBlog(structuredData: readonly string[]): boolean {
  return structuredData.some((script) => script.includes(LIVE_BLOG_TYPE));
}

/** The entry with the wrapper that holds it alone (the BBC's live page: each update an <article>
 *  alone in its list item), so that its list is the list of them all. */
function outerEntry(entry: Element | null): Element | null {
  let outer = entry;
  while (outer?.parentElement && outer.parentElement.childElementCount === 1 && outer.parentElement.matches(ENTRY)) outer = outer.parentElement;
  return outer;
}
