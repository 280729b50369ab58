// The controls a page's script works, which a copy cannot: buttons (a recipe card's "Copy" beside
// its Ingredients heading, its 1x 2x 3x scale), a switch written as a checkbox with its label
// ("Cook Mode: Prevent your screen from going dark"), and a card's action links ("Print Recipe",
// "Pin Recipe"). Readability drops a button only after it has weighed the page: left there, a
// heading's Copy button made the heading's wrapper a block of its own, which Readability emptied of
// the button and then dropped, heading and all, as holding no text. The labels stayed, as stray
// lines. Found in the walk findPageParts makes (buttons, checkboxes and links, by tag).
import { holdsMoreTextThan, holdsOwnText, textLength } from './page-walk';

/** A label naming a group of buttons ("Scale", "Servings:") is a word or two. */
const GROUP_LABEL_TEXT = 20;
/** A switch's label and the line under it ("Cook Mode", "Prevent your screen from going dark"). */
const SWITCH_TEXT = 80;
/** A card's action is a label of a few words. */
const ACTION_TEXT = 30;
/** What recipe cards (WP Recipe Maker, Tasty Recipes, Create, Mediavine) offer under their title
 *  as links: printing, pinning, saving or rating the recipe, and the post's jump down to it. */
const CARD_ACTION = /^(?:print|pin|save|rate|review|jump to|skip to|go to)(?: (?:this|the))? recipe$/i;
/** The parts a switch's block is written in: the box, its label, a helper line. */
const SWITCH_PARTS = new Set(['input', 'label', 'span', 'small']);

/** Removes a button, and the block it leaves empty with the label that names its group. */
export function removeButton(button: Element): void {
  const group = button.parentElement;
  button.remove();
  if (!group || group.localName === 'body' || group.firstElementChild !== null || textLength(group) > 0) return;
  // The group's block, empty now: it goes, and with it a short label that was its only company.
  const holder = group.parentElement;
  group.remove();
  if (!holder || holder.localName === 'body' || holder.children.length !== 1 || holdsMoreTextThan(holder, GROUP_LABEL_TEXT)) return;
  const label = holder.firstElementChild!;
  if (label.querySelector('a, img') === null && ['span', 'label', 'strong', 'b', 'small'].includes(label.localName) && !holdsOwnText(holder)) holder.remove();
}

/** A switch: a checkbox alone with its label and a helper line in a block of its own, outside
 *  any form (a quiz's or a sign-up's boxes are the form's). Its block, and the wrappers that hold
 *  nothing else, go. A checkbox beside an item's own words (a task list's, a recipe's
 *  ingredient) is left with them. */
export function removeSwitch(checkbox: Element): void {
  const block = checkbox.parentElement;
  if (!block || block.localName === 'body' || checkbox.closest('form') !== null || holdsOwnText(block)) return;
  for (let part = block.firstElementChild; part; part = part.nextElementSibling) if (!SWITCH_PARTS.has(part.localName)) return;
  if (block.querySelector('label') === null || holdsMoreTextThan(block, SWITCH_TEXT)) return;
  let widest = block;
  const length = textLength(block);
  for (let parent = block.parentElement; parent && parent.localName !== 'body' && parent.children.length === 1 && textLength(parent) === length; parent = parent.parentElement) widest = parent;
  widest.remove();
}

/** Removes a card's action link, and the wrappers it leaves empty. */
export function removeCardAction(link: Element): void {
  let widest = link;
  for (let parent = link.parentElement; parent && parent.localName !== 'body' && parent.children.length === 1 && !holdsOwnText(parent); parent = parent.parentElement) widest = parent;
  widest.remove();
}

/** A link whose whole text is a recipe card's action ("Print Recipe", asked of every link). */
export function isCardAction(link: Element): boolean {
  if (holdsMoreTextThan(link, ACTION_TEXT)) return false;
  return CARD_ACTION.test((link.textContent ?? '').replace(/\s+/g, ' ').trim());
}
