// A story's dateline set as an element of its own at the start of the first paragraph, glued to the
// text: VnExpress's `<p><span class="location-stamp">Hà Nội</span>Từ tháng 9…`, a wire story's
// `<span class="dateline">KYIV</span>Ukraine's …`. Browsers show it apart (the site's CSS makes it
// a block, or adds a dash); the stored copy has no CSS, and read "Hà NộiTừ" as one word. A space
// after it keeps the two words apart, whatever the site's CSS put there. And Readability takes an
// element named "dateline" for the byline and removes it: the place the story opens with was lost.
// A dateline whose place is followed by its source in an element of its own (CNN's
// `<span class="source__location">Truckee, California</span><span class="source__text">CNN</span>`,
// the parentheses and the dash drawn by CSS) read "Truckee, CaliforniaCNN": the source is set
// apart in parentheses, as wires write it ("TRUCKEE, Calif. (AP)").
import { ELEMENT_NODE, TEXT_NODE } from './page-walk';
import { unweigh } from './readability-names';

/** The inline elements a dateline is written in. */
const DATELINE_TAGS = new Set(['span', 'strong', 'b', 'em', 'small']);
/** A class part that names a dateline: "location-stamp", "article__dateline", "story-location". */
const DATELINE_NAME = /(?:^|[-_\s])(?:dateline|location|stamp)(?=$|[-_\s])/i;
/** The text a dateline is glued to: it opens with a letter or a digit. */
const GLUED = /^[\p{L}\p{N}]/u;
/** A news source's name after a dateline's place: "CNN", "AP", "Reuters", "Agence France-Presse";
 *  a few words, no digits (a date or a time after a place is no source). */
const SOURCE_LABEL = /^[\p{L}][\p{L}\p{M}.&'’ -]{0,29}$/u;

/** Whether an element is a dateline by its name (see above). */
export function isDatelineStamp(element: Element, tag: string, classAttribute: string): boolean {
  return DATELINE_TAGS.has(tag) && DATELINE_NAME.test(classAttribute);
}

/** A dateline the paragraph's text follows: its names taken off, so that Readability reads it as
 *  the sentence's first words, and a space after it when that text opens right against it. */
export function keepDateline(stamp: Element): void {
  const next = stamp.nextSibling;
  if (next?.nodeType === ELEMENT_NODE) {
    sourceApart(stamp, next as Element);
    return;
  }
  if (next?.nodeType !== TEXT_NODE || (next as CharacterData).data.trim() === '') return;
  unweigh(stamp);
  if (GLUED.test((next as CharacterData).data) && !/\s$/u.test(stamp.textContent ?? '')) stamp.after(stamp.ownerDocument.createTextNode(' '));
}

/** The place's source, in the element after it and last in their holder (see above), in
 *  parentheses after a space: "Truckee, California (CNN)". */
function sourceApart(stamp: Element, label: Element): void {
  if (label.nextSibling !== null || !DATELINE_TAGS.has(label.localName)) return;
  const source = (label.textContent ?? '').trim();
  if (!SOURCE_LABEL.test(source) || /\s$/u.test(stamp.textContent ?? '')) return;
  unweigh(stamp);
  label.textContent = `(${source})`;
  stamp.after(stamp.ownerDocument.createTextNode(' '));
}
