// The readable article inside a web page, with Mozilla's Readability (the Firefox Reader View
// engine) over linkedom, a small DOM measured several times faster than jsdom for the same text
// (docs/technotes/readability-dom.md). The output is NOT safe yet: sanitize.ts does that.
import type * as ReadabilityModule from '@mozilla/readability';
import { lazyModule } from '../system/lazy-module';
import { removeLeadingMetaLines, sameOpening } from './lead-lines';
import { removeClosingSiteLines } from './closing-lines';
import { addStandfirst, findStandfirst } from './standfirst';
import { unweighTextWrappers } from './text-wrappers';
import { blocksReadabilityDrops, findPageParts, keepOnlyTheArticle, removePageChrome } from './page-cleanup';
import { keepDateline } from './dateline-stamps';
import { headerStandfirstLeftOut, parseArticlePage } from './page-document';
import { fixImages } from './page-images';
import { heroBackground, heroImage, isSiteCard } from './background-heroes';
import { headerCover } from './header-cover';
import { headerByline } from './header-byline';
import { captionedPictures, pictureCaption, unweighMediaTextBlocks, unweighMediaWrappers } from './media-wrappers';
import { smallGalleries } from './small-galleries';
import { sameImageKey } from './image-key';
import { laterPageUrls, removePagers, type PageLink } from './page-numbers';
import { ELEMENT_NODE, TEXT_NODE, elementsByTag } from './page-walk';
import { paragraphsOf, sharedWords, structuredArticleBody } from './script-rendered';
import { appStateArticleBody, appStateId } from './app-state';
import { unwrapNoscriptArticles } from './noscript-articles';
import { videoDescription } from './video-page';
import { datedEntries, declaresLiveBlog } from './entry-lists';
import { removeQaControls } from './qa-sites';
import { marksForumTopic } from './schema-comments';
import { arxivAbstractParts } from './arxiv-abstract';
import { parseBase, resolveUrl, webUrl } from './urls';

const readability = lazyModule<typeof ReadabilityModule>('@mozilla/readability');

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** Readability's output, NOT yet sanitized; URLs already absolute. Starts with the lead
   *  image when the page shows one above the text that Readability left out. */
  html: string;
  textLength: number;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  siteName: string | null;
  /** og:image / twitter:image, absolute; the size the page shows when it shows it; the page's
   *  hero when it is a background and og:image names none or the site's card (background-heroes.ts). */
  leadImageUrl: string | null;
  /** The text is the page's JSON-LD articleBody, as paragraphs: the page writes its text with
   *  JavaScript, and its own markup held too little of it. */
  fromStructuredData: boolean;
  /** The addresses of the article's later pages, in order, as the page links to them ("Page 1 of
   *  3": pages 2 and 3); none for one page. */
  laterPages: string[];
  /** The text ends in the site's paywall box: it is the opening that subscribers read on. */
  teaser: boolean;
}

/** Null when the page holds nothing worth reading, is not HTML at all, or would cost too much
 *  to parse (markup-limits.ts; parseArticlePage stops at the limits and says which). Takes over
 *  `parsed` (the page's DOM, as page-document.ts builds it, within those limits) when given, and
 *  cuts it up. Never throws. */
export function extractArticle(pageHtml: string, pageUrl: string, parsed?: Document): ExtractedArticle | null {
  try {
    return extract(pageHtml, pageUrl, parsed);
  } catch {
    // Garbage in, or a page deep enough to exhaust the stack: no article, the feed's text stays.
    return null;
  }
}

