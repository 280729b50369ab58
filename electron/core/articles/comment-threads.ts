// A page's comment thread told by its shape, not its names. page-cleanup.ts removes the sections
// named as WordPress and most themes name them (#comments, .comment-list), and Readability the
// elements whose names say "comment"; but React and Tailwind sites name them with hashes
// ("c-3f9a", "mt-8 space-y-6"), others in their own words ("responses", "kommentare", "reacties"),
// and a long thread under a short story then holds the most prose on the page: the comments were
// stored as the article. The reader shows the discussion itself (comment-page.ts reads it from
// the raw page), so the thread goes before extraction, found as every commenting system writes it:
// - a run of sibling items that each carry a "Reply" action (a link or button in the reader's
//   language): no story's paragraphs, a Q&A's answers, a live blog's updates or a list of quotes
//   carry one each;
// - or sibling items marked as comments whatever their classes: ids as comment systems number
//   them (WordPress's comment-12, li-comment-12, div-comment-12), schema.org's Comment
//   microdata, or a text the page's JSON-LD lists as a Comment's; such items beside the post they
//   answer (a forum topic's replies beside its opening post) go one by one;
// - or a list under a heading that counts comments ("12 comments", "12 Kommentare", "Одговори
//   (4)") whose items are each dated, as comments are and a story's blocks mostly are not;
// - or a list (<ol>, <ul>) whose items are each dated and carry an avatar from Gravatar: the
//   commenter's picture WordPress shows on every comment, whatever the theme (Divi, OceanWP) names
//   it, and which stays on an older post's thread when comments are closed and its Reply links
//   gone. A live blog's entries may be avatared list items too (its writers' Gravatars), but
//   each has its title, as letters do; a comment has none.
// With the list goes what surrounds it and nothing else: its heading ("12 Kommentare"), its sort
// buttons, "Load more", and the reply form (a form with a text box) beside it.
// A forum topic (XenForo, vBulletin) writes its opening post as the first of its posts, with the
// same Reply action as the replies: the item whose text holds the opening of the page's own
// articleBody (its JSON-LD, which search engines read) is the article, and only the other items go.
// Taking the whole list left a XenForo thread's article as "Thread starter ... Start date ...".

import { ELEMENT_NODE, TEXT_NODE, holdsMoreTextThan, textLength } from './page-walk';
import { isSchemaComment } from './schema-comments';
import { systemComments } from './system-threads';

/** Two comments make a thread: no story's blocks carry a Reply action or a comment's number. */
const MIN_ITEMS = 2;
/** How far above its Reply action or its mark a comment's item may stand (ol > li > article >
 *  footer > div > span > a is five). */
const MAX_ITEM_DEPTH = 8;
/** How much of a list's marked items' text their marked comments must be: the items of a block
 *  whose comments hang under something else (a Q&A site's answers, each with its comments) are
 *  not comments. */
const MARKED_SHARE = 0.5;
/** A list is the thread when its items hold nearly all its text: what else it holds (a heading,
 *  a "Load more") is this long at most, spaces aside, or this share of it. */
const LIST_OTHER_TEXT = 300;
const LIST_OTHER_SHARE = 0.25;
/** The section around the thread holds its heading, sort and "Load more" buttons and the reply
 *  form's labels (whose own text is not counted): this much beside them, spaces aside. */
const SECTION_OTHER_TEXT = 200;
const MAX_SECTION_LEVELS = 4;
/** The text an action's label may have: "Reply", "↩ Antworten (3)". */
const ACTION_TEXT = 30;
/** A comment says something: its item's text, on average, is at least this long (spaces aside). */
const MIN_ITEM_TEXT = 20;

/** "Reply" in the languages of most feeds, as comment systems label the action. */
const REPLY_LABEL =
  /^(?:reply|respond|antworten|beantworten|répondre|repondre|responder|rispondi|reageer|reageren|beantwoorden|odpowiedz|odpovědět|odpovedať|odgovori|одговори|ответить|відповісти|svara|svare|svar|vastaa|válasz|válaszolás|yanıtla|cevapla|απάντηση|απάντησε|回复|回覆|回應|返信|답글|답글달기|رد|הגב|השב|balas|trả lời|ตอบกลับ)$/iu;
/** WordPress's comment-12, li-comment-12, div-comment-12 (Genesis's article-comment-12), many
 *  systems' comment_12. */
