// What the sync engine stores for one article: the page's readable text when it is the better
// copy, else the feed's own content, always sanitized. Pure and synchronous: it runs in a worker.
import type { LinkedFileKind } from '../../../shared/types';
import { escapeHtml } from '../feeds';
import { appStateArticleBody, appStateScriptOf } from './app-state';
import { wallOf } from './consent-wall';
import { extractArticle, type ExtractedArticle } from './extract';
import { sameImageKey } from './image-key';
import { imageUrlsIn } from './images';
import { linkedFileNote, type LinkedFile } from './linked-file';
import { plainTextHtml } from './plain-text-copy';
import { MarkupTooComplexError } from './markup-limits';
import { plainTextOfRaw } from './raw-text';
import { parseArticlePage } from './page-document';
import { articleDirection, plainTextOfSanitized, sanitizeArticleHtml } from './sanitize';
import { textLanguage } from './text-language';
import { linkPreviewOf } from './link-preview';
import { pageAuthor } from './page-author';
import { asksForJavaScript, isScriptRendered, paragraphsOf, sharedWords } from './script-rendered';

export interface PrepareInput {
  /** Null when the page was not fetched (full text off, or the fetch failed). */
  pageHtml: string | null;
  pageUrl: string | null;
  /** The item's content:encoded or summary: raw as the feed wrote it, or sanitized (an older
   *  stored item, or one without a base); either way sanitized once here. */
  feedHtml: string | null;
  /** What a raw feedHtml's links resolve against (ingestFeed's choice, stored with it); absent or
   *  null: the item's address. */
  feedBase?: string | null;
  feedItemUrl: string | null;
  /** The item's title: the witness that the page is the item's story, where the page's own
   *  <title> may be the site's name or its wall's ("Instagram"). Absent: the page's is asked. */
  itemTitle?: string | null;
  /** The link is no web page (./linked-file.ts): what it is, at pageUrl. Then pageHtml is null. */
  linkedFile?: LinkedFile | null;
  /** A linked text file's text (linkedFile's kind 'text'). */
  linkedText?: string | null;
}

export interface PreparedArticle {
  /** Sanitized, absolute URLs, original image URLs (pointed at the cache after download). */
  html: string;
  text: string;
  source: 'page' | 'feed' | 'none';
  lang: string | null;
  dir: 'ltr' | 'rtl';
  imageUrls: readonly string[];
  leadImageUrl: string | null;
  /** Why the page's text is not the one shown, for the article's status line. */
  extractionNote: string | null;
  /** What the link is when it is no page (input.linkedFile's kind): the reader shows no comment
   *  section for a file. */
  linkedFile: LinkedFileKind | null;
  /** The article's later pages when the site splits it ("Page 1 of 3") and the text is its first
   *  page's: the sync fetches them, prepareLaterPage reads each, joinLaterPages adds them. Null
   *  for an article on one page. */
  laterPages: LaterPages | null;
  /** The writer the page names (page-author.ts), when the copy is the page's: the article's author
   *  where its feed names none. */
  author: string | null;
}

export interface LaterPages {
  /** Their addresses, in order: MAX_LATER_PAGES at most. */
  readonly urls: readonly string[];
  /** How many the site has. */
  readonly count: number;
  /** The page's note but for its later pages (extractionNote says they are not saved). */
  readonly otherNote: string | null;
}

// A feature runs to a few pages; a pager that goes on past ten is a listing's or a gallery's, and
// each page is a request to the site: the rest stays there, and the note says so.
export const MAX_LATER_PAGES = 9;

