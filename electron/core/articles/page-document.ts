// An article page's DOM, for its readers in articles/ (extraction, the comment form, comment
// pages). In a sync's prepare (workers/tasks.ts) a page with a WordPress comment form gets one DOM
// for both its readers: the form is read from it first, then extraction takes it over and cuts it
// up. Parsing is most of what either costs, and such pages (the kind Paperboy is for) were parsed
// twice.
//
// Extraction's DOM is built without the site's chrome: a news page's masthead, menus and footer
// hold most of its elements (on the bench's pages, three quarters of some 1,700), and extraction
// removed them (page-cleanup.ts) after building every one; building the DOM and collecting it cost
// more than reading the article.
import type * as Htmlparser2 from 'htmlparser2';
import type * as Linkedom from 'linkedom';
import { lazyModule } from '../system/lazy-module';
import { MarkupBudget, MarkupTooComplexError, VOID_ELEMENTS, markupTooCostlyToParse } from './markup-limits';
import { isLandmark, isSectioning } from './page-cleanup';
import { HeaderStandfirstReader, type HeaderStandfirst } from './header-standfirst';

const linkedom = lazyModule<typeof Linkedom>('linkedom');
const htmlparser2 = lazyModule<typeof Htmlparser2>('htmlparser2');

/** The page's DOM, whole. Throws on what linkedom cannot parse, and a MarkupTooComplexError,
 *  before building anything, on a page too costly to parse (markupTooCostlyToParse): linkedom's
 *  parser cannot be stopped half-way, and its work grows with the square of the nesting (a page
 *  of 100,000 nested divs, refused for extraction at level 513, then held a worker for 15 s while
 *  it was parsed whole for its comment form). Callers that must not throw catch it. */
export function parsePage(html: string): Document {
  const tooCostly = markupTooCostlyToParse(html);
  if (tooCostly) throw new MarkupTooComplexError(tooCostly);
  return parseWithinLimits(html);
}

/** parsePage for a page known to be within the limits (its DOM builder below counted them). */
function parseWithinLimits(html: string): Document {
  return linkedom().parseHTML(html).document as unknown as Document;
}

export interface ArticlePage {
  readonly document: Document;
  /** A WordPress comment form (its comment_post_ID field) was in the chrome left out. */
  readonly leftOutCommentForm: boolean;
}

/** A picture a site's header showed, left out with it: an <img> (its address and alt), or an
 *  element's style naming a url() (a background). `linked`: inside a link (a logo's to the home page). */
export interface HeaderPicture {
  readonly src: string | null;
  readonly alt: string | null;
  readonly style: string | null;
  readonly linked: boolean;
}

/** The picture an element of a site's header shows, read the same way from a parser's attributes
 *  and from a DOM's element: an <img>'s address and alt, or a style naming a url(); else null. */
export function headerPicture(name: string, attribute: (name: string) => string | null | undefined, linked: boolean): HeaderPicture | null {
  if (name === 'img') return { src: attribute('src') ?? attribute('data-src') ?? null, alt: attribute('alt') ?? null, style: null, linked };
  const style = attribute('style');
  return style?.includes('url(') ? { src: null, alt: null, style, linked } : null;
}

/** What the headers parseArticlePage left out held that is the article's: some older themes show
 *  the post's cover in the site's header (header-cover.ts); a page whose headline stands in a
 *  header outside any sectioning element has its standfirst under it (header-standfirst.ts). */
interface LeftOutHeaders {
  readonly pictures: readonly HeaderPicture[];
  readonly standfirst: HeaderStandfirst | null;
}

/** By document parseArticlePage built. */
const leftOutHeaders = new WeakMap<Document, LeftOutHeaders>();

/** The pictures of the site's header that parseArticlePage left out of `document`. */
export function headerPicturesLeftOut(document: Document): readonly HeaderPicture[] {
  return leftOutHeaders.get(document)?.pictures ?? [];
}

/** The standfirst under a headline in a header that parseArticlePage left out of `document`, if
 *  any; a bare subtitle heading only when it is not the page's `title` (a site's tagline). */