const COMMENT_ID = /^(?:(?:li|div|article)-)?comment[-_]?\d+$/i;
/** "12 comments", "Top comments (12)", "One comment", OceanWP's "This Post Has 12 Comments", "12 Kommentare", "12 commentaires", "12
 *  comentarios", "12 commenti", "12 reacties", "12 komentarzy", "12 комментариев", "Одговори (4)",
 *  "12 条评论", "コメント 12件", "댓글 12": a count and the word, either way round. */
const COUNT_WORDS = String.raw`comments?|responses?|replies|reactions?|kommentare?|leserkommentare|commentaires?|réactions?|comentarios?|comentários?|commenti|reacties|komentarz[ey]?|komentář[eů]?|комментари[йяев]?|коментар[іиа]?|коментара|одговор[аи]?|yorum(?:lar)?|评论|評論|留言|コメント|댓글`;
const COUNT_HEADING = new RegExp(
  String.raw`^(?:(?:this|the) (?:post|article|entry|story) has )?(?:(?:\d+|one|ein|un|una|uno)\s*(?:条|件|개)?\s*(?:${COUNT_WORDS})|(?:(?:top|all|latest|readers?|reader’s)\s+)?(?:${COUNT_WORDS})\s*[:(（]?\s*\d+\s*(?:条|件|개)?[)）]?)$`,
  'iu',
);
/** WordPress themes' "5 thoughts on “Title”", "One response to “Title”": the post's title after it. */
const COUNT_ON_TITLE = /^(?:\d+|one)\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?)\s+(?:on|to)\s+["“«„]/i;
/** Divi heads its thread with an <h1> ("2 Comments"). */
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4']);
/** How many siblings after a count heading its list may be: a sort menu, a "Be kind" note between. */
const LIST_AFTER_HEADING = 3;
/** A count heading is short: "1.234 Kommentare" at most with a word of its own; with the post's
 *  title after it, a title's length. */
const HEADING_TEXT = 40;
const HEADING_WITH_TITLE_TEXT = 250;
/** A comment's date: its <time>, else a date in its text as comment systems write it. */
const DATE_TEXT = /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\bago\b|\bvor \d|\bil y a\b|\bhace \d|назад|\d\s*(?:分钟|小时|天|日|分|時間)前/iu;
/** How much of a comment's text is compared with the JSON-LD's: enough to be its own. */
const LISTED_OPENING = 60;
/** The fewest characters of an articleBody's opening that tell its post among a list's items. */
const MIN_ARTICLE_OPENING = 30;
const COMMENT_TYPE = /schema\.org\/(?:Comment|UserComments)\/?$/i;
/** Gravatar's avatar address (secure.gravatar.com, 0.gravatar.com, ...), as WordPress writes it. */
const GRAVATAR = /^(?:https?:)?\/\/(?:[\w-]+\.)?gravatar\.com\/avatar\//i;
const LIST_TAGS = new Set(['ol', 'ul']);

/** Removes the page's comment threads that no name gave away (see the top of the file); never
 *  what holds the page's headline or its <main>, nor the item that is the page's own article.
 *  `commentTexts`: the comments' texts the page's JSON-LD lists (script-rendered.ts
 *  structuredCommentTexts); `articleBody`: the JSON-LD's articleBody (structuredArticleBody);
 *  `html`: the page's source, which tells whether a comment system's marks are in it at all. */
export function removeCommentThreads(doc: Document, headline: Element | null, commentTexts: readonly string[], articleBody: string | null, html: string): void {
  const body = doc.body;
  if (!body) return;
  // A comment system's own comments (Hacker News, Reddit, Lobsters, phpBB: system-threads.ts),
  // known by its markup: some carry no Reply action a signed-out page shows, or stand deeper
  // below it than a thread is looked for.
  for (const comment of systemComments(doc, html)) if (comment.isConnected && !holdsTheArticle(comment, headline)) comment.remove();
  // Compared by their first paragraph: the page writes each in a <p> of its own.
  const listed = new Set(commentTexts.map((text) => opening(text.trim().split(/\n/)[0]!)));
  // Each list, with the children of it that hold a Reply action (or a comment's mark).
  const replyable = new Map<Element, Set<Element>>();
  const marked = new Map<Element, Set<Element>>();
  const markedComments = new Set<Element>();
  const counted = new Map<Element, Set<Element>>();
  const avatared = new Map<Element, Set<Element>>();
  for (const element of body.querySelectorAll('*')) {
    const tag = element.localName;
    if ((tag === 'a' || tag === 'button') && isReplyAction(element)) climb(element, replyable, body);
    else if (isMarkedComment(element) || (listed.size > 0 && isListedText(element, listed))) {
      markedComments.add(element);
      climb(element, marked, body);
    }
    else if (HEADING_TAGS.has(tag) && isCountHeading(element)) datedList(element, counted);
    else if (tag === 'img' && isGravatar(element)) climb(element, avatared, body);
  }
  const lists = [
    ...threadLists(replyable),
    ...threadLists(marked).filter((list) => mostlyMarked(marked.get(list)!, markedComments)),
    ...threadLists(counted),
    ...threadLists(avatared).filter((list) => LIST_TAGS.has(list.localName) && [...avatared.get(list)!].every((item) => isDated(item) && !hasTitle(item))),
  ];
  const article = articleOpening(articleBody);
  for (const list of lists) {
    if (lists.some((other) => other !== list && other.contains(list)) || !list.isConnected) continue;
    if (holdsTheArticle(list, headline)) continue;
    const items = [replyable, marked, counted, avatared].map((found) => found.get(list)).find((found) => found !== undefined)!;
    const post = article === null ? undefined : [...items].find((item) => opening(item.textContent ?? '', Infinity).includes(article));
    if (post) {
      for (const item of items) if (item !== post) item.remove();
    } else {
      sectionOf(list, body, headline).remove();
    }
  }
  for (const reply of markedReplies(marked, markedComments)) if (reply.isConnected && !holdsTheArticle(reply, headline)) reply.remove();
}

/** The marked comments written as siblings of what they answer: a forum topic (Discourse) writes
 *  its opening post and its replies side by side, only the replies marked as Comments, so their
 *  list holds the post's text too and is no thread (threadLists); the replies go one by one. Only
 *  siblings that are each marked themselves, enough of them, each saying something. */
function markedReplies(marked: Map<Element, Set<Element>>, markedComments: ReadonlySet<Element>): Element[] {
  const replies: Element[] = [];
  for (const items of marked.values()) {
    if (items.size < MIN_ITEMS) continue;
    const own = [...items];
    if (own.every((item) => markedComments.has(item) && textLength(item) >= MIN_ITEM_TEXT)) replies.push(...own);
  }
  return replies;
}

function isReplyAction(element: Element): boolean {
  if (holdsMoreTextThan(element, ACTION_TEXT)) return false;
  const label = letters(element.textContent ?? '') || letters(element.getAttribute('aria-label') ?? '').split(' ')[0]!;
  return REPLY_LABEL.test(label);
}

function isMarkedComment(element: Element): boolean {
  const id = element.getAttribute('id');
  if (id !== null && COMMENT_ID.test(id)) return true;
  const type = element.getAttribute('itemtype');
  // schema.org's Comment, or a forum's reply as schema-comments.ts reads one (Discourse's older
  // crawler view writes each post a DiscussionForumPosting of its own).
  return type !== null && (COMMENT_TYPE.test(type) || (type.includes('DiscussionForumPosting') && isSchemaComment(element)));
}

/** A paragraph (or a <div> of text) that opens as a comment the JSON-LD lists. */
function isListedText(element: Element, listed: ReadonlySet<string>): boolean {
  const tag = element.localName;
  if (tag !== 'p' && !(tag === 'div' && element.firstChild?.nodeType === TEXT_NODE)) return false;
  return listed.has(opening(element.textContent ?? ''));
}

/** A comment's first words, as the JSON-LD and the page both write them (a text's first paragraph). */
function opening(text: string, length = LISTED_OPENING): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, length);
}

