// The answers of a page's FAQ and the sections of its accordions, which a page shows one at a time
// as a reader clicks each question. A page writes them closed (style="display:none", the hidden
// attribute, Kadence's kt-accordion-panel-hidden): Readability drops what is hidden, and a block
// whose name it weighs down ("hidden", Elementor's elementor-widget-accordion) or takes for a
// page's header (Kadence's kt-accordion-header-wrap, Bootstrap's card-header); and the question, a
// <button> or a link to nowhere, went as a control or a link. Read offline, nothing opens them:
// each panel is shown, its question as a line. Only a part named so (or an ARIA accordion's
// region, when closed) that holds prose: a hidden share menu, a modal, a cookie notice or a search
// box stays hidden.
import { holdsMoreTextThan, linkedLength, textLength } from './page-walk';
import { readabilityDropsName, unweigh } from './readability-names';

/** The words themes and page builders name an accordion's parts with (accordion-content,
 *  kt-accordion-panel, faq-answer, accordion-collapse, et_pb_toggle_content, su-spoiler-content).
 *  Tested on the class attribute of every element of a page: plain substrings, no regular expression. */
const PANEL_WORDS = ['accordion', 'faq', 'collaps', 'toggle', 'spoiler'];

/** Whether a class attribute names a part of an accordion or an FAQ (PANEL_WORDS). */
export function namesPanelPart(classAttribute: string): boolean {
  return PANEL_WORDS.some((word) => classAttribute.includes(word));
}

/** What a box that is no panel is named or labelled, whatever else its name says: a dialog, a
 *  menu, a share or search box, a notice, the site's sidebar. */
const NOT_A_PANEL = /modal|popup|dialog|overlay|cookie|consent|gdpr|share|social|menu|nav|search|login|sign-?in|newsletter|subscribe|cart|dropdown|tooltip|sidebar|widget|comment|related/i;
/** Enough words to be an answer ("Yes, on one permit."), not an icon's or a label's. */
const MIN_ANSWER_TEXT = 12;
/** Most of an answer is its own words: a panel of links is a menu. */
const ANSWER_LINK_SHARE = 0.5;
/** A question is a line: a longer block before a panel is the article's own. */
const QUESTION_TEXT = 300;

/** Shows each accordion part among `candidates` (elements named as one, and ARIA regions) and
 *  `controlled` (closedPanels) that holds prose, without the names Readability drops it for, and
 *  keeps the question before it as text. */
export function showCollapsedPanels(candidates: readonly Element[], controlled: readonly Element[]): void {
  const opened = new Set<Element>();
  for (const part of [...candidates, ...controlled]) {
    if (opened.has(part) || !part.isConnected || !isAccordionPart(part, controlled.includes(part))) continue;
    opened.add(part);
    part.removeAttribute('hidden');
    // Readability reads only display and visibility of a style; the sanitizer drops it whole.
    if (part.hasAttribute('style')) part.removeAttribute('style');
    if (readabilityDropsName(part)) unweigh(part);
    unweighWrappers(part);
    // An accordion's own questions, inside it (Elementor's: an <a> with no address in a <div>).
    triggersAsText(part);
    const question = part.previousElementSibling;
    if (question && !holdsMoreTextThan(question, QUESTION_TEXT)) keepQuestion(question);
  }
}

/** A part named so (an ARIA region only when closed) or a closed button's panel (`controlled`),
 *  named or labelled as no other box, with an answer's words, mostly its own, and no form. */
function isAccordionPart(element: Element, controlled: boolean): boolean {
  const classAttribute = element.getAttribute('class') ?? '';
  if (!controlled && !namesPanelPart(classAttribute) && !isHidden(element)) return false;
  if (NOT_A_PANEL.test(`${classAttribute} ${element.getAttribute('id') ?? ''} ${element.getAttribute('aria-label') ?? ''}`)) return false;
  if (element.getAttribute('aria-modal') === 'true' || element.querySelector('form, input, textarea, select')) return false;
  const text = textLength(element);
  // A box of nothing but its button is no panel but the control that opens the rest of the story
  // (Yahoo's div.caas-readmore-collapse around "Story continues", a "Continue reading" toggle):
  // an answer has words of its own besides any button's.
  if (text - controlsLength(element) < MIN_ANSWER_TEXT) return false;
  return text >= MIN_ANSWER_TEXT && linkedLength(element) < text * ANSWER_LINK_SHARE;
}

