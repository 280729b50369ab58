// The lines a news page sets between its headline and its first paragraph, which Readability keeps
// as the text's opening: the date ("March 11, 2024 at 6:00 a.m. EDT", "Published 5:01 a.m. ET
// March 11, 2024 | Updated 9:12 a.m. ET", "11 March 2024 Updated an hour ago") and the byline
// ("By Harriet Vale") whose name Readability has already taken as the article's byline, or both on
// one line ("by Umair Irfan May 20, 2024, 7:00 AM EDT"), and a day named by its distance from today
// ("vandaag, 06:02"). The reader shows the byline and the date in the article's header. Only the lines before the first paragraph go: a date after
// the story (a short notice's "1 March 2024") may be all that says when it holds. A line about the
// writer there ("Elena Marsh writes about startups.", beside the byline) goes too, and the writer's
// post alone on its line ("Staff Writer"); one that ends
// the story ("Jo Park covers the council. Reach her at ...") is the paper's, and stays.
import { parseDate } from '../feeds';
import { ELEMENT_NODE, TEXT_NODE, holdsMoreTextThan } from './page-walk';
import { isCounterText } from './site-lines';
import { isWorldMetaLine } from './opening-lines-world';

/** Elements that hold lines: a line is an element with none of these inside it. (Names are
 *  compared in lower case: the wrappers Readability makes are "DIV".) */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figure', 'footer', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'main', 'ol', 'p', 'section', 'table', 'ul']);