/** The first words of the page's articleBody, without the "..." of one cut short; null when too
 *  few to tell its post by. */
function articleOpening(articleBody: string | null): string | null {
  const words = opening((articleBody ?? '').replace(/(?:\.{3}|…)\s*$/, '')).trim();
  return words.length >= MIN_ARTICLE_OPENING ? words : null;
}

function hasTitle(item: Element): boolean {
  return item.querySelector('h1, h2, h3, h4, h5, h6') !== null;
}

/** An avatar from Gravatar, in its src or where a lazy loader keeps it. */
function isGravatar(img: Element): boolean {
  return GRAVATAR.test(img.getAttribute('src') ?? '') || GRAVATAR.test(img.getAttribute('data-src') ?? '') || GRAVATAR.test(img.getAttribute('data-lazy-src') ?? '');
}

function isCountHeading(heading: Element): boolean {
  if (holdsMoreTextThan(heading, HEADING_WITH_TITLE_TEXT)) return false;
  const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
  return COUNT_ON_TITLE.test(text) || (text.length <= HEADING_TEXT && COUNT_HEADING.test(text));
}

/** Records the list after a count heading, with its dated items: one of the heading's next
 *  siblings, or its header's (a sort button may stand between). */
function datedList(heading: Element, lists: Map<Element, Set<Element>>): void {
  for (let from: Element | null = heading, level = 0; from && level < 2; from = from.parentElement, level++) {
    let list = from.nextElementSibling;
    for (let step = 0; list && step < LIST_AFTER_HEADING; step++, list = list.nextElementSibling) {
      const items = [...list.children].filter(isDated);
      if (items.length < MIN_ITEMS) continue;
      lists.set(list, new Set(items));
      return;
    }
  }
}

