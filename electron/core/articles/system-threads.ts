// Comment threads that sites running a system of their own write, read from the page as
// comment-page.ts reads WordPress's and Drupal's: each system's markup as the system writes it on
// every site and every page it serves, not one site's theme. A system is told by a mark only it
// writes (checked on the page's source first, without a DOM), each comment by its element and
// the system's own id for it, and its parent by where the system puts replies:
// - old Reddit (old.reddit.com and the many mirrors of its templates): div.thing.comment with
//   data-fullname="t1_ID" and data-author (which stays "[deleted]" when the text shows no name),
//   the text in .usertext-body .md, replies in its div.child > div.sitetable;
// - Hacker News (news.ycombinator.com and its clones' "arc" markup): a flat table of
//   tr.athing.comtr, a reply's depth its td.ind indent="N" (older pages: the spacer image's
//   width, 40 px a level), the comment it answers named by its "parent" link (span.navs,
//   href="#ID"), which a later page's first replies need: their parent is on an earlier page; the
//   time in span.age's title ("ISO UNIXSECONDS");
// - Lobsters (lobste.rs and the other sites running its code): li.comments_subtree holding its
//   div.comment data-shortid="ID" and, in an <ol class="comments">, its replies;
// - Slash (Slashdot, SoylentNews): ul#commentlisting of li.comment id="tree_N" holding its
//   div#comment_N and, in ul#group_N, its replies; the date shown "Monday March 18, 2024 @10:41PM";
// - Joomla's JComments: div#comment-item-N, its replies in the div.comments-list#comments-list-N
//   after it (the top list is comments-list-0), the date on the site's clock ("2023-12-18 21:40");
// - phpBB (3.x, prosilver and the styles built on it): a topic's posts as div.post id="pN", each
//   with its .postbody and the text in .content; the first post of the topic's first page is the
//   topic itself (the article), the others its replies, flat (a quote says whom one answers);
// - XenForo (2.x): a thread's posts as article.message--post data-content="post-N" with
//   data-author, the text in .message-body .bbWrapper (a quote in it as blockquote.bbCodeBlock--quote),
//   the time in the attribution's <time data-time="UNIXSECONDS">; the first post of the first
//   page is the thread's opening post (the article), as phpBB's;
// - vBulletin 5 (Connect): a topic's posts as li.b-post data-node-id="N" (the same list holds
//   the starter and the replies), the exact time in data-node-publishdate (unix seconds; its
//   <time datetime> is the site's clock without a zone), the text in .js-post__content-text; the
//   first post of the first page is the topic (the article), the replies flat; later pages /pageN;
// - vBulletin 4 (and 3.8's vB4-style skins): li.postcontainer id="post_N" holding its
//   div#post_message_N > blockquote.postcontent, the date only as the board's text ("03-14-2012,
//   09:41 PM", "14.03.2012, 21:41": vb4Date; the last two days' as "Today, 09:14 AM" and
//   "Gestern, 21:41", counted from the day on the board's clock when it served the page: its
//   Date header beside its footer's "The time now is"), the author's a.username; the first post of
//   the first page the topic, as phpBB's; later pages /pageN (friendly addresses) or &page=N;
// - vBulletin 3 (the old table layout): each post a table#postN holding its td#td_post_N and
//   div#post_message_N, the author's a.bigusername, the date as vB4's in its first td.thead; the
//   first post of the first page the topic; later pages &page=N, linked from its div.pagenav;
// - Blogger (its threaded comments, every layout since 2012): li.comment id="cN" holding its
//   .comment-block and, in div.comment-replies, its replies; each identified as the blog's comment
//   feed identifies it, so the feed, read with the page, adds no second copy.
// A system that splits a thread over pages links them in its own markup (ThreadPages): phpBB's
// pager (&start=N), Hacker News's "More" (&p=N), old Reddit's "continue this thread" into a deep
// branch; the sync follows them as it follows WordPress's comment pages, within the same budget.
// The same marks tell page-cleanup.ts which elements are comments: they leave the article's text
// (systemComments), whose story (an Ask HN's text, a Lobsters story's, a topic's opening post) stays.
import { parseDate, type SiteComment } from '../feeds';
import { parseBase, webUrl } from './urls';