/** What never is a meta line, and is passed over without ending the opening: a picture, a heading. */
const PASSED_OVER = new Set(['figure', 'picture', 'img', 'video', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);
const PICTURES = new Set(['figure', 'picture', 'img', 'video']);
/** The longest meta line: a date and an update's date, or a byline, never a paragraph. */
const META_LINE = 120;
/** Chinese, Japanese and Korean write in a character what Latin letters take several for (a
 *  Korean word is two or three syllables, an English one five or six letters and a space): a
 *  paragraph of theirs is a third as many characters long. */
const WIDE_CHARACTERS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WIDE_WEIGHT = 3;

/** A line's length as META_LINE counts it: its wide characters at WIDE_WEIGHT. */
function lineLength(text: string): number {
  return text.length + (text.match(WIDE_CHARACTERS)?.length ?? 0) * (WIDE_WEIGHT - 1);
}

/** How many lines the opening may have: a masthead's worth, not a whole page of short lines. */
const OPENING_LINES = 12;
/** Past this many characters (spaces and all), a line is a paragraph, a standfirst at most. */
const LONG_LINE = 600;

/** The labels and separators around a date line's dates, in the languages of most news sites; those
 *  of scripts with no word boundary to mark them (Korean's 입력 and 수정, Arabic's "آخر تحديث",
 *  Japanese and Chinese) after the separators. A word's edges are its letters' ("publié", "à":
 *  \b knows ASCII letters alone). */
const DATE_GLUE = /(?<![\p{L}\p{N}])(?:first published|published|last updated|updated|posted|last modified|modified|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|aangepast|bijgewerkt)(?![\p{L}\p{N}])(?:\s+(?:on|am|le|el|il|op))?|(?<![\p{L}\p{N}])(?:at|um|à)(?![\p{L}\p{N}])|[|·•]|(?:기사\s?입력|최종\s?수정|입력|수정|승인|업데이트|آخر تحديث|تاريخ النشر|نشر في|(?:公開|配信|更新)(?:日時?)?|(?:发布|發布|更新)(?:时间|時間)?)/giu;
/** "vandaag, 06:02", "Today at 9:14", "gestern, 18:30 Uhr": the day named by its distance from
 *  today, which news sites in most languages write for a story of the last two days. A date only
 *  with a time on its line: "hier" is Dutch for "here", "today" a word of many sentences. The
 *  connective a language sets before the time ("om", "a las", "alle") is part of it. */
const RELATIVE_DAY = /^(?:today|yesterday|vandaag|gisteren|heute|gestern|hier|aujourd['’]hui|hoy|ayer|oggi|ieri)(?:\s+(?:om|a las|alle))?$/iu;
/** A story's reading time set on its date's line ("4 min read", "Lesezeit: 3 Minuten"): the
 *  template's, as a counter is. */
const READING_TIME = /(?<![\p{L}\p{N}])(?:\d+\s*(?:min(?:ute)?s?|minuten|minutos|minuti)\.?\s+(?:read|reading|lesezeit|leestijd|de lecture|de lectura|di lettura)|(?:reading time|lesezeit|leestijd|temps de lecture|tiempo de lectura|tempo di lettura)\s*[:：]?\s*\d+\s*(?:min(?:ute)?s?|minuten|minutos|minuti)\.?)(?![\p{L}\p{N}])/giu;
/** "Updated an hour ago": when it was, not a date. */
const RELATIVE_TIME = /\b(?:an?|\d+)\s+(?:second|minute|hour|day|week)s?\s+ago\b|\bjust now\b/giu;
/** A time of day with its zone ("5:01 a.m. ET", "10.15 Uhr", "6 AM ET", French "06h30"), not the date's digits ("11.03.2024"). */
const TIME_OF_DAY = /(?<![\d.])\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?|uhr|h)(?![\p{L}\d])(?:\s*[A-Z]{2,4}\b)?|(?<![\d.])\d{1,2}[:.h]\d\d(?![\d.])(?:\s*[A-Z]{2,4}\b)?/giu;
/** What makes a piece a day rather than a bare number or year: a month's name or a date in digits
 *  (Korean papers space theirs: "2024. 8. 2."; Chinese, Japanese and Korean write 年 or 년 and 月 or 월;
 *  Yahoo! Japan's news writes the month, the day and the weekday: "3/11(月)"). */
const DAY_OF_YEAR = /\p{L}{3,}.*\d|\d.*\p{L}{3,}|\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{1,4}|\d{1,4}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}|\d{1,2}\/\d{1,2}\s?[(（][月火水木金土日][)）]/u;
/** A date's words are a weekday, a month and a zone at most: V8 reads a date out of a sentence too. */
const WORD = /\p{L}+/gu;
const DATE_WORDS = 3;
/** A person's name: a few words of letters, no digits ("Gwenaëlle LE GOFF", "정다은", "Ana López-Vidal"). */
const NAME = /^(?:by\s+)?\p{L}[\p{L}\p{M}'’.-]*(?:\s+\p{L}[\p{L}\p{M}'’.-]*){0,3}$/u;
/** A date's label (DATE_GLUE less its separators) opening what follows the name. */
const LABEL = /^[\s.,:;|·•–—-]*(?:first published|published|last updated|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|aangepast|bijgewerkt|기사\s?입력|입력|수정|آخر تحديث|تاريخ النشر|نشر في|公開|配信|更新|发布|發布)/iu;
/** A separator between a byline and its date. */
const SEPARATOR_AFTER = /^\s*[|·•–—]/u;
/** A section's name: a word or two, no digits. */
const RUBRIC = /^\p{L}+(?:[\s-]\p{L}+)?$/u;
/** "By", in the languages of most news sites. */
const BY = /^(?:by|von|par|por|di|door|av|af)\s+/i;
const DIGIT = /\d/;
const EDGE_PUNCTUATION = /^[\s,.:;–—-]+|[\s,.:;–—-]+$/gu;

/** What the page says of the article, to tell its lines by. */
export interface ArticleLines {
  /** The byline Readability found ("Harriet Vale"). */
  readonly byline: string | null;
  /** The page's description (<meta name="description">, og:description): the standfirst many
   *  pages set above the byline is the same text, and is no paragraph of the story. */
  readonly description: string | null;
  /** The page's headline (its <h1>), read before extraction. */
  readonly headline: string | null;
  /** The standfirst named on the page (standfirst.ts): set above the byline and date as often as
   *  below them, and no paragraph of the story either. */
  readonly standfirst?: string | null;
  /** The headline the page gives for sharing (og:title): the one a page with no <h1> of its own for
   *  the story shows (its <h1> the site's logo). */
  readonly sharedTitle?: string | null;
}