export function headerStandfirstLeftOut(document: Document, title: string): string | null {
  const standfirst = leftOutHeaders.get(document)?.standfirst;
  return standfirst && !(standfirst.heading && title.includes(standfirst.text)) ? standfirst.text : null;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * The page's DOM as parsePage builds it, less the site's chrome: each header, footer and nav (or
 * element in their roles) outside any sectioning element, which extraction removes first
 * (removePageChrome, by the same rule: page-cleanup.ts). Nothing inside one is built, so what
 * is read before that removal (the page's <meta> and <base> tags) counts only outside them: they
 * belong in <head>. What a left-out header holds of the article is noted as the parser passes:
 * its pictures (headerPicturesLeftOut) and the standfirst under a headline in it (headerStandfirstLeftOut). The same htmlparser2 events and settings as linkedom's own parser, and the
 * same DOM calls, so the rest is the same DOM. Throws as parsePage does, and throws a
 * MarkupTooComplexError at the first element past a limit of markup-limits.ts, counted over every
 * element the parser opens (left-out ones too) at the parser's own nesting: what is built up to
 * there is bounded by the limits, and the raw page needs no scan of its own before.
 */
export function parseArticlePage(html: string): ArticlePage {
  const document = parseWithinLimits('');
  let node: Node = document;
  let svg: Element | null = null;
  let cdata = false;
  /** Per open element built: whether it is a sectioning one. */
  const open: boolean[] = [];
  let sectioningDepth = 0;
  /** Inside a left-out landmark: the elements open in it, itself included. */
  let leftOutDepth = 0;
  let leftOutCommentForm = false;
  /** Inside a left-out header: the links open in it. */
  let inLeftOutHeader = false;
  let linksOpen = 0;
  const headerPictures: HeaderPicture[] = [];
  const headerStandfirst = new HeaderStandfirstReader();
  const notePicture = (name: string, attributes: Record<string, string>) => {
    if (name === 'a') linksOpen++;
    const picture = headerPicture(name, (attribute) => attributes[attribute], linksOpen > 0);
    if (picture) headerPictures.push(picture);
  };
  const budget = new MarkupBudget();
  /** Elements open in the parser, left-out ones included. */
  let depth = 0;
  const parser = new (htmlparser2().Parser)(
    {
      onprocessinginstruction(name, data) {
        if (name.toLowerCase() === '!doctype') (document as { doctype: unknown }).doctype = data.slice(name.length).trim();
      },
      onopentag(name, given) {
        depth++;
        const attributes = svg || name === 'svg' || name === 'SVG' || !hasUpperCase(given) ? given : htmlAttributes(given);
        // htmlparser2 closes a void element at once; the limits count the nesting after it opens.
        if (!budget.open(VOID_ELEMENTS.has(name) ? depth - 1 : depth)) throw new MarkupTooComplexError(budget.problem!);
        if (leftOutDepth > 0) {
          leftOutDepth++;
          if (name === 'input' && attributes.name === 'comment_post_ID') leftOutCommentForm = true;
          if (inLeftOutHeader) {
            notePicture(name, attributes);
            headerStandfirst.open(name, (attribute) => attributes[attribute]);
          }
          return;
        }
        if (sectioningDepth === 0 && isLandmark(name, attributes.role)) {
          leftOutDepth = 1;
          inLeftOutHeader = name === 'header' || attributes.role === 'banner';
          linksOpen = 0;
          if (inLeftOutHeader) notePicture(name, attributes);
          return;
        }
        let element: Element;
        if (svg) element = document.createElementNS(SVG_NAMESPACE, name);
        else if (name === 'svg' || name === 'SVG') element = svg = document.createElementNS(SVG_NAMESPACE, name);
        else element = document.createElement(name);
        if (svg && element !== svg) (element as { ownerSVGElement?: Element }).ownerSVGElement = svg;
        // setAttribute puts each new attribute first: set in reverse, they keep the page's order.
        const names = Object.keys(attributes);
        for (let i = names.length - 1; i >= 0; i--) element.setAttribute(names[i]!, attributes[names[i]!]!);
        node = node.appendChild(element);
        const sectioning = isSectioning(name, attributes.role, attributes.class);
        open.push(sectioning);
        if (sectioning) sectioningDepth++;
      },
      onclosetag(name) {
        depth--;
        if (leftOutDepth > 0) {
          leftOutDepth--;
          if (inLeftOutHeader && name === 'a') linksOpen--;
          if (inLeftOutHeader) headerStandfirst.close(name);
          if (inLeftOutHeader && leftOutDepth === 0) headerStandfirst.leaveHeader();
          return;
        }
        if (node === svg) svg = null;
        if (open.pop()) sectioningDepth--;
        node = node.parentNode!;
      },
      ontext(text) {
        if (leftOutDepth === 0) node.appendChild(cdata ? document.createCDATASection(text) : document.createTextNode(text));
        else if (inLeftOutHeader) headerStandfirst.text(text);
      },
      oncomment(data) {
        if (leftOutDepth === 0) node.appendChild(document.createComment(data));
      },
      oncdatastart() {
        cdata = true;
      },
      oncdataend() {
        cdata = false;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  parser.write(html);
  parser.end();
  if (headerPictures.length > 0 || headerStandfirst.found) leftOutHeaders.set(document, { pictures: headerPictures, standfirst: headerStandfirst.found });
  return { document, leftOutCommentForm };
}

/** Whether an attribute name has a capital: almost never, and asked of every element of a page,
 *  so without allocating (no Object.keys, no regex). */
function hasUpperCase(attributes: Record<string, string>): boolean {
  for (const name in attributes) {
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      if (code >= 65 && code <= 90) return true;
    }
  }
  return false;
}

/**
 * An HTML element's attributes with their names in lower case, as a browser's parser makes them
 * (<IMG SRC=...> on old hand-written pages is src to every reader of the DOM); the first of two
 * names that differ only in case wins, as there. SVG's are left as written (viewBox): the parser
 * keeps case because of them. The same rule is in linkedom's own parser (patches/).
 */
function htmlAttributes(attributes: Record<string, string>): Record<string, string> {
  // No prototype: a page's attribute named "constructor" must not be found before it is set.
  const lowered: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name in attributes) {
    const lower = name.toLowerCase();
    if (!(lower in lowered)) lowered[lower] = attributes[name]!;
  }
  return lowered;
}

/** The page's DOM for several readers (without its chrome, unless a comment form is in it), or
 *  undefined when it is too complex to parse or cannot be parsed: each reader then decides
 *  alone, as it would without sharing. The whole page is parsed only once the article's DOM was
 *  built within the limits, which counted its every element. */
export function pageDocumentToShare(html: string): Document | undefined {
  try {
    const page = parseArticlePage(html);
    return page.leftOutCommentForm ? parseWithinLimits(html) : page.document;
  } catch {
    return undefined;
  }
}
