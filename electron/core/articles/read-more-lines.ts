// The lines and boxes newsrooms put between a story's paragraphs to send the reader to another of
// their stories: "Read more: <link>", "Lesen Sie auch: <link>", "Baca juga: <link>", "İLGİLİ HABER",
// "আরও পড়ুন", and a label alone over a list of links ("LEIA TAMBÉM:"). Readability keeps them,
// as short paragraphs inside the story's block. Each is told by its shape (a label phrase, then
// links and nothing else) and by the label, in the languages where newsrooms write it; a story's
// own sentence that starts with those words goes on with words that are no link.
import { elementsByTag, firstText, holdsTextAlone, linkedLength, textLength } from './page-walk';
import { WORLD_READ_MORE_BARE_WORDS, WORLD_READ_MORE_WORDS } from './read-more-world-labels';

/** The most words a block of links to other stories holds (a few headlines and their teasers),
 *  spaces aside: never an article's text. */
export const RELATED_BLOCK_TEXT = 800;
/** Each story's card in such a block has a link to it; its teaser and date make the rest. */
const CARD_LINK_SHARE = 0.25;

/** A short block of two or more links to other pages, each with a few words beside it at most,
 *  or each linked twice or more: a card links its story from its picture and its title, or its
 *  title and its "Read more" (Squarespace's summary block), however long the teaser between them. */
export function isCardsOfLinks(block: Element): boolean {
  const text = textLength(block);
  if (text === 0 || text > RELATED_BLOCK_TEXT) return false;
  const links = new Map<string | null, number>();
  for (const link of elementsByTag(block, 'a')) links.set(link.getAttribute('href'), (links.get(link.getAttribute('href')) ?? 0) + 1);
  if (links.size < 2) return false;
  return linkedLength(block) >= text * CARD_LINK_SHARE || [...links.values()].every((count) => count >= 2);
}

/** The labels newsrooms put before a link to another of their stories, in the languages of most
 *  feeds (Axios's "Go deeper:" too), and the colon after them: Brazil's "Veja também:" too, and Argentina's voseo ("Leé
 *  también", "Mirá también", Clarín's and TN's). */
const READ_MORE_WORDS = String.raw`(?:read(?: more| also| next)?|also read|more|go deeper|dig deeper|related(?: stories| story| articles?| coverage| content)?|see also|recommended|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|lea también|te puede interesar|lees ook|leggi anche|leia (?:também|mais)|veja também|mirá también|${WORLD_READ_MORE_WORDS})`;
/** Labels that say it without a colon too, as sites in these languages write them: in Russian,
 *  Ukrainian, Polish, Czech, Indonesian, Turkish, Swedish, Norwegian, Danish, Finnish, Greek,
 *  Romanian, Swahili, Vietnamese, Hindi, Bengali, Urdu, Persian, Thai, Hebrew, Arabic,
 *  Japanese (in its brackets: 【関連記事】), Chinese and Korean, and French and Spanish. Turkish
 *  capitals keep their dot ("İLGİLİ HABER"), which a case-blind match does not take for an "i". */
const READ_MORE_BARE_WORDS = String.raw`(?:(?:à )?lire aussi|le[eé] también|читайте (?:также|тоже|також)|смотрите также|czytaj (?:także|też|również)|zobacz (?:też|także)|přečtěte si (?:také|též)|čtěte (?:také|též)|baca juga|ayrıca okuyun|läs (?:också|även)|les også|læs også|lue myös|διαβάστε (?:επίσης|ακόμα|ακόμη)|cite[sșş]te (?:[sșş]i)|soma pia|[iİ]lg[iİ]l[iİ] haber(?:ler)?|xem thêm|đọc thêm|(?:ये|यह|इसे) भी पढ़ें|আর[ওো] পড়ুন|(?:یہ بھی|مزید) پڑھیں|بیشتر بخوانید|อ่าน(?:เพิ่มเติม|ข่าวที่เกี่ยวข้อง)|קראו (?:עוד|גם)|اقرأ (?:أيضاً?|أيضًا|المزيد)|طالع (?:أيضاً?|أيضًا)|[【\[]?関連(?:記事|ニュース)?[】\]]?|相[关關](?:阅读|閱讀|新闻|新聞)|延伸(?:阅读|閱讀)|推荐阅读|관련\s?기사|${WORLD_READ_MORE_BARE_WORDS})`;
const READ_MORE_LABEL = new RegExp(String.raw`^\s*(?:${READ_MORE_WORDS}\s*[:：|]|${READ_MORE_BARE_WORDS}\s*[:：|]?)\s*`, 'i');
/** The same words opening a paragraph's first text, their colon there or in the next element.
 *  India's and South Africa's newsrooms set a bar where others set the colon ("Also Read | <link>",
 *  "ALSO READ |": the Hindustan Times', Mint's, News24's). */
