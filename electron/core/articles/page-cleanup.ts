// What a page holds that Readability would take for article text, removed before it runs: ad
// slots its own "unlikely candidate" names miss, the site's masthead, menus and footer, text only screen readers
// get, the previous/next-post links themes put under every article, and block themes' post meta
// ("Posted", the date, "in", the categories, "by", "Tags:"), the page's own comment section, and
// the buttons and badges blogging platforms put in the post itself (Medium's byline bar and
// "Member-only story", Substack's Share and Subscribe buttons), the newsletter sign-up boxes
// sites put in the middle of the text, "Read more: <link>" lines, blocks of links under "More on
// this story", lines that only date the page, and code listings' line numbers. Works on the
// linkedom DOM of extract.ts. Also the opposite: the blocks of the article Readability would drop
// for their shape, not their content (embed cards, a quotation's attribution, a fact box, a live
// blog update's time), for extract.ts to set aside while it runs.
import { parseDate } from '../feeds';
import { closedPanels, isCollapsedProse, namesPanelPart, showCollapsedPanels } from './collapsed-panels';
import { removeCommentThreads } from './comment-threads';
import { isServiceLauncher, removeServiceLaunchers } from './service-launchers';
import { namesConsentBanner, removeConsentBanners } from './consent-banners';
import { mayNameMediaPlace } from './media-wrappers';
import { dropsSluggedHeading, readabilityDropsName, unweigh } from './readability-names';
import { disclosureBlock, isAppPromoLine, isBackToListLine, isFollowUsLine, isListenLabel, isTagsLine, isViewsCounter, removeListenPlayers } from './site-lines';
import { ELEMENT_NODE, TEXT_NODE, elementsByTag, firstText, holdsMoreTextThan, holdsOwnText, holdsTextAlone, linkedLength, textLength } from './page-walk';
import { SUBSTACK_ACTION } from './platform-furniture';
import { structuredArticleBody, structuredCommentTexts } from './script-rendered';
import { APP_STATE_IDS, isNuxt2StateScript } from './app-state';
import { isNamedStandfirst, isStandfirstName } from './standfirst';
import { isImageStandIn } from './urls';
import { removeHeadingLabels } from './heading-labels';
import { removeSupportBoxes } from './support-boxes';
import { removeFundingAppeals } from './funding-appeals';
import { isInlinePromo } from './inline-promos';
import { introducedLinkList } from './introduced-link-lists';
import { isNewsroomTrailer } from './newsroom-trailers';
import { withoutModuleHash } from './css-module-names';
import { isSectionAndDate, isSectionLabel } from './section-labels';
import { isDatelineStamp } from './dateline-stamps';
import { removeSiteLinesBetweenBreaks } from './break-lines';
import { claimReviewCard } from './claim-review';
import { keepContentsList, mayBeContents, moveContentsIntoText } from './contents-beside-text';
import { isShareCounter } from './share-counters';
import { isPaidLabel, paywallBoxOf } from './paywall-marks';
import { isVideoPlaylist } from './video-playlists';
import { describedPlayerOf, isRunningTime, videoTeaserOf } from './video-teasers';
import { isEndMarkLine } from './closing-lines';
import { isPullQuote, removeRepeatedPullQuotes } from './pull-quotes';
import { isPictureCredit } from './picture-credits';
import { isForeignRelatedBox, WORLD_RELATED_HEADINGS } from './related-world-names';
import { isCardAction, removeButton, removeCardAction, removeSwitch } from './page-controls';
import { isCardsOfLinks, isReadMoreLine, readMoreBox as findReadMoreBox, RELATED_BLOCK_TEXT } from './read-more-lines';
import { siteOfHost } from '../http';

/** Removes the chrome `findPageParts` found on the page: `page` is the source it was built from
 *  and the address it came from. */
export function removePageChrome(doc: Document, found: PageParts, page: { readonly html: string; readonly url: string }): void {
  // Avada, the theme of many WordPress sites, names every page's root after its layout
  // (<html class="avada-html-layout-wide avada-html-header-position-top">): Readability removes
  // any element but <body> whose names say "header", "menu" or "sidebar" before it reads, the root
  // itself too, and found no article on the page at all.
  if (readabilityDropsName(doc.documentElement)) unweigh(doc.documentElement);
  // One walk found what every step below removes; a step passes over what an earlier one took
  // with its container. (A query per step walked the whole page each time.)
  removeAds(found.ads);
  // A cookie banner its consent plugin rendered in the page: its legal paragraph read as the story.
  removeConsentBanners(found.consentBanners, [found.headline, ...found.paragraphs]);
  // The site's masthead, menus and footer (a header, footer or nav outside any article or
  // section belongs to the whole site): on a short page Readability falls back to the whole body
  // and keeps them, or even takes the footer for the article. A table of contents in the article,
  // an article's own header, a quotation's footer stay.
  // The page's DOM is usually built without them (page-document.ts, with the same rule); one
  // built whole (a comment form in them) has them removed here.
  for (const element of onPage(found.landmarks)) {
    if (!element.parentElement?.closest(SECTIONING)) element.remove();
  }
  // Twenty Twenty-One and many themes end each post with <nav class="post-navigation"> and a
  // hidden "Post navigation" heading; Readability drops the links but keeps the heading. And the
  // site's breadcrumb trail, labelled so, inside the page's <main>.
  for (const element of onPage(found.postNavigation)) element.remove();
  // Text a sighted reader never sees ("Post navigation", "(opens in a new tab)", "Posted on").
  // A drop cap is written twice, the letter shown hidden from screen readers and a copy for them
  // only: the shown one stays, as the text it is (Readability drops what is aria-hidden).
  for (const element of onPage(found.screenReaderOnly)) {
    visibleTwin(element)?.removeAttribute('aria-hidden');
    element.remove();
  }
  // An FAQ's answers and an accordion's sections, closed until a reader clicks their question.
  showCollapsedPanels(found.accordionParts, closedPanels(doc, found.controls));
  // A table of contents, kept: a disclosure or a titled list beside the text moved into it, a
  // navigation landmark in it left there (contents-beside-text.ts).
  for (const details of onPage(found.disclosures)) moveContentsIntoText(details);
  for (const list of onPage(found.contentsLists)) keepContentsList(list);
  // Wikipedia's "[edit]" links beside each heading: Readability takes the heading's block for a
  // link farm and drops the heading with them. And the wiki's tagline above the text, and its
  // hatnotes ("This article is about ... For ..., see ..."): pointers to other pages of the wiki.
  for (const element of onPage(found.editLinks)) element.remove();
  for (const heading of onPage(found.subheadings)) {
    removeOwnPermalink(heading);
    removeControlTooltips(heading);
  }
  unhideSlides(found.slideshows);
  // A slideshow's "1 of 3" under each slide's caption: its script's, as the arrows beside it are.
  for (const element of onPage(found.slideCounters)) element.remove();
  removePostMeta(doc, found.postMeta);
  // The page's own comment section (WordPress's classic and block themes): the reader shows the
  // discussion itself, threaded and with its own composer, so the page's copy (its list, "Leave a
  // Reply" and the form's labels) would show it twice. Kept if it wraps the article itself.
  for (const element of onPage(found.comments)) {
    if (!wrapsTheArticle(element)) element.remove();
  }
  // And those named for nothing a name test knows, told by their shape (comment-threads.ts).
  const structured = found.structuredData.map((script) => script.textContent ?? '');
  removeCommentThreads(doc, found.headline, structuredCommentTexts(structured), structuredArticleBody(structured), page.html);
  // And a service's thread, which its script shows: the page's links to it (service-launchers.ts).
  removeServiceLaunchers(doc, found.serviceLaunchers);
  // After the threads: a commenter's avatar is one of the marks of a thread.
  removeAuthorBoxes(found);
  removePlatformControls(found);
  removeSignupBoxes(found.forms);
  // Its like without a form: "Support Riverbank Radio", a line and a button (support-boxes.ts).
  removeSupportBoxes(found.subheadings, siteNameOf(found.metas));
  // …and one in the site's own words, naming it, with its button (funding-appeals.ts).
  removeFundingAppeals(found.paragraphs, siteNameOf(found.metas));
  removeCodeLineNumbers(found);
  // "Read more: <a link to another story>" between the paragraphs: the site's, not the story's.
  for (const line of onPage(found.readMoreLines)) line.remove();
  // …and such a line written between <br>s in the block that holds the story (break-lines.ts).
  for (const block of onPage(found.paragraphs)) removeSiteLinesBetweenBreaks(block, isSiteLineOfItsOwn);
  // The template's lines around every story: its views counter, its link back to the list, its
  // text-to-speech player, an academic's disclosure statement (site-lines.ts).
  for (const line of onPage(found.siteLines)) line.remove();
  // A video's card between the paragraphs, its still, title, running time and source: the player
  // is not in the copy, and the rest read as a line of the story (video-teasers.ts). Told by its
  // running time, or by the VideoObject its player's embed code writes in it.
  // Or, when it makes no card, the time of a live blog's update, in a head Readability would drop
  // with the author's name beside it: kept as a line (keepUpdateClock).
  for (const stamp of onPage(found.runningTimes)) {
    const card = videoTeaserOf(stamp);
    if (card) card.remove();
    else keepUpdateClock(stamp);
  }
  for (const script of onPage(found.structuredData)) describedPlayerOf(script)?.remove();
  removeListenPlayers(found.listenLabels);
  // A line of the story set again in large type beside it: in the copy, the line said twice.
  removeRepeatedPullQuotes(found.pullQuotes, found.paragraphs);
  for (const heading of onPage(found.subheadings)) disclosureBlock(heading)?.remove();
  // "Published: 11 March 2024", "Last updated: ...": the reader shows the article's date itself;
  // "© RIPRODUZIONE RISERVATA", "责任编辑：...": the site's lines, not the story's.
  for (const line of onPage(found.dateLines)) line.remove();
  // A live blog update's head (updateHead): its time is the update's, as a line of its own; its
  // badges ("Key event", "Pinned post") and its author's avatar and name are the live page's.
  for (const time of onPage(found.times)) {
    const head = updateHead(time);
    if (head) head.replaceWith(...timeLine(head));
  }
  removeRelatedStories(found.subheadings);
  unweighSectionHeaders(found.subheadings);
  unweighUnlinkedLists(found.relatedLists);
  texFormulasAsText(found.texFormulas);
  if (found.headline) removeHeadlineKickers(found.headline, page.url);
  // A release's "Latest", a post's "New": the site's label of the day, not the text's.
  removeHeadingLabels(found.headline ? [found.headline, ...found.subheadings] : found.subheadings);
  for (const caption of onPage(found.captions)) {
    removeLicensingLinks(caption);
    spaceCaptionParts(caption);
    // Le Monde hides its captions from screen readers (the picture's alt says it), and
    // Readability drops what is aria-hidden: the caption is shown to every sighted reader.
    caption.removeAttribute('aria-hidden');
  }
  // An embed's card sets its metadata side by side the same way (Ghost's bookmark: "<span>Site</span>
  // <span>Author</span>", a dot between them drawn by its style).
  for (const card of onPage(found.embedCards)) spaceCaptionParts(card);
  // A frame becomes a link in the copy ("Embed: <title> (<host>)"), in the line of the words the
  // page set right after it: a blog card's cite (Hatena's <iframe class="embed-card"><cite>host</cite>)
  // read glued to it, "(hatenablog-parts.com)cyclekazu.hatenablog.com". The frame's own box set them apart.
  for (const frame of onPage(found.frames)) if (frame.nextSibling?.nodeType === ELEMENT_NODE) frame.after(frame.ownerDocument.createTextNode(' '));
  // Last: the steps above tell boxes by their buttons (a sign-up's, a consent banner's, a panel's).
  for (const control of onPage(found.controls)) {
    if (control.localName === 'button') removeButton(control);
    else if (control.localName === 'input') removeSwitch(control);
    else removeCardAction(control);
  }
}

/** A line the walk of findPageParts removes as a paragraph of its own: a "Read more: <link>", a
 *  follow-us or app line, the site's promotion, a newsroom's trailer. */
