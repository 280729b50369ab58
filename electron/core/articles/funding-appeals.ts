// A site's appeal for money set in a story's text, in its own words rather than under a title
// support-boxes.ts knows: "The Kyiv Independent is funded by its readers. Become a member…" over
// a button, Vox's "You've read 1 article in the last month. Here at Vox, we believe… Give now", a
// writer's "If you value reporting from the ground, please consider supporting us. Join our
// community." Readability keeps it among the story's paragraphs. Told by three things together:
// it names the site (its og:site_name), it asks for support in the words such appeals share, and
// it holds the link or button to give; a story about a fundraiser names its cause, not the site
// that prints it. The box around such a line goes with it when the rest of the box is its title
// and its button.
import { holdsMoreTextThan, textLength } from './page-walk';

/** An appeal is a few lines: a paragraph of the story says more. */
const APPEAL_TEXT = 400;
/** What the box around it holds besides the appeal: a title and a button. */
const BOX_EXTRA_TEXT = 150;
const BOX_TAGS = new Set(['div', 'section', 'aside']);
/** What never is in such a box: the story's own blocks. */
const NOT_BOX = 'h1, figure, img, video, table, blockquote, pre, article, main, ul, ol, [role="main"]';
/** The words such appeals share. */
const APPEAL =
  /\b(?:support(?:ing)? (?:us|our (?:work|journalism|reporting|newsroom))|(?:is|are) (?:funded|supported) by (?:its|our) (?:readers|members|listeners|viewers)|reader-(?:funded|supported)|become a (?:member|supporter|patron)|give now|donate (?:now|today)|make a (?:gift|donation|contribution)|consider (?:supporting|becoming a|a (?:gift|donation|contribution)))\b/i;
/** What the link or button to give says. */
const GIVING = /member|donat|support|\bgive\b|subscri|\bjoin\b|contribut/i;

/** Removes each appeal among `paragraphs` (every <p>, and every <div> of text) that names the site. */
export function removeFundingAppeals(paragraphs: readonly Element[], siteName: string | null): void {
  const site = siteName?.replace(/^the\s+/i, '').trim().toLowerCase();
  if (!site) return;
  for (const paragraph of paragraphs) {
    if (!paragraph.isConnected || holdsMoreTextThan(paragraph, APPEAL_TEXT)) continue;
    // The site's name first: a plain search, and most paragraphs do not name it.
    const text = (paragraph.textContent ?? '').replace(/\s+/g, ' ');
    if (!namesSite(text.toLowerCase(), site) || !APPEAL.test(text)) continue;
    const box = appealBox(paragraph);
    if (hasGivingControl(box)) box.remove();
  }
}

/** The site's name as words of the text ("Vox", not "voxel"). */
function namesSite(text: string, site: string): boolean {
  for (let at = text.indexOf(site); at >= 0; at = text.indexOf(site, at + 1)) {
    if (!WORD_CHARACTER.test(text.charAt(at - 1)) && !WORD_CHARACTER.test(text.charAt(at + site.length))) return true;
  }
  return false;
}
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The widest block around the appeal that holds nothing but it, a title and a button. */
function appealBox(paragraph: Element): Element {
  const own = textLength(paragraph);
  let box = paragraph;
  for (let parent = box.parentElement; parent && parent !== parent.ownerDocument.body && BOX_TAGS.has(parent.localName); parent = parent.parentElement) {
    if (textLength(parent) - own > BOX_EXTRA_TEXT || parent.querySelector(NOT_BOX)) break;
    box = parent;
  }
  return box;
}

function hasGivingControl(box: Element): boolean {
  for (const control of box.querySelectorAll('a[href], button')) if (GIVING.test(control.textContent ?? '')) return true;
  return false;
}