// A short page is still an article (a photo with a caption, a two-line notice); a page with
// hardly a word and no picture is the "Loading…" shell of a script-rendered site.
const MIN_LETTERS = 10;
// Text that is mostly the labels of several links, with no words beside them, is a menu, not an
// article (one or two links make a link post, however short; a roundup gives each link a note).
const MAX_LINK_SHARE = 0.5;
const MENU_LINKS = 5;
// The letters beside a link, in its own line or list item, that make it a link with a note.
const NOTE_LETTERS = 3;
// Readability keeps a frame only when an attribute matches this (by default YouTube's and a few
// other players' addresses), and keeps whatever holds one. Every frame still on the page is the
// article's own by then (fixImages removed those without a web address and the hidden ones), and
// the sanitizer makes each a link: a Datawrapper chart or a map is as much part of it as a video.
const EMBEDDED_PAGE = /^https?:\/\//i;
// The page's own markup gives too little when its text is shorter than the JSON-LD articleBody
// and has less than this share of the body's words: a script-rendered shell's skeleton or footer.
// A page that shows its article has nearly all of them (and a longer text: captions, quotes).
const PAGE_SHARE_OF_STRUCTURED_WORDS = 0.5;
// A page that shows its article has a longer text than this (a brief runs to a few paragraphs); a
// script's shell shows its headline's standfirst, a caption, a byline and its footer's lines.
const APP_STATE_PAGE_TEXT = 2000;
// The share of the headline's words an article repeats (prepare.ts asks the same of a page's text).
const SHARED_TITLE_WORDS = 0.5;
// Marks the paragraph that stands in for a block of the article while Readability runs (setAsideBlocks).
const SET_ASIDE_MARK = 'data-paperboy-set-aside';
// Marks the paywall boxes on the page, to learn whether Readability kept one (it keeps data
// attributes, and drops class names; the sanitizer drops the mark).
const PAYWALL_MARK = 'data-paperboy-paywall';

