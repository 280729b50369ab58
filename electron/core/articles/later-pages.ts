// A later page of an article the site splits over pages ("Page 1 of 3"; PreparedArticle.laterPages,
// found on the first page by extract.ts): read in the worker as the first page is (prepareLaterPage),
// without what it repeats of the pages before it, and joined after them (joinLaterPages). The sync
// fetches the pages one at a time (sync/article-sync.ts).
import { extractArticle } from './extract';
import { sameImageKey } from './image-key';
import { imageUrlsIn } from './images';
import { parsePage } from './page-document';
import { removePagers } from './page-numbers';
import { elementsByTag } from './page-walk';
import { articleDocument, joinNotes, type PreparedArticle } from './prepare';
import { plainTextOfSanitized, sanitizeArticleHtml } from './sanitize';
import { sharedWords } from './script-rendered';

/** A later page's story: its extracted text only, sanitized. */
export interface LaterPage {
  readonly html: string;
  readonly text: string;
}

/** How the walk over the later pages ended before the last: why page `page` (2 for the first
 *  later page) is not in the copy. */
export interface LaterPagesStop {
  readonly page: number;
  readonly why: string;
}

/** What the pages before a later page of an article showed: its pictures' addresses and texts. */
export interface EarlierPages {
  /** The addresses of all the article's pages, the first included: its pager links to them. */
  readonly pages: readonly string[];
  readonly pictures: readonly string[];
  readonly texts: readonly string[];
}

/** Why a later page adds nothing to the copy, in the note's words ("page 3 of 5 ..."). */
export type LaterPageMiss = 'held no text to read' | 'repeats an earlier page';

/** A later page of a split article (PreparedArticle.laterPages): its story only, as the first
 *  page's is read. Its header, comment form and related blocks are the first page's to show, and
 *  so is what the page says again of the pages before it (`earlier`): the post's featured picture,
 *  its byline and its pager, which a theme shows on every page. A page that is one of them again
 *  (a pager that loops, a page number the site answers with the first page) adds nothing. */
export function prepareLaterPage(pageHtml: string, pageUrl: string, earlier: EarlierPages): LaterPage | LaterPageMiss {
  const { document } = articleDocument(pageHtml);
  const extracted = document ? extractArticle(pageHtml, pageUrl, document) : null;
  if (!extracted) return 'held no text to read';
  const whole = sanitizeArticleHtml(extracted.html, pageUrl);
  if (repeatsAnEarlierPage(plainTextOfSanitized(whole), earlier.texts)) return 'repeats an earlier page';
  const story = withoutRepeats(extracted.html, earlier);
  const html = story === extracted.html ? whole : sanitizeArticleHtml(story, pageUrl);
  const text = plainTextOfSanitized(html);
  return text === '' && imageUrlsIn(html).length === 0 ? 'held no text to read' : { html, text };
}

// The blocks that make one line of an article's text (plainTextOfSanitized's lines).
const LINE_BLOCKS = ['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'blockquote', 'dd', 'dt'];
// What a block shows besides its text: one with none of these and no text is left empty.
const SHOWS = 'img, picture, video, audio, iframe, svg, table, hr';

/** Extracted HTML (its addresses absolute) without the pictures, in any of their sizes, and the
 *  lines the earlier pages showed, nor the blocks those leave empty (a figure's caption was its
 *  picture's). */
function withoutRepeats(html: string, earlier: EarlierPages): string {
  let body: HTMLElement;
  try {
    body = parsePage(`<!DOCTYPE html><html><body>${html}</body></html>`).body;
  } catch {
    // No costlier than the page it came from; kept whole if it cannot be parsed again.
    return html;
  }
  // Its pager first: the first page's went with the first page's chrome (page-numbers.ts).
  const pages = new Set(earlier.pages);
  const pagers = removePagers(elementsByTag(body, 'a').filter((link) => pages.has(withoutFragment(link.getAttribute('href')))));
  const pictures = new Set(earlier.pictures.map(sameImageKey));
  const lines = new Set(earlier.texts.flatMap((text) => text.split('\n')));
  const repeated = [
    ...elementsByTag(body, 'img').filter((img) => pictures.has(sameImageKey(img.getAttribute('src') ?? ''))),
    ...LINE_BLOCKS.flatMap((tag) => elementsByTag(body, tag)).filter((block) => lines.has(lineOf(block)) && !block.querySelector(SHOWS)),
  ];
  if (pagers + repeated.length === 0) return html;
  for (const element of repeated) removeWithEmptyBlocks(element, body);
  return body.innerHTML;
}

function withoutFragment(href: string | null): string {
  return href?.replace(/#.*$/, '') ?? '';
}

function lineOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Removes the element, and the blocks around it that then show nothing. */
function removeWithEmptyBlocks(element: Element, body: Element): void {
  let gone = element;
  while (gone.parentElement && gone.parentElement !== body && isEmptyBesides(gone.parentElement, gone)) gone = gone.parentElement;
  gone.remove();
}

function isEmptyBesides(block: Element, part: Element): boolean {
  return lineOf(block) === lineOf(part) && [...block.querySelectorAll(SHOWS)].every((shown) => part === shown || part.contains(shown));
}

// A page that says nine in ten of an earlier page's words, and that page nine in ten of its own,
// is that page again: a later page tells the story on, in words of its own.
const REPEATED_WORDS = 0.9;

/** Whether a later page's text is one of the pages' before it (`earlier`) again. */
function repeatsAnEarlierPage(text: string, earlier: readonly string[]): boolean {
  return earlier.some((said) => {
    if (said === text) return true;
    const before = sharedWords(said, text);
    const now = sharedWords(text, said);
    return before !== null && now !== null && before >= REPEATED_WORDS && now >= REPEATED_WORDS;
  });
}

/** The first page's copy followed by the later pages' stories, in order; its note says which
 *  page the copy lacks (`stop`), or that the site has more than MAX_LATER_PAGES. */
export function joinLaterPages<T extends PreparedArticle>(first: T, pages: readonly LaterPage[], stop: LaterPagesStop | null): T {
  const later = first.laterPages;
  if (later === null) return first;
  const html = first.html + pages.map((page) => page.html).join('');
  const saved = pages.length + 1;
  const total = later.count + 1;
  const missing = stop
    ? `page ${stop.page} of ${total} ${stop.why}; only ${saved === 1 ? 'the first page is' : `pages 1 to ${saved} are`} saved`
    : later.count > later.urls.length ? `the article continues on ${total - saved} more pages on the site; only its first ${saved} pages are saved` : null;
  return { ...first, html, text: plainTextOfSanitized(html), imageUrls: imageUrlsIn(html), extractionNote: joinNotes(later.otherNote, missing) };
}
