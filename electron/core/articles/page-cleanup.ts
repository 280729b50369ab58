// What a page holds that Readability would take for article text, removed before it runs: ad
// slots its own "unlikely candidate" names miss, the site's masthead, menus and footer, text only screen readers
// get, the previous/next-post links themes put under every article, and block themes' post meta
// ("Posted", the date, "in", the categories, "by", "Tags:"). Works on the linkedom DOM of extract.ts.

export function removePageChrome(doc: Document): void {
  removeAds(doc);
  // The site's masthead, menus and footer (a header, footer or nav outside any article or
  // section belongs to the whole site): on a short page Readability falls back to the whole body
  // and keeps them, or even takes the footer for the article. A table of contents in the article,
  // an article's own header, a quotation's footer stay.
  for (const element of doc.querySelectorAll('header, footer, nav, [role="banner"], [role="contentinfo"], [role="navigation"]')) {
    if (!element.parentElement?.closest(SECTIONING)) element.remove();
  }
  // Twenty Twenty-One and many themes end each post with <nav class="post-navigation"> and a
  // hidden "Post navigation" heading; Readability drops the links but keeps the heading.
  for (const element of doc.querySelectorAll(POST_NAVIGATION)) element.remove();
  // Text a sighted reader never sees ("Post navigation", "(opens in a new tab)", "Posted on").
  for (const element of doc.querySelectorAll(SCREEN_READER_ONLY)) element.remove();
  // Wikipedia's "[edit]" links beside each heading: Readability takes the heading's block for a
  // link farm and drops the heading with them.
  for (const element of doc.querySelectorAll('.mw-editsection')) element.remove();
  removePostMeta(doc);
}

// Block themes (Twenty Twenty-Three) put the post's date, categories, author and tags in blocks of
// their own, between one-word paragraphs ("Posted", "in", "by", "Tags:") in groups and columns
// beside the post's content; Readability takes the content's parent and keeps those words as lines.
const POST_META = '.wp-block-post-date, .wp-block-post-terms, .wp-block-post-author, .wp-block-post-author-name';
// What a meta block's surroundings may hold besides it: a few words (40 characters, spaces aside), never the article's own.
const META_TEXT = 40;
const NOT_META = 'h1, h2, h3, h4, h5, h6, img, figure, video, table, blockquote, pre, .wp-block-post-content, .entry-content, .wp-block-post-title, .wp-block-comments';

/** Removes each meta block with the widest group around it that holds nothing but meta and a few words. */
function removePostMeta(doc: Document): void {
  for (const meta of doc.querySelectorAll(POST_META)) {
    if (!meta.isConnected) continue;
    let widest: Element = meta;
    for (let node = meta.parentElement; node && node !== doc.body && !node.matches('main, article, [role="main"]'); node = node.parentElement) {
      if (node.querySelector(NOT_META) || textBesideMeta(node) > META_TEXT) break;
      widest = node;
    }
    widest.remove();
  }
}

function textBesideMeta(element: Element): number {
  let meta = 0;
  for (const block of element.querySelectorAll(POST_META)) meta += (block.textContent ?? '').replace(/\s+/g, '').length;
  return (element.textContent ?? '').replace(/\s+/g, '').length - meta;
}

const SECTIONING = 'article, main, section, aside, blockquote, figure, [role="main"], .entry-content, .post-content, .article-body';
const POST_NAVIGATION = '.post-navigation, .posts-navigation, .comment-navigation, .navigation.pagination, .wp-block-post-navigation-link, nav[aria-label="Posts"], nav[aria-label="Post navigation"]';
const SCREEN_READER_ONLY = '.screen-reader-text, .sr-only, .visually-hidden, .screen-reader-only, .assistive-text';

// Matched on whole class/id tokens, so "header" or "download" never match; and an element holding
// real text (an "ad-free" article body, say) is kept whatever its name.
const AD_TOKEN = /^(?:ads?|adv|advert\w*|advertisement|adsbygoogle|sponsored|ad[-_]\w+|\w+[-_]ads?|div-gpt-ad\w*|dfp[-_]\w*)$/i;

function removeAds(doc: Document): void {
  for (const element of doc.querySelectorAll('[class], [id]')) {
    const tokens = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
    if (!tokens.some((token) => AD_TOKEN.test(token))) continue;
    if (element.querySelector('article, main') || element.querySelectorAll('p').length > 2) continue;
    element.remove();
  }
}

/** A page whose one <article> holds most of its prose is read from that article alone: what
 *  sits beside it (most-read lists, related stories, comment forms) is the site's, and
 *  Readability keeps some of it when it takes the article's parent. */
export function keepOnlyTheArticle(doc: Document): void {
  const articles = doc.querySelectorAll('article');
  if (articles.length !== 1) return;
  const article = articles[0]!;
  if (proseLength(article) < proseLength(doc.body) * ARTICLE_SHARE) return;
  for (let node: Element = article; node !== doc.body && node.parentElement; node = node.parentElement) {
    for (const sibling of [...node.parentElement.children]) if (sibling !== node) sibling.remove();
  }
}

// Share of the page's prose that must be inside its <article> for the rest to be left out.
const ARTICLE_SHARE = 0.6;

/** Length of the text outside links: the prose, not the menus. */
function proseLength(element: Element): number {
  let links = 0;
  for (const link of element.querySelectorAll('a')) links += (link.textContent ?? '').length;
  return (element.textContent ?? '').length - links;
}
