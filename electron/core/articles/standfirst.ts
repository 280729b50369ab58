// The standfirst (dek, subtitle): the sentence or two news sites, magazines and newsletters print
// between the headline and the story. It sits in the article's header, beside the headline, which
// Readability leaves out with the header (a class with "header" in it, or a sibling of the body
// it scored too low): a reader lost the lines that say what the story is. Found by its class
// name, just after the page's headline, and put back above the text when Readability lost it;
// or, unnamed, as the heading that follows the headline before any other text (a blogging
// platform's subtitle: Hashnode's <h2> under the <h1>).
import { withoutModuleHash } from './css-module-names';
import { holdsOwnText } from './page-walk';


/** The names sites give it, as a class or the last part of one (b-subheadline, longform-hero__dek,
 *  liveblog-header__standfirst, post-description and Le Monde's article__desc, Substack's
 *  h3.subtitle, article-brief); and the
 *  newsroom words for it that sites elsewhere name it with: the French "chapô" (article-chapo), the
 *  Czech and Slovak "perex", the Spanish "entradilla", "bajada" and "copete" (Latin America's), the
 *  Italian "sommario" and "catenaccio", the German "Vorspann". */
const STANDFIRST_NAMES = new Set([
  'dek', 'deck', 'standfirst', 'subheadline', 'subhead', 'subtitle', 'strapline', 'lede', 'description', 'desc', 'summary', 'excerpt', 'intro', 'brief',
  'chapo', 'chapeau', 'perex', 'entradilla', 'bajada', 'copete', 'sommario', 'catenaccio', 'vorspann', 'linhafina',
  // Central European and Nordic newsrooms call it the "lead" (Telex's article__lead, Aftonbladet's
  // lead-text, Bootstrap's p.lead): a name for a picture's block too, whose text is no sentence.
  'lead',
]);
/** Names whose last part alone says nothing ("title", "headline", "first", the Portuguese "linha
 *  fina"'s "fina"). */
const HYPHENATED_NAMES = ['stand-first', 'sub-headline', 'sub-title', 'linha-fina', 'linha_fina'];
/** A standfirst is a sentence or two: not a word ("Summary"), nor a paragraph of the story. */
export const MIN_TEXT = 30;
export const MAX_TEXT = 400;
/** How far after the headline it may stand, in elements of the document: its header's next few. */
export const MAX_DISTANCE = 12;

/** Whether a class name (one token) names a standfirst: its part after the last - or _. Called
 *  for every class of every element of a page (findPageParts), so no regular expression. */
export function isStandfirstName(name: string): boolean {
  // A CSS module's name without its hash ("Article_intro__y7Z8a").
  const lower = withoutModuleHash(name).toLowerCase();
  const tail = lower.slice(Math.max(lower.lastIndexOf('-'), lower.lastIndexOf('_')) + 1);
  return STANDFIRST_NAMES.has(tail) || HYPHENATED_NAMES.some((hyphenated) => lower.endsWith(hyphenated));
}

/** The data attributes React sites name their components in (the Guardian's, and Arc XP's data-qa). */
const COMPONENT_NAMES = ['data-gu-name', 'data-component', 'data-testid', 'data-qa'];

/** Whether a data attribute names the element a standfirst (COMPONENT_NAMES). */
export function isNamedStandfirst(element: Element): boolean {
  return componentNamesStandfirst((attribute) => element.getAttribute(attribute));
}

/** The same, read from a parser's attributes (header-standfirst.ts) as from a DOM's element. */
export function componentNamesStandfirst(attribute: (name: string) => string | null | undefined): boolean {
  for (const name of COMPONENT_NAMES) {
    const value = attribute(name);
    if (value != null && isStandfirstName(value)) return true;
  }
  return false;
}

/**
 * The standfirst's text: the first element named as one that follows the page's first <h1>
 * closely, inside its article, with a sentence's worth of text and no links to speak of, else the
 * subtitle heading under it (subtitleHeading); null when the page has none.
 */