function extract(pageHtml: string, pageUrl: string, parsed: Document | undefined): ExtractedArticle | null {
  const doc = parsed ?? parseArticlePage(pageHtml).document;
  if (!doc.documentElement || !doc.body) return null;

  const parts = findPageParts(doc);
  // Before anything is removed or read: the article may be in a <noscript>, for readers without scripts.
  unwrapNoscriptArticles(parts.noscripts);
  // Before any text is read: the standfirst a dateline opens is read as text just below.
  for (const stamp of parts.datelines) keepDateline(stamp);
  const metas = new PageMeta(parts.metas);
  const base = documentBase(parts.bases, pageUrl);
  const lang = documentLang(doc, metas);
  const leadImageUrl = leadImage(metas, base);
  // Read before Readability, which removes every script.
  const structuredData = parts.structuredData.map((script) => script.textContent ?? '');
  // Read before the chrome goes: it may stand in the site's header, beside the headline.
  // Or in a header left out of the DOM (page-document.ts), when its <h1> was the page's headline.
  const standfirst = findStandfirst(parts.headline, parts.standfirsts, doc.title ?? '') ?? (parts.headline ? null : headerStandfirstLeftOut(doc, doc.title ?? ''));
  const description = clean(metas.content('description') ?? metas.content('og:description'));
  const headline = clean(parts.headline?.textContent);
  // Read before the chrome goes: an older theme shows the post's cover in the site's header.
  const cover = headerCover(doc, parts.landmarks, leadImageUrl, base);
  // Read before the chrome goes, and before Readability drops the article's header that holds it.
  const bylineInHeader = headerByline(parts.headline);
  removePageChrome(doc, parts, { html: pageHtml, url: pageUrl });
  removeQaControls(doc, pageHtml);
  const authors = arxivAbstractParts(doc, pageHtml);
  const paidText = parts.paywalls.length > 0 ? paidTextSelectors(structuredData) : [];
  const paywalls = parts.paywalls.filter((box) => box.isConnected && isPaywallBox(box, paidText));
  for (const box of paywalls) box.setAttribute(PAYWALL_MARK, '');
  // Before fixImages, which makes pictures of some lazy <div>s; only where og:image leaves room.
  const hero = isSiteCard(leadImageUrl) ? heroBackground(doc, base, parts.paragraphs, parts.headline) : null;
  const images = fixImages(doc, base, parts.imageStandIns);
  // A page that names no picture of the story's, nor shows one as its background, may still show
  // one above the text, outside what Readability keeps (heroImage).
  const heroShown = hero === null && isSiteCard(leadImageUrl) ? heroImage(images, base, parts.paragraphs, parts.headline) : null;
  const lead = leadFigure(doc, images, leadImageUrl) ?? (cover && { ...cover, caption: null, under: null }) ?? (heroShown && figureOf(heroShown));
  keepOnlyTheArticle(doc);
  unweighTextWrappers(parts.paragraphs);
  unweighMediaWrappers(images);
  unweighMediaTextBlocks(parts.mediaTextBlocks);
  // After the cut: the links of the menus and rails it removed are not worth resolving.
  const links = fixLinks(doc, base);
  // A list of dated entries (a changelog, a live blog) has no later pages: its pager pages the list.
  // Nor has a forum topic: its pages (Discourse's ?page=2) page its replies, read as its comments.
  const entries = datedEntries(doc, parts.times);
  const pagesAList = entries.length > 0 || declaresLiveBlog(structuredData) || marksForumTopic(pageHtml);
  const { urls: laterPages, pagerLinks } = laterPageUrls(pageUrl, links, parts.nextLinks, base, pagesAList);
  // The pager says "Page 1 of 3" on a page the copy joins to its later ones: it would read as text.
  removePagers(pagerLinks);

  // The content comes back as a node, not a string, to measure its links before serializing.
  const { Readability } = readability();
  // A hero found by its place (heroImage) is left where the page has it: Readability keeps it
  // there when it is in the story's own block (after a standfirst in the article's header, say),
  // and addLeadFigure puts it above the text only when it does not.
  const isLead = (img: Element) => lead !== null && heroShown === null && sameImageKey(img.getAttribute('src') ?? '') === sameImageKey(lead.src);
  // A paywall box written as an <aside> (Ghost's members box), which Readability drops with every
  // aside: kept to be found in the content, so the note says the rest is for subscribers.
  const paywallAsides = paywalls.filter((box) => box.localName === 'aside');
  const setAside = setAsideBlocks(outermost([...blocksReadabilityDrops(parts), ...captionedPictures(images, isLead), ...smallGalleries(images), ...entries, ...authors, ...paywallAsides]));
  const article = new Readability<Element>(doc, { serializer: (node) => node as Element, allowedVideoRegex: EMBEDDED_PAGE }).parse();
  if (article?.content) putBackBlocks(article.content, setAside);
  const pageText = (article?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const readable = article?.content && isReadable(article.content, pageText) ? article.content : null;
  const shownText = readable ? pageText : null;
  const storyTitle = headline ?? clean(article?.title) ?? clean(metas.content('og:title'));
  const structured = structuredBody(structuredData, shownText) ?? (paywalls.length === 0 ? appStateBody(parts.appStates, shownText, storyTitle) : null) ?? videoDescription(pageHtml, structuredData, metas.content('og:type'), description, shownText);
  const content = structured !== null ? paragraphsOf(structured, doc) : readable;
  if (!content) return null;
  const text = structured === null ? pageText : (content.textContent ?? '').replace(/\s+/g, ' ').trim();
  fixInPageLinks(content, pageUrl);
  if (structured === null) removeLeadingMetaLines(content, { byline: clean(article?.byline), description, standfirst, headline, sharedTitle: clean(metas.content('og:title')) });
  if (structured === null) removeClosingSiteLines(content, clean(metas.content('og:site_name')));
  if (lead) addLeadFigure(content, lead, standfirst ?? lead.under);
  if (standfirst) addStandfirst(content, standfirst);
  const teaser = removePaywalls(content);

  return {
    title: clean(article?.title) ?? clean(metas.content('og:title')),
    byline: clean(article?.byline) ?? bylineInHeader,
    html: content.innerHTML,
    textLength: text.length,
    lang,
    dir: direction(article?.dir) ?? direction(doc.documentElement.getAttribute('dir')) ?? direction(doc.body.getAttribute('dir')),
    siteName: clean(article?.siteName),
    leadImageUrl: lead?.src ?? hero ?? leadImageUrl,
    fromStructuredData: structured !== null,
    laterPages,
    teaser,
  };
}

/** Takes the blocks Readability would drop for their shape (blocksReadabilityDrops, and a picture
 *  with its caption beside the text: captionedPictures) out of the page while it runs, each replaced by a paragraph of its words: Readability weighs those as the
 *  article's text (as the block's own paragraphs would be) and keeps them where the article is;
 *  putBackBlocks puts the blocks back in their place. Marked with a number, not held by identity:
 *  when a first pass finds too little, Readability rebuilds the page from its markup and tries
 *  again. A block with no words is left to Readability: a paragraph of nothing would not stay.
 *  What Readability removes from the whole page before it reads goes from the blocks too. */
function setAsideBlocks(blocks: readonly Element[]): Map<string, Element> {
  const setAside = new Map<string, Element>();
  for (const block of blocks) {
    for (const element of block.querySelectorAll(NOT_READ)) element.remove();
    const text = clean(block.textContent);
    if (text === null || !hasLetters(text, 1)) continue;
    const standIn = block.ownerDocument.createElement('p');
    const key = String(setAside.size);
    standIn.setAttribute(SET_ASIDE_MARK, key);
    standIn.textContent = text;
    block.replaceWith(standIn);
    setAside.set(key, block);
  }
  return setAside;
}

/** The blocks none of the others holds: each is set aside whole. */
function outermost(blocks: readonly Element[]): Element[] {
  return blocks.filter((block) => !blocks.some((other) => other !== block && other.contains(block)));
}

/** The blocks setAsideBlocks took out, back where Readability kept their stand-ins. */
function putBackBlocks(content: Element, setAside: Map<string, Element>): void {
  if (setAside.size === 0) return;
  for (const standIn of content.querySelectorAll(`[${SET_ASIDE_MARK}]`)) {
    const key = standIn.getAttribute(SET_ASIDE_MARK)!;
    const block = setAside.get(key);
    setAside.delete(key);
    if (!block) {
      // A page's own element with the mark (there is no other): it stays, without the mark.
      standIn.removeAttribute(SET_ASIDE_MARK);
      continue;
    }
    // Without class names, as Readability leaves all it keeps: the sanitizer reads some of a
    // feed's (a TikTok card's, which fixImages has already made a frame on a page).
    for (const element of [block, ...block.querySelectorAll('[class]')]) element.removeAttribute('class');
    standIn.replaceWith(block);
  }
}

const NOT_READ = 'script, noscript, style';

/** Whether Readability's content is worth reading: some words or a picture, and not a menu. */
function isReadable(content: Element, text: string): boolean {
  return (hasLetters(text, MIN_LETTERS) || !!content.querySelector('img')) && !isMenu(content, text.length);
}

/** The page's JSON-LD articleBody when the page's own text (null when it had none worth
 *  reading) is too little of it; else null. */
function structuredBody(scripts: readonly string[], pageText: string | null): string | null {
  const pageLength = pageText?.length ?? 0;
  // No JSON to parse when even all of it could not be longer (most pages' JSON-LD is a few
  // hundred characters of names and dates, and their text is longer).
  if (scripts.reduce((sum, script) => sum + script.length, 0) <= pageLength) return null;
  const body = structuredArticleBody(scripts);
  if (body === null || !hasLetters(body, MIN_LETTERS)) return null;
  if (pageText === null) return body;
  if (body.replace(/\s+/g, ' ').trim().length <= pageLength) return null;
  const shared = sharedWords(body, pageText);
  return shared !== null && shared < PAGE_SHARE_OF_STRUCTURED_WORDS ? body : null;
}

/** The article a script-rendered page keeps in its app's state (app-state.ts) when the page shows
 *  next to nothing of it (never behind a paywall box: the state of a subscribers' story holds
 *  what the site shows subscribers, and the teaser with its note is the copy): a text shorter than APP_STATE_PAGE_TEXT (asked first: most pages that
 *  carry a state show their article), and a story there that the page's own headline tells and
 *  whose words the page's text mostly lacks (as structuredBody: the text shown is never read twice). */
function appStateBody(scripts: readonly Element[], pageText: string | null, title: string | null): string | null {
  const pageLength = pageText?.length ?? 0;
  if (scripts.length === 0 || title === null || pageLength >= APP_STATE_PAGE_TEXT) return null;
  const script = scripts[0]!;
  const json = script.textContent ?? '';
  if (json.length <= pageLength) return null;
  const tellsTheStory = (body: string) => {
    const titleShare = sharedWords(title, body);
    if (titleShare === null || titleShare < SHARED_TITLE_WORDS) return false;
    if (pageText === null) return true;
    const shown = sharedWords(body, pageText);
    return body.replace(/\s+/g, ' ').length > pageLength && shown !== null && shown < PAGE_SHARE_OF_STRUCTURED_WORDS;
  };
  const body = appStateArticleBody({ id: appStateId(script), json }, tellsTheStory);
  return body !== null && hasLetters(body, MIN_LETTERS) ? body : null;
}

/** The CSS selectors of the subscribers' text in Google's markup for paywalled content: a
 *  hasPart of the article, with isAccessibleForFree false, that names it (".paywall"). A page
 *  marked so holds that text, to be read by those who may. */
function paidTextSelectors(scripts: readonly string[]): string[] {
  const selectors: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const node = value as Record<string, unknown>;
    const selector = node.cssSelector;
    if (/^false$/i.test(String(node.isAccessibleForFree))) selectors.push(...(Array.isArray(selector) ? selector : [selector]).filter((item): item is string => typeof item === 'string'));
    for (const key in node) visit(node[key], depth + 1);
  };
  for (const script of scripts) {
    try {
      visit(JSON.parse(script), 0);
    } catch {
      // Not JSON: it names nothing.
    }
  }
  return selectors;
}

