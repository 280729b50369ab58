// A card for a video between a story's paragraphs: its still, its title, its running time and its
// source ("Video shows cars buried in snow at a Tahoe resort 01:12 - Source: CNN"). The player
// its script starts is not in the stored copy, so what is left reads as a stray line of the story
// with a clock time in it. Told by its running time, a line of its own ("01:12", "1:02:45"), in a
// short block around a picture with no paragraph: a news site's video teaser, whatever its names.
// Or by the VideoObject a player's embed code describes itself with in the card (JW Player's,
// Brightcove's, Connatix's: its still and title until the script runs). A real player (an
// <iframe>, a <video>) is left for the sanitizer to make a link of.

import { TEXT_NODE, elementsByTag, holdsMoreTextThan } from './page-walk';

/** A running time alone: "01:12", "4:05", "1:02:45". */
const RUNNING_TIME = /^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$/;
/** An ISO 8601 duration, as a <time> writes a running time. */
const DURATION = /^\s*P/;
/** The most a stamp holds, spaces and all: the cheap test before the pattern. */
const STAMP_TEXT = 16;
/** A card's words: a title, a running time and a source line, never a paragraph's. */
const CARD_TEXT = 200;
/** How far above its running time a card's outer block may be (CNN's: four divs). */
const CARD_LEVELS = 4;

/** Asked of every <div>, <span> and <time> of the page: its text alone is a running time. */
export function isRunningTime(element: Element): boolean {
  // A <time> dated so is a clock's time (a live blog update's "15:40"); a duration's is "PT1M12S".
  const datetime = element.localName === 'time' ? element.getAttribute('datetime') : null;
  if (datetime !== null && !DURATION.test(datetime)) return false;
  const text = element.firstChild;
  if (text === null || text !== element.lastChild || text.nodeType !== TEXT_NODE) return false;
  const value = text.nodeValue ?? '';
  return value.length <= STAMP_TEXT && RUNNING_TIME.test(value);
}

/** The card of a player whose embed code describes its video in JSON-LD beside it (`script`, one
 *  of the page's <script type="application/ld+json">): null for a description in the page's head
 *  (a video page's own), or one with no card of a card's words around it. */
export function describedPlayerOf(script: Element): Element | null {
  const parent = script.parentElement;
  if (!parent || parent.localName === 'head' || !(script.textContent ?? '').includes('"VideoObject"')) return null;
  // Its JSON is no card's words (Readability removes every script in any case); the player names
  // itself, so its title may be a paragraph.
  script.remove();
  return cardAround(parent, PLAYER_PARTS);
}

/** The video card around a running time: the widest block above it, within CARD_LEVELS, of a
 *  card's words with no paragraph, no heading of the page and no player, that shows a still; null
 *  when none does (a running time in a playlist's line, or beside a track of a podcast's player). */
export function videoTeaserOf(stamp: Element): Element | null {
  return cardAround(stamp.parentElement, NOT_IN_A_CARD);
}

/** What a card holds none of: a paragraph, the page's heading, a player that plays, a caption. */
// A captioned picture is the story's, whatever stands beside it (a live blog's photo update).
const NOT_IN_A_CARD = 'p, h1, iframe, video, audio, figcaption';
const PLAYER_PARTS = 'h1, iframe, video, audio, figcaption';

function cardAround(parent: Element | null, notInCard: string): Element | null {
  let card: Element | null = null;
  for (let node = parent, level = 0; node && level < CARD_LEVELS; node = node.parentElement, level++) {
    if (node.localName === 'article' || node.localName === 'main' || node.localName === 'body' || node.localName === 'li') break;
    if (holdsMoreTextThan(node, CARD_TEXT) || node.querySelector(notInCard)) break;
    const stills = elementsByTag(node, 'img');
    // A still the size of a picture: an author's avatar beside a clock time makes no card.
    if (stills.length === 1 && isStill(stills[0]!)) card = node;
  }
  return card;
}

/** The most pixels on a side of an avatar or an icon, as its attributes declare it. */
const ICON_SIDE = 120;
const AVATAR = /avatar|profile|author/i;

/** A picture of the video's, not an avatar or an icon: its address may still be a lazy loader's
 *  (the chrome goes before pictures are read). */
function isStill(img: Element): boolean {
  if (AVATAR.test(img.getAttribute('class') ?? '') || AVATAR.test(img.getAttribute('src') ?? '')) return false;
  const side = (name: string) => Number.parseInt(img.getAttribute(name) ?? '', 10);
  return !(side('width') <= ICON_SIDE || side('height') <= ICON_SIDE);
}