const READ_MORE_OPENING = new RegExp(String.raw`^\s*(?:${READ_MORE_WORDS}\s*(?:[:：|]|$)|${READ_MORE_BARE_WORDS})`, 'i');
/** The most a label's line holds besides its link: a headline's length, not a paragraph's. */
const READ_MORE_TEXT = 250;

/** The same label on a line of its own ("LEIA TAMBÉM:", "Read more"), nothing after it. */
const READ_MORE_LABEL_ALONE = new RegExp(String.raw`^\s*(?:${READ_MORE_WORDS}|${READ_MORE_BARE_WORDS})\s*[:：]?\s*$`, 'i');

/** The blocks a page builder wraps each of a story's parts in: a label's own wrapper is one of
 *  these when the label is all it holds. */
const WRAPPERS = new Set(['div', 'section']);

/**
 * A label alone in a paragraph (or a <div> written as one) and the links to other stories just
 * after it, to be removed together; null for anything else. The links are a list ("LEIA TAMBÉM:"
 * over bullets, on Brazilian and Spanish-language sites; "READ MORE:" on English ones), or one
 * block that is all link (a headline under "আরও পড়ুন"). Page builders wrap each part of the story
 * in a block of its own (Globo's `mc-column`, Quintype's `story-element`): the links are then
 * after the wrapper the label fills alone.
 */
export function readMoreBox(label: Element): Element[] | null {
  const first = firstText(label);
  if (first === null || !READ_MORE_OPENING.test(first)) return null;
  if (label.localName === 'div' && !holdsTextAlone(label)) return null;
  if (!READ_MORE_LABEL_ALONE.test(label.textContent ?? '')) return null;
  let own = label;
  const length = textLength(label);
  while (own.nextElementSibling === null && own.parentElement && WRAPPERS.has(own.parentElement.localName) && textLength(own.parentElement) === length) own = own.parentElement;
  const links = own.nextElementSibling;
  return links !== null && (isListOfLinks(links) || isOneLinkBlock(links)) ? [own, links] : null;
}

/** A list of links to stories, or a wrapper holding one and nothing else. */
function isListOfLinks(block: Element): boolean {
  let list: Element | null = block;
  while (list && WRAPPERS.has(list.localName) && list.children.length === 1) list = list.firstElementChild;
  return list !== null && (list.localName === 'ul' || list.localName === 'ol') && textLength(list) === textLength(block) && isCardsOfLinks(list);
}

/** A headline's block that is one link and nothing else. */
function isOneLinkBlock(block: Element): boolean {
  if (!WRAPPERS.has(block.localName) && block.localName !== 'p') return false;
  const links = elementsByTag(block, 'a');
  const text = textLength(block);
  return links.length === 1 && text > 0 && text <= READ_MORE_TEXT && linkedLength(block) === text;
}

/** A paragraph of a label ("Read more:", "READ MORE:", "Lire aussi :") and a link to another
 *  story, its headline: nearly all its words after the label are the link's. Also such a block
 *  written as a <div> (Quintype's "also read" element: the label and the headline in one link). */
export function isReadMoreLine(paragraph: Element): boolean {
  const first = firstText(paragraph);
  if (first === null || !READ_MORE_OPENING.test(first)) return false;
  const text = (paragraph.textContent ?? '').trim();
  const label = READ_MORE_LABEL.exec(text);
  if (!label || text.length > READ_MORE_TEXT) return false;
  const rest = text.slice(label[0].length).replace(/\s+/g, '').length;
  return rest > 0 && linkedLength(paragraph) >= rest * 0.8;
}