// A page extraction that yields clearly less than the feed already holds missed the article
// (a teaser, a paywall, a cookie wall): the feed's copy is the better one then.
const PAGE_SHARE_OF_FEED = 0.8;
const SHORT_PAGE_TEXT = 200;
// A page's JSON-LD articleBody is plain text: it is worth more than the feed's copy (its markup,
// its pictures) only when clearly longer.
const STRUCTURED_OVER_FEED = 1.2;
// A short page text that has next to nothing of the feed's words, nor of the page's own headline,
// is not the article: the footer or legal notice of a shell whose article a script writes in. The
// article itself repeats most of its summary's words and half its headline's. (Both: some feeds
// give every item the same description, the site's tagline, which a real short story may not echo.)
const RELATED_CHECK_TEXT = 800;
// A page that is such a shell (its app's state, an empty mount point, a notice asking for
// JavaScript) may say more of the site than that: a legal notice and a cookie blurb of a thousand
// characters and more. And its <title> may be the site's name only, which tells nothing: then the
// short text of a shell that has nothing of the feed's words is its notice, not the story.
const SHELL_CHECK_TEXT = 4000;
const SHARED_FEED_WORDS = 0.25;
const SHARED_TITLE_WORDS = 0.5;
const SCRIPT_RENDERED = 'the page shows its text only with JavaScript';
// An item that is mainly pictures (a comic, a photo post: pictures and a caption) says little
// besides them, and some of it in them: the joke in a comic's title attribute, what a photo shows
// in its alt. Its page is the better copy only when the story read from it shows those pictures
// and most of those words, and more: a comic site's page reads as its notices or its sidebar (the
// comic outside the post's empty text), an app's as its login wall, and the title is dropped.
const PICTURE_ITEM_TEXT = 200;
const SHARED_PICTURE_WORDS = 0.5;
const WALL_NOTES = {
  consent: 'the site showed a cookie consent page instead of the article',
  login: 'the site asked to log in instead of showing the post',
} as const;

/** `parsedPage`: the page's DOM when its caller already built it (see page-document.ts); it is cut up here. */
export function prepareArticle(input: PrepareInput, parsedPage?: Document): PreparedArticle {
  const feedBase = input.feedBase ?? input.feedItemUrl ?? input.pageUrl ?? '';
  // The feed's copy is sanitized only when it is shown or its pictures are asked about: for most
  // items the page's story is the one kept, and sanitizing the feed's as well cost a parse worker
  // some 0.3 ms a page. Its text, to weigh the page's against, is read from the raw HTML: the same
  // text (raw-text.ts), at an eighth of the cost.
  const feedHtml = once(() => (input.feedHtml ? sanitizeArticleHtml(input.feedHtml, feedBase) : ''));
  const feedText = input.feedHtml ? plainTextOfRaw(input.feedHtml) : '';
  // A photo post's content is its pictures.
  const feedHasContent = once(() => feedText !== '' || imageUrlsIn(feedHtml()).length > 0);

  if (input.linkedFile) return linkedFileCopy(input, input.linkedFile, feedHtml, feedHasContent);

  let note: string | null = null;
  let lang: string | null = null;
  let dir: 'ltr' | 'rtl' | null = null;
  let leadImageUrl: string | null = null;
  let notTheItemsPicture = false;
  const pageHtml = input.pageHtml;
  if (pageHtml !== null) {
    const pageUrl = input.pageUrl ?? input.feedItemUrl ?? '';
    const { document, tooComplex } = parsedPage ? { document: parsedPage, tooComplex: null } : articleDocument(pageHtml);
    // A page the parser could not read at all is not parsed again by extraction: it failed.
    const extracted = document ? extractArticle(pageHtml, pageUrl, document) : null;
    if (extracted) {
      ({ lang, dir, leadImageUrl } = extracted);
      const html = sanitizeArticleHtml(extracted.html, pageUrl);
      const text = plainTextOfSanitized(html);
      const poorer = text.length < feedText.length * PAGE_SHARE_OF_FEED || (text.length < SHORT_PAGE_TEXT && feedText.length > text.length);
      const wall = wallOf(pageHtml, text);
      const shell = once(() => isScriptRendered(pageHtml) || (text.length < RELATED_CHECK_TEXT && asksForJavaScript(text)));
      const unrelated = !extracted.fromStructuredData && isNotTheStory(text, feedText, input.itemTitle ?? extracted.title, shell);
      const plainer = extracted.fromStructuredData && isPlainer(text, feedText);
      const picturesLost = losesThePictures(html, text, feedHtml, feedText, input.itemTitle ?? extracted.title);
      if (text !== '' && !poorer && !wall && !unrelated && !plainer && !picturesLost) {
        return { ...result(html, text, 'page', lang, dir, leadImageUrl, pageNote(extracted)), laterPages: laterPagesOf(extracted), author: pageAuthor(extracted.byline) };
      }
      // The page's picture is not this item's when the page is a wall or another story, nor a
      // photo post's when it does not show the post's: the item's own (its media:content) is.
      notTheItemsPicture = wall !== null || unrelated || picturesLost;
      if (wall) note = feedHasContent() ? `${WALL_NOTES[wall]}; showing the feed's content` : WALL_NOTES[wall];
      else if (plainer) note = null;
      else if (shell()) {
        const story = appStateStory(pageHtml, pageUrl, document!, feedText, extracted.title);
        if (story && !isPlainer(story.text, feedText)) return result(story.html, story.text, 'page', lang, dir, leadImageUrl, null);
        const preview = story ? null : previewCopy(document!, pageUrl, feedHtml, feedText, feedHasContent());
        if (preview) return result(preview.html, preview.text, 'page', lang, dir, preview.image ?? leadImageUrl, preview.note);
        note = story ? null : scriptRenderedNote(feedHasContent());
      } else if (unrelated) note = "the page's text did not match the feed's story; showing the feed's content";
      // The post's pictures and their words are all it says: nothing of it is missing.
      else if (picturesLost) note = null;
      else note = feedText ? "the page's text was shorter than the feed's; showing the feed's content" : null;
    } else {
      const shell = document !== undefined && isScriptRendered(pageHtml);
      const story = shell ? appStateStory(pageHtml, pageUrl, document, feedText, null) : null;
      if (story && !isPlainer(story.text, feedText)) return result(story.html, story.text, 'page', null, null, null, null);
      const preview = shell && !story ? previewCopy(document, pageUrl, feedHtml, feedText, feedHasContent()) : null;
      if (preview) return result(preview.html, preview.text, 'page', null, null, preview.image, preview.note);
      const failed = tooComplex ? `the page was not extracted: ${tooComplex}` : shell ? SCRIPT_RENDERED : 'page extraction failed';
      note = story ? null : feedHasContent() ? `${failed}; showing the feed's content` : `${failed} and the feed has no content`;
    }
  }
  if (notTheItemsPicture) leadImageUrl = null;
  if (feedHasContent()) {
    const html = feedHtml();
    return result(html, plainTextOfSanitized(html), 'feed', lang, null, leadImageUrl, note);
  }
  return result('', '', 'none', lang, dir, leadImageUrl, note);
}