interface ThreadSystem {
  /** What only this system writes, in the page's source. */
  readonly mark: RegExp;
  /** The element around one comment (and, for nested systems, its replies). */
  readonly holder: string;
  /** The system's id for the comment. */
  readonly idOf: (holder: Element) => string | null;
  /** The comment's own element inside its holder, without its replies. */
  readonly ownOf: (holder: Element, id: string) => Element | null;
  /** Where the author's name is, tried in turn. */
  readonly author: readonly string[];
  /** Where the author is named when the page shows no name (Reddit's "[deleted]"). */
  readonly authorAttribute?: string;
  readonly text: string;
  /** What the system writes inside the text that is no part of it (a quote's "Click to expand..."). */
  readonly notText?: string;
  readonly permalink: string;
  /** `servedAt`: when the site served the page (its Date header), for a date it shows as "Today". */
  readonly dateOf: (own: Element, servedAt: number | null) => number | null;
  /** The holder of the comment this one answers; or, for a flat table, depthOf instead. */
  readonly parentOf?: (holder: Element) => Element | null;
  readonly depthOf?: (holder: Element) => number;
  /** For a flat table, the id of the comment a reply (depth past 0) answers where the system
   *  names it: the one before it shallower may be on an earlier page, or none at all. */
  readonly parentIdOf?: (holder: Element) => string | null;
  /** What the system writes around a post's text and around the posts that is no part of the
   *  article and that Readability keeps with the opening post (XenForo's and vBulletin's post
   *  number, "#1"; vB4's profile beside the post and its "Reply" and "Results 1 to 10 of 27"
   *  above the posts): left out of the article with the replies. */
  readonly controls?: string;
  /** The first comment of the thread's first page is the topic, not a reply (a forum's): given
   *  the page's address, whether it is a later page, which opens with a reply. */
  readonly opensWithTopic?: { readonly laterPage: (url: URL) => boolean };
  /** The links to the thread's other pages, when the system splits it (see ThreadPages). */
  readonly pages?: ThreadPages;
  /** What the system writes where a page holds part of its thread, the rest loaded by script only. */
  readonly partial?: string;
  /** How the system's own feed of the comments names each (the part before its id), read from the
   *  page: a comment read from the page and from that feed is then one. Null: the page does not
   *  say, and its thread is left to the feed. */
  readonly feedIdPrefix?: (document: Document) => string | null;
}

/**
 * How a system links the rest of a thread that one page does not hold, without script: its pager
 * (phpBB's ?start=N, Hacker News's "More", ?p=N) or a link into a branch cut short (old Reddit's
 * "continue this thread", the branch's first comment's permalink page). Each page read is the
 * thread's: its comments are identified under the thread's address (threadOf), so each is stored
 * once whichever page showed it.
 */
interface ThreadPages {
  /** The links, in the system's own markup. */
  readonly links: string;
  /** The query parameter that numbers a page (from 0 or 1, the thread's own address): a link
   *  without it, or with 0, is the first page, read as the article. */
  readonly param?: string;
  /** Or (and, where a system writes both) the end of the path that numbers a page (from 2;
   *  XenForo's /page-N; or at the end of a query written as a path, vB4's ?48211-Title/page2). */
  readonly path?: RegExp;
  /** What a later page's `path` part is replaced by in the thread's address: '/' by default
   *  (XenForo's /threads/SLUG.ID/ ends in one), '' where it does not (vBulletin's /ID-SLUG). */
  readonly pathEnd?: '' | '/';
  /** Query parameters that name the visitor's session, not the page: taken off every link, or
   *  each page would link the others under new addresses. */
  readonly session?: readonly string[];
  /** The thread's address for one of its pages' (the page taken off); by default the address
   *  without `param` and `session`. */
  readonly threadOf?: (url: URL) => void;
  /** The comment a branch's page opens with, which the page linking it holds in its place: the
   *  branch's page shows it at its top. */
  readonly openedBy?: (url: URL) => string | null;
}

/** The nearest holder of the same system around this one's. */
const enclosing = (selector: string) => (holder: Element) => holder.parentElement?.closest(selector) ?? null;
const timeAttribute = (own: Element) => {
  const datetime = own.querySelector('time[datetime]')?.getAttribute('datetime');
  return datetime ? parseDate(datetime) : null;
};

