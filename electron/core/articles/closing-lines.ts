// The lines a news site's template sets after a story's last paragraph, inside its body, that
// Readability keeps for sitting there: the reporter's bare address (Yonhap's "dedanhi@yna.co.kr",
// which Daum and Naver print as the body's last paragraph), the rights line a Korean CMS writes
// after <br>s ("저작권자 © 한빛일보 무단전재 및 재배포 금지"), the label of a video playlist the copy
// does not have (Globo g1's "VÍDEOS: tudo sobre Campinas e Região" over a Globoplay player) and
// the pointer to the site's section ("Veja mais notícias da região no g1 Campinas."), a press
// release's end mark ("###", "-30-") and the disclaimer of the platform hosting it, naming itself
// ("Disclaimer: AAAS and EurekAlert! are not responsible…"). Only the
// story's last lines are read, from the end back, and the first line that is none of these ends
// the walk: the same words inside the story are the story's.
//
// A sign-off that names its writer ("김지현 기자 jihyun.kim@…", "Jo Park covers the council") is the
// byline written where the paper writes it, and stays: it says who wrote the story, and a Korean
// page's byline at the top is often in the template, which the copy leaves out. An address alone
// says nothing a reader reads; a rights line is the site's.
import { isRightsLine } from './page-cleanup';
import { ELEMENT_NODE, TEXT_NODE, holdsMoreTextThan } from './page-walk';