// Deep enough for any @graph, hasPart and list; the JSON is the page's, and may be anything.
const MAX_JSON_DEPTH = 12;

/** A paywall box says something (an empty one stands ready for a reader whose free articles ran
 *  out) and is not the subscribers' text itself, named so in Google's markup (paidTextSelectors). */
function isPaywallBox(box: Element, paidText: readonly string[]): boolean {
  if (!hasLetters(box.textContent ?? '', MIN_LETTERS)) return false;
  return !paidText.some((selector) => {
    try {
      return box.matches(selector);
    } catch {
      return false;
    }
  });
}

/** Whether a paywall box is in the content; takes it out: the article's note says the rest is
 *  for subscribers, and the box's "Subscribe now", "Already a subscriber? Log in" would be the
 *  text's last lines, links to a site the reader is not on. */
function removePaywalls(content: Element): boolean {
  const boxes = content.querySelectorAll(`[${PAYWALL_MARK}]`);
  for (const box of boxes) box.remove();
  return boxes.length > 0;
}

/** The page's <base href> when it is a web URL (resolved against the page), else the page URL.
 *  linkedom has no notion of a document URL, so every URL is made absolute here, before
 *  Readability (whose own fixing relies on document.baseURI) sees them. */
function documentBase(bases: readonly Element[], pageUrl: string): URL | null {
  const pageBase = parseBase(pageUrl);
  const href = bases.find((element) => element.hasAttribute('href'))?.getAttribute('href');
  const declared = href ? webUrl(href, pageBase) : null;
  for (const element of bases) element.remove();
  return declared ? new URL(declared) : pageBase;
}