function isSiteLineOfItsOwn(line: Element): boolean {
  return isReadMoreLine(line) || isFollowUsLine(line) || isAppPromoLine(line) || isSitePromoLine(line) || isNewsroomTrailer(line) || isInlinePromo(line);
}

/** The site's name, as its og:site_name gives it. */
function siteNameOf(metas: readonly Element[]): string | null {
  const meta = metas.find((element) => element.getAttribute('property') === 'og:site_name');
  return meta?.getAttribute('content')?.trim() || null;
}

/** Letters or digits: what a link's label needs to say something. */
const WORDS = /[\p{L}\p{N}]/u;

/** A heading's link to itself, a mark the page shows beside it on hover ("¶" after Sphinx's and
 *  MkDocs' headings, "#", "🔗", Docusaurus' zero-width one): read offline it is a stray sign at
 *  the end of every heading. A link with words is the heading's text, and stays. */
function removeOwnPermalink(heading: Element): void {
  const id = heading.getAttribute('id');
  if (id === null) return;
  for (const link of heading.getElementsByTagName('a')) {
    if (link.getAttribute('href') !== `#${id}` || WORDS.test(link.textContent ?? '')) continue;
    link.remove();
    return;
  }
}

/** A control's tooltip written into a heading beside it: Google Sites gives every heading a hidden
 *  "Copy heading link" button whose tooltip (<div class="QTKDff">Copy heading link</div>, named
 *  its description by the button's aria-describedby) read as a line over each heading. What a
 *  control describes itself with is the control's, as its label is: both go. */
function removeControlTooltips(heading: Element): void {
  for (const control of heading.querySelectorAll('[aria-describedby]')) {
    const label = (control.getAttribute('aria-label') ?? control.getAttribute('data-tooltip') ?? '').trim();
    for (const id of (control.getAttribute('aria-describedby') ?? '').split(/\s+/)) {
      const tip = [...heading.querySelectorAll('[id]')].find((element) => element.getAttribute('id') === id);
      if (tip && (tip.getAttribute('role') === 'tooltip' || (label !== '' && (tip.textContent ?? '').trim() === label))) tip.remove();
    }
    if (label !== '' && (control.getAttribute('role') === 'button' || control.getAttribute('role') === 'presentation' || control.localName === 'button')) control.remove();
  }
}

/** A site's logo or name set as an <h1> in its masthead (JNews, many older themes: <h1
 *  class="site-title"><a href="/"><img ...></a></h1>): the page's headline is a later <h1>. */
function isSiteLogo(h1: Element): boolean {
  if (h1.querySelector('img, svg')) return true;
  const link = h1.querySelector('a[href]');
  if (!link) return false;
  const href = link.getAttribute('href')!.trim();
  return href === '/' || /^https?:\/\/[^/]+\/?$/i.test(href);
}

/** A name Readability takes for a page's header, and removes with all it holds before it reads. */
const HEADER_NAME = /header/i;
/** The most a section's header holds besides its heading: a label ("Chapter I"), a line. */
const SECTION_HEADER_TEXT = 200;
/** How far above a subheading its header wrappers go. */
const SECTION_HEADER_LEVELS = 3;

/**
 * A section's own header in the article (<header class="chapter__header"><p>Chapter I</p><h2>The
 * flood</h2></header>, BEM's "section__header", or the heading's own "section-header"): Readability
 * reads the name as the page's header and removed the chapter's title with it. The name goes from
 * a subheading, what it holds, and each small wrapper of it.
 */
function unweighSectionHeaders(subheadings: readonly Element[]): void {
  for (const heading of onPage(subheadings)) {
    // Most headings have no such name near them: looked for first, cheaply.
    if (!namesHeaderNear(heading) || !heading.parentElement?.closest('article, main, [role="main"]')) continue;
    // The heading itself and what it holds too ("<h2 class="section-header"><span class="section-header__text">").
    for (const element of [heading, ...heading.querySelectorAll('[class], [id]')]) unweighHeaderName(element);
    const limit = (heading.textContent ?? '').length + SECTION_HEADER_TEXT;
    let wrapper: Element | null = heading.parentElement;
    for (let level = 0; wrapper && level < SECTION_HEADER_LEVELS; level++, wrapper = wrapper.parentElement) {
      const tag = wrapper.localName;
      if (tag === 'article' || tag === 'main' || tag === 'body' || holdsMoreTextThan(wrapper, limit)) break;
      unweighHeaderName(wrapper);
    }
  }
}

/** A list named "related" that links nowhere (the BBC's summary of a live page, in
 *  ul.lx-stream-related-story--list): Readability drops it for the name, which stories' lists of
 *  other stories have; a list of plain facts is no such list. */
function unweighUnlinkedLists(lists: readonly Element[]): void {
  for (const list of onPage(lists)) if (!list.querySelector('a[href]')) list.removeAttribute('class');
}

/** Whether "header" is in a name of the heading, what it holds, or its wrappers within reach. */
function namesHeaderNear(heading: Element): boolean {
  const named = (element: Element) => (element.getAttribute('class') ?? '').includes('eader') || (element.getAttribute('id') ?? '').includes('eader');
  if (named(heading) || heading.querySelector('[class*="eader"], [id*="eader"]')) return true;
  let wrapper = heading.parentElement;
  for (let level = 0; wrapper && level < SECTION_HEADER_LEVELS; level++, wrapper = wrapper.parentElement) if (named(wrapper)) return true;
  return false;
}

function unweighHeaderName(element: Element): void {
  if (HEADER_NAME.test(element.getAttribute('class') ?? '') || HEADER_NAME.test(element.getAttribute('id') ?? '')) {
    element.removeAttribute('class');
    element.removeAttribute('id');
  }
}

/** What German, French and other news sites set in the headline above its words ("Dachzeile",
 *  "kicker", "surtitre", "overline", "eyebrow"), as the last part of a class name; and the section's
 *  "label" English ones set there (Vox's "duet--article--label"), and a live page's "Live" badge. */
const KICKER_NAMES = new Set(['kicker', 'label', 'badge', 'dachzeile', 'overline', 'eyebrow', 'topline', 'roofline', 'supertitle', 'surtitre', 'headline-intro']);

/** The kicker inside the page's headline ("<h1><span class="kicker">Nachtragshaushalt nötig</span>
 *  <span>Sanierung wird teurer</span></h1>"): its words made the headline differ from the title,
 *  and Readability kept it as the text's first line. */
function removeHeadlineKickers(headline: Element, pageUrl: string): void {
  for (const part of headline.querySelectorAll('[class]')) if (namesKicker(part)) part.remove();
  // Or just above it, a line of its own in the article's header ("<p class="article__kicker">
  // Ludwigshafen</p><h1>…"), past a badge or two beside it; or the section's name there, named
  // so by no class (section-labels.ts).
  let above = headline.previousElementSibling;
  for (let step = 0; above && step < KICKER_STEPS; step++, above = above.previousElementSibling) {
    if (holdsMoreTextThan(above, KICKER_TEXT) || !(namesKicker(above) || isSectionLabel(above, pageUrl) || isSectionAndDate(above))) continue;
    above.remove();
    break;
  }
}

/** How far above the headline its kicker may stand, and how long it is: a few words. */
const KICKER_STEPS = 3;
const KICKER_TEXT = 80;

function namesKicker(part: Element): boolean {
  // A CSS module's name without its hash ("Article_kicker__s3T4u").
  const names = (part.getAttribute('class') ?? '').split(/\s+/).map((name) => withoutModuleHash(name).toLowerCase());
  return names.some((name) => KICKER_NAMES.has(name.slice(Math.max(name.lastIndexOf('-'), name.lastIndexOf('_')) + 1)) || KICKER_NAMES.has(name));
}

/** A news agency's offer to sell the picture, as a link in its caption ("Purchase Licensing Rights",
 *  Reuters'; "Buy this photo"): the agency's, not the caption's. */
const LICENSING_LINK = /^\s*(?:purchase licensing rights|buy (?:this )?(?:photo|image|picture|print)|license this (?:photo|image|picture)|order (?:a )?(?:reprint|print)s?)\s*$/i;

function removeLicensingLinks(caption: Element): void {
  for (const link of elementsByTag(caption, 'a')) if (LICENSING_LINK.test(link.textContent ?? '') || LIGHTBOX_LINK.test(link.textContent ?? '')) link.remove();
  // A label that only says what the picture is ("IMAGE:" over EurekAlert!'s captions), an element
  // of its own: the copy shows the picture above.
  for (const part of caption.querySelectorAll('h2, h3, h4, h5, h6, span, strong, b')) {
    if (part.firstElementChild === null && MEDIA_LABEL.test(part.textContent ?? '')) part.remove();
  }
}

/** A caption's link to the picture's own page or lightbox ("view more", "Enlarge"): the page's
 *  control, which the copy, showing the picture, has no use for. */
const LIGHTBOX_LINK = /^\s*(?:view (?:more|larger|full[- ]size|image|gallery)|enlarge(?: (?:image|photo))?|expand(?: image)?|see (?:larger|full[- ]size))\s*$/i;
/** What a caption labels its picture as, alone in an element. */
const MEDIA_LABEL = /^\s*(?:image|photo|picture|graphic|video)\s*:\s*$/i;

/**
 * A caption's (or a card's) parts spaced apart. News sites set a caption and its credit side by side as elements
 * spaced by their style ("<span>On Monday.</span><span>Credit...</span><span>Jo Park</span>"),
 * which read as one run of text without it: "On Monday.Credit...Jo Park", in the copy and its text.
 * A credit named so is set apart after the caption's bare text too (ABC Australia's "a third.<span
 * class="Figure_credit">(ABC Rural: …)</span>"); any other element after text is a part of its
 * word ("H<sub>2</sub>O").
 */
function spaceCaptionParts(caption: Element): void {
  for (const part of caption.querySelectorAll('*')) {
    // A ruby's reading and its brackets are set over its characters, not beside them.
    if (part.parentElement?.localName === 'ruby') continue;
    const before = part.previousSibling;
    const after = before?.nodeType === ELEMENT_NODE || (before?.nodeType === TEXT_NODE && namesCredit(part));
    if (!after || !/\S$/.test(before!.textContent ?? '') || !/^\S/.test(part.textContent ?? '')) continue;
    part.before(caption.ownerDocument.createTextNode(' '));
  }
}

/** The names CMSs give a caption's credit, set apart from the caption's text by its style alone
 *  (Quintype's "…ছবিটি তোলা<span class="attribution">ছবি: …</span>"). */
const CREDIT_NAME = /credit|attribution|copyright|photographer|byline|source/i;

function namesCredit(part: Element): boolean {
  return CREDIT_NAME.test(part.getAttribute('class') ?? '');
}

const TEX_SCRIPT = /^\s*math\/tex\b/i;

/**
 * A formula written for MathJax as <script type="math/tex"> (Jekyll's kramdown, many academic
 * blogs): its TeX is the formula, for a reader without MathJax; as a script, Readability and the
 * sanitizer dropped it, and the sentences read "at step be ." Kept as its TeX, in a line of its
 * own when displayed ("; mode=display").
 */
function texFormulasAsText(formulas: readonly Element[]): void {
  for (const script of onPage(formulas)) {
    const tex = (script.textContent ?? '').trim();
    const display = /mode\s*=\s*display/i.test(script.getAttribute('type') ?? '');
    if (!tex) {
      script.remove();
      continue;
    }
    const shown = script.ownerDocument.createElement(display ? 'p' : 'span');
    shown.textContent = tex;
    script.replaceWith(shown);
  }
}

/** The headings sites put over their links to other stories, in the languages of most feeds.
 *  Not "See also" nor "Further reading": an encyclopedia's own lists of links. */
