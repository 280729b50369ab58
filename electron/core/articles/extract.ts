// The readable article inside a web page, with Mozilla's Readability (the Firefox Reader View
// engine) over linkedom, a small DOM measured several times faster than jsdom for the same text
// (docs/technotes/readability-dom.md). The output is NOT safe yet: sanitize.ts does that.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { imageSource, parseBase, resolveUrl, webUrl } from './urls';

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
  /** og:image / twitter:image, absolute; the size the page shows when it shows it. */
  leadImageUrl: string | null;
}

/** Null when the page holds nothing worth reading (or is not HTML at all). Never throws. */
export function extractArticle(pageHtml: string, pageUrl: string): ExtractedArticle | null {
  try {
    return extract(pageHtml, pageUrl);
  } catch {
    // Garbage in, or a page deep enough to exhaust the stack: no article, the feed's text stays.
    return null;
  }
}

// Less readable text than this, or text that is mostly link labels, is a menu or a "loading"
// shell (a script-rendered site), not an article.
const MIN_TEXT = 25;
const MAX_LINK_SHARE = 0.5;
// Readability's time grows with the square of the tree's depth (20,000 nested divs: 50 s), so a
// hostile page could hold a worker for minutes. Browsers stop nesting at 512 (Blink's parser
// limit); no page a person reads goes deeper.
const MAX_DEPTH = 512;

function extract(pageHtml: string, pageUrl: string): ExtractedArticle | null {
  const { document } = parseHTML(pageHtml);
  const doc = document as unknown as Document;
  if (!doc.documentElement || !doc.body || depthOf(doc.documentElement) > MAX_DEPTH) return null;

  const base = documentBase(doc, pageUrl);
  const lang = documentLang(doc);
  const leadImageUrl = leadImage(doc, base);
  removeAds(doc);
  removeCommentSection(doc);
  fixImages(doc, base);
  fixLinks(doc, base);
  const lead = leadFigure(doc, leadImageUrl);

  // The content comes back as a node, not a string, to measure its links before serializing.
  const article = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse();
  if (!article?.content) return null;
  const text = (article.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length < MIN_TEXT || linkShare(article.content, text.length) > MAX_LINK_SHARE) return null;
  if (lead) addLeadFigure(article.content, lead);

  return {
    title: clean(article.title) ?? clean(meta(doc, 'og:title')),
    byline: clean(article.byline),
    html: article.content.innerHTML,
    textLength: text.length,
    lang,
    dir: direction(article.dir) ?? direction(doc.documentElement.getAttribute('dir')) ?? direction(doc.body.getAttribute('dir')),
    siteName: clean(article.siteName),
    leadImageUrl: lead?.src ?? leadImageUrl,
  };
}

/** The page's <base href> when it is a web URL (resolved against the page), else the page URL.
 *  linkedom has no notion of a document URL, so every URL is made absolute here, before
 *  Readability (whose own fixing relies on document.baseURI) sees them. */
function documentBase(doc: Document, pageUrl: string): URL | null {
  const pageBase = parseBase(pageUrl);
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  const declared = href ? webUrl(href, pageBase) : null;
  for (const element of doc.querySelectorAll('base')) element.remove();
  return declared ? new URL(declared) : pageBase;
}

function documentLang(doc: Document): string | null {
  const raw =
    doc.documentElement.getAttribute('lang') ??
    doc.body.getAttribute('lang') ??
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ??
    meta(doc, 'og:locale');
  const lang = raw?.trim().replace(/_/g, '-').split(/[\s,]/)[0];
  return lang && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(lang) ? lang : null;
}

const LEAD_IMAGE_META = ['og:image:secure_url', 'og:image:url', 'og:image', 'twitter:image', 'twitter:image:src'];

function leadImage(doc: Document, base: URL | null): string | null {
  for (const name of LEAD_IMAGE_META) {
    const url = webUrl(meta(doc, name), base);
    if (url) return url;
  }
  return null;
}

interface LeadFigure {
  readonly src: string;
  readonly alt: string | null;
  readonly caption: string | null;
}

/** The lead image as the page shows it: an <img> in the body that is the og:image, perhaps in
 *  another size (WordPress names them name-1024x683.jpg). Themes put it above the article's
 *  text, where Readability leaves it out; an og:image the page does not show (a logo, a social
 *  card) is no part of the article. */
function leadFigure(doc: Document, leadImageUrl: string | null): LeadFigure | null {
  if (!leadImageUrl) return null;
  const wanted = sameImageKey(leadImageUrl);
  for (const img of doc.body.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src')!;
    if (sameImageKey(src) !== wanted) continue;
    const caption = img.closest('figure')?.querySelector('figcaption')?.textContent;
    return { src, alt: img.getAttribute('alt'), caption: clean(caption) };
  }
  return null;
}