/**
 * The copy of an article whose link is no page: a text file's text; a picture above the feed's
 * text (fetched into the cache with the copy's other images); anything else (a PDF, an episode)
 * the feed's text, with a note saying what the link is, rather than "extraction failed".
 */
function linkedFileCopy(input: PrepareInput, file: LinkedFile, feedHtml: () => string, feedHasContent: () => boolean): PreparedArticle {
  return { ...linkedFileBody(input, file, feedHtml, feedHasContent), linkedFile: file.kind };
}

function linkedFileBody(input: PrepareInput, file: LinkedFile, feedHtml: () => string, feedHasContent: () => boolean): PreparedArticle {
  const url = input.pageUrl ?? input.feedItemUrl ?? '';
  if (file.kind === 'text' && input.linkedText?.trim()) {
    const html = sanitizeArticleHtml(plainTextHtml(input.linkedText), url);
    return result(html, plainTextOfSanitized(html), 'page', null, null, null, null);
  }
  if (file.kind === 'image' && /^https?:/i.test(url)) {
    const feed = feedHtml();
    // A feed that shows the picture itself needs it no second time.
    const picture = imageUrlsIn(feed).includes(url) ? '' : sanitizeArticleHtml(`<p><img src="${escapeHtml(url)}" alt="${escapeHtml(input.itemTitle ?? '')}"></p>`, url);
    const html = picture + feed;
    return result(html, plainTextOfSanitized(html), 'page', null, null, null, null);
  }
  const note = linkedFileNote(file, feedHasContent());
  if (!feedHasContent()) return result('', '', 'none', null, null, null, note);
  const html = feedHtml();
  return result(html, plainTextOfSanitized(html), 'feed', null, null, null, note);
}