function documentLang(doc: Document, metas: PageMeta): string | null {
  const raw = doc.documentElement.getAttribute('lang') ?? doc.body.getAttribute('lang') ?? metas.contentLanguage() ?? metas.content('og:locale');
  const lang = raw?.trim().replace(/_/g, '-').split(/[\s,]/)[0];
  return lang && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(lang) ? lang : null;
}

const LEAD_IMAGE_META = ['og:image:secure_url', 'og:image:url', 'og:image', 'twitter:image', 'twitter:image:src'];

function leadImage(metas: PageMeta, base: URL | null): string | null {
  for (const name of LEAD_IMAGE_META) {
    const url = webUrl(metas.content(name), base);
    if (url) return url;
  }
  return null;
}

interface LeadFigure {
  readonly src: string;
  readonly alt: string | null;
  readonly caption: string | null;
  /** The paragraph the page sets right above the picture (a standfirst no name gives away), if any. */
  readonly under: string | null;
}

/** The lead image as the page shows it: an <img> in the body that is the og:image, perhaps in
 *  another size (sameImageKey); the first in the page's order, the one in the article's header
 *  above a thumbnail of it in a list of stories. Themes and news sites put it above the
 *  article's text, where Readability leaves it out; an og:image the page does not show (a logo,
 *  a social card) is no part of the article. */
