// What a subscribers' story shows of its paywall besides the text, in English newsrooms' templates
// (the Telegraph's, the Times', News Corp's, Gannett's): the label above the headline that marks the
// story as paid ("Premium", "Subscriber exclusive"), and the box around the paywall's own line
// ("This article is for subscribers only", then "Get unlimited access…", "Subscribe now",
// "Already a subscriber? Log in"). The reader says itself that the copy is a teaser; the label and
// the box's offer are the site's, and read as the story's first and last lines.
import { holdsMoreTextThan, TEXT_NODE } from './page-walk';

/** The labels, whole. */
const PAID_LABEL = /^(?:premium|subscriber(?:s['’]?)? (?:exclusive|only)|for subscribers|exclusive for subscribers|subscriber content|members? (?:only|exclusive)|plus content)$/i;
/** …named so, the label or its wrapper: the same word may be a cell of a price table. */
const PAID_NAME = /premium|subscri|member|paid|paywall|exclusive|locked/i;
const LABEL_TEXT = 30;

/** An element whose only content is a paid-story label, named as one (itself or its parent). */
export function isPaidLabel(element: Element): boolean {
  const only = element.firstChild;
  if (only === null || only !== element.lastChild || only.nodeType !== TEXT_NODE) return false;
  const text = (only as CharacterData).data.trim();
  if (text.length > LABEL_TEXT || !PAID_LABEL.test(text)) return false;
  const names = `${element.getAttribute('class') ?? ''} ${element.parentElement?.getAttribute('class') ?? ''}`;
  return PAID_NAME.test(names) && !element.closest('table, li');
}

/** What the box holds besides the paywall's line: a line of offer, a button, a log-in link. */
const BOX_TEXT = 400;
/** The box's controls: to subscribe, or to log in as a subscriber. */
const BOX_ACTION = /subscri|sign ?in|log ?in|member|join|register|free trial|unlock/i;
/** What never is in such a box: the story's own blocks. */
const NOT_BOX = 'h1, figure, img, video, table, blockquote, pre, article, main, [role="main"]';
const BOX_TAGS = new Set(['div', 'section', 'aside']);

/** Whether the line is the box's first child, or the one after the box's title (News Corp's
 *  "Subscribe to read" over "This story is for subscribers only"). */
function opensBox(box: Element, line: Element): boolean {
  const first = box.firstElementChild;
  return first === line || (first !== null && BOX_TITLE.has(first.localName) && first.nextElementSibling === line);
}
const BOX_TITLE = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'strong']);

/** The box the paywall's line opens (its first child, or the one after its title, in a <div>, <section> or <aside> of a few
 *  lines with a link or button to subscribe or log in), with the wrappers that hold nothing else;
 *  the line itself when it stands alone. */
export function paywallBoxOf(line: Element): Element {
  // The line and its offer may have a wrapper of their own, first in the box that holds the
  // buttons (Medium's: its line and "If you're new to Medium…" over "Sign up with Google", "Sign in").
  for (let opened = line, box = line.parentElement; box && opensBox(box, opened) && BOX_TAGS.has(box.localName); opened = box, box = box.parentElement) {
    if (holdsMoreTextThan(box, BOX_TEXT) || box.querySelector(NOT_BOX)) return line;
    const actions = [...box.querySelectorAll('a[href], button')].some((control) => BOX_ACTION.test(control.textContent ?? ''));
    if (actions) return box;
  }
  return line;
}