const RELATED_HEADING = new RegExp(
  '^(?:more (?:on|about) this (?:story|topic)|more (?:(?:news|stories|articles|posts|releases) )?from [^.!?]{1,40}|related(?: (?:stories|articles|posts|content|coverage|links|reading|topics))?' +
    "|you (?:may|might) also (?:like|enjoy)|recommended(?: for you| reading| stories)?|read (?:more|next)|more to (?:read|explore|watch)|(?:most|top) (?:read|popular|viewed|shared)" +
    "|(?:more |stories )?for you|popular (?:now|stories)|editor'?s picks|trending(?: now)?|explore(?: more)?(?: (?:topics|stories|news))?|(?:à )?lire aussi|mehr zum thema|das könnte sie auch interessieren|lees ook" +
    '|leggi anche|te puede interesar|más noticias|関連(?:ニュース|記事)|相关(?:新闻|阅读|文章)|相關(?:新聞|閱讀)|관련\\s?기사|مواضيع ذات صلة|أخبار ذات صلة|اقرأ أيضاً?|' + WORLD_RELATED_HEADINGS + ')$',
  'i',
);
const RELATED_LINK_SHARE = 0.6;
/** The blocks a box of related stories is built of. */
const RELATED_BOX_TAGS = new Set(['div', 'section', 'aside', 'ul']);

/**
 * A block of links to other stories under such a heading ("More on this story", "Related",
 * "More from the journal"), as a <section>, <aside> or <div> of its own: Readability keeps a list
 * of links, and the cards that give a teaser beside each.
 */
function removeRelatedStories(subheadings: readonly Element[]): void {
  for (const heading of onPage(subheadings)) {
    if (!RELATED_HEADING.test((heading.textContent ?? '').trim().replace(/\s+/g, ' '))) continue;
    const block = heading.parentElement;
    if (!block) continue;
    // The heading and the list of links just after it, straight in the story's text (Forbes's
    // "More From Forbes" above a list of cards).
    const next = heading.nextElementSibling;
    if (next && (next.localName === 'ul' || next.localName === 'ol') && isCardsOfLinks(next)) {
      next.remove();
      heading.remove();
      continue;
    }
    if (!isRelatedBlockTag(block)) continue;
    const headingText = textLength(heading);
    const text = textLength(block) - headingText;
    if (text > 0) {
      if (text <= RELATED_BLOCK_TEXT && linkedLength(block) >= text * RELATED_LINK_SHARE) block.remove();
      continue;
    }
    // A page builder's heading block, the links in the block after it (Squarespace's summary
    // block, Elementor's posts widget): cards of a title, a date and a teaser each.
    let own: Element = block;
    while (own.parentElement && isRelatedBlockTag(own.parentElement) && textLength(own.parentElement) === headingText) own = own.parentElement;
    const cards = own.nextElementSibling;
    if (cards && isRelatedBlockTag(cards) && isCardsOfLinks(cards)) {
      cards.remove();
      own.remove();
    }
  }
}

function isRelatedBlockTag(element: Element): boolean {
  return ['section', 'aside', 'div', 'nav'].includes(element.localName) && !element.querySelector('h1, article, main');
}

/** The classes highlighters give a listing's line numbers when they write them inline, beside
 *  each line (Chroma's lnt and ln, Pygments' linenos, highlight.js's line-numbers plugin). */
const CODE_LINE_NUMBERS = new Set(['lnt', 'ln', 'linenos', 'lineno', 'hljs-ln-numbers', 'hljs-ln-n', 'rouge-gutter', 'gutter']);
const DIGITS_ONLY = /^[\d\s]+$/;

/**
 * A code listing's line numbers ("1 2 3 4 5 6 7 8" as a line of the text): the column of them
 * that Hugo (Chroma), Jekyll (Rouge) and Pygments put in a table cell beside the code, and the
 * numbers some write inline at each line. Only beside code: the same class names lay out pages.
 */
function removeCodeLineNumbers(found: PageParts): void {
  for (const element of onPage(found.lineNumbers)) if (element.closest('pre, code') || element.closest('table')?.querySelector('pre, code')) element.remove();
  for (const table of onPage(found.tables)) {
    if (!table.querySelector('pre, code')) continue;
    for (const row of table.querySelectorAll('tr')) {
      const cells = [...row.children].filter((cell) => cell.localName === 'td' || cell.localName === 'th');
      for (const [i, cell] of cells.entries()) {
        const next = cells[i + 1];
        if (next?.querySelector('pre, code') && DIGITS_ONLY.test(cell.textContent ?? '')) cell.remove();
      }
    }
  }
}

/** The element beside a screen-reader-only one that shows the same text to the eye alone: the
 *  same words, or the word's short form (WP Recipe Maker's "15<span class="sr-only"> minutes</span>"
 *  then <span aria-hidden="true">mins</span>: both went, and the recipe's times read "Prep Time 15"). */
function visibleTwin(element: Element): Element | null {
  const text = element.textContent?.trim();
  if (!text) return null;
  for (const twin of [element.previousElementSibling, element.nextElementSibling]) {
    if (twin?.getAttribute('aria-hidden') === 'true' && twin.textContent?.trim() === text) return twin;
  }
  // The short form after it, or after the element it ends (the number it is the unit of).
  const after = element.nextElementSibling ?? (element.nextSibling === null ? element.parentElement?.nextElementSibling : null);
  const short = after?.getAttribute('aria-hidden') === 'true' ? after.textContent?.trim() : undefined;
  return short && isShortFormOf(short, text) ? after! : null;
}

/** Whether `short` is one word written short ("mins" of "minutes", "hrs" of "hours"): two letters
 *  or more, the word's first, and the rest in the word's order. */
