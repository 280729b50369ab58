// The box a listener- or reader-funded site ends each story with, asking for money: "Support
// Riverbank Radio", a line ("We're listener-funded…") and a button ("Become a supporter"); "Become
// a member", "Donate", "Help keep our journalism free". Readability keeps it with the story when it
// sits in the story's block (an episode's notes, a post's content), and it read as the story's last
// lines. Like a newsletter's sign-up box (page-cleanup.ts removeSignupBoxes) it is the site's, not
// the story's; it has no form to be told by, so it is told by its title, its button and its place.
// Only the page's h2-h4 are asked, and only a title that says so costs more than one regex test.
import { ELEMENT_NODE, holdsMoreTextThan, TEXT_NODE } from './page-walk';

/** How such a box's title reads, in the languages of most feeds. */
const SUPPORT_TITLE = new RegExp(
  String.raw`^(?:support\b|donate\b|make a (?:donation|gift|contribution)\b|become a (?:member|supporter|patron|sustainer|sustaining member|friend)\b|join (?:us|our (?:members|supporters))\b` +
    // A subscription's offer titled so ("Subscribe to News24"): only one naming the site (SUBSCRIBE_TITLE).
    String.raw`|subscribe to\b` +
    String.raw`|help (?:us|fund|support|keep|sustain)\b|(?:we|this \w+) (?:need|needs|relies? on|depends? on|(?:is|are) funded by) (?:you|your|readers|listeners|viewers)\b` +
    String.raw`|unterstützen sie\b|jetzt spenden\b|spenden\b|soutenez\b|faire un don\b|apóyanos\b|hazte (?:socio|miembro)\b|sostienici\b|steun ons\b|wesprzyj\b)`,
  'i',
);
/** A subscription's title: a support box's only when it names the site; "Subscribe to read" over
 *  "This story is for subscribers only" is a paywall's, which the copy's note tells of (paywall-marks.ts). */
const SUBSCRIBE_TITLE = /^subscribe to\b/i;
/** A title is a line: a heading that says more is the story's. */
const TITLE_TEXT = 80;
/** What the box holds besides its title: a line or two and the button (SIGNUP_BOX_TEXT's bound). */
const BOX_TEXT = 600;
/** What a button asking for money says, or how it is named. */
const CALL_TO_ACTION = /donat|support|member|subscri|\bjoin\b|\bgive\b|contribut|patron|sponsor|chip in|spend|soutenir|faire un don|apoya|sostieni/i;
const BUTTON_NAME = /button|btn|cta/i;
/** What never is in such a box: the story's own blocks. */
const NOT_BOX = 'h1, figure, video, table, blockquote, pre, article, main, [role="main"]';

/** Removes each support box titled by one of `subheadings`, at the end of the story (see above),
 *  or anywhere in it when its title names the site itself (`siteName`, the page's og:site_name:
 *  HuffPost's "Support HuffPost" between two paragraphs): a section of a story may ask readers to
 *  support a cause, never to support the site that prints it. */
export function removeSupportBoxes(subheadings: readonly Element[], siteName: string | null): void {
  const site = siteName?.replace(/^the\s+/i, '').trim().toLowerCase() || null;
  for (const heading of subheadings) {
    if (!heading.isConnected || holdsMoreTextThan(heading, TITLE_TEXT)) continue;
    const title = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!SUPPORT_TITLE.test(title)) continue;
    const namesTheSite = site !== null && title.toLowerCase().includes(site);
    if (!namesTheSite && SUBSCRIBE_TITLE.test(title)) continue;
    const box = supportBox(heading, namesTheSite);
    if (box) box.remove();
  }
}

/** The block the title opens, with the wrappers that hold nothing else, when it is short, asks for
 *  money with a link or button, and nothing of the story follows it unless it names the site. */
function supportBox(heading: Element, namesTheSite: boolean): Element | null {
  let box = heading.parentElement;
  if (!box || box.firstElementChild !== heading || !['div', 'section', 'aside'].includes(box.localName)) return null;
  if (holdsMoreTextThan(box, BOX_TEXT) || box.querySelector(NOT_BOX) || !hasCallToAction(box)) return null;
  const length = ownTextLength(box);
  while (box.parentElement && box.parentElement !== box.ownerDocument.body && !box.parentElement.matches(NOT_BOX) && ownTextLength(box.parentElement) === length) box = box.parentElement;
  return !namesTheSite && storyFollows(box) ? null : box;
}

function hasCallToAction(box: Element): boolean {
  for (const control of box.querySelectorAll('a[href], button')) {
    if (CALL_TO_ACTION.test(control.textContent ?? '') || BUTTON_NAME.test(control.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** Whether a paragraph or a heading of the story comes after the box, beside it or inside a block
 *  beside it: a box in the middle of the text may be a section of the story that asks the same. */
function storyFollows(box: Element): boolean {
  for (let sibling = box.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (/^(?:p|h[2-6])$/.test(sibling.localName) || sibling.querySelector('p, h2, h3, h4, h5, h6')) return true;
  }
  return false;
}

/** Length of the element's text, spaces and all (a wrapper's equals its one child's). */
function ownTextLength(element: Element): number {
  let length = 0;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) length += (node as CharacterData).data.trim().length;
    else if (node.nodeType === ELEMENT_NODE) length += ownTextLength(node as Element);
  }
  return length;
}