function sameImageKey(url: string): string {
  return url.replace(/[?#].*$/, '').replace(/-\d+x\d+(\.\w+)$/, '$1');
}

function addLeadFigure(content: Element, lead: LeadFigure): void {
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
  page.insertBefore(figure, page.firstChild);
}

function meta(doc: Document, name: string): string | null {
  for (const element of doc.querySelectorAll('meta[property], meta[name]')) {
    const key = element.getAttribute('property') ?? element.getAttribute('name');
    if (key?.toLowerCase() === name) return element.getAttribute('content');
  }
  return null;
}

// Ad slots that Readability's own "unlikely candidate" names miss (it knows "-ad-" but not
// "advert", "inline-ad", "adsbygoogle"...). Matched on whole class/id tokens, so "header" or
// "download" never match; and an element holding real text (an "ad-free" article body, say)
// is kept whatever its name.
const AD_TOKEN = /^(?:ads?|adv|advert\w*|advertisement|adsbygoogle|sponsored|ad[-_]\w+|\w+[-_]ads?|div-gpt-ad\w*|dfp[-_]\w*)$/i;

function removeAds(doc: Document): void {
  for (const element of doc.querySelectorAll('[class], [id]')) {
    const tokens = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
    if (!tokens.some((token) => AD_TOKEN.test(token))) continue;
    if (element.querySelector('article, main') || element.querySelectorAll('p').length > 2) continue;
    element.remove();
  }
}

// The page's own comment section (WordPress's classic and block themes): the reader shows the
// discussion itself, threaded and with its own composer, so the page's copy (its list, "Leave a
// Reply" and the form's labels) would show it twice. Kept if it wraps the article itself.
const COMMENT_SECTION =
  '#comments, #respond, .comment-respond, .comments-area, .wp-block-comments, .wp-block-post-comments, .wp-block-post-comments-form, ol.commentlist, ol.comment-list, .no-comments';

function removeCommentSection(doc: Document): void {
  for (const element of doc.querySelectorAll(COMMENT_SECTION)) {
    if (element.querySelector('article, main, h1')) continue;
    element.remove();
  }
}

const LAZY_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-orig-src', 'data-url', 'data-hi-res-src', 'data-srcset', 'data-lazy-srcset', 'srcset', 'sizes', 'data-sizes'];

/** Each image gets its real source as an absolute src, and loses the lazy-loading attributes, so
 *  neither Readability's placeholder removal nor the sanitizer's web-URL rule drops it. */
function fixImages(doc: Document, base: URL | null): void {
  for (const img of doc.querySelectorAll('img')) {
    let source = imageSource((name) => img.getAttribute(name));
    if (!source && img.parentElement?.tagName === 'PICTURE') {
      const sourceElement = img.parentElement.querySelector('source[srcset]');
      source = sourceElement ? imageSource((name) => (name === 'srcset' ? sourceElement.getAttribute(name) : null)) : null;
    }
    const src = webUrl(source, base);
    for (const name of LAZY_ATTRIBUTES) img.removeAttribute(name);
    if (src) img.setAttribute('src', src);
    else img.removeAttribute('src');
    // Readability treats class "lazy" images as still to fix and would copy other attributes over src.
    img.removeAttribute('class');
  }
  for (const media of doc.querySelectorAll('video[src], audio[src], source[src]')) {
    const src = webUrl(media.getAttribute('src'), base);
    if (src) media.setAttribute('src', src);
    else media.removeAttribute('src');
  }
}

function fixLinks(doc: Document, base: URL | null): void {
  for (const link of doc.querySelectorAll('a[href]')) {
    const url = resolveUrl(link.getAttribute('href'), base);
    if (url) link.setAttribute('href', url.href);
  }
}

/** The depth of the deepest element, walked without recursion (the tree may be deep). */
function depthOf(root: Element): number {
  let deepest = 0;
  let depth = 0;
  let node: Element | null = root;
  while (node) {
    deepest = Math.max(deepest, depth);
    if (node.firstElementChild) {
      node = node.firstElementChild;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return deepest;
}

/** Share of the text that sits inside links. */
function linkShare(content: Element, textLength: number): number {
  let linked = 0;
  for (const link of content.querySelectorAll('a')) linked += (link.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return linked / textLength;
}

function direction(value: string | null | undefined): 'ltr' | 'rtl' | null {
  const lower = value?.trim().toLowerCase();
  return lower === 'ltr' || lower === 'rtl' ? lower : null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}
