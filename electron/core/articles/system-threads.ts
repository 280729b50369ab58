// Comment threads that sites running a system of their own write, read from the page as
// comment-page.ts reads WordPress's and Drupal's: each system's markup as the system writes it on
// every site and every page it serves, not one site's theme. A system is told by a mark only it
// writes (checked on the page's source first, without a DOM), each comment by its element and
// the system's own id for it, and its parent by where the system puts replies:
// - old Reddit (old.reddit.com and the many mirrors of its templates): div.thing.comment with
//   data-fullname="t1_ID" and data-author (which stays "[deleted]" when the text shows no name),
//   the text in .usertext-body .md, replies in its div.child > div.sitetable;
// - Hacker News (news.ycombinator.com and its clones' "arc" markup): a flat table of
//   tr.athing.comtr, a reply's depth only its td.ind indent="N" (older pages: the spacer image's
//   width, 40 px a level), the time in span.age's title ("ISO UNIXSECONDS");
// - Lobsters (lobste.rs and the other sites running its code): li.comments_subtree holding its
//   div.comment data-shortid="ID" and, in an <ol class="comments">, its replies;
// - Slash (Slashdot, SoylentNews): ul#commentlisting of li.comment id="tree_N" holding its
//   div#comment_N and, in ul#group_N, its replies; the date shown "Monday March 18, 2024 @10:41PM";
// - Joomla's JComments: div#comment-item-N, its replies in the div.comments-list#comments-list-N
//   after it (the top list is comments-list-0), the date on the site's clock ("2023-12-18 21:40");
// - phpBB (3.x, prosilver and the styles built on it): a topic's posts as div.post id="pN", each
//   with its .postbody and the text in .content; the first post of the topic's first page is the
//   topic itself (the article), the others its replies, flat (a quote says whom one answers).
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
  readonly permalink: string;
  readonly dateOf: (own: Element) => number | null;
  /** The holder of the comment this one answers; or, for a flat table, depthOf instead. */
  readonly parentOf?: (holder: Element) => Element | null;
  readonly depthOf?: (holder: Element) => number;
  /** The first comment of the thread's first page is the topic, not a reply (a forum's). */
  readonly opensWithTopic?: true;
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
/** phpBB's later pages of a topic: &start=N, N posts in. */
const laterTopicPage = (pageUrl: string) => Number(new URL(pageUrl).searchParams.get('start')) > 0;
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
    opensWithTopic: true,
  },
];

/** Every system's mark in one pattern: a page shows none of them, mostly, and one scan of its
 *  source says so for a tenth of what a query of its DOM for their holders costs (0.1 against
 *  0.5-1 ms on a 850-element news page). */
const ANY_MARK = new RegExp(SYSTEMS.map((system) => system.mark.source).join('|'));

/** The elements of the document that are comments in one of these systems' markup, for the
 *  article's text to leave out: each with its replies, a topic's opening post kept. `html` is the
 *  page's source the document was built from. */
export function systemComments(document: Document, html: string): Element[] {
  if (!listsSystemThread(html)) return [];
  for (const system of SYSTEMS) {
    const holders = [...document.querySelectorAll(system.holder)].filter((holder) => {
      const id = system.idOf(holder);
      return id !== null && system.ownOf(holder, id) !== null;
    });
    if (holders.length > 0) return system.opensWithTopic ? holders.slice(1) : holders;
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

/** The comments of the first system whose thread the page holds, each under the comment it answers. */
export function readSystemThread(document: Document, html: string, pageUrl: string, uniqueIdOf: (id: string) => string): SiteComment[] {
  const base = parseBase(pageUrl);
  for (const system of SYSTEMS) {
    if (!system.mark.test(html)) continue;
    const comments: SiteComment[] = [];
    const idOfHolder = new Map<Element, string>();
    // A flat table's comments in order, with their depth: a reply's parent is the last one shallower.
    const ancestry: { id: string; depth: number }[] = [];
    let topic = system.opensWithTopic === true && !laterTopicPage(pageUrl);
    for (const holder of document.querySelectorAll(system.holder)) {
      const id = system.idOf(holder);
      const own = id ? system.ownOf(holder, id) : null;
      if (!id || !own) continue;
      if (topic) {
        topic = false;
        continue;
      }
      idOfHolder.set(holder, id);
      let parent: string | null = null;
      if (system.depthOf) {
        const depth = system.depthOf(holder);
        while (ancestry.length > 0 && ancestry[ancestry.length - 1]!.depth >= depth) ancestry.pop();
        parent = ancestry[ancestry.length - 1]?.id ?? null;
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
        publishedAt: system.dateOf(own),
        html: text.innerHTML.trim(),
        link: permalink ?? uniqueIdOf(id),
      });
    }
    if (comments.length > 0) return comments;
  }
  return [];
}
