// The pages of an article that a site splits over several ("Page 1 of 3"): which pages come after
// this one, from the page's links to them, and the pager those links make, which the copy (its
// pages joined, later-pages.ts) does without.
import { elementsByTag, holdsMoreTextThan } from './page-walk';
import { parseBase, resolveUrl } from './urls';

/** A link of the page, its address resolved. */
export interface PageLink {
  readonly link: Element;
  readonly url: URL;
}

// Where sites put an article's later pages: a query parameter (?page=2, and its names in other
// languages; WordPress's ?p= is a post, not a page), or a number after the article's path
// (/story/2/, WordPress's <!--nextpage-->). Not /page/2/ after it: that is how WordPress, Ghost
// and Hugo page a listing (the blog, a category, a tag, an author), never one post.
const PAGE_PARAMETERS = ['page', 'pg', 'pagenum', 'pageno', 'seite', 'pagina'];
const PAGE_SUFFIX = /^\/(\d{1,3})$/;
const PAGE_NUMBER = /^\d{1,3}$/;
// A pager among the comments pages them, not the article (Drupal's: ?page=1).
const COMMENTS = '[id*="comment"], [class*="comment"]';

export interface LaterPageLinks {
  /** The addresses of the pages after this one, in order. */
  readonly urls: string[];
  /** The page's own links to them: its pager's. */
  readonly pagerLinks: Element[];
}

/** The addresses of the pages after this one, up to the highest page of the article its links
 *  (its pager: "1 2 3 Next") and the page's <link rel="next"> point at. A page the pager skips
 *  ("1 2 3 ... 7") is named after one it shows. None when the pager pages a list rather than an
 *  article (pagesAList): its pager links are still named, for the copy to go without them. */
export function laterPageUrls(pageUrl: string, links: readonly PageLink[], nextLinks: readonly Element[], base: URL | null, listsEntries: boolean): LaterPageLinks {
  const page = parseBase(pageUrl);
  const path = page?.pathname.replace(/\/+$/, '');
  // A site's home page has no later pages of one article.
  if (!page || !path) return { urls: [], pagerLinks: [] };
  const known = new Map<number, URL>();
  const add = (url: URL): boolean => {
    const number = pageNumber(url, page, path);
    if (number > 1 && !known.has(number)) known.set(number, url);
    return number > 1;
  };
  const pagerLinks = links.filter(({ link, url }) => !link.closest(COMMENTS) && add(url)).map(({ link }) => link);
  for (const element of nextLinks) {
    const url = resolveUrl(element.getAttribute('href'), base);
    if (url) add(url);
  }
  if (known.size === 0) return { urls: [], pagerLinks: [] };
  if (pagesAList(pagerLinks, listsEntries)) return { urls: [], pagerLinks };
  const last = Math.max(...known.keys());
  const model = known.get(last)!;
  const urls: string[] = [];
  for (let number = 2; number <= last; number++) urls.push(pageAddress(known.get(number) ?? renumbered(model, page, path, number)));
  return { urls, pagerLinks };
}

// The words of a link to the older (or newer) items of a list: a blog's "« Older posts", Ghost's
// "Older Posts", a changelog's "Older entries", a live blog's "Older updates", "Load more";
// WordPress's own words for them in a few other languages ("Ältere Beiträge", "Articles plus
// anciens", "Entradas anteriores", "Oudere berichten"). A split article's link says "Next page",
// "Page 2", "Continue reading on page 2", or its number; its words after those ("Next page: An
// older tower") are the next page's title, so "older" counts mid-link only before posts, entries...
// A live page's "Previous updates" and a theme's "Previous posts" are a list's too ("Previous
// page" may be an article's).
const LIST_WORDS = /^(?:(?:see|view|show) )?(?:older|newer|earlier)\b|\b(?:older|newer|earlier|previous) (?:posts|entries|stories|articles|updates|items|news|releases)\b|^(?:load|show|see|view) more\b|^(?:ältere|neuere|articles plus|entradas|artigos|articoli|oudere|nieuwere|äldre|nyare|starsze|nowsze)\b/iu;

