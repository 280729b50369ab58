// How Readability judges a block by its class name and id before it reads a word of it, for the
// steps that take such names off blocks of the article (a picture's wrapper, an accordion's
// panel): the words are Readability.js 0.6's REGEXPS, and change with it.

/** REGEXPS.negative: the words that weigh a block down, until it is removed. */
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
/** REGEXPS.positive: the words that weigh a block up, as much as a NEGATIVE one weighs it down. */
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
/** REGEXPS.unlikelyCandidates, and okMaybeItsACandidate that saves a block from them: a block
 *  named so (but not also so) is removed with all it holds before anything is scored. */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const OK_MAYBE = /and|article|body|column|content|main|shadow/i;

/** Whether the element's class or id weighs it down (NEGATIVE). */
export function weighsDown(element: Element): boolean {
  const names = element.getAttribute('class');
  const id = element.getAttribute('id');
  return (names !== null && NEGATIVE.test(names)) || (id !== null && NEGATIVE.test(id));
}

/** Whether Readability weighs the element down or removes it as unlikely for its names. */
export function readabilityDropsName(element: Element): boolean {
  if (weighsDown(element)) return true;
  return readabilityRemovesName(element);
}

/** Whether Readability removes the element, with all it holds, for its names (UNLIKELY, not OK_MAYBE). */
export function readabilityRemovesName(element: Element): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return UNLIKELY.test(names) && !OK_MAYBE.test(names);
}

/** The element's names taken off: Readability weighs it by what it holds. */
export function unweigh(element: Element): void {
  element.removeAttribute('class');
  element.removeAttribute('id');
}

/** The element's class, its id, or both taken off where they weigh it down (a NEGATIVE word and no
 *  POSITIVE one to make up for it); a name that weighs it up stays. */
export function unweighDown(element: Element): void {
  for (const attribute of ['class', 'id']) {
    const names = element.getAttribute(attribute);
    if (names !== null && NEGATIVE.test(names) && !POSITIVE.test(names)) element.removeAttribute(attribute);
  }
}

/** Whether Readability drops the heading for an id that is no name but its own words, slugged as
 *  Markdown renderers and CMSs write a heading's anchor ("the-timetable", "user-content-social-media",
 *  "See_also"): Readability reads words inside it ("ti·meta·ble", "social", "media") as a
 *  template's names, and a section's heading went. The id is its link target, and stays. */
export function dropsSluggedHeading(heading: Element): boolean {
  const id = heading.getAttribute('id');
  if (id === null || !(NEGATIVE.test(id) || (UNLIKELY.test(id) && !OK_MAYBE.test(id)))) return false;
  const words = slug(heading.textContent ?? '');
  if (words === '') return false;
  const name = slug(id);
  // Prefixed by the renderer ("user-content-"), or numbered when the text repeats ("notes-2").
  return name === words || name.endsWith(`-${words}`) || (name.startsWith(`${words}-`) && /^\d+$/.test(name.slice(words.length + 1)));
}

/** A text's words as a slug compares them: lower case, accents and apostrophes dropped, joined by "-". */
function slug(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}|['’]/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join('-');
}