const REDDIT = 'div.thing.comment[data-fullname^="t1_"]';
const LOBSTERS = 'li.comments_subtree';
const SLASH = '#commentlisting li.comment[id^="tree_"]';
const JCOMMENTS = 'div[id^="comment-item-"]';
/** Hacker News indents a reply 40 px a level. */
const HN_INDENT_PX = 40;
/** A Hacker News comment's link to another: #ID on its page, or item?id=ID. */
const HN_ITEM_LINK = /^(?:#|item\?id=)(\d+)$/;
/** phpBB's later pages of a topic: &start=N, N posts in. */
const PHPBB_PAGE = 'start';
/** XenForo's later pages of a thread: /threads/SLUG.ID/page-N. */
const XENFORO_PAGE = /\/page-(\d+)\/?$/;
const XENFORO = 'article.message--post[data-content^="post-"]';
/** vBulletin's later pages of a topic: /pageN after the topic's address (vB5, and vB4's friendly
 *  addresses, in the path or in a query written as one), or vB4's &page=N. */
const VBULLETIN_PAGE_PATH = /\/page(\d+)\/?$/;
const VBULLETIN_PAGE = 'page';
const VB5 = 'li.b-post[data-node-id]';
const VB4 = 'li.postcontainer[id^="post_"]';
/** vB3's post: a table#postN of the old table layout (postbit_legacy). */
const VB3 = 'table[id^="post"]';
/** vB4's date as the board writes it: its date format's day, month and year as numbers, then
 *  maybe the time ("03-14-2012, 09:41 PM", "14.03.2012, 21:41"). */
const VB4_DATE = /\b(\d{1,2})([-./])(\d{1,2})\2(\d{4}),?\s+(\d{1,2}):(\d\d)(?:\s*([AP]M))?/i;
/** vB's date of a post from today or yesterday, as its language packs write it ("Today, 09:14 AM",
 *  "Gestern, 21:41", "Aujourd'hui, 09:14"): a day relative to the day the board served the page. */
const VB_RELATIVE_DATE = /^\s*([^\d,]+?),?\s+(\d{1,2}):(\d\d)(?:\s*([AP]M))?/i;
/** The words of vB's language packs for today (0) and yesterday (1), lower case. */
const VB_DAYS_BACK: ReadonlyMap<string, number> = new Map([
  ...['today', 'heute', 'aujourd\'hui', 'aujourd’hui', 'vandaag', 'hoy', 'oggi', 'hoje', 'dzisiaj', 'idag', 'i dag'].map((word) => [word, 0] as const),
  ...['yesterday', 'gestern', 'hier', 'gisteren', 'ayer', 'ieri', 'ontem', 'wczoraj', 'igår', 'i går'].map((word) => [word, 1] as const),
]);
/** The time in vB4's footer ("The time now is 09:15 PM"). */
const VB_FOOTER_CLOCK = /(\d{1,2}):(\d\d)(?:\s*([AP]M))?/i;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** The furthest a zone's clock runs ahead of UTC (Kiribati's, +14 h). */
const MAX_ZONE_AHEAD_MS = 14 * 60 * MINUTE_MS;
/** Blogger's comment, in its threaded layout: its replies in the div.comment-replies inside it. */
const BLOGGER = 'li.comment[id^="c"]';
/** Old Reddit's post address, and a comment's permalink page under it: /r/SUB/comments/POST/SLUG/COMMENT/. */
const REDDIT_BRANCH = /^(\/r\/[^/]+\/comments\/[^/]+\/[^/]*\/)([a-z0-9]+)\/?$/i;
/** Slash's "Monday March 18, 2024 @10:41PM". */
const SLASH_DATE = /([A-Z][a-z]+ \d{1,2}, \d{4}) @ ?(\d{1,2}:\d\d) ?([AP]M)/i;