/** Elements that hold lines: a line is an element with none of these inside it. */
const BLOCKS = new Set(['article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figure', 'footer', 'header', 'li', 'main', 'ol', 'p', 'section', 'table', 'ul']);
/** What ends the walk as it is: the story's own pictures, players and tables. */
const STORY_PARTS = new Set(['figure', 'picture', 'img', 'video', 'iframe', 'table', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** How many closing lines a template adds at most: more is the story's. */
const CLOSING_LINES = 4;
/** A closing line is a line, never a paragraph. */
const CLOSING_LINE_TEXT = 160;

/** Removes the template's closing lines (see above) from the end of the extracted content. */
export function removeClosingSiteLines(content: Element, siteName: string | null = null): void {
  const closing: Element[] = [];
  for (const line of closingLines(content)) {
    if (!(isSiteClosingLine(line) || isSiteDisclaimer(line, siteName)) || closing.push(line) > CLOSING_LINES) break;
  }
  // Something of the story must stay above them: a copy that is nothing else keeps them.
  if (closing.length > CLOSING_LINES || closing.length === 0) return;
  for (const line of closing) line.remove();
}

/** Whether a line at the story's end is the site's: an address alone, a rights line, a playlist's
 *  label with no videos after it, a pointer to the site's section. */
function isSiteClosingLine(line: Element): boolean {
  if (holdsMoreTextThan(line, CLOSING_LINE_TEXT)) return false;
  const text = (line.textContent ?? '').replace(/\s+/g, ' ').trim();
  return isAddressAlone(text) || isRightsLine(line) || isPlaylistLabel(line, text) || isSectionPointer(line, text) || END_MARK.test(text);
}

/** The mark a press release ends with ("###", "# # #", "-30-", "ENDS"): the typesetter's, not a word. */
const END_MARK = /^(?:#\s*){3}$|^-\s*30\s*-$|^-?\s*ends\s*-?$/i;

/** The most an end mark's line holds, spaces and all. */
const END_MARK_TEXT = 12;

/** A paragraph that is an end mark alone, wherever it stands: a release's "###" is followed by the
 *  organisation's "About …" paragraph, which the walk from the end reads as the story's, and
 *  stops there. Asked of every <p> by the walk of findPageParts: its one text node, short. */
export function isEndMarkLine(paragraph: Element): boolean {
  const text = paragraph.firstChild;
  if (text === null || text !== paragraph.lastChild || text.nodeType !== TEXT_NODE) return false;
  const value = text.nodeValue ?? '';
  return value.length <= END_MARK_TEXT && END_MARK.test(value.trim());
}

/** A platform's disclaimer is a few sentences, never a story. */
const DISCLAIMER_TEXT = 400;
const DISCLAIMER = /^\s*disclaimer\s*[:.]/i;

/** "Disclaimer: AAAS and EurekAlert! are not responsible for the accuracy of news releases posted
 *  to EurekAlert!…": the platform's word about what it hosts, naming itself, after the text it hosts. */
function isSiteDisclaimer(line: Element, siteName: string | null): boolean {
  if (siteName === null || holdsMoreTextThan(line, DISCLAIMER_TEXT)) return false;
  const text = line.textContent ?? '';
  return DISCLAIMER.test(text) && text.toLowerCase().includes(siteName.toLowerCase());
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** What sits between addresses: brackets, separators, an "e-mail" label. */
const ADDRESS_GLUE = /^[\s()[\]<>/|,;:·•=-]*(?:e-?mail|이메일|メール|邮箱|почта)?[\s()[\]<>/|,;:·•=-]*$/iu;

/** One or more e-mail addresses and nothing else: the reporter's contact, not a sentence. */
function isAddressAlone(text: string): boolean {
  return EMAIL.test(text) && ADDRESS_GLUE.test(text.replace(EMAIL, ' '));
}

/** "VÍDEOS:", "VÍDEO:", "Vídeos mais assistidos", "ВИДЕО:", "VIDEO:": the label g1, Clarín and
 *  regional papers set over a playlist of their clips. */
const PLAYLIST_LABEL = /^(?:v[íi]deos?|видео|βίντεο|wideo|videa|filmy)(?:\s*[:：]|\s+(?:mais (?:assistidos|vistos)|más vistos|del día|do dia))/iu;

/** A label in bold alone on its line (the whole line is <strong> or <b>): the playlist it names is
 *  a script's player, which the copy does not have, since the walk reached it from the end. */
function isPlaylistLabel(line: Element, text: string): boolean {
  if (!PLAYLIST_LABEL.test(text)) return false;
  const bold = [...line.querySelectorAll('strong, b')].map((node) => node.textContent ?? '').join('');
  return bold.replace(/\s+/g, ' ').trim() === text;
}

/** "Veja mais notícias da região no g1 Campinas", "Leia mais notícias sobre …", "Más noticias de …
 *  en …", "More news from … at …", "Mehr Nachrichten aus … auf …": a line sending the reader to
 *  the site's section, its name the link. */
const SECTION_POINTER = /^(?:(?:veja|leia|confira|acompanhe) (?:mais |outras |as )?(?:notícias|reportagens)|(?:lee |lea |vea )?más noticias|more (?:news|stories) (?:from|about|on)|mehr nachrichten|plus d['’]actualités|altre notizie|meer nieuws)\b/iu;

/** A section pointer: its words open so, and it ends in a link (the section's name). */
function isSectionPointer(line: Element, text: string): boolean {
  if (!SECTION_POINTER.test(text)) return false;
  const links = line.getElementsByTagName('a');
  return links.length === 1 && text.replace(/[\s.!]+$/, '').endsWith((links[0]!.textContent ?? '').trim());
}

/** The content's lines from the last one back, skipping empty ones; a story part ends them (the
 *  generator then returns true, for the wrappers around it to end too). */
function* closingLines(element: Element): Generator<Element, boolean> {
  for (let child = element.lastChild; child; child = child.previousSibling) {
    if (child.nodeType === TEXT_NODE) {
      if ((child as CharacterData).data.trim()) return true;
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const block = child as Element;
    if (STORY_PARTS.has(block.localName.toLowerCase())) return true;
    if (holdsBlocks(block)) {
      if (yield* closingLines(block)) return true;
      continue;
    }
    if (block.querySelector('img, video, iframe, picture')) return true;
    if ((block.textContent ?? '').trim() !== '') yield block;
  }
  return false;
}

function holdsBlocks(element: Element): boolean {
  for (const child of element.children) if (BLOCKS.has(child.localName.toLowerCase())) return true;
  return false;
}