function leadFigure(doc: Document, images: readonly Element[], leadImageUrl: string | null): LeadFigure | null {
  if (!leadImageUrl) return null;
  const wanted = sameImageKey(leadImageUrl);
  // The article's own showing of it, else the page's first: a sidebar's "Recent posts" before the
  // article may list the same post with a thumbnail of the picture.
  let img: Element | null = null;
  for (const candidate of images) {
    if (sameImageKey(candidate.getAttribute('src') ?? '') !== wanted || !doc.body.contains(candidate)) continue;
    img ??= candidate;
    if (candidate.closest('article, main')) {
      img = candidate;
      break;
    }
  }
  return img && figureOf(img);
}

/** A picture the page shows (its src absolute) as the lead figure: its caption, and the paragraph above it. */
function figureOf(img: Element): LeadFigure {
  const caption = img.closest('figure')?.querySelector('figcaption') ?? pictureCaption(img);
  // Its parts are spaced already (page-cleanup.ts spaceCaptionParts).
  return { src: img.getAttribute('src')!, alt: img.getAttribute('alt'), caption: caption ? clean(caption.textContent) : null, under: paragraphAbove(img) };
}

/** How many blocks above a picture its paragraph may stand: the byline and date, a share bar between. */
const BLOCKS_ABOVE = 3;

/** The text of the paragraph the page sets above the picture (or its figure), among the few blocks
 *  before it and after the headline: a standfirst written as a plain <p>, which the page shows
 *  first. Null when the picture comes right under the headline. */
function paragraphAbove(img: Element): string | null {
  let block: Element | null = img.closest('figure') ?? img;
  // Up out of the picture's own wrappers (a <picture>, a link, an aspect-ratio box).
  while (block.previousElementSibling === null && block.parentElement && block.parentElement.children.length === 1) block = block.parentElement;
  block = block.previousElementSibling;
  for (let step = 0; block && step < BLOCKS_ABOVE; step++, block = block.previousElementSibling) {
    if (block.localName === 'h1') return null;
    if (block.localName === 'p') return clean(block.textContent);
  }
  return null;
}


/** `dek`: the standfirst named on the page (standfirst.ts), else the paragraph the page sets above
 *  the picture, which the text may open with. */
function addLeadFigure(content: Element, lead: LeadFigure, dek: string | null): void {
  for (const img of content.querySelectorAll('img')) if (sameImageKey(img.getAttribute('src') ?? '') === sameImageKey(lead.src)) return;
  const doc = content.ownerDocument;
  const figure = doc.createElement('figure');
  const img = doc.createElement('img');
  img.setAttribute('src', lead.src);
  if (lead.alt !== null) img.setAttribute('alt', lead.alt);
  figure.appendChild(img);
  if (lead.caption) {
    const caption = doc.createElement('figcaption');
    caption.textContent = lead.caption;
    figure.appendChild(caption);
  }
  const page = content.firstElementChild ?? content;
  // Under the standfirst when the text opens with it, as the page sets them: headline, standfirst, photo.
  const opening = page.firstElementChild;
  const afterStandfirst = dek !== null && opening !== null && sameOpening(normalizedText(opening), dek);
  page.insertBefore(figure, afterStandfirst ? opening.nextSibling : page.firstChild);
}

function normalizedText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The page's <meta> tags by name (a query per name walked the whole page each time, and a page
 *  is asked for up to seven names). As a query would, a lookup takes the first tag still on the page. */
class PageMeta {
  /** By property, else name, in lower case. */
  private readonly named = new Map<string, Element[]>();
  private readonly language: Element[] = [];