/** Whether the page's text, when short, has less than a quarter of the feed's words and less
 *  than half of its own headline's; false when the feed's text is too short to tell, and when the
 *  headline is, unless the page is a script's shell (`shell`, asked last: it reads the whole page). */
function isNotTheStory(pageText: string, feedText: string, title: string | null, shell: () => boolean): boolean {
  if (pageText.length >= SHELL_CHECK_TEXT) return false;
  const feedShare = sharedWords(feedText, pageText);
  if (feedShare === null || feedShare >= SHARED_FEED_WORDS) return false;
  const titleShare = title === null ? null : sharedWords(title, pageText);
  if (titleShare !== null && titleShare >= SHARED_TITLE_WORDS) return false;
  if (titleShare === null && pageText.length >= RELATED_CHECK_TEXT) return false;
  return (titleShare !== null && pageText.length < RELATED_CHECK_TEXT) || shell();
}

/** Whether the feed's text, as long, is the better copy of a text read from the page's data (plain
 *  paragraphs: the feed's keeps its markup and its pictures). */
function isPlainer(text: string, feedText: string): boolean {
  return text.length <= feedText.length * STRUCTURED_OVER_FEED;
}

/** The article a script-rendered page keeps in its app's state, as paragraphs, when it tells the
 *  feed's story (the same test as the page's own text passes); null when it has none. */
function appStateStory(pageHtml: string, pageUrl: string, document: Document, feedText: string, title: string | null): { html: string; text: string } | null {
  const tellsTheStory = (text: string) => {
    const feedShare = sharedWords(feedText, text);
    const titleShare = title === null ? null : sharedWords(title, text);
    return (feedShare !== null && feedShare >= SHARED_FEED_WORDS) || (titleShare !== null && titleShare >= SHARED_TITLE_WORDS);
  };
  const script = appStateScriptOf(pageHtml);
  const body = script && appStateArticleBody(script, tellsTheStory);
  if (body === null) return null;
  const html = sanitizeArticleHtml(paragraphsOf(body, document).innerHTML, pageUrl);
  const text = plainTextOfSanitized(html);
  return text === '' ? null : { html, text };
}

/** The share of the link preview's words the feed's text must say for the preview to add nothing. */
const PREVIEW_SAID_BY_FEED = 0.8;

/** A script-rendered page's link preview (link-preview.ts) as its copy, after the feed's content
 *  when it has some; null when the page has none, or the feed says it already. */
function previewCopy(document: Document, pageUrl: string, feedHtml: () => string, feedText: string, feedHasContent: boolean): { html: string; text: string; image: string | null; note: string } | null {
  const preview = linkPreviewOf(document, pageUrl);
  if (!preview) return null;
  const cardHtml = sanitizeArticleHtml(preview.content.innerHTML, pageUrl);
  const cardText = plainTextOfSanitized(cardHtml);
  if (cardText === '') return null;
  const said = sharedWords(cardText, feedText);
  if (feedText !== '' && (said === null || said >= PREVIEW_SAID_BY_FEED)) return null;
  const html = feedHasContent ? feedHtml() + cardHtml : cardHtml;
  const note = feedHasContent ? `${SCRIPT_RENDERED}; showing the feed's content and the page's link preview` : `${SCRIPT_RENDERED}; showing its link preview`;
  return { html, text: plainTextOfSanitized(html), image: preview.image, note };
}

function scriptRenderedNote(feedHasContent: boolean): string {
  return feedHasContent ? `${SCRIPT_RENDERED}; showing the feed's content` : SCRIPT_RENDERED;
}

/** Whether the feed's item is mainly pictures (PICTURE_ITEM_TEXT) that the page's story, as
 *  read (`pageHtml` sanitized), leaves out, or whose words it does not say with more of its own. */
