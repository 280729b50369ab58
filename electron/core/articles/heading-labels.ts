// The pill a site sets beside a heading to label what it heads: GitHub's "Latest" and
// "Pre-release" beside a release's title (<span class="Label Label--success">Latest</span>), a
// Bootstrap "badge" ("New", "Updated") beside a post's title. It says where the item stood on the
// site the day the page was fetched; read offline it is a stray word as the text's first line
// (Readability keeps it when it drops the repeated headline). Looked for beside each heading
// only: the heading's last child and its element neighbours, a few attribute reads each.
import { TEXT_NODE } from './page-walk';

/** The class names such pills go by (Primer's Label, Bootstrap's badge and rounded-pill, Material's chip). */
const PILL_NAMES = new Set(['label', 'badge', 'pill', 'rounded-pill', 'chip']);
/** A pill is a word or two ("Latest", "Pre-release", "Breaking news"). */
const PILL_TEXT = 24;
const PILL_WORDS = 3;
/** A number in it says something of the item (a version, "v4.8"; a count; a date): the text's. */
const DIGIT = /\d/;

/** Removes the pills set in or right beside each heading (see above). */
export function removeHeadingLabels(headings: Iterable<Element>): void {
  for (const heading of headings) {
    if (!heading.isConnected) continue;
    // In the heading, only at its end: a word in the middle of a heading is the heading's.
    const last = heading.lastElementChild;
    const pills = [last && endsHeading(last) ? last : null, heading.previousElementSibling, heading.nextElementSibling];
    for (const pill of pills) if (pill && isPill(pill)) pill.remove();
  }
}

/** Whether nothing but white space follows the element in its heading. */
function endsHeading(element: Element): boolean {
  for (let node = element.nextSibling; node; node = node.nextSibling) if (node.nodeType !== TEXT_NODE || /\S/.test((node as CharacterData).data)) return false;
  return true;
}

/** A <span> named as a pill whose one text is a short label with no number. */
function isPill(element: Element): boolean {
  if (element.localName !== 'span') return false;
  const classes = element.getAttribute('class');
  if (!classes || !classes.toLowerCase().split(/\s+/).some((name) => PILL_NAMES.has(name))) return false;
  const only = element.firstChild;
  if (only === null || only !== element.lastChild || only.nodeType !== TEXT_NODE) return false;
  const text = (only as CharacterData).data.trim();
  return text.length > 0 && text.length <= PILL_TEXT && !DIGIT.test(text) && text.split(/\s+/).length <= PILL_WORDS;
}