  constructor(metas: readonly Element[]) {
    for (const element of metas) {
      const key = element.getAttribute('property') ?? element.getAttribute('name');
      if (key !== null) {
        const lower = key.toLowerCase();
        const same = this.named.get(lower);
        if (same) same.push(element);
        else this.named.set(lower, [element]);
      }
      if (element.getAttribute('http-equiv')?.toLowerCase() === 'content-language') this.language.push(element);
    }
  }

  content(name: string): string | null {
    return this.named.get(name)?.find((element) => element.isConnected)?.getAttribute('content') ?? null;
  }

  /** <meta http-equiv="content-language">'s content; undefined when the page has none. */
  contentLanguage(): string | null | undefined {
    return this.language.find((element) => element.isConnected)?.getAttribute('content');
  }
}

/** Links made absolute, except in-page ones (#section): Readability counts those at a third of
 *  a link's weight, which is what keeps a table of contents or in-page navigation. Returns them. */
function fixLinks(doc: Document, base: URL | null): PageLink[] {
  const links: PageLink[] = [];
  for (const link of elementsByTag(doc, 'a')) {
    const href = link.getAttribute('href');
    if (href === null || href.trim().startsWith('#')) continue;
    const url = resolveUrl(href, base);
    if (!url) continue;
    link.setAttribute('href', url.href);
    links.push({ link, url });
  }
  return links;
}

/** In-page links, once Readability has run, point at the page itself. */
function fixInPageLinks(content: Element, pageUrl: string): void {
  const page = parseBase(pageUrl);
  for (const link of content.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href')!;
    if (!href.trim().startsWith('#')) continue;
    const url = resolveUrl(href, page);
    if (url) link.setAttribute('href', url.href);
    else link.removeAttribute('href');
  }
}

/** Whether the content is mostly the labels of several links standing alone (a menu, a list
 *  of sections): a link roundup ("Weekend links": a link and a line about it in each item) has
 *  as much text in links, but words of its own beside each. */
function isMenu(content: Element, textLength: number): boolean {
  const links = [...content.querySelectorAll('a')];
  if (links.length < MENU_LINKS || linkShare(links, textLength) <= MAX_LINK_SHARE) return false;
  return linkShare(links.filter((link) => !hasNote(link)), textLength) > MAX_LINK_SHARE;
}

/** Share of the text that sits inside these links; in-page links weigh a third, as in Readability. */
function linkShare(links: readonly Element[], textLength: number): number {
  if (textLength === 0) return 0;
  let linked = 0;
  for (const link of links) {
    const weight = link.getAttribute('href')?.trim().startsWith('#') ? 0.3 : 1;
    linked += weight * (link.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  }
  return linked / textLength;
}

const LINE_BLOCKS = 'li, p, dd, dt, td, th, figcaption, blockquote, h1, h2, h3, h4, h5, h6';

/** Whether the line or list item the link is in says something of its own, outside every link
 *  in it: a menu's " | " or "·" between links is no note. */
function hasNote(link: Element): boolean {
  const line = link.parentElement?.closest(LINE_BLOCKS) ?? link.parentElement;
  return !!line && hasLetters(textOutsideLinks(line), NOTE_LETTERS);
}

function textOutsideLinks(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) text += (node as CharacterData).data;
    else if (node.nodeType === ELEMENT_NODE && (node as Element).localName !== 'a') text += textOutsideLinks(node as Element);
  }
  return text;
}

// The DOM's node types, by value: linkedom's Node has no static constants to read them from.

/** Whether the text has `count` letters or digits: looked for one by one, never counted past `count`. */
function hasLetters(text: string, count: number): boolean {
  const letter = /[\p{L}\p{N}]/gu;
  for (let found = 0; found < count; found++) if (!letter.test(text)) return false;
  return true;
}

function direction(value: string | null | undefined): 'ltr' | 'rtl' | null {
  const lower = value?.trim().toLowerCase();
  return lower === 'ltr' || lower === 'rtl' ? lower : null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}