function losesThePictures(pageHtml: string, pageText: string, sanitizedFeed: () => string, feedText: string, title: string | null): boolean {
  if (feedText.length >= PICTURE_ITEM_TEXT) return false;
  const feedHtml = sanitizedFeed();
  const pictures = imageUrlsIn(feedHtml);
  if (pictures.length === 0) return false;
  // A page long enough to judge (RELATED_CHECK_TEXT) that tells the item's story (its headline's
  // or its teaser's words) is the article, whatever picture the feed put beside the teaser (a
  // thumbnail or a social card the article does not show).
  if (pageText.length >= RELATED_CHECK_TEXT) {
    const titleShare = title === null ? null : sharedWords(title, pageText);
    const feedShare = sharedWords(feedText, pageText);
    if ((titleShare !== null && titleShare >= SHARED_TITLE_WORDS) || (feedShare !== null && feedShare >= SHARED_FEED_WORDS)) return false;
  }
  // The feed may carry another size of the page's picture (WordPress's -150x150 thumbnail).
  const shown = new Set(imageUrlsIn(pageHtml).map(sameImageKey));
  if (!pictures.every((url) => shown.has(sameImageKey(url)))) return true;
  const said = `${feedText} ${pictureWords(feedHtml)}`.trim();
  const share = sharedWords(said, pageText);
  return pageText.length <= said.length || (share !== null && share < SHARED_PICTURE_WORDS);
}

// The words of sanitized HTML's pictures: each <img>'s title and alt, double-quoted there.
const IMG_TAG = /<img\b[^>]*>/gi;
const PICTURE_WORDS = /\s(?:title|alt)="([^"]*)"/g;

function pictureWords(html: string): string {
  const words: string[] = [];
  for (const [tag] of html.matchAll(IMG_TAG)) for (const [, value] of tag.matchAll(PICTURE_WORDS)) words.push(value!);
  // The sanitizer's entities (&amp;, &quot;, &lt;, &gt;) are no words.
  return words.join(' ').replace(/&\w+;/g, ' ');
}

/** The function's answer, asked for once at most. */
function once<T>(answer: () => T): () => T {
  let known: { value: T } | null = null;
  return () => (known ??= { value: answer() }).value;
}

/** What the stored page's text lacks of the article, as the page says. */
function pageNote(extracted: ExtractedArticle): string | null {
  const later = extracted.laterPages.length;
  return joinNotes(teaserNote(extracted), later > 0 ? `the article continues on ${later === 1 ? 'another page' : `${later} more pages`} on the site; only this first page is saved` : null);
}

function teaserNote(extracted: ExtractedArticle): string | null {
  return extracted.teaser ? 'the site shows the rest of this article to subscribers only' : null;
}

export function joinNotes(...notes: (string | null)[]): string | null {
  const said = notes.filter((note): note is string => note !== null);
  return said.length > 0 ? said.join('; ') : null;
}

function laterPagesOf(extracted: ExtractedArticle): LaterPages | null {
  const urls = extracted.laterPages;
  if (urls.length === 0) return null;
  return { urls: urls.slice(0, MAX_LATER_PAGES), count: urls.length, otherNote: teaserNote(extracted) };
}

/** The page's DOM for extraction, or why its markup is too costly to build (the builder stops
 *  at the limits). A page the parser cannot read at all leaves both out: its extraction failed. */
export function articleDocument(html: string): { document?: Document; tooComplex: string | null } {
  try {
    return { document: parseArticlePage(html).document, tooComplex: null };
  } catch (error) {
    return { tooComplex: error instanceof MarkupTooComplexError ? error.problem : null };
  }
}

function result(
  html: string,
  text: string,
  source: PreparedArticle['source'],
  lang: string | null,
  dir: 'ltr' | 'rtl' | null,
  leadImageUrl: string | null,
  extractionNote: string | null,
): PreparedArticle {
  // The page's own direction, else its language's (paragraphs in the other direction carry their
  // own dir, which the sanitizer keeps).
  const language = textLanguage(lang, text);
  return { html, text, source, lang: language, dir: dir ?? articleDirection(language, text), imageUrls: imageUrlsIn(html), leadImageUrl, extractionNote, linkedFile: null, laterPages: null, author: null };
}