/** Removes the date and byline lines before the content's first paragraph (see above). A page
 *  with no paragraph after its short lines (a notice, a photo and its date) keeps them all. */
export function removeLeadingMetaLines(content: Element, page: ArticleLines): void {
  // The name alone: Readability's byline is the element's text, "By Peter Lund" on some pages.
  const bylineName = page.byline ? normalized(page.byline).replace(BY, '') || null : null;
  const description = page.description ? normalized(page.description) : null;
  const standfirst = page.standfirst ? normalized(page.standfirst) : null;
  const headlines = new Set([page.headline, page.sharedTitle].filter((title): title is string => !!title).map(words));
  // Gathered first, up to the first paragraph: a line removed would end the walk over its siblings.
  const opening: { line: Element; text: string }[] = [];
  const repeatedHeadlines: Element[] = [];
  const authorPictures: Element[] = [];
  let paragraphFollows = false;
  // Where a line as long as a paragraph stood, let through as the page's description: the first
  // paragraph of a short notice is often its description too (WordPress's SEO plugins take it).
  let describedAt = -1;
  // A headline stands above the picture: a line under one that says the same is its caption (Globo
  // captions a video with its story's headline).
  let pictureAbove = false;
  // A gallery's story is its pictures and their captions, with no paragraph at all: a captioned
  // picture after the opening's lines ends the opening as a paragraph would.
  let galleryFollows = false;
  for (const line of openingLines(content)) {
    const tag = line.localName.toLowerCase();
    if (PASSED_OVER.has(tag)) {
      if (HEADLINE_TAGS.has(tag) && headlines.has(words(line.textContent ?? ''))) repeatedHeadlines.push(line);
      else if (tag === 'img' && isAuthorPicture(line, bylineName)) authorPictures.push(line);
      else if (PICTURES.has(tag)) {
        pictureAbove = true;
        if (opening.length > 0 && tag === 'figure' && line.getElementsByTagName('figcaption').length > 0) galleryFollows = true;
      }
      continue;
    }
    // A line of many hundred characters is a paragraph, whatever it says: not joined to be read.
    const text = holdsMoreTextThan(line, LONG_LINE) ? null : spacedText(line);
    if (text && !pictureAbove && headlines.has(words(text))) {
      repeatedHeadlines.push(line);
      continue;
    }
    pictureAbove ||= line.getElementsByTagName('img').length > 0;
    if (text === '' && isAuthorPicture(line, bylineName)) authorPictures.push(line);
    if (text === null || (lineLength(text) > META_LINE && !isDescription(text, description) && !isDescription(text, standfirst))) {
      paragraphFollows = true;
      break;
    }
    if (text && describedAt < 0 && lineLength(text) > META_LINE) describedAt = opening.length;
    if (text && opening.push({ line, text }) > OPENING_LINES) return;
  }
  // A text of short lines and the description alone (a two-paragraph notice): the description is
  // its first paragraph, and only the lines above it are tested.
  if (!paragraphFollows && describedAt > 0) opening.splice(describedAt);
  else if (!paragraphFollows && !galleryFollows) return;
  for (const line of [...repeatedHeadlines, ...authorPictures]) line.remove();
  for (const { line, text } of opening) {
    if (isDateLine(text) || isCounterText(text) || (bylineName !== null && (isBylineLine(text, bylineName) || isWriterLine(text, bylineName) || WRITER_POST.test(text)))) line.remove();
    else if (isWorldMetaLine(text, bylineName)) line.remove();
  }
}