export function findStandfirst(headline: Element | null, named: readonly Element[], pageTitle: string): string | null {
  if (!headline?.isConnected) return null;
  // The headline's wrappers may end before the standfirst's begin (the Guardian nests each in
  // three divs of its own): the walk stays in the article, and ends at its first paragraph.
  const block = headline.closest('article, main') ?? headline.ownerDocument.body;
  const following = followingElements(headline, block, MAX_DISTANCE);
  return namedStandfirst(named, new Set(following)) ?? subtitleHeading(following, pageTitle);
}

/** The headings a subtitle is set in. */
export const SUBTITLE_HEADINGS = new Set(['h2', 'h3']);

/**
 * A subtitle set as a heading of its own, no name to say so (Hashnode's <h2> under the <h1>): the
 * first element after the headline with text of its own, when it is such a heading, a sentence
 * long, and not the page's title (an <h1> that is the site's name, above the post's title in an
 * <h2>). A story's first section heading follows its opening paragraphs, or is kept with them.
 */
function subtitleHeading(following: readonly Element[], pageTitle: string): string | null {
  const first = following.find(holdsOwnText);
  const heading = first?.closest('h2, h3');
  if (!heading || !SUBTITLE_HEADINGS.has(heading.localName) || !following.includes(heading)) return null;
  const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length < MIN_TEXT || text.length > MAX_TEXT || heading.querySelector('a, img') || pageTitle.includes(text)) return null;
  return text;
}

function namedStandfirst(named: readonly Element[], near: ReadonlySet<Element>): string | null {
  for (const element of named) {
    if (!element.isConnected || !near.has(element) || element.querySelector('h1, p p, img, table')) continue;
    const items = [...element.querySelectorAll('li')];
    // The Guardian's lists a link or two under the sentence ("Is it safe to swim? Use our map"):
    // those are the site's; a list of facts is no standfirst.
    if (!items.every(isLinkOnly)) continue;
    const text = textOf(element, items);
    const linked = [...element.querySelectorAll('a')].filter((link) => !items.some((item) => item.contains(link))).reduce((sum, link) => sum + (link.textContent ?? '').length, 0);
    if (text.length >= MIN_TEXT && text.length <= MAX_TEXT && linked < text.length / 4) return text;
  }
  return null;
}

/** A list item that is one link and nothing else. */
function isLinkOnly(item: Element): boolean {
  const links = item.querySelectorAll('a');
  return links.length === 1 && (links[0]!.textContent ?? '').trim() === (item.textContent ?? '').trim();
}

/** The element's text, without that of its list items `items`. */
function textOf(element: Element, items: readonly Element[]): string {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (items.length === 0) return text;
  const copy = element.cloneNode(true) as Element;
  for (const item of copy.querySelectorAll('ul, ol')) item.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The next `count` elements after `element` in document order (its own children not counted
 *  first: a headline holds no standfirst), without leaving `within`, and up to the story's first
 *  paragraph: a standfirst comes before the story. */
function followingElements(element: Element, within: Element, count: number): Element[] {
  const found: Element[] = [];
  let node: Element | null = element;
  while (node && found.length < count) {
    let next: Element | null = node === element ? null : node.firstElementChild;
    for (let up: Element | null = node; !next && up && up !== within; up = up.parentElement) next = up.nextElementSibling;
    if (!next || (next.localName === 'p' && !(next.getAttribute('class') ?? '').split(/\s+/).some(isStandfirstName))) break;
    found.push(next);
    node = next;
  }
  return found;
}

/** Puts the standfirst above the article's text, as a paragraph, unless the text has it already. */
export function addStandfirst(content: Element, standfirst: string): void {
  const text = (content.textContent ?? '').replace(/\s+/g, ' ');
  if (text.includes(standfirst)) return;
  const paragraph = content.ownerDocument.createElement('p');
  paragraph.textContent = standfirst;
  content.prepend(paragraph);
}