/** The letters in the element's <button>s (spaces aside, as textLength counts). */
function controlsLength(element: Element): number {
  let length = 0;
  for (const button of element.querySelectorAll('button')) length += textLength(button);
  return length;
}

/**
 * The panels the page's closed disclosure buttons open: a <button aria-expanded="false"> whose
 * aria-controls names them, the ARIA authoring practices' accordion and disclosure, whatever the
 * site names its parts (an FAQ's answers written hidden="until-found", for the browser's find in
 * page to open). Asked of the page's buttons only; most pages have a few (the menu's, the search's),
 * whose panels are gone with the chrome by then or are no answer (isAccordionPart).
 */
export function closedPanels(doc: Document, controls: readonly Element[]): Element[] {
  const panels: Element[] = [];
  for (const control of controls) {
    if (control.localName !== 'button' || control.getAttribute('aria-expanded') !== 'false') continue;
    for (const id of control.getAttribute('aria-controls')?.split(/\s+/) ?? []) {
      const panel = id === '' ? null : doc.getElementById(id);
      if (panel && !panel.contains(control)) panels.push(panel);
    }
  }
  return panels;
}

/** How far above an accordion its page builder's wrappers go (Elementor's: two divs). */
const WRAPPER_LEVELS = 4;

/** The names Readability drops them for taken off the wrappers that hold the accordion alone
 *  (Elementor's elementor-widget-accordion and widget-container: "widget" weighed it down). */
function unweighWrappers(part: Element): void {
  const length = textLength(part);
  let wrapper = part.parentElement;
  for (let level = 0; wrapper && level < WRAPPER_LEVELS; level++, wrapper = wrapper.parentElement) {
    if (['article', 'main', 'body'].includes(wrapper.localName) || holdsMoreTextThan(wrapper, length * 2) || textLength(wrapper) !== length) break;
    if (readabilityDropsName(wrapper)) unweigh(wrapper);
  }
}

function isHidden(element: Element): boolean {
  return element.hasAttribute('hidden') || /display\s*:\s*none/i.test(element.getAttribute('style') ?? '');
}

/** The question as text, and the names of its bar that Readability drops it for taken off. */
function keepQuestion(question: Element): void {
  const asText = isTrigger(question) ? replacedByText(question) : question;
  triggersAsText(asText);
  for (const element of [asText, ...asText.querySelectorAll('[class], [id]')]) if (readabilityDropsName(element)) unweigh(element);
}

/** A control that opens a panel: a <button> (Readability removes every one), or a link to nowhere
 *  (an <a> with no address, which Readability weighs as a link: a question of nothing but it went
 *  as a link farm). */
function isTrigger(element: Element): boolean {
  return element.localName === 'button' || (element.localName === 'a' && !element.hasAttribute('href'));
}

function triggersAsText(root: Element): void {
  for (const trigger of [...root.querySelectorAll('button, a:not([href])')]) replacedByText(trigger);
}

/** A <span> of the element's content in its place. */
function replacedByText(element: Element): Element {
  const text = element.ownerDocument.createElement('span');
  text.append(...element.childNodes);
  element.replaceWith(text);
  return text;
}

/** The prose a <details> must hold to be read: a transcript's or a section's paragraphs, not a
 *  label's or a menu's words. */
const MIN_DISCLOSED_TEXT = 200;
/** Most of a section's words are its own: a <details> of links is a menu or a list of files. */
const DISCLOSED_LINK_SHARE = 0.3;

/**
 * A <details> holding prose: an episode's transcript, a long table's notes, a section an article
 * folds away ("Read the transcript"). Readability reads nothing of the element (it is no <div>:
 * its paragraphs score it too little to be kept beside the article), so it is set aside as the
 * article's text (extract.ts setAsideBlocks); the reader shows it folded, as the page does, and it
 * opens offline. Not a form (a cookie dialog's settings), nor a menu or a file list.
 */
export function isCollapsedProse(details: Element): boolean {
  if (details.querySelector('form, input, select, textarea') || details.getElementsByTagName('p').length === 0) return false;
  const text = textLength(details);
  return text >= MIN_DISCLOSED_TEXT && linkedLength(details) < text * DISCLOSED_LINK_SHARE;
}