function isDated(item: Element): boolean {
  return item.getElementsByTagName('time').length > 0 || DATE_TEXT.test(item.textContent ?? '');
}

/** The words of a label, without its arrows, icons' glyphs and counts, in lower case. */
function letters(text: string): string {
  return text.replace(/[^\p{L}\p{M}\s]/gu, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Records, for each ancestor of `element` up to MAX_ITEM_DEPTH, which of its children holds it. */
function climb(element: Element, lists: Map<Element, Set<Element>>, body: Element): void {
  let child = element;
  for (let level = 0; level < MAX_ITEM_DEPTH; level++) {
    const parent = child.parentElement;
    if (!parent || parent === body) return;
    let items = lists.get(parent);
    if (!items) lists.set(parent, (items = new Set()));
    items.add(child);
    child = parent;
  }
}

/** The lists with enough items, whose items are nearly all the list holds and say something. */
function threadLists(lists: Map<Element, Set<Element>>): Element[] {
  const threads: Element[] = [];
  for (const [list, items] of lists) {
    if (items.size < MIN_ITEMS) continue;
    const itemText = [...items].reduce((sum, item) => sum + textLength(item), 0);
    const other = textLength(list) - itemText;
    if (other > Math.max(LIST_OTHER_TEXT, LIST_OTHER_SHARE * textLength(list))) continue;
    if (itemText < MIN_ITEM_TEXT * items.size) continue;
    threads.push(list);
  }
  return threads;
}

/** Whether the marked comments in a list's items are most of the items' text. */
function mostlyMarked(items: ReadonlySet<Element>, markedComments: ReadonlySet<Element>): boolean {
  let itemText = 0;
  let commentText = 0;
  for (const item of items) {
    itemText += textLength(item);
    commentText += outermostMarked(item, markedComments).reduce((sum, comment) => sum + textLength(comment), 0);
  }
  return commentText >= MARKED_SHARE * itemText;
}

/** The marked comments in `item` (itself, if it is one) that no other marked one in it holds. */
function outermostMarked(item: Element, markedComments: ReadonlySet<Element>): Element[] {
  if (markedComments.has(item)) return [item];
  return [...item.children].flatMap((child) => outermostMarked(child, markedComments));
}

function holdsTheArticle(element: Element, headline: Element | null): boolean {
  return (headline !== null && element.contains(headline)) || element.getElementsByTagName('main').length > 0;
}

/** The list with the wrappers around it that hold nothing else of note: the section's heading,
 *  its buttons, its reply form. */
function sectionOf(list: Element, body: Element, headline: Element | null): Element {
  let section = list;
  for (let level = 0, parent = list.parentElement; level < MAX_SECTION_LEVELS && parent && parent !== body; level++, parent = parent.parentElement) {
    if (holdsTheArticle(parent, headline)) break;
    if (textBeside(parent, section) > SECTION_OTHER_TEXT) break;
    section = parent;
  }
  return section;
}

/** The text of `wrapper` outside `inner` and outside any form with a text box (a reply form's
 *  labels and notes), spaces aside. */
function textBeside(wrapper: Element, inner: Element): number {
  let length = 0;
  const walk = (node: Element): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) length += (child as CharacterData).data.replace(/\s+/g, '').length;
      else if (child.nodeType === ELEMENT_NODE && child !== inner && !UNSEEN.has((child as Element).localName) && !isReplyForm(child as Element)) walk(child as Element);
    }
  };
  walk(wrapper);
  return length;
}

const UNSEEN = new Set(['script', 'style', 'noscript', 'template']);

function isReplyForm(element: Element): boolean {
  return element.localName === 'form' && element.getElementsByTagName('textarea').length > 0;
}