/** What a repeat of the headline is, at the text's opening: Readability keeps the page's <h1> as an
 *  <h2> when the page's <title> says more than it (a short headline, a long site name: "Calibrating
 *  a gauge - Harbour Data Handbook"), with its anchor's "¶" beside it; a page whose headline is no
 *  <h1> (Daum's <h3 class="tit_view">, a Korean CMS's <div class="article-head-title">) has it kept
 *  as it is. The reader shows the title. */
const HEADLINE_TAGS = new Set(['h1', 'h2', 'h3', 'h4']);

/** A text's words alone, in lower case: "Calibrating a gauge¶" and "Calibrating a gauge" are one. */
function words(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** What a byline's photo of its writer is called, when not by the writer's name. */
const AUTHOR_PICTURE_ALT = /^(?:author|avatar|author(?:'s)? (?:avatar|photo|picture|image)|profile (?:picture|photo|image)|headshot)$/i;

/** A line that is one picture of the writer beside the byline (beehiiv's alt="Author"): the reader
 *  shows the author's name, and the photo stood alone, column-wide, above the text. */
function isAuthorPicture(line: Element, byline: string | null): boolean {
  const images = line.localName.toLowerCase() === 'img' ? [line] : [...line.getElementsByTagName('img')];
  if (images.length !== 1) return false;
  const alt = normalized(images[0]!.getAttribute('alt') ?? '');
  return AUTHOR_PICTURE_ALT.test(alt) || (byline !== null && alt === byline);
}

/** The most a line about the writer says: a sentence. */
const WRITER_LINE = 250;
/** A sentence about the writer named in the byline: "Elena Marsh writes about startups.", "Jo Park
 *  is a reporter at …", "Jo Park covers the council." Short: a paragraph that says more is the story's. */
function isWriterLine(text: string, byline: string): boolean {
  if (text.length > WRITER_LINE || !text.startsWith(byline)) return false;
  return WRITER_VERB.test(text.slice(byline.length));
}

/** What follows the writer's name in such a line. */
const WRITER_VERB = /^\s+(?:is (?:a|an|the)\b|was (?:a|an|the)\b|writes\b|covers\b|reports on\b|edits\b)/;

/** The content's lines in document order: elements with no block inside, and pictures and headings whole. */
function* openingLines(element: Element): Generator<Element> {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE && (child as CharacterData).data.trim()) return;
    if (child.nodeType !== ELEMENT_NODE) continue;
    const block = child as Element;
    if (PASSED_OVER.has(block.localName.toLowerCase()) || !holdsBlocks(block)) yield block;
    else yield* openingLines(block);
  }
}

function holdsBlocks(element: Element): boolean {
  for (const child of element.children) if (BLOCKS.has(child.localName.toLowerCase())) return true;
  return false;
}

/** A line that is dates and their labels alone; or a writer's name, then a labelled date
 *  ("정다은 입력 2024. 8. 2. 09:31", "Gwenaëlle LE GOFF. Publié le 14/06/2024 à 06h30"): the page's
 *  byline and date set on one line, whether or not Readability took the name for the byline. */
function isDateLine(text: string): boolean {
  if (!DIGIT.test(text)) return false;
  const pieces = text.replace(RELATIVE_TIME, '|').replace(READING_TIME, '|').split(DATE_GLUE).map((piece) => piece.replace(EDGE_PUNCTUATION, ''));
  // split() keeps what lies before the first label as the first piece: a name there needs a label after it.
  // Or a name after "By", then a separator: "Von Frank Ebert · 12.03.2024".
  if (pieces.length > 1 && NAME.test(pieces[0]!) && (LABEL.test(text.slice(pieces[0]!.length)) || (BY.test(pieces[0]!) && SEPARATOR_AFTER.test(text.slice(pieces[0]!.length))))) pieces.shift();
  const timed = text.search(TIME_OF_DAY) >= 0;
  let dates = 0;
  let rubric = false;
  for (const piece of pieces) {
    if (!piece) continue;
    const day = piece.replace(TIME_OF_DAY, ' ').replace(EDGE_PUNCTUATION, '').replace(/\s+/g, ' ');
    // A time of its own ("March 11, 2024 at 6:00 a.m."): the date is the piece before it.
    if (!day) continue;
    // The story's counts set on its date's line ("3/11(月) 7:00 配信 コメント42件").
    if (isCounterText(day)) continue;
    if (timed && RELATIVE_DAY.test(day)) {
      dates++;
      continue;
    }
    // The section's name set between the date and the counts ("11.03.2024 12:05 | Культура |
    // Просмотров: 1287"), once: the line says when and where the story ran, not what it says.
    if (!rubric && dates > 0 && RUBRIC.test(day)) {
      rubric = true;
      continue;
    }
    if (!DAY_OF_YEAR.test(day) || (day.match(WORD) ?? []).length > DATE_WORDS || parseDate(day) === null) return false;
    dates++;
  }
  return dates > 0;
}

/** "By Harriet Vale", the name alone, or with the writer's post ("Ana López, Lecturer in Ecology"):
 *  the byline Readability took from the page. In capitals too (the Daily Mail's "By HARRIET
 *  VALE"), and after the desk's name (ABC Australia's "ABC Rural / By Harriet Vale"). */
function isBylineLine(text: string, byline: string): boolean {
  const name = text.replace(DESK_BEFORE_BY, '').replace(BY, '');
  const wanted = byline.toLowerCase();
  const lower = name.toLowerCase();
  if (lower === wanted || lower.startsWith(`${wanted},`) || lower.startsWith(`${wanted} ,`)) return true;
  // The byline and the date on one line ("by Umair Irfan May 20, 2024, 7:00 AM EDT", "Mihaela
  // Stan 14.11.2024 12:30", "Von Frank Ebert · 12.03.2024"): the reader shows both in its header.
  if (!lower.startsWith(wanted)) return false;
  const rest = name.slice(wanted.length);
  return BYLINE_DATE_GAP.test(rest) && isDateLine(rest.replace(BYLINE_DATE_GAP, ''));
}

/** What stands between a byline and the date after it: a space, a separator. */
const BYLINE_DATE_GAP = /^\s*[|·•–—,]?\s+|^\s*[|·•–—,]/u;

/** A desk's or an agency's name and a separator before "By": "ABC Rural / By", "Reuters | By". */
const DESK_BEFORE_BY = /^[^/|·•]{1,40}\s[/|·•]\s(?=(?:by|von|par|por|di|door|av|af)\s)/i;

/** A writer's post alone on its line under the byline ("Staff Writer", "Senior Reporter",
 *  "Contributor"): the template's, beside the name the reader shows. */
const WRITER_POST = /^(?:(?:senior|chief|staff|contributing|special|political|foreign|deputy|associate|national|investigative|local|business|science|sports?|health|food|travel|tech(?:nology)?)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|photographer|journalist)$/i;

/** How much of two texts' openings must agree for one to be the other (a standfirst and the page's
 *  description: the same text, or one cut short). */
const SAME_OPENING = 60;

/** Whether one text is the other, or the other cut short (by their first SAME_OPENING characters). */
export function sameOpening(text: string, other: string): boolean {
  return text.startsWith(other.slice(0, SAME_OPENING)) || other.startsWith(text.slice(0, SAME_OPENING));
}

function isDescription(text: string, description: string | null): boolean {
  return description !== null && sameOpening(text, description);
}

/** A line's text with its parts spaced apart: a date and its update set side by side as spans
 *  ("March 11, 2024<span>10:41 AM GMT</span><span>Updated an hour ago</span>") read as one word. */
function spacedText(line: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) parts.push((child as CharacterData).data);
      else if (child.nodeType === ELEMENT_NODE) {
        parts.push(' ');
        walk(child);
        parts.push(' ');
      }
    }
  };
  walk(line);
  return normalized(parts.join(''));
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