function isShortFormOf(short: string, word: string): boolean {
  if (!/^\p{L}{2,}\.?$/u.test(short) || !/^\p{L}+$/u.test(word) || short.length >= word.length) return false;
  const letters = short.replace('.', '').toLowerCase();
  const full = word.toLowerCase();
  if (letters[0] !== full[0]) return false;
  let at = 0;
  for (const letter of letters) {
    at = full.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

// What a newsletter sign-up box holds besides its form: a heading, a line about the newsletter,
// the fine print (some 300 characters, spaces aside); never the article's own text.
const SIGNUP_BOX_TEXT = 600;
/** The headings a box opens with, its title. */
const BOX_TITLES = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/** What a sign-up box's own block is named (tnt-newsletter-signup, c-newsletter_signup_box). */
const SIGNUP_BOX_NAME = /newsletter|sign-?up/i;
const NOT_SIGNUP = 'h1, img, picture, figure, video, table, blockquote, pre, article, main, [role="main"]';

/** A newsletter sign-up box in the article ("Get the Morning Commute newsletter", an email
 *  field, "By signing up you agree…"), or a newsroom's call for readers' stories ("Share your
 *  pictures and stories", a text box and a photo upload), with the widest wrapper that holds
 *  nothing else. */
function removeSignupBoxes(forms: readonly Element[]): void {
  for (const form of onPage(forms)) {
    if (!isSignupForm(form) && !isFormToWriteIn(form)) continue;
    let widest: Element = form;
    const named = namedSignupBox(form);
    for (let node = form.parentElement; node && node !== form.ownerDocument.body; node = node.parentElement) {
      if (node.matches(NOT_SIGNUP) || node.querySelector(NOT_SIGNUP) || textLength(node) > SIGNUP_BOX_TEXT) break;
      // A short story (a brief, a live blog's update) is shorter than a box's limit: the block with
      // paragraphs beside the box is the text the box was put in. Inside a block named as the box,
      // or one that opens with a heading (the box's title), they are its line and its fine print.
      const insideTheBox = (named !== null && !widest.contains(named)) || BOX_TITLES.has(node.firstElementChild?.localName ?? '');
      if (!insideTheBox && besideParagraph(widest)) break;
      widest = node;
    }
    widest.remove();
  }
}

/** A form that asks for an email address and nothing to write (a comment form has a text box)
 *  nor a password (a log-in). */
/** The nearest block around the form named as a sign-up box, if any. */
function namedSignupBox(form: Element): Element | null {
  for (let node = form.parentElement; node && node !== form.ownerDocument.body; node = node.parentElement) {
    if (SIGNUP_BOX_NAME.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`)) return node;
  }
  return null;
}

/** Whether a paragraph (a <p>) stands beside the element, before it or after it. */
function besideParagraph(element: Element): boolean {
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (sibling.localName === 'p') return true;
  for (let sibling = element.nextElementSibling; sibling; sibling = sibling.nextElementSibling) if (sibling.localName === 'p') return true;
  return false;
}

function isSignupForm(form: Element): boolean {
  return form.querySelector(EMAIL_FIELD) !== null && form.querySelector('textarea, input[type="password" i]') === null;
}

/** A form for readers to write to the site, no log-in: a newsroom's call for their own story (a
 *  file to upload), or a text box with an email field, which is that call or a comment form. A
 *  comment form whose box no name gives away (a theme's own markup for it, "Leave a Reply" over
 *  Name, Email, Website and "Post Comment") read as the end of a short post. The reader keeps a
 *  WordPress form for its composer: comment-form.ts reads it from the page before this. */
function isFormToWriteIn(form: Element): boolean {
  if (form.querySelector('input[type="password" i]')) return false;
  return form.querySelector('input[type="file" i]') !== null || (form.querySelector('textarea') !== null && form.querySelector(EMAIL_FIELD) !== null);
}

/** A field for the writer's email address, by its type or its name. */
const EMAIL_FIELD = 'input[type="email" i], input[name="email" i]';

/** How themes name the box about the post's author under or beside it: author-bio, author-box,
 *  about-author, post-author (Soledad), tdb_single_author_box (tagDiv), #author-bio (OceanWP). */
const AUTHOR_BOX_NAME = /^(?:[\w-]*[-_])?(?:author[-_]?(?:bio|box|info|card|profile|details)|about[-_]?(?:the[-_])?author|post[-_]author)(?:[-_][\w-]*)?$/i;
/** What an author's box holds: a name and a few lines about them, not the article. */
const AUTHOR_BOX_TEXT = 400;

function isAuthorBoxName(name: string): boolean {
  // Asked of every class name of every element: most have no "author" in them.
  return name.includes('uthor') && AUTHOR_BOX_NAME.test(name);
}

/** The box about the post's author (their avatar, name and a line about them), which the reader
 *  does not show: it shows the byline. Only a box with an avatar or a picture, and a few lines:
 *  an element named so around the article is left. WordPress's avatars (img.avatar, the author's
 *  and the commenters' Gravatars) go wherever they are. */
function removeAuthorBoxes(found: PageParts): void {
  for (const box of onPage(found.authorBoxes)) {
    if (!box.querySelector('img') || box.querySelector('h1, article, main, figure') || holdsMoreTextThan(box, AUTHOR_BOX_TEXT * 2) || textLength(box) > AUTHOR_BOX_TEXT) continue;
    box.remove();
  }
  for (const avatar of onPage(found.avatars)) avatar.remove();
}

// Medium marks its byline bar (author photo and name, "Follow", "11 min read", the date, claps,
// "Listen", "Share") for text-to-speech readers to skip, with class speechify-ignore: no more
// article text for a reader than for a speaking one. Kept if it holds more than a byline's words.
const SPEECH_SKIPPED = 'speechify-ignore';
const BYLINE_BAR_TEXT = 300;
// The badge a paid story carries by its title or date, an element of its own: Medium's "Member-only
// story", Le Monde's and Ouest-France's "Article réservé aux abonnés", Japanese papers' "有料記事" and
// "会員限定記事", Korean "유료기사", and the like. It says what the page was, not what the reader gets
// (the copy says so in its own note when the text stops).
const MEMBER_BADGE = /^(?:member-only story|subscribers? only|for subscribers|(?:article )?réservé aux abonnés|nur für abonnenten|exklusiv für abonnenten|exclusivo para (?:suscriptores|assinantes)|riservato agli abbonati|только для подписчиков|有料記事|会員限定(?:記事)?|유료\s?기사|付费(?:内容|文章)|付費(?:內容|文章))$/i;
/** A badge is a few words. */
const MEMBER_BADGE_TEXT = 40;
/** The elements a badge is written as. */
const MEMBER_BADGE_TAGS = new Set(['p', 'span', 'div']);
// Substack's buttons in a post (p.button-wrapper, alone or with a caption in .captioned-button-wrap)
// link to an action on the post itself: share it, subscribe, comment. A button to anything else
// ("Read the report", "Buy the book") is the author's and stays.
const BUTTON_WRAPPER = 'button-wrapper';
const CAPTIONED_BUTTON = 'captioned-button-wrap';

function removePlatformControls(found: PageParts): void {
  for (const element of onPage(found.speechSkipped)) {
    if (element.querySelector('h1, article, main') || textLength(element) > BYLINE_BAR_TEXT) continue;
    element.remove();
  }
  for (const badge of onPage(found.memberBadges)) {
    // With the wrappers that hold nothing else (its star icon aside).
    let widest: Element = badge;
    const badgeLength = textLength(badge);
    while (widest.parentElement && widest.parentElement !== badge.ownerDocument.body && textLength(widest.parentElement) === badgeLength) widest = widest.parentElement;
    widest.remove();
  }
  for (const button of onPage(found.postButtons)) {
    const href = button.querySelector('a[href]')?.getAttribute('href') ?? '';
    if (!SUBSTACK_ACTION.test(href)) continue;
    const captioned = button.parentElement?.closest(`.${CAPTIONED_BUTTON}`);
    (captioned ?? button).remove();
  }
}


/** What extraction looks for on a page, found in one walk of it (page-walk.ts says why). */
export interface PageParts {
  /** <meta> and <base> tags, wherever they are. */
  readonly metas: Element[];
  readonly bases: Element[];
  /** Elements whose class or id names an ad slot. */
  readonly ads: Element[];
  /** Elements whose class or id names a cookie or consent banner, or a part of one. */
  readonly consentBanners: Element[];
  readonly landmarks: Element[];
  readonly postNavigation: Element[];
  readonly screenReaderOnly: Element[];
  /** MediaWiki's interface in the article: the [edit] links, the wiki's tagline (#siteSub), the
   *  hatnotes that send a reader looking for another page there (Module:Hatnote's div.hatnote). */
  readonly editLinks: Element[];
  /** Elements named as an author's box (AUTHOR_BOX_NAME) and WordPress's avatars (img.avatar):
   *  removeAuthorBoxes. */
  readonly authorBoxes: Element[];
  /** Elements named as an accordion's or an FAQ's part, and ARIA regions: showCollapsedPanels. */
  readonly accordionParts: Element[];
  /** Elements whose class may say where their picture sits beside their text (media-wrappers.ts
   *  unweighMediaTextBlocks). */
  readonly mediaTextBlocks: Element[];
  /** Elements named as a slideshow (a class with "carousel", "slide", "swiper" in it): unhideSlides. */
  readonly slideshows: Element[];
  /** Lists named "related" (unweighUnlinkedLists). */
  readonly relatedLists: Element[];
  /** Every <time>: a live blog update's head holds one (updateHead). */
  readonly times: Element[];
  /** A slideshow's "1 of 3" (isSlideCounter). */
  readonly slideCounters: Element[];
  /** Elements a script makes pictures of (urls.ts isImageStandIn). */
  readonly imageStandIns: Element[];
  readonly avatars: Element[];
  readonly postMeta: Element[];
  readonly comments: Element[];
  /** <link rel="next"> tags: where the page says its next page is. */
  readonly nextLinks: Element[];
  /** <script type="application/ld+json">: the page's schema.org description of itself. */
  readonly structuredData: Element[];
  /** The <script> a client-rendered app ships its state in (app-state.ts APP_STATE_IDS; Nuxt 2's has no id). */
  readonly appStates: Element[];
  /** Elements named as a paywall box (PAYWALL_NAMES, as a class or id): the box that stands where a
   *  teaser's text stops, and the paywall's own line there (isSubscribersOnlyLine). Google's markup
   *  names the subscribers' text itself so (extract.ts). */
  readonly paywalls: Element[];
  /** Every <p> of the page, and every <div> with text of its own: where the article's text stands
   *  (text-wrappers.ts). Older CMSs and Blogger write a story's paragraphs as lines of a <div>
   *  between <br>s, Reuters each one as a <div>. */
  readonly paragraphs: Element[];
  readonly speechSkipped: Element[];
  /** Medium's "Member-only story" (isMemberBadge) and a paid story's "Premium" (isPaidLabel). */
  readonly memberBadges: Element[];
  readonly postButtons: Element[];
  /** Links and buttons that only lead to a comment service's thread (service-launchers.ts). */
  readonly serviceLaunchers: Element[];
  /** Every <form>: removeSignupBoxes looks for newsletter sign-ups among them. */
  readonly forms: Element[];
  /** Elements named as an embed's card (EMBED_CARDS, as a class). */
  readonly embedCards: Element[];
  /** Every <iframe>: blocksReadabilityDrops looks for the credit line an embed's code puts after one. */
  readonly frames: Element[];
  /** Every <table>, and the elements named as a code block's line numbers (CODE_LINE_NUMBERS):
   *  removeCodeLineNumbers looks among them for the numbers beside a listing. */
  readonly tables: Element[];
  readonly lineNumbers: Element[];
  /** Paragraphs (and Le Monde's <section class="catcher">) that only point to another story
   *  ("Read more: ..."): isReadMoreLine; such a label alone and the list of links after it
   *  (read-more-lines.ts); and those that ask the reader to follow the site on a channel: isFollowUsLine. */
  readonly readMoreLines: Element[];
  /** Paragraphs that only date the page ("Published: 11 March 2024"): isDateLine; and the site's
   *  rights and desk lines ("© RIPRODUZIONE RISERVATA", "责任编辑：…"): isRightsLine; and the line
   *  saying where the story ran in print: isPrintEditionLine; a press release's end mark ("###")
   *  alone, before its "About …" paragraph: isEndMarkLine. */
  readonly dateLines: Element[];
  /** A story's dateline glued to its first words (dateline-stamps.ts). */
  readonly datelines: Element[];
  /** Blocks named as a pull quote (pull-quotes.ts). */
  readonly pullQuotes: Element[];
  /** Every <div>, <span> and <time> whose text alone is a running time ("01:12"): a video card's, perhaps (video-teasers.ts). */
  readonly runningTimes: Element[];
  /** A views counter (isViewsCounter), a link back to the list (isBackToListLine): site-lines.ts. */
  readonly siteLines: Element[];
  /** A text-to-speech player's "Listen to this article" (isListenLabel): removeListenPlayers. */
  readonly listenLabels: Element[];
  /** <script type="math/tex">: a formula MathJax typesets from its TeX (texFormulasAsText). */
  readonly texFormulas: Element[];
  /** Every <aside>: blocksReadabilityDrops looks for an article's fact boxes among them. */
  readonly asides: Element[];
  /** Every <details>: blocksReadabilityDrops looks for a transcript or a section folded away among them. */
  readonly disclosures: Element[];
  /** Every <noscript>: one may hold the article of an app's page (noscript-articles.ts). */
  readonly noscripts: Element[];
  /** Every <ul> and <ol> whose first entry is a link to a place in the page (mayBeContents): a
   *  table of contents, perhaps. */
  readonly contentsLists: Element[];
  /** Every <h2>, <h3> and <h4>: removeRelatedStories looks for "More on this story" among them,
   *  blocksReadabilityDrops for those whose anchor is their words slugged (dropsSluggedHeading). */
  readonly subheadings: Element[];
  /** Every <figcaption>: their parts are spaced apart (spaceCaptionParts). */
  readonly captions: Element[];
  /** Every <button>, checkbox and recipe card's action link: the page's controls (page-controls.ts). */
  readonly controls: Element[];
  /** The page's first <h1> that is no site logo (isSiteLogo): its headline, which may hold a kicker and be followed by a standfirst. */
  readonly headline: Element | null;
  /** Elements named as a standfirst (standfirst.ts), in document order. */
  readonly standfirsts: Element[];
}

// The selectors each step once queried, as tag, id, class and attribute tests on one element.
const LANDMARK_TAGS = new Set(['header', 'footer', 'nav']);
const LANDMARK_ROLES = new Set(['banner', 'contentinfo', 'navigation']);

/** A header, footer or nav, or an element in one of their roles: the site's own when it is in no
 *  sectioning element (SECTIONING). */
export function isLandmark(tag: string, role: string | null | undefined): boolean {
  return LANDMARK_TAGS.has(tag) || (role != null && LANDMARK_ROLES.has(role));
}

// What a landmark inside belongs to the article, not to the site: as tests, and as one selector.
const SECTIONING_TAGS = ['article', 'main', 'section', 'aside', 'blockquote', 'figure'];
const SECTIONING_TAG_SET = new Set(SECTIONING_TAGS);
const SECTIONING_ROLE = 'main';
const SECTIONING_CLASSES = ['entry-content', 'post-content', 'article-body'];
const SECTIONING_CLASS_SET = new Set(SECTIONING_CLASSES);
const SECTIONING = [...SECTIONING_TAGS, `[role="${SECTIONING_ROLE}"]`, ...SECTIONING_CLASSES.map((name) => `.${name}`)].join(', ');

/** Whether an element with these tag, role and class attribute matches SECTIONING. */
export function isSectioning(tag: string, role: string | null | undefined, classAttribute: string | null | undefined): boolean {
  if (SECTIONING_TAG_SET.has(tag) || role === SECTIONING_ROLE) return true;
  return !!classAttribute && classAttribute.split(/\s+/).some((name) => SECTIONING_CLASS_SET.has(name));
}

// .post-navigation, .posts-navigation, .comment-navigation, .wp-block-post-navigation-link
// (and .navigation.pagination, nav[aria-label="Posts"], nav[aria-label="Post navigation"]).
const POST_NAVIGATION_CLASSES = new Set(['post-navigation', 'posts-navigation', 'comment-navigation', 'wp-block-post-navigation-link']);
const POST_NAVIGATION_LABELS = new Set(['Posts', 'Post navigation']);
/** The trail of the site's sections above a page, as the ARIA authoring practices label it
 *  (<nav aria-label="Breadcrumb">: GitHub's, most design systems'), wherever it stands: inside
 *  <main> too, where the site's other navigation is kept as the article's own. */
const BREADCRUMB_LABEL = /^breadcrumbs?$/i;
/** The elements a trail named so by its class is written in (<nav class="breadcrumbs">,
 *  Bootstrap's <ol class="breadcrumb">), where the page gave it no label. */
const BREADCRUMB_TAGS = new Set(['nav', 'ol', 'ul', 'div', 'p']);

function isPostNavigationLabel(label: string | null): boolean {
  return label !== null && (POST_NAVIGATION_LABELS.has(label) || BREADCRUMB_LABEL.test(label));
}
const SCREEN_READER_ONLY_CLASSES = new Set(['screen-reader-text', 'sr-only', 'visually-hidden', 'screen-reader-only', 'assistive-text']);
/** A CSS-in-JS name for the same ("ssrcss-1u7y34b-VisuallyHidden", the BBC's): the component's
 *  name after a generated prefix. */
const GENERATED_HIDDEN_NAME = /-(?:VisuallyHidden|visually-hidden|ScreenReaderOnly|SrOnly)$/;

function isGeneratedHiddenName(name: string): boolean {
  // Asked of every class name of every element: most are ruled out by their last letter.
  const last = name.charCodeAt(name.length - 1);
  return (last === 110 || last === 121) && GENERATED_HIDDEN_NAME.test(name);
}
// Block themes' post meta: see removePostMeta.
const POST_META_CLASSES = ['wp-block-post-date', 'wp-block-post-terms', 'wp-block-post-author', 'wp-block-post-author-name'];
const POST_META_CLASS_SET = new Set(POST_META_CLASSES);
// #comments, #respond, .comment-respond, .comments-area, .wp-block-comments, .wp-block-post-comments,
// .wp-block-post-comments-form, ol.commentlist, ol.comment-list, .no-comments.
const COMMENT_IDS = new Set(['comments', 'respond']);
const COMMENT_CLASSES = new Set(['comment-respond', 'comments-area', 'wp-block-comments', 'wp-block-post-comments', 'wp-block-post-comments-form', 'no-comments']);
const COMMENT_LIST_CLASSES = new Set(['commentlist', 'comment-list']);
/** A comment of a list: WordPress's <li class="comment" id="comment-12">, and the <article> html5
 *  themes give each comment (class "comment-body", id "div-comment-12" or Genesis's "article-comment-12"). */
const A_COMMENT = '.comment, .comment-body, [id^="comment-"], [id^="div-comment-"], [id^="article-comment-"]';

/** Whether a comment section holds the page's article too (a theme that names its whole content
 *  so): its headline, its main, or an <article> that is no comment of its list. */
function wrapsTheArticle(section: Element): boolean {
  if (section.querySelector('main, h1')) return true;
  return elementsByTag(section, 'article').some((article) => {
    const comment = article.closest(A_COMMENT);
    return comment === null || comment === section || !section.contains(comment);
  });
}

/** The elements a views counter or a link back to the list is written in (a <span> is no line of
 *  its own for the link: it may stand in a sentence). */
const SITE_LINE_TAGS = new Set(['p', 'div', 'span', 'li']);
/** The elements a player's label is written in. */
const LISTEN_LABEL_TAGS = new Set(['p', 'div', 'span', 'button', 'h2', 'h3', 'h4', 'strong']);
/** The elements a paid story's label is written in. */
const PAID_LABEL_TAGS = new Set(['span', 'div', 'p', 'strong', 'small']);

/** The elements a standfirst is written in: its data attributes are read of these alone (three
 *  attribute reads on every element of a page cost more than the rest of the standfirst's search). */
const STANDFIRST_TAGS = new Set(['div', 'p', 'h2', 'h3', 'section']);

// What one class name says of its element, as bits: worked out once per name and page, since a
// page writes the same few hundred names on its thousand or two elements, and each name was put to
// some twenty tests (regular expressions among them) at each of its uses. Tests that also need the
// element's tag are finished in findPageParts. Not kept from page to page: a name is a slice of its
// page's source, and would keep the whole page in memory.
const NAME_AD = 1 << 0;
const NAME_POST_NAVIGATION = 1 << 1;
const NAME_NAVIGATION = 1 << 2;
const NAME_PAGINATION = 1 << 3;
const NAME_SCREEN_READER_ONLY = 1 << 4;
const NAME_EDIT_LINK = 1 << 5;
const NAME_AUTHOR_BOX = 1 << 6;
const NAME_SLIDESHOW = 1 << 7;
const NAME_RELATED = 1 << 8;
const NAME_AVATAR = 1 << 9;
const NAME_POST_META = 1 << 10;
const NAME_COMMENTS = 1 << 11;
const NAME_COMMENT_LIST = 1 << 12;
const NAME_PAYWALL = 1 << 13;
const NAME_SPEECH_SKIPPED = 1 << 14;
const NAME_POST_BUTTON = 1 << 15;
const NAME_EMBED_CARD = 1 << 16;
const NAME_LINE_NUMBERS = 1 << 17;
const NAME_STANDFIRST = 1 << 18;
const NAME_BREADCRUMB = 1 << 19;
function whatClassNameSays(name: string, known: Map<string, number>): number {
  let bits = known.get(name);
  if (bits !== undefined) return bits;
  bits =
    (isAdToken(name) || isPromoName(name) || CALL_TO_ACTION_CLASSES.has(name) ? NAME_AD : 0) |
    (POST_NAVIGATION_CLASSES.has(name) ? NAME_POST_NAVIGATION : 0) |
    (name === 'navigation' ? NAME_NAVIGATION : 0) |
    (name === 'pagination' ? NAME_PAGINATION : 0) |
    (SCREEN_READER_ONLY_CLASSES.has(name) || isGeneratedHiddenName(name) ? NAME_SCREEN_READER_ONLY : 0) |
    (name === 'mw-editsection' || name === 'hatnote' ? NAME_EDIT_LINK : 0) |
    (isAuthorBoxName(name) ? NAME_AUTHOR_BOX : 0) |
    (isSlideshowName(name) ? NAME_SLIDESHOW : 0) |
    (name.includes('related') ? NAME_RELATED : 0) |
    (name === 'avatar' ? NAME_AVATAR : 0) |
    (POST_META_CLASS_SET.has(name) ? NAME_POST_META : 0) |
    (COMMENT_CLASSES.has(name) ? NAME_COMMENTS : 0) |
    (COMMENT_LIST_CLASSES.has(name) ? NAME_COMMENT_LIST : 0) |
    (PAYWALL_NAMES.has(name) ? NAME_PAYWALL : 0) |
    (name === SPEECH_SKIPPED ? NAME_SPEECH_SKIPPED : 0) |
    (name === BUTTON_WRAPPER ? NAME_POST_BUTTON : 0) |
    (EMBED_CARDS.has(name) ? NAME_EMBED_CARD : 0) |
    (CODE_LINE_NUMBERS.has(name) ? NAME_LINE_NUMBERS : 0) |
    (isStandfirstName(name) ? NAME_STANDFIRST : 0) |
    (BREADCRUMB_LABEL.test(name) ? NAME_BREADCRUMB : 0);
  known.set(name, bits);
  return bits;
}

export function findPageParts(doc: Document): PageParts {
  let headline: Element | null = null;
  const found: Omit<PageParts, 'headline'> = {
    metas: [],
    bases: [],
    ads: [],
    consentBanners: [],
    landmarks: [],
    postNavigation: [],
    screenReaderOnly: [],
    editLinks: [],
    authorBoxes: [],
    accordionParts: [],
    mediaTextBlocks: [],
    imageStandIns: [],
    slideCounters: [],
    times: [],
    relatedLists: [],
    slideshows: [],
    avatars: [],
    postMeta: [],
    comments: [],
    nextLinks: [],
    structuredData: [],
    appStates: [],
    paywalls: [],
    paragraphs: [],
    speechSkipped: [],
    memberBadges: [],
    postButtons: [],
    serviceLaunchers: [],
    forms: [],
    embedCards: [],
    frames: [],
    tables: [],
    lineNumbers: [],
    readMoreLines: [],
    dateLines: [],
    siteLines: [],
    runningTimes: [],
    pullQuotes: [],
    listenLabels: [],
    texFormulas: [],
    asides: [],
    disclosures: [],
    noscripts: [],
    contentsLists: [],
    subheadings: [],
    captions: [],
    controls: [],
    standfirsts: [],
    datelines: [],
  };
  let readMoreBox: Element[] | null;
  const classNames = new Map<string, number>();
  for (const element of doc.querySelectorAll('*')) {
    const tag = element.localName;
    if (tag === 'p' || (tag === 'div' && holdsOwnText(element))) found.paragraphs.push(element);
    if (tag === 'meta') found.metas.push(element);
    else if (tag === 'base') found.bases.push(element);
    else if (tag === 'link' && hasToken(element.getAttribute('rel'), 'next')) found.nextLinks.push(element);
    else if (tag === 'script' && element.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') found.structuredData.push(element);
    else if (tag === 'script' && TEX_SCRIPT.test(element.getAttribute('type') ?? '')) found.texFormulas.push(element);
    else if (tag === 'script' && (APP_STATE_IDS.has(element.getAttribute('id') ?? '') || isNuxt2StateScript(element))) found.appStates.push(element);
    else if (MEMBER_BADGE_TAGS.has(tag) && isMemberBadge(element)) found.memberBadges.push(element);
    else if ((tag === 'p' || tag === 'section' || tag === 'div') && isReadMoreLine(element)) found.readMoreLines.push(element);
    else if ((tag === 'p' || tag === 'div') && (readMoreBox = findReadMoreBox(element))) found.readMoreLines.push(...readMoreBox);
    else if (tag === 'p' && isDateLine(element)) found.dateLines.push(element);
    else if ((tag === 'p' || tag === 'div') && isRightsLine(element)) found.dateLines.push(element);
    else if (tag === 'p' && isPrintEditionLine(element)) found.dateLines.push(element);
    else if (tag === 'p' && isEndMarkLine(element)) found.dateLines.push(element);
    else if ((tag === 'p' || (tag === 'div' && holdsTextAlone(element))) && (isFollowUsLine(element) || isAppPromoLine(element))) found.readMoreLines.push(element);
    else if ((tag === 'p' || tag === 'div') && isSitePromoLine(element)) found.readMoreLines.push(element);
    else if ((tag === 'p' || (tag === 'div' && holdsTextAlone(element))) && isNewsroomTrailer(element)) found.readMoreLines.push(element);
    else if (tag === 'p' && isInlinePromo(element)) found.readMoreLines.push(element);
    // (Medium sets its line as the heading of its sign-up box.)
    else if ((tag === 'p' || tag === 'h2') && isSubscribersOnlyLine(element)) found.paywalls.push(paywallBoxOf(element));
    else if (tag === 'form') found.forms.push(element);
    else if (tag === 'iframe') found.frames.push(element);
    else if (tag === 'table') found.tables.push(element);
    else if (tag === 'aside') found.asides.push(element);
    else if (tag === 'details') found.disclosures.push(element);
    else if (tag === 'noscript') found.noscripts.push(element);
    else if ((tag === 'ul' || tag === 'ol') && mayBeContents(element)) found.contentsLists.push(element);
    else if (tag === 'h2' || tag === 'h3' || tag === 'h4') found.subheadings.push(element);
    else if (tag === 'figcaption') found.captions.push(element);
    else if (tag === 'h1' && (headline === null || isSiteLogo(headline))) headline = element;
    else if (tag === 'time') found.times.push(element);
    if ((tag === 'a' || tag === 'button') && isServiceLauncher(element, tag)) found.serviceLaunchers.push(element);
    if (tag === 'button' || (tag === 'input' && element.getAttribute('type')?.toLowerCase() === 'checkbox') || (tag === 'a' && isCardAction(element))) found.controls.push(element);
    if (SITE_LINE_TAGS.has(tag) && (isViewsCounter(element) || (tag !== 'span' && (isBackToListLine(element) || isTagsLine(element))))) found.siteLines.push(element);
    else if (LISTEN_LABEL_TAGS.has(tag) && isListenLabel(element)) found.listenLabels.push(element);
    // "Premium" over a subscribers' story: removed as Medium's badge is (paywall-marks.ts).
    if (PAID_LABEL_TAGS.has(tag) && isPaidLabel(element)) found.memberBadges.push(element);
    if (AD_LABEL_TAGS.has(tag) && isAdLabel(element)) found.ads.push(element);
    else if (AD_LABEL_TAGS.has(tag) && isSlideCounter(element)) found.slideCounters.push(element);
    if ((tag === 'div' || tag === 'span' || tag === 'time') && isRunningTime(element)) found.runningTimes.push(element);
    // Custom elements, and empty <div>s and <span>s: few of a page's elements.
    if ((tag.includes('-') || ((tag === 'div' || tag === 'span') && element.firstChild === null)) && isImageStandIn(element)) found.imageStandIns.push(element);
    const role = element.getAttribute('role');
    const id = element.getAttribute('id');
    const classAttribute = element.getAttribute('class');
    if (classAttribute && isDatelineStamp(element, tag, classAttribute)) found.datelines.push(element);
    if (classAttribute && isPullQuote(tag, classAttribute)) found.pullQuotes.push(element);
    let ad = id !== null && id.split(/\s+/).some(isAdToken);
    let postNavigation = tag === 'nav' && isPostNavigationLabel(element.getAttribute('aria-label'));
    let screenReaderOnly = false;
    // MediaWiki's tagline under every article's title ("From Wikipedia, the free encyclopedia").
    let editLink = id === 'siteSub';
    let authorBox = false;
    let slideshow = false;
    let relatedList = false;
    let avatar = false;
    let postMeta = false;
    let comments = id !== null && COMMENT_IDS.has(id);
    let paywall = id !== null && PAYWALL_NAMES.has(id);
    let speechSkipped = false;
    let postButton = false;
    let embedCard = false;
    let lineNumbers = false;
    let standfirst = false;
    if (classAttribute) {
      // As a class selector reads the attribute: tokens between whitespace, case as written.
      let says = 0;
      for (const name of classAttribute.split(/\s+/)) says |= whatClassNameSays(name, classNames);
      ad ||= (says & NAME_AD) !== 0;
      postNavigation ||=
        (says & NAME_POST_NAVIGATION) !== 0 ||
        ((says & NAME_NAVIGATION) !== 0 && (says & NAME_PAGINATION) !== 0) ||
        (BREADCRUMB_TAGS.has(tag) && (says & NAME_BREADCRUMB) !== 0);
      screenReaderOnly = (says & NAME_SCREEN_READER_ONLY) !== 0;
      editLink ||= (says & NAME_EDIT_LINK) !== 0;
      authorBox = (says & NAME_AUTHOR_BOX) !== 0;
      slideshow = (says & NAME_SLIDESHOW) !== 0;
      relatedList = (tag === 'ul' || tag === 'ol') && (says & NAME_RELATED) !== 0;
      avatar = tag === 'img' && (says & NAME_AVATAR) !== 0;
      postMeta = (says & NAME_POST_META) !== 0;
      comments ||= (says & NAME_COMMENTS) !== 0 || (tag === 'ol' && (says & NAME_COMMENT_LIST) !== 0);
      paywall ||= (says & NAME_PAYWALL) !== 0;
      speechSkipped = (says & NAME_SPEECH_SKIPPED) !== 0;
      postButton = (says & NAME_POST_BUTTON) !== 0;
      embedCard = (says & NAME_EMBED_CARD) !== 0;
      lineNumbers = (says & NAME_LINE_NUMBERS) !== 0;
      standfirst = (says & NAME_STANDFIRST) !== 0;
      if (namesPanelPart(classAttribute)) found.accordionParts.push(element);
      if (mayNameMediaPlace(classAttribute)) found.mediaTextBlocks.push(element);
    }
    if (role === 'region') found.accordionParts.push(element);
    // A share or comment tally beside the buttons: the day's count, not the story (share-counters.ts).
    if (classAttribute && isShareCounter(element, classAttribute)) found.siteLines.push(element);
    // A carousel of the site's other videos in the text (video-playlists.ts): removed as an ad slot is.
    if (classAttribute && isVideoPlaylist(element, classAttribute)) found.ads.push(element);
    // A box of links to other stories named "related" in another language (related-world-names.ts).
    if (classAttribute && RELATED_BOX_TAGS.has(tag) && isForeignRelatedBox(element, classAttribute)) found.readMoreLines.push(element);
    if (namesConsentBanner(classAttribute, id)) found.consentBanners.push(element);
    if (ad) found.ads.push(element);
    if (isLandmark(tag, role)) found.landmarks.push(element);
    if (postNavigation) found.postNavigation.push(element);
    if (screenReaderOnly) found.screenReaderOnly.push(element);
    if (editLink) found.editLinks.push(element);
    if (authorBox || (id !== null && isAuthorBoxName(id))) found.authorBoxes.push(element);
    if (avatar) found.avatars.push(element);
    if (slideshow) found.slideshows.push(element);
    if (relatedList) found.relatedLists.push(element);
    if (postMeta) found.postMeta.push(element);
    if (comments) found.comments.push(element);
    if (paywall) found.paywalls.push(element);
    if (speechSkipped) found.speechSkipped.push(element);
    if (postButton) found.postButtons.push(element);
    if (embedCard) found.embedCards.push(element);
    if (lineNumbers) found.lineNumbers.push(element);
    // Sites built with React name their parts in a data attribute as often as in a class
    // (the Guardian's data-gu-name="standfirst", data-component, data-testid).
    if (standfirst || (STANDFIRST_TAGS.has(tag) && isNamedStandfirst(element))) found.standfirsts.push(element);
  }
  return { ...found, headline };
}

// The cards that embed codes and blogging platforms' editors put in a post for a post, a page or a
// film elsewhere, with its words (the post's text, its title, its author) for readers without
// their scripts, as the feed's copy shows them. Mostly links, and often in <div>s, Readability
// takes them for link farms and drops them, or empties them; but the author chose to show them.
const EMBED_CARDS = new Set([
  'twitter-tweet', 'twitter-video', 'instagram-media', 'tiktok-embed', 'bluesky-embed', 'mastodon-embed',
  // Threads, Facebook, Reddit, Tumblr.
  'text-post-media', 'fb-post', 'fb-video', 'reddit-embed-bq', 'tumblr-post',
  // Substack's card for another post; Ghost's for a page (its title, description, site and author);
  // WordPress's quote of another post (beside the frame it hides).
  'embedded-post-wrap', 'kg-bookmark-card', 'wp-embedded-content',
  // Ghost's card for a file the post offers (its title, caption, name and size, all one link).
  'kg-file-card',
]);
// How long a frame's credit line may be (spaces aside): a title and an author, not a paragraph.
const CREDIT_LINE_TEXT = 200;

/** The blocks of the article that Readability drops for their shape, not for what they say: the
 *  embed cards (EMBED_CARDS); the credit line an embed's code puts right after its frame, links to
 *  the frame's own site (SoundCloud's "Artist · Track", SlideShare's "Title from author"); and a
 *  quotation's attribution, the <footer> in a <blockquote> ("— <cite>Source</cite>"), which
 *  Readability removes with every footer; an article's fact box; a <details> of prose
 *  (isCollapsedProse); a section heading whose anchor Readability reads as a name
 *  (dropsSluggedHeading). None inside another: each is kept whole. */
export function blocksReadabilityDrops(found: PageParts): Element[] {
  const blocks = [...onPage(found.embedCards)];
  for (const frame of onPage(found.frames)) {
    const credit = frame.nextElementSibling;
    if (credit && isCreditLine(credit, frame)) blocks.push(credit);
  }
  for (const landmark of onPage(found.landmarks)) {
    if (landmark.localName === 'footer' && landmark.parentElement?.closest('blockquote')) blocks.push(landmark);
  }
  for (const aside of onPage(found.asides)) if (isFactBox(aside)) blocks.push(aside);
  // A fact check's claim and verdict, in a card above the text (claim-review.ts).
  const claimCard = claimReviewCard(found.structuredData.map((script) => script.textContent ?? ''), found.paragraphs);
  if (claimCard) blocks.push(claimCard);
  for (const details of onPage(found.disclosures)) if (isCollapsedProse(details)) blocks.push(details);
  for (const heading of onPage(found.subheadings)) if (dropsSluggedHeading(heading)) blocks.push(heading);
  // A reading list the writer introduces ("Further reading:"): Readability drops it for its links.
  for (const paragraph of onPage(found.paragraphs)) {
    const list = introducedLinkList(paragraph);
    if (list) blocks.push(list);
  }
  const all = new Set(blocks);
  return blocks.filter((block) => !hasAncestorIn(block, all));
}

/** The most of a fact box's words that may be links: a sidebar of other stories is nearly all links. */
const FACT_BOX_LINK_SHARE = 0.3;

/**
 * A fact box of the article: an <aside> inside its <article> with a list of facts ("Key points:",
 * "What Level 3 means for you"), which Readability drops with every aside. Not a sidebar of links,
 * nor a pull quote (no list), nor a box outside the article.
 */
function isFactBox(aside: Element): boolean {
  if (!aside.parentElement?.closest('article') || aside.querySelectorAll('li').length < 2) return false;
  const text = textLength(aside);
  return text > 0 && linkedLength(aside) <= text * FACT_BOX_LINK_SHARE;
}

/** The most a live blog update's header holds: its time and a label ("Key event"). */
const UPDATE_TIME_TEXT = 60;
/** Updates in a row that make a live blog (or a timeline) of a page. */
const UPDATES_IN_A_ROW = 3;

/**
 * The head of one update of a live blog, its time and maybe its title, badge and author (<header>
 * <time>11:48 GMT</time><h3>School to open as normal</h3></header>, <div class="block__meta">
 * <time>15.40 GMT</time><span><img>Jo Adebayo</span></div>), in an <article> or list item among
 * its like: Readability drops it for its name ("update__header", "block__meta"), and every update
 * lost when it was written, and its title. No <h1>: an article's own header (its title, its date
 * line) is left to Readability; no paragraph: a time in the update's text is its text.
 */
function updateHead(time: Element, classedBlocks = false): Element | null {
  let head = time;
  for (let level = 0; ; level++) {
    const parent = head.parentElement;
    if (!parent || level === UPDATE_HEAD_LEVELS) return null;
    if (updateOf(parent, classedBlocks)) break;
    head = parent;
  }
  if (head === time || (head.localName !== 'header' && head.localName !== 'div') || head.querySelector('h1')) return null;
  const title = head.querySelector('h2, h3, h4, h5, h6');
  return textLength(head) - (title ? textLength(title) : 0) > UPDATE_TIME_TEXT ? null : head;
}

/** A release's version as a changelog's entry heads it: "v4.8", "4.6.2", "2.0.0-beta.1". */
const VERSION = /^\s*v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?\s*$/i;

/** How far above an update's <time> its head may be (the BBC's: header > div > time). */
const UPDATE_HEAD_LEVELS = 3;

/** The element as an update of a live blog: an <article> or <li> among at least UPDATES_IN_A_ROW of
 *  its like; an <article> alone in its list item (the BBC's) is its item's update. With
 *  `classedBlocks`, also a <div> or <section> among as many of the same tag and first class name
 *  (<div class="live-post" id="post-2241780">), for a time written as a clock alone. */
function updateOf(element: Element, classedBlocks = false): Element | null {
  const tag = element.localName;
  if (classedBlocks && (tag === 'div' || tag === 'section')) return classedUpdate(element);
  if (tag !== 'article' && tag !== 'li') return null;
  const item = element.parentElement;
  const update = tag === 'article' && item?.localName === 'li' && item.children.length === 1 ? item : element;
  if (!update.parentElement) return null;
  // Counted up to enough: a rail's list of a hundred dated links is no reason to count them all.
  // (sibling by sibling: linkedom's children makes a list of them all first)
  let alike = 0;
  for (let sibling = update.parentElement.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.localName === update.localName && ++alike >= UPDATES_IN_A_ROW) return update;
  }
  return null;
}

/** A <div> or <section> among UPDATES_IN_A_ROW of the same tag whose class opens with the same name. */
function classedUpdate(block: Element): Element | null {
  const name = firstClassName(block);
  if (name === null || !block.parentElement) return null;
  let alike = 0;
  for (let sibling = block.parentElement.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.localName === block.localName && firstClassName(sibling) === name && ++alike >= UPDATES_IN_A_ROW) return block;
  }
  return null;
}

function firstClassName(element: Element): string | null {
  return element.getAttribute('class')?.trim().split(/\s+/)[0] || null;
}

/** The update's time, a span or div with a clock's time alone ("17:52", a running time's shape:
 *  found.runningTimes), in the head of a <div> update among its like: its head goes as a <time>'s
 *  does, the time kept as a line of its own. */
function keepUpdateClock(stamp: Element): void {
  if (stamp.localName === 'time') return;
  const head = updateHead(stamp, true);
  if (!head) return;
  const update = head.parentElement!;
  head.replaceWith(...timeLine(head, stamp));
  removeLinksToItself(update);
}

/** The most a control's label holds ("Copy link", "Link to this post", "Permalink"). */
const CONTROL_LABEL_TEXT = 30;

/** An update's links to itself (<a href="#post-2241780">Copy link</a> in the update of that id): its
 *  share controls', which copy its address; read as a line of the update. */
function removeLinksToItself(update: Element): void {
  const id = update.getAttribute('id');
  if (!id) return;
  for (const link of elementsByTag(update, 'a')) {
    if (link.getAttribute('href') === `#${id}` && !holdsMoreTextThan(link, CONTROL_LABEL_TEXT)) link.remove();
  }
}

/** The header's <time> (or `stamp`) as a paragraph, and its title after it without the names Readability drops. */
function timeLine(header: Element, stamp: Element = header.querySelector('time')!): Element[] {
  const line = header.ownerDocument.createElement('p');
  line.append(stamp.localName === 'time' ? stamp : (stamp.textContent ?? '').trim());
  const title = header.querySelector('h2, h3, h4, h5, h6');
  // A changelog entry's version ("v4.8") is no badge: it says which release the entry is.
  const version = [...header.querySelectorAll('span, small, a, code')].find((badge) => !title?.contains(badge) && VERSION.test(badge.textContent ?? ''));
  if (version) line.append(` ${version.textContent!.trim()}`);
  if (!title) return [line];
  for (const element of [title, ...title.querySelectorAll('[class], [id]')]) {
    element.removeAttribute('class');
    element.removeAttribute('id');
  }
  return [line, title];
}

function hasAncestorIn(element: Element, elements: ReadonlySet<Element>): boolean {
  for (let node = element.parentElement; node; node = node.parentElement) if (elements.has(node)) return true;
  return false;
}

/** A short <div> or <p> of links, every one to the site the frame shows a page of. */
function isCreditLine(element: Element, frame: Element): boolean {
  if (element.localName !== 'div' && element.localName !== 'p') return false;
  const frameSite = siteOf(frame.getAttribute('src'));
  const links = elementsByTag(element, 'a');
  if (frameSite === null || links.length === 0 || textLength(element) > CREDIT_LINE_TEXT) return false;
  return links.every((link) => siteOf(link.getAttribute('href')) === frameSite);
}

/** The site of a web address's host (w.soundcloud.com: soundcloud.com); null for anything else.
 *  Near enough to tell a player's own site from another. */
function siteOf(href: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return /^https?:$/.test(url.protocol) ? siteOfHost(url.hostname) : null;
  } catch {
    return null;
  }
}

// A site's own paywall box ("paywall"), the box Piano, the paywall service many news sites use,
// shows its offer in ("Subscribe to continue reading… $1 a week"), and the box Ghost puts under a
// members' post's free part ("This post is for paying subscribers only"), whatever the theme.
const PAYWALL_NAMES = new Set(['paywall', 'tp-container-inner', 'piano-offer', 'subscription-prompt', 'gh-post-upgrade-cta']);

/** How a paywall's own line opens where the free text stops, in the languages of most feeds: Le
 *  Monde's "Il vous reste 72.14% de cet article à lire. La suite est réservée aux abonnés.", "This
 *  article is for subscribers only", "Dieser Artikel ist nur für Abonnenten", "Este contenido es
 *  exclusivo para suscriptores". */
const SUBSCRIBERS_ONLY = new RegExp(
  String.raw`^\s*(?:il vous reste \d+(?:[.,]\d+)?\s?% (?:de cet article )?à (?:lire|découvrir)|la suite (?:de cet article )?est réservée aux abonnés|cet article est réservé aux abonnés` +
    String.raw`|you have \d+(?:\.\d+)?% of this (?:article|story) left to read|the rest of this (?:article|story) is (?:only )?(?:for|available to) (?:subscribers|members)|this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)(?: only)?(?:[.!]|$)` +
    String.raw`|(?:dieser|der) (?:artikel|beitrag) ist (?:nur )?(?:für|exklusiv für) abonnenten|este (?:contenido|artículo) es exclusivo para (?:suscriptores|abonados)` +
    String.raw`|este conteúdo é exclusivo para assinantes|questo articolo è riservato agli abbonati|dit (?:artikel|stuk) is (?:alleen )?voor abonnees` +
    // Medium's, over its sign-up box where a member-only story stops for a reader who is none.
    String.raw`|the author made this story available to (?:medium )?members only)`,
  'i',
);
/** A paywall's line is a line or two: a paragraph of the story that quotes one says more. */
const SUBSCRIBERS_ONLY_TEXT = 200;

/** A short paragraph (or heading) that is the paywall's own line (SUBSCRIBERS_ONLY): the box its page shows
 *  below it may be a script's, or missing from the served page; the line says as much as the box. */
function isSubscribersOnlyLine(paragraph: Element): boolean {
  const first = firstText(paragraph);
  if (first === null || holdsMoreTextThan(paragraph, SUBSCRIBERS_ONLY_TEXT)) return false;
  return SUBSCRIBERS_ONLY.test((paragraph.textContent ?? '').replace(/\s+/g, ' '));
}

/** A date line's words before its date ("Press release Published:", "Last updated:", "Posted on",
 *  "Veröffentlicht am", "Mis à jour le", "입력"), in the languages of most news sites. */
const DATE_LABEL = new RegExp(
  '^\\s*(?:(?:press release|news release|news|article|story)\\s+)?(?:first\\s+)?' +
    '(?:published|posted|updated|last updated|last modified|last reviewed|date|dated|' +
    'veröffentlicht|aktualisiert|zuletzt aktualisiert|stand|publié|mis à jour|actualisé|publicado|actualizado|atualizado|' +
    'pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano|опубликовано|обновлено|' +
    '입력|수정|업데이트|发布时间|發布時間|更新时间|更新時間|最終更新|更新|公開|配信|发布|發布)' +
    // A whole word ("Standing", "Publicity" are none of these).
    '(?!\\p{L})(?:\\s+(?:on|am|le|el|em|il|op|в))?\\s*[:：]?\\s*',
  'iu',
);
/** How a paragraph opens that may be a date line: a label's first letters (the cheap test each
 *  paragraph of each page takes). */
const DATE_LINE_START = /^\s*(?:press|news|article|story|first|published|posted|updated|last|date|veröff|aktual|zuletzt|stand|publi|mis à|actuali|atuali|pubbl|aggior|gepubl|bijgew|opubl|zaktual|опубл|обновл|입력|수정|업데이트|最終更新|更新|公開|配信|发布|發布)/i;
/** A date line is a label and a date: a sentence about an update is longer. */
const DATE_LINE_TEXT = 80;

/** A paragraph that only dates the page: a label and a date, nothing else. A date alone stays:
 *  a short notice's date may be all that says when it holds. */
function isDateLine(paragraph: Element): boolean {
  const first = firstText(paragraph);
  if (first === null || !DATE_LINE_START.test(first)) return false;
  const text = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length > DATE_LINE_TEXT) return false;
  const label = DATE_LABEL.exec(text);
  return label !== null && label[0].length > 0 && parseDate(text.slice(label[0].length)) !== null;
}

/** How the site's own lines at an article's end open: its rights ("© 2024 ... All rights
 *  reserved", Italy's "RIPRODUZIONE RISERVATA", Korea's "저작권자 © ... 무단전재 및 재배포 금지", Japan's
 *  "無断転載を禁じます"), and Chinese papers' and portals' desk lines ("责任编辑：", "原标题：", in
 *  brackets too as NetEase and Sina open a story taken from a paper: "（原标题：…）"), and the
 *  portals' statement that a post is its author's ("特别声明：以上内容…为自媒体平台“网易号”用户上传
 *  并发布", Sohu's "声明：该文观点仅代表作者本人"). */
const RIGHTS_LINE_START = /^\s*(?:©|copyright\b|all rights reserved|riproduzione riservata|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|저작권자|무단\s?전재|版权|版權|著作権|無断転載|[（(]?(?:责任编辑|責任編輯|编辑|編輯|原标题|原標題)[:：]|(?:特别|特別|免责|免責)?(?:声明|聲明)[:：])/i;
/** A rights line is a line: a paragraph that says more is the story's. */
const RIGHTS_LINE_TEXT = 120;
/** A longer rights notice: the year claimed up front, then that the text may not be taken (the
 *  Associated Press's "Copyright 2024 The Associated Press. All rights reserved. This material may
 *  not be published, broadcast, rewritten or redistributed.", under its every story that Yahoo, MSN
 *  and local papers run); as long as two lines. A story's paragraph on copyright ("Copyright law
 *  says the letters may not be reproduced…") names no year first, and says more. */
const RIGHTS_NOTICE_YEAR = /^\s*(?:©|copyright\b)[^.]{0,60}?\b(?:19|20)\d\d\b/i;
const RIGHTS_NOTICE = /all rights reserved|may not be (?:published|reproduced|redistributed|copied)|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados/i;
const RIGHTS_NOTICE_TEXT = 240;
/** Or, its year left out, both legal formulas in a row (Punch's, Vanguard's, many papers' "Copyright
 *  PUNCH. All rights reserved. This material, and other digital content on this website, may not be
 *  reproduced, published … without prior express written permission"): as long as three lines. */
const RIGHTS_RESERVED = /all rights reserved/i;
const RIGHTS_NOT_TAKEN = /may not be (?:published|reproduced|redistributed|copied)\b[^.]{0,160}\bwithout\b/i;
const RIGHTS_FULL_NOTICE_TEXT = 400;

/** A short paragraph, or a <div> of text alone, that is one of the site's own lines (RIGHTS_LINE_START). */
export function isRightsLine(element: Element): boolean {
  // Read whole (within its bound), not by its first text: a portal's line may open with an empty
  // <span> its style draws an icon in.
  if (element.localName === 'div' && !holdsTextAlone(element)) return false;
  if (holdsMoreTextThan(element, RIGHTS_FULL_NOTICE_TEXT)) return false;
  const text = (element.textContent ?? '').trim();
  if (!RIGHTS_LINE_START.test(text) || isPictureCredit(text)) return false;
  return (
    text.length <= RIGHTS_LINE_TEXT ||
    (text.length <= RIGHTS_NOTICE_TEXT && RIGHTS_NOTICE_YEAR.test(text) && RIGHTS_NOTICE.test(text)) ||
    (RIGHTS_RESERVED.test(text) && RIGHTS_NOT_TAKEN.test(text))
  );
}

/** How a paper says where a story ran in print: the New York Times' "A version of this article
 *  appears in print on ...", the Wall Street Journal's "Appeared in the March 12, 2024, print
 *  edition as '...'", the Economist's "This article appeared in the Finance section of the print
 *  edition under the headline ...", and the like in German, French and Spanish. */
const PRINT_EDITION_START = /^\s*(?:a version of this (?:article|story)|(?:this )?(?:article|story) (?:appears|appeared)|appeared in the .{0,40}print edition|dieser (?:artikel|beitrag) (?:erschien|ist erschienen)|cet article (?:est paru|a été publié)|este artículo (?:fue publicado|apareció|se publicó))\b/i;
/** How such a line opens: the cheap test each paragraph of each page takes. */
const PRINT_EDITION_OPENING = /^\s*(?:a version|this|article|story|appeared|dieser|cet|este)\b/i;
const PRINT_EDITION_WORD = /\bprint\b|ausgabe|édition|edición|impres/i;
/** A print line is a line: a paragraph of the story about a paper's print edition says more. */
const PRINT_EDITION_TEXT = 300;

/** The paper's line saying where the story ran in print (PRINT_EDITION_START): its, not the story's. */
function isPrintEditionLine(paragraph: Element): boolean {
  const first = firstText(paragraph);
  if (first === null || !PRINT_EDITION_OPENING.test(first)) return false;
  const text = (paragraph.textContent ?? '').replace(/\s+/g, ' ');
  return text.length <= PRINT_EDITION_TEXT && PRINT_EDITION_START.test(text) && PRINT_EDITION_WORD.test(text);
}

/** How a site's own line about itself opens: that it earns from the links ("This post may contain
 *  affiliate links", "When you buy a book using a link on this page, we receive a commission"),
 *  its call to readers ("Do you have an opinion on the issues raised in this article? ... email
 *  it to us", "Do you know someone who has died recently ...? Tell us about them"), or a
 *  newsletter's invitation ("Get a look at the day ahead with our Morning Bid newsletter. Sign up here."). */
const SITE_PROMO = /^\s*(?:(?:this|our) (?:post|article|page|story|site) (?:may )?contains? affiliate links?|when you buy [^.]{0,60}\b(?:through|using|via|from) (?:a |our )?links? on (?:this|our)|we (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:affiliate )?commission|as an amazon associate|(?:do you (?:have|know)|have you (?:been|got|seen)|are you (?:affected|a)|were you)\b[^?]{0,200}\?[^?]{0,200}\b(?:tell us|get in touch|submit|email (?:it to )?us|share (?:it|them|your)|contact us))|\bnewsletter\b[^.]{0,150}[.!]\s*(?:sign up|subscribe)(?: here| now| today)?[.!]?\s*$/i;
/** A site's line is a line: a paragraph of the story about affiliate links says more. */
const SITE_PROMO_TEXT = 300;

/** A short paragraph that is the site's line about itself (SITE_PROMO). */
function isSitePromoLine(paragraph: Element): boolean {
  // Measured within the bound first: asked of every paragraph (and <div>) of every page.
  if (firstText(paragraph) === null || (paragraph.localName === 'div' && !holdsTextAlone(paragraph)) || holdsMoreTextThan(paragraph, SITE_PROMO_TEXT)) return false;
  return SITE_PROMO.test(paragraph.textContent ?? '');
}

/** A paid story's badge (MEMBER_BADGE): an element whose one child is that text. Asked of every
 *  <p>, <span> and <div> of every page, so without textContent (which joins an element's whole text). */
function isMemberBadge(element: Element): boolean {
  const only = element.firstChild;
  if (only === null || only !== element.lastChild || only.nodeType !== TEXT_NODE) return false;
  const text = (only as CharacterData).data;
  return text.length <= MEMBER_BADGE_TEXT && MEMBER_BADGE.test(text.trim());
}

function hasToken(attribute: string | null, token: string): boolean {
  return !!attribute && attribute.toLowerCase().split(/\s+/).includes(token);
}

/** The elements still on the page: an earlier step may have removed one, or its container. */
function* onPage(elements: readonly Element[]): Generator<Element> {
  for (const element of elements) if (element.isConnected) yield element;
}

// Block themes (Twenty Twenty-Three) put the post's date, categories, author and tags in blocks of
// their own, between one-word paragraphs ("Posted", "in", "by", "Tags:") in groups and columns
// beside the post's content; Readability takes the content's parent and keeps those words as lines.
const POST_META = POST_META_CLASSES.map((name) => `.${name}`).join(', ');
// What a meta block's surroundings may hold besides it: a few words (40 characters, spaces aside), never the article's own.
const META_TEXT = 40;
const NOT_META = 'h1, h2, h3, h4, h5, h6, img, figure, video, table, blockquote, pre, .wp-block-post-content, .entry-content, .wp-block-post-title, .wp-block-comments';

/** Removes each meta block with the widest group around it that holds nothing but meta and a few words. */
function removePostMeta(doc: Document, metas: readonly Element[]): void {
  for (const meta of onPage(metas)) {
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

// Matched on whole class/id tokens, so "header" or "download" never match; and an element holding
// real text (an "ad-free" article body, say) is kept whatever its name.
// "ad" as a part of a name between hyphens or underscores: ad-slot, top-ads, and the BEM and CSS
// module names of React sites (article-body__ad__3hGk-, responsive-ad__container).
const AD_TOKEN = /^(?:adv|advert\w*|advertisement|adsbygoogle|sponsored|div-gpt-ad\w*|dfp[-_]\w*)$|(?:^|[-_])ads?(?:[-_]|$)/i;

/** The labels sites print over an ad slot, in the languages of most feeds, and the link that
 *  skips it: a line of its own in the text once the slot itself is gone. */
const AD_LABELS = new Set([
  'advertisement', 'skip advertisement', 'advertisements', 'sponsored', 'ad', 'anzeige', 'werbung', 'publicité', 'publicidad',
  'pubblicità', 'advertentie', 'publicidade', 'реклама', '广告', '廣告', '広告', '광고', 'إعلان',
  // Polish, Czech, Slovak, Croatian and Slovene; Turkish; Hebrew; Japanese sites' sponsored links.
  'reklama', 'reklam', 'פרסומת', 'スポンサーリンク',
  // What news sites print where the story goes on under the slot, and under a video's ad.
  'story continues below advertisement', 'article continues below advertisement', 'continue reading below', 'advertisement · scroll to continue',
  'scroll to continue with content', 'ad feedback', 'video ad feedback',
]);
/** The dashes and dots a label is set between ("- Advertisement -"). */
const LABEL_DECORATION = /^[\s\-–—·•|]+|[\s\-–—·•|]+$/g;
const DECORATED = /^[-–—·•|]|[-–—·•|]$/;
const AD_LABEL_TAGS = new Set(['p', 'div', 'span', 'a', 'small']);

/** An element whose only content is such a label. */
function isAdLabel(element: Element): boolean {
  const only = element.firstChild;
  if (only === null || only !== element.lastChild || only.nodeType !== TEXT_NODE) return false;
  const text = (only as CharacterData).data;
  if (text.length < 60) {
    const label = text.trim().toLowerCase();
    if (AD_LABELS.has(label) || (DECORATED.test(label) && AD_LABELS.has(label.replace(LABEL_DECORATION, '')))) return true;
  }
  return RUSSIAN_AD_MARKING.test(text);
}

/** How a slideshow's element is named: "carousel", "slideshow", "slide", Swiper's "swiper". */
function isSlideshowName(name: string): boolean {
  return name.includes('slide') || name.includes('carousel') || name.includes('swiper');
}

/** A slideshow's slides other than the one shown, which its script marks aria-hidden until their
 *  turn: Readability drops what is aria-hidden, and a gallery of six pictures kept one. Each slide
 *  with a picture in it is the article's, shown one under the other. */
function unhideSlides(slideshows: readonly Element[]): void {
  for (const slideshow of onPage(slideshows)) {
    for (const slide of slideshow.querySelectorAll('[aria-hidden="true"]')) {
      if (slide.querySelector('img, picture, figure')) slide.removeAttribute('aria-hidden');
    }
  }
}

/** "1 of 3", "2 / 12", "3 von 8": where a slideshow is, in the languages of most news sites. */
const SLIDE_COUNTER = /^\s*\d{1,3}\s*(?:of|\/|von|de|di|sur|van|из|z|av|af)\s*\d{1,3}\s*$/i;

/** The most a counter's text is, its numbers set in spans of their own. */
const SPANNED_COUNTER = 16;

/** An element whose only content is a slideshow's counter: its text alone, or its numbers in spans
 *  of their own (Swiper's <div class="swiper-pagination-fraction"><span>1</span> / <span>6</span>,
 *  a gallery's "<span class="current">1</span> / 6"). */
function isSlideCounter(element: Element): boolean {
  const only = element.firstChild;
  if (only === null) return false;
  if (only === element.lastChild) return only.nodeType === TEXT_NODE && SLIDE_COUNTER.test((only as CharacterData).data);
  // Asked of most elements of a page: its text's length first, then its children one by one
  // (`children` lists them by walking every node under the element, 1 % of preparing a page).
  if (holdsMoreTextThan(element, SPANNED_COUNTER)) return false;
  let count = 0;
  for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) {
    if (++count > 2 || child.localName !== 'span' || child.firstElementChild !== null) return false;
  }
  return count > 0 && SLIDE_COUNTER.test(element.textContent ?? '');
}

/** The marking Russian law puts on an advertisement: "Реклама. ООО «…», ИНН …, erid: …" (its
 *  advertiser, tax number and registry token), a line that is no part of the story. */
const RUSSIAN_AD_MARKING = /^\s*Реклама[\s.,:].{0,200}\berid\b/is;

function isAdToken(token: string): boolean {
  // Every name AD_TOKEN takes has a "d" (ad, dfp, sponsored): asked of every class name of every element.
  return (token.includes('d') || token.includes('D')) && AD_TOKEN.test(token);
}

/** A box the site names as its promotion ("promo", "site-promo", "promo-box"): its own ad (PR
 *  Newswire's "WANT YOUR COMPANY'S NEWS FEATURED ON PRNEWSWIRE.COM?" and GET STARTED beside every
 *  release), taken as the ad slots are, and kept as they are when it holds real text. Readability
 *  weighs the name down, but cleans only <div>s so, never the <section> the wire writes. */
const PROMO_NAME = /^(?:[\w-]*[-_])?promo(?:[-_](?:box|banner|block|container|module|unit|wrapper))?$/i;

function isPromoName(token: string): boolean {
  // Asked of every class name of every element: most have no "romo" in them.
  return token.includes('romo') && PROMO_NAME.test(token);
}

/** HubSpot's call-to-action between a post's paragraphs, old (span.hs-cta-wrapper, a script's
 *  banner) and new (div.hs-cta-embed): a picture linked to the company's offer ("Download the free
 *  checklist"), the site's own ad in every post of a HubSpot blog, taken as the ad slots are. */
const CALL_TO_ACTION_CLASSES: ReadonlySet<string> = new Set(['hs-cta-wrapper', 'hs-cta-embed']);

/** Removes the ad slots found (see isAdToken), unless one holds the article or real text; a label
 *  goes with the slot it is printed over (the widest wrapper with no other words: the banner's
 *  linked picture, its frame). */
function removeAds(ads: readonly Element[]): void {
  for (const element of onPage(ads)) {
    if (element.querySelector('article, main') || element.querySelectorAll('p').length > 2 || holdsMoreTextThan(element, AD_SLOT_TEXT)) continue;
    (AD_LABEL_TAGS.has(element.localName) && isAdLabel(element) ? adSlotOf(element) : element).remove();
  }
}

/** More text than an ad slot holds (characters, spaces and all), a native ad's teaser with it, and
 *  Readability's least for an article (charThreshold): a block named for ads that holds more is
 *  the story's (Reuters's <div class="story-ad-wrapper">, a theme's <div class="entry-content
 *  has-ads">), though its paragraphs be <div>s, not <p>s. */
const AD_SLOT_TEXT = 500;
/** The white space an ad slot's markup may hold around its label. */
const AD_SLOT_SPACES = 200;
/** What an ad slot may hold besides its label: a banner is a picture, a frame or a script's box, never words. */
const NOT_AD_SLOT = 'p, h1, h2, h3, h4, h5, h6, figcaption, blockquote, li, article, main';

function adSlotOf(label: Element): Element {
  const labelLength = textLength(label);
  let slot = label;
  for (let node = label.parentElement; node && node !== label.ownerDocument.body; node = node.parentElement) {
    // Bounded first: the wrapper that ends the climb is often the whole article.
    if (holdsMoreTextThan(node, labelLength + AD_SLOT_SPACES) || textLength(node) !== labelLength || node.querySelector(NOT_AD_SLOT)) break;
    slot = node;
  }
  return slot;
}

/** A page whose one <article> holds most of its prose is read from that article alone: what
 *  sits beside it (most-read lists, related stories, comment forms) is the site's, and
 *  Readability keeps some of it when it takes the article's parent. */
export function keepOnlyTheArticle(doc: Document): void {
  const articles = elementsByTag(doc, 'article');
  if (articles.length !== 1) return;
  const article = articles[0]!;
  if (proseLength(article) < proseLength(doc.body) * ARTICLE_SHARE) return;
  for (let node: Element = article; node !== doc.body && node.parentElement; node = node.parentElement) {
    for (const sibling of [...node.parentElement.children]) if (sibling !== node) sibling.remove();
  }
}

// Share of the page's prose that must be inside its <article> for the rest to be left out.
const ARTICLE_SHARE = 0.6;

/** Length of the text outside links, scripts and styles: the prose, not the menus, nor a
 *  page's inline state (a news site's JSON of its menus and config in the body can outweigh the
 *  article many times; Readability drops scripts and styles before it reads). Summed over the text
 *  nodes: taking textContent to measure it joined the whole page's text, scripts included, into
 *  strings of some 90,000 characters a page, an eighth of what preparing a page allocated. */
export function proseLength(element: Element): number {
  let length = 0;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) length += (node as CharacterData).data.length;
    else if (node.nodeType === ELEMENT_NODE && !NOT_PROSE.has((node as Element).localName)) length += proseLength(node as Element);
  }
  return length;
}

const NOT_PROSE = new Set(['a', 'script', 'style', 'noscript']);
// The DOM's node types, by value: linkedom's Node has no static constants to read them from.
const CDATA_SECTION_NODE = 4;