/** Whether the page's links to its "later pages" page a list of items, not one article: the page
 *  is a list of dated entries (a changelog, a live blog, a blog's front page: entry-lists.ts), or
 *  a link to them speaks of older or more items. */
function pagesAList(pagerLinks: readonly Element[], listsEntries: boolean): boolean {
  return listsEntries || pagerLinks.some((link) => LIST_WORDS.test(linkWords(link)));
}

/** What a link says: its text, else its title or label (an arrow icon's). */
function linkWords(link: Element): string {
  const text = (link.textContent ?? '').replace(/[«»‹›←→<>]/g, ' ').replace(/\s+/g, ' ').trim();
  return text || (link.getAttribute('aria-label') ?? link.getAttribute('title') ?? '').trim();
}

// A pager is its links with a few words beside them ("Page 1 of 3", "Pages:", the current page's
// number); an element with more words of its own than this is the article around it.
const PAGER_OWN_LETTERS = 40;
// Nor does a pager ever hold this much text, links included.
const PAGER_LETTERS = 400;
// Never removed whole, however few words they hold beside a pager: the article's own containers.
const ARTICLE_CONTAINERS = new Set(['article', 'main', 'body', 'html']);

/** Removes the blocks that hold the page's links to its later pages and little else: each link's
 *  widest ancestor whose own words, links aside, stay within a pager's. A link in a sentence
 *  ("continued on the next page") stays with its sentence. Returns how many it removed. */
export function removePagers(pagerLinks: readonly Element[]): number {
  let removed = 0;
  for (const link of pagerLinks) {
    let pager: Element | null = null;
    for (let parent = link.parentElement; parent && isPagerSized(parent); parent = parent.parentElement) pager = parent;
    if (pager?.isConnected) {
      pager.remove();
      removed++;
    }
  }
  return removed;
}

function isPagerSized(element: Element): boolean {
  // Spaces and line breaks aside, at most PAGER_LETTERS: read whole only when it may be so.
  if (ARTICLE_CONTAINERS.has(element.localName) || holdsMoreTextThan(element, PAGER_LETTERS * 4)) return false;
  const letters = lettersOf(element);
  return letters <= PAGER_LETTERS && letters - elementsByTag(element, 'a').reduce((sum, a) => sum + lettersOf(a), 0) <= PAGER_OWN_LETTERS;
}

function lettersOf(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, '').length;
}

/** A later page's address, without the fragment that points into it (#comments, #page-links). */
function pageAddress(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** `url`, a later page of the article at `page` (whose path is `path`), as the address of page
 *  `number`: the parameter or the path's number pageNumber read, set to it. */
function renumbered(url: URL, page: URL, path: string, number: number): URL {
  const copy = new URL(url.href);
  if (copy.pathname.replace(/\/+$/, '') === path) {
    const name = PAGE_PARAMETERS.find((parameter) => PAGE_NUMBER.test(copy.searchParams.get(parameter) ?? '') && !page.searchParams.has(parameter));
    if (name) copy.searchParams.set(name, String(number));
  } else {
    copy.pathname = copy.pathname.replace(/\d{1,3}(\/*)$/, `${number}$1`);
  }
  return copy;
}

/** The page of the article `url` is (1 when it is no other page of it). */
function pageNumber(url: URL, page: URL, path: string): number {
  if (url.origin !== page.origin) return 1;
  const urlPath = url.pathname.replace(/\/+$/, '');
  if (urlPath === path) {
    for (const name of PAGE_PARAMETERS) {
      const value = url.searchParams.get(name);
      if (value !== null && PAGE_NUMBER.test(value) && !page.searchParams.has(name)) return Number(value);
    }
    return 1;
  }
  const suffix = urlPath.startsWith(`${path}/`) ? PAGE_SUFFIX.exec(urlPath.slice(path.length)) : null;
  return suffix ? Number(suffix[1]) : 1;
}