const SYSTEMS: readonly ThreadSystem[] = [
  {
    mark: /\bdata-fullname=["']t1_/,
    holder: REDDIT,
    idOf: (holder) => holder.getAttribute('data-fullname')!.slice('t1_'.length) || null,
    ownOf: (holder) => holder.querySelector(':scope > .entry'),
    author: ['.tagline .author'],
    authorAttribute: 'data-author',
    text: '.usertext-body .md',
    permalink: 'a.bylink',
    // The first time is when it was written; an edited comment's second, when it was edited.
    dateOf: timeAttribute,
    parentOf: enclosing(REDDIT),
    // At its tenth level a branch goes on on its last comment's permalink page ("continue this
    // thread"). "load more comments" is a script's call for the hidden comments' ids, one
    // permalink page each: not followed (it would spend the page budget a comment at a time).
    pages: {
      links: '.morerecursion a[href], .deepthread a[href]',
      threadOf: (url) => {
        url.search = '';
        url.pathname = url.pathname.replace(REDDIT_BRANCH, '$1');
      },
      openedBy: (url) => REDDIT_BRANCH.exec(url.pathname)?.[2] ?? null,
    },
    // Its every comment's tagline has an empty span.morecomments: the button's holder is the mark.
    partial: '.thing.morechildren',
  },
  {
    mark: /\bclass=["']athing comtr\b/,
    holder: 'tr.athing.comtr',
    idOf: (holder) => holder.id || null,
    ownOf: (holder) => holder,
    author: ['.hnuser'],
    text: '.commtext',
    permalink: '.age a',
    dateOf: (own) => {
      const [iso, seconds] = (own.querySelector('.age[title]')?.getAttribute('title') ?? '').split(' ');
      return Number(seconds) > 0 ? Number(seconds) * 1000 : iso ? parseDate(iso) : null;
    },
    depthOf: (holder) => {
      const indent = holder.querySelector('td.ind');
      const level = Number(indent?.getAttribute('indent'));
      if (indent?.hasAttribute('indent') && Number.isInteger(level)) return level;
      return Math.round(Number(indent?.querySelector('img')?.getAttribute('width') ?? 0) / HN_INDENT_PX);
    },
    parentIdOf: (holder) => {
      const link = [...holder.querySelectorAll('.navs a[href]')].find((anchor) => anchor.textContent?.trim() === 'parent');
      return HN_ITEM_LINK.exec(link?.getAttribute('href') ?? '')?.[1] ?? null;
    },
    // A long thread goes on at item?id=N&p=2, linked as "More" under the last comment.
    pages: { links: 'a.morelink[href]', param: 'p' },
  },
  {
    mark: /\bclass=["']comments_subtree\b/,
    holder: LOBSTERS,
    idOf: (holder) => holder.querySelector(':scope > div.comment[data-shortid]')?.getAttribute('data-shortid') || null,
    ownOf: (holder) => holder.querySelector(':scope > div.comment[data-shortid]'),
    author: ['.byline a[href^="/~"], .byline a[href^="/u/"]'],
    text: '.comment_text',
    permalink: 'a.comment_permalink, a[href^="/c/"]',
    dateOf: timeAttribute,
    parentOf: enclosing(LOBSTERS),
  },
  {
    mark: /\bid=["']commentlisting["']/,
    holder: SLASH,
    idOf: (holder) => /^tree_(\d+)$/.exec(holder.id)?.[1] ?? null,
    ownOf: (holder, id) => holder.querySelector(`:scope > #comment_${id}`),
    // The account's link, or an Anonymous Coward's bare name; not the user number after it.
    author: ['.by a', '.by'],
    text: '.commentBody',
    permalink: `.title a[href*="cid="], .otherdetails a[href*="cid="]`,
    dateOf: (own) => {
      const shown = SLASH_DATE.exec(own.querySelector('.otherdetails')?.textContent ?? '');
      return shown ? parseDate(`${shown[1]} ${shown[2]} ${shown[3]}`) : null;
    },
    parentOf: enclosing(SLASH),
  },
  {
    mark: /\bid=["']comment-item-\d+["']/,
    holder: JCOMMENTS,
    idOf: (holder) => /^comment-item-(\d+)$/.exec(holder.id)?.[1] ?? null,
    ownOf: (holder) => holder,
    author: ['.comment-author'],
    text: '.comment-body',
    permalink: 'a.comment-anchor',
    dateOf: (own) => {
      const shown = own.querySelector('.comment-date')?.textContent?.trim();
      return shown ? parseDate(shown) : null;
    },
    // The list a reply is in is named after the comment it answers; the top one, comments-list-0.
    parentOf: (holder) => {
      const parent = /^comments-list-(\d+)$/.exec(holder.parentElement?.id ?? '')?.[1];
      return parent && parent !== '0' ? holder.ownerDocument.getElementById(`comment-item-${parent}`) : null;
    },
  },
  {
    mark: /<div id=["']p\d+["'] class=["']post\b/,
    holder: 'div.post[id^="p"]',
    idOf: (holder) => /^p(\d+)$/.exec(holder.id)?.[1] ?? null,
    // Not a theme's div.post id="post-N" (idOf), nor a post without phpBB's body.
    ownOf: (holder) => (holder.querySelector('.postbody') ? holder : null),
    author: ['.author .username, .author .username-coloured', '.postprofile .username, .postprofile .username-coloured'],
    text: '.postbody .content',
    permalink: '.author a[href*="#p"]',
    dateOf: timeAttribute,
    opensWithTopic: { laterPage: (url) => Number(url.searchParams.get(PHPBB_PAGE)) > 0 },
    // Its pager (div.pagination, above and below the posts): &start=N, and &sid=... for a visitor
    // without phpBB's cookie, as a client without a cookie jar is.
    pages: { links: '.pagination a[href]', param: PHPBB_PAGE, session: ['sid'] },
  },
  {
    mark: /\bclass=["']message message--post\b/,
    holder: XENFORO,
    idOf: (holder) => /^post-(\d+)$/.exec(holder.getAttribute('data-content') ?? '')?.[1] ?? null,
    ownOf: (holder) => (holder.querySelector('.message-body .bbWrapper') ? holder : null),
    author: ['.message-name .username', '.message-userDetails .username'],
    authorAttribute: 'data-author',
    // Not the signature's .bbWrapper after it.
    text: '.message-body .bbWrapper',
    // A long quote's button, "Click to expand...", in the site's language.
    notText: '.bbCodeBlock-expandLink',
    permalink: '.message-attribution-main a[href*="/post-"], .message-attribution a[href*="/post-"]',
    // Its <time> says the exact second in data-time, and the same time with its offset in datetime.
    dateOf: (own) => {
      const time = own.querySelector('.message-attribution time');
      const seconds = Number(time?.getAttribute('data-time'));
      return seconds > 0 ? seconds * 1000 : time ? timeAttribute(own) : null;
    },
    // Its post number ("#21") and share button, beside the date.
    controls: '.message-attribution-opposite',
    opensWithTopic: { laterPage: (url) => XENFORO_PAGE.test(url.pathname) },
    // Its page navigation (div.pageNav, above and below the posts): /page-N after the thread's address.
    pages: { links: '.pageNav a[href]', path: XENFORO_PAGE },
  },
  {
    mark: /\bjs-post__content-text\b/,
    holder: VB5,
    idOf: (holder) => /^\d+$/.exec(holder.getAttribute('data-node-id') ?? '')?.[0] ?? null,
    ownOf: (holder) => (holder.querySelector('.js-post__content-text') ? holder : null),
    author: ['.b-userinfo__details [itemprop="name"]', '.author a', '.b-userinfo__name'],
    text: '.js-post__content-text',
    permalink: 'a.b-post__count[href]',
    dateOf: (own) => {
      const seconds = Number(own.getAttribute('data-node-publishdate'));
      return seconds > 0 ? seconds * 1000 : timeAttribute(own);
    },
    controls: '.b-post__count',
    opensWithTopic: { laterPage: (url) => pathPage(url, VBULLETIN_PAGE_PATH) > 1 },
    // Its page navigation (div.pagenav, above and below the posts): /pageN after the topic's address.
    pages: { links: '.pagenav a[href], .js-pagenav a[href]', path: VBULLETIN_PAGE_PATH, pathEnd: '' },
  },
  {
    mark: /\bid=["']post_message_\d+["']/,
    holder: VB4,
    idOf: (holder) => /^post_(\d+)$/.exec(holder.id)?.[1] ?? null,
    ownOf: (holder, id) => (holder.querySelector(`#post_message_${id}`) ? holder : null),
    author: ['.username_container .username', '.username'],
    text: '.postcontent',
    permalink: 'a.postcounter[href]',
    dateOf: (own, servedAt) => vb4Date(own.querySelector('.postdate .date')?.textContent ?? '', own.ownerDocument, servedAt),
    controls: '.posthead, .userinfo, .postfoot, #above_postlist, #below_postlist',
    opensWithTopic: { laterPage: (url) => pathPage(url, VBULLETIN_PAGE_PATH) > 1 || Number(url.searchParams.get(VBULLETIN_PAGE)) > 1 },
    // Its pager (form.pagination, above and below the posts).
    pages: { links: '.pagination a[href]', path: VBULLETIN_PAGE_PATH, pathEnd: '', param: VBULLETIN_PAGE },
  },
  {
    // vB3 writes post_message_N too, with no li.postcontainer: vB4's reads none of its posts.
    mark: /\bid=["']td_post_\d+["']/,
    holder: VB3,
    idOf: (holder) => /^post(\d+)$/.exec(holder.id)?.[1] ?? null,
    ownOf: (holder, id) => (holder.querySelector(`#post_message_${id}`) ? holder : null),
    author: ['.bigusername'],
    text: '[id^="post_message_"]',
    permalink: 'a[id^="postcount"][href]',
    // The date is the text of the post's first heading cell, beside its status icon.
    dateOf: (own, servedAt) => vb4Date(own.querySelector('td.thead')?.textContent ?? '', own.ownerDocument, servedAt),
    opensWithTopic: { laterPage: (url) => Number(url.searchParams.get(VBULLETIN_PAGE)) > 1 },
    // Its pager (div.pagenav, above and below the posts): &page=N.
    pages: { links: '.pagenav a[href]', param: VBULLETIN_PAGE },
  },
  {
    mark: /<li class=["']comment["'] id=["']c\d+["']/,
    holder: BLOGGER,
    idOf: (holder) => /^c(\d+)$/.exec(holder.id)?.[1] ?? null,
    ownOf: (holder) => holder.querySelector(':scope > .comment-block'),
    // The profile's link, or an anonymous commenter's bare name.
    author: ['.comment-header cite.user'],
    text: '.comment-content',
    permalink: '.comment-header .datetime a[href]',
    // The permalink says the exact time, in milliseconds (?showComment=MS#cN); the text shows the blog's clock.
    dateOf: (own) => {
      const href = own.querySelector('.comment-header .datetime a[href]')?.getAttribute('href') ?? '';
      const ms = Number(/[?&]showComment=(\d+)/.exec(href)?.[1]);
      return ms > 0 ? ms : null;
    },
    parentOf: enclosing(BLOGGER),
    // Past 200 comments a post shows "Load more...", which a script fills.
    partial: '.loadmore:not(.hidden)',
    // Its comment feed (/feeds/POSTID/comments/default) names each comment
    // tag:blogger.com,1999:blog-BLOGID.post-COMMENTID; the page names the blog in its head.
    feedIdPrefix: (document) => {
      const head = document.querySelector('link[rel="service.post"][href], link[rel="EditURI"][href]')?.getAttribute('href') ?? '';
      const blog = /\/feeds\/(\d+)\/posts\/|[?&]blogID=(\d+)/.exec(head);
      return blog ? `tag:blogger.com,1999:blog-${blog[1] ?? blog[2]}.post-` : null;
    },
  },
];

/** Every system's mark in one pattern: a page shows none of them, mostly, and one scan of its
 *  source says so for a tenth of what a query of its DOM for their holders costs (0.1 against
 *  0.5-1 ms on a 850-element news page). */
const ANY_MARK = new RegExp(SYSTEMS.map((system) => system.mark.source).join('|'));

/** The elements of the document that are comments in one of these systems' markup, for the
 *  article's text to leave out: each with its replies, a topic's opening post kept, and the
 *  system's controls. `html` is the page's source the document was built from. */
export function systemComments(document: Document, html: string): Element[] {
  if (!listsSystemThread(html)) return [];
  for (const system of SYSTEMS) {
    const holders = [...document.querySelectorAll(system.holder)].filter((holder) => {
      const id = system.idOf(holder);
      return id !== null && system.ownOf(holder, id) !== null;
    });
    if (holders.length === 0) continue;
    const controls = system.controls ? [...document.querySelectorAll(system.controls)] : [];
    return [...controls, ...(system.opensWithTopic ? holders.slice(1) : holders)];
  }
  return [];
}

/** The last page asked of and its answer: preparing a page asks this of its source two or three
 *  times in a row (where its thread is read, whether it lists comments, which of its elements are
 *  comments), and a scan of a news page costs some 60 us. */
let lastAsked: { readonly html: string; readonly listed: boolean } | null = null;

/** True when the page holds a thread in one of these systems' markup (cheap: no DOM). */
export function listsSystemThread(html: string): boolean {
  if (lastAsked?.html !== html) lastAsked = { html, listed: ANY_MARK.test(html) };
  return lastAsked.listed;
}

/** One page of a system's thread: its comments, the thread's other pages it links, and whether
 *  it holds only part of its branches (the rest loaded by script). */
export interface SystemThreadPage {
  readonly comments: SiteComment[];
  readonly pages: string[];
  readonly partial: boolean;
}

/** The comments of the first system whose thread the page holds, each under the comment it
 *  answers, identified under `post` (the page's address, its fragment and WordPress's comment page
 *  taken off) as the system's pages identify them. */
export function readSystemThread(document: Document, html: string, pageUrl: string, post: string, servedAt: number | null = null): SystemThreadPage {
  const base = parseBase(pageUrl);
  for (const system of SYSTEMS) {
    if (!system.mark.test(html)) continue;
    const thread = threadAddress(post, system.pages);
    const feedPrefix = system.feedIdPrefix ? system.feedIdPrefix(document) : undefined;
    if (feedPrefix === null) continue;
    const uniqueIdOf = (id: string) => (feedPrefix === undefined ? `${thread}#comment-${id}` : feedPrefix + id);
    const openedBy = system.pages?.openedBy?.(new URL(pageUrl)) ?? null;
    const comments: SiteComment[] = [];
    const idOfHolder = new Map<Element, string>();
    // A flat table's comments in order, with their depth: a reply's parent is the last one shallower.
    const ancestry: { id: string; depth: number }[] = [];
    let topic = system.opensWithTopic !== undefined && !system.opensWithTopic.laterPage(new URL(pageUrl));
    for (const holder of document.querySelectorAll(system.holder)) {
      const id = system.idOf(holder);
      const own = id ? system.ownOf(holder, id) : null;
      if (!id || !own) continue;
      if (topic) {
        topic = false;
        continue;
      }
      idOfHolder.set(holder, id);
      // Stored from the page that links this one, in its place there; here it has no parent.
      if (id === openedBy) continue;
      let parent: string | null = null;
      if (system.depthOf) {
        const depth = system.depthOf(holder);
        while (ancestry.length > 0 && ancestry[ancestry.length - 1]!.depth >= depth) ancestry.pop();
        parent = depth > 0 ? (system.parentIdOf?.(holder) ?? ancestry[ancestry.length - 1]?.id ?? null) : null;
        ancestry.push({ id, depth });
      } else {
        const around = system.parentOf?.(holder);
        parent = around ? (idOfHolder.get(around) ?? null) : null;
      }
      // A comment removed by its author or the site, with no text left, is not stored.
      const text = own.querySelector(system.text);
      if (!text?.textContent?.trim()) continue;
      const named = system.author.map((selector) => own.querySelector(selector)).find((found) => found !== null) ?? null;
      const author = named?.textContent?.trim() || (system.authorAttribute ? holder.getAttribute(system.authorAttribute) : null) || null;
      const permalink = webUrl(own.querySelector(system.permalink)?.getAttribute('href'), base);
      comments.push({
        uniqueId: uniqueIdOf(id),
        parentUniqueId: parent ? uniqueIdOf(parent) : null,
        author,
        authorUrl: webUrl(named?.closest('a')?.getAttribute('href') ?? named?.querySelector('a')?.getAttribute('href'), base),
        publishedAt: system.dateOf(own, servedAt),
        html: withoutFurniture(text, system.notText).innerHTML.trim(),
        link: permalink ?? uniqueIdOf(id),
      });
    }
    if (comments.length > 0) {
      const partial = system.partial ? document.querySelector(system.partial) !== null : false;
      return { comments, pages: system.pages ? pagesLinked(document, base, pageUrl, system.pages) : [], partial };
    }
  }
  return { comments: [], pages: [], partial: false };
}

/** Whether each board's vB4 dates put the day first: a dotted date always does ("14.03.2012"); one
 *  written with dashes or slashes does when any of the page's dates opens with a number no month
 *  has, else it is vBulletin's own default, month first ("03-14-2012"). Read once a page. */
const vb4DayFirst = new WeakMap<Document, boolean>();

function vb4Date(text: string, document: Document, servedAt: number | null): number | null {
  const shown = VB4_DATE.exec(text);
  if (!shown) return vbRelativeDate(text, document, servedAt);
  const [, first, separator, second, year, hours, minutes, half] = shown;
  let dayFirst = separator === '.' ? true : vb4DayFirst.get(document);
  if (dayFirst === undefined) {
    dayFirst = [...document.querySelectorAll('.postdate .date')].some((date) => Number(VB4_DATE.exec(date.textContent ?? '')?.[1]) > 12);
    vb4DayFirst.set(document, dayFirst);
  }
  const [day, month] = dayFirst ? [Number(first), Number(second)] : [Number(second), Number(first)];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // The board's clock, whose offset the page does not say: read as UTC, as comment-page.ts reads such dates.
  return Date.UTC(Number(year), month - 1, day) + clockTime(hours!, minutes!, half);
}

/** A time of day as a board shows it ("09:41 PM", "21:41"), in milliseconds after midnight. */
function clockTime(hours: string, minutes: string, half: string | undefined): number {
  const clock = Number(hours);
  const hour = half ? (clock % 12) + (half.toUpperCase() === 'PM' ? 12 : 0) : clock;
  return (hour * 60 + Number(minutes)) * MINUTE_MS;
}

/** The time the board's footer says it is: vB4's #footer_time, or the last span.time outside the
 *  posts (vB3's footer line, which has no id of its own). */
function footerClock(document: Document): string | null {
  const footer = document.querySelector('#footer_time .time') ?? [...document.querySelectorAll('span.time')].filter((time) => !time.closest('[id^="post"]')).at(-1);
  return footer?.textContent ?? null;
}

/** The time each page's footer says it is on the board's clock (null: none), read once a page. */
const boardClocks = new WeakMap<Document, string | null>();

/** "Today, 09:14 AM" and "Yesterday, 11:52 PM" (and their words in other languages) on the board's
 *  clock, read as UTC as its other dates are, counted from the day it served the page. Null
 *  without the time it served it: the page alone does not say which day "today" was. */
function vbRelativeDate(text: string, document: Document, servedAt: number | null): number | null {
  const shown = VB_RELATIVE_DATE.exec(text);
  const daysBack = shown ? VB_DAYS_BACK.get(shown[1]!.trim().toLowerCase()) : undefined;
  if (!shown || daysBack === undefined || servedAt === null) return null;
  const time = clockTime(shown[2]!, shown[3]!, shown[4]);
  let today = boardToday(document, servedAt);
  if (today === null) {
    // Without the board's clock: the day served in UTC, unless the time shown would be past any
    // zone's "now" (a board behind UTC, past its midnight there): then the day before.
    const servedDay = Math.floor(servedAt / DAY_MS) * DAY_MS;
    today = servedDay + time > servedAt + MAX_ZONE_AHEAD_MS ? servedDay - DAY_MS : servedDay;
  }
  return today - daysBack * DAY_MS + time;
}

/** The day the board served the page on its own clock (a UTC midnight, as its dates are read),
 *  from the time its footer says it is ("The time now is 09:15 PM", in any language) and the time the page was served: of the days around the served one, the one whose
 *  footer time is nearest. Null without a footer time. */
function boardToday(document: Document, servedAt: number): number | null {
  if (!boardClocks.has(document)) boardClocks.set(document, footerClock(document));
  const now = VB_FOOTER_CLOCK.exec(boardClocks.get(document) ?? '');
  if (!now) return null;
  const time = clockTime(now[1]!, now[2]!, now[3]);
  const served = Math.floor(servedAt / DAY_MS) * DAY_MS;
  return [served - DAY_MS, served, served + DAY_MS].reduce((best, day) => (Math.abs(day + time - servedAt) < Math.abs(best + time - servedAt) ? day : best));
}

/** The text, or when it holds what the system adds to it (`notText`), a copy without that. */
function withoutFurniture(text: Element, notText: string | undefined): Element {
  if (!notText || !text.querySelector(notText)) return text;
  const copy = text.cloneNode(true) as Element;
  for (const furniture of copy.querySelectorAll(notText)) furniture.remove();
  return copy;
}

/** A query that is a path, as vBulletin's "basic" friendly addresses write one: showthread.php?48211-Title/page2. */
const PATH_QUERY = /^\?\d+-[^=&]*$/;

/** The page number at the end of the address's path, or of its query where that is a path (0: none). */
function pathPage(url: URL, path: RegExp): number {
  return Number(path.exec(url.pathname)?.[1] ?? (PATH_QUERY.test(url.search) ? path.exec(url.search)?.[1] : 0) ?? 0);
}

/** The thread's address for one of its pages: the same for every page of it. */
function threadAddress(page: string, pages: ThreadPages | undefined): string {
  const url = new URL(page);
  url.hash = '';
  // Asked first: deleting rewrites the whole query (vB4's ?48211-Title/page2 would become another address).
  for (const param of [...(pages?.param ? [pages.param] : []), ...(pages?.session ?? [])]) if (url.searchParams.has(param)) url.searchParams.delete(param);
  if (pages?.path) {
    url.pathname = url.pathname.replace(pages.path, pages.pathEnd ?? '/');
    if (PATH_QUERY.test(url.search)) url.search = url.search.replace(pages.path, '');
  }
  pages?.threadOf?.(url);
  return url.href;
}

/** The thread's other pages this page links, in the system's markup, on the same site and path
 *  as the page (a board's topic pages, a post's branches): without their session parameters,
 *  and not the first page (the thread's own address, read first). */
function pagesLinked(document: Document, base: URL | null, pageUrl: string, pages: ThreadPages): string[] {
  const here = new URL(pageUrl);
  const found = new Set<string>();
  for (const anchor of document.querySelectorAll(pages.links)) {
    const href = webUrl(anchor.getAttribute('href'), base);
    if (!href) continue;
    const url = new URL(href);
    url.hash = '';
    for (const param of pages.session ?? []) if (url.searchParams.has(param)) url.searchParams.delete(param);
    if (url.origin !== here.origin) continue;
    const sameThread = () => threadAddress(url.href, pages) === threadAddress(pageUrl, pages);
    // A system may number its pages either way (vB4: /pageN with friendly addresses, else &page=N).
    const isPage =
      (pages.param !== undefined && Number(url.searchParams.get(pages.param)) > 0 && url.pathname === here.pathname) ||
      (pages.path !== undefined && pathPage(url, pages.path) > 1 && sameThread()) ||
      (pages.param === undefined && pages.path === undefined && (pages.openedBy?.(url) ?? null) !== null && sameThread());
    if (isPage) found.add(url.href);
  }
  return [...found];
}
