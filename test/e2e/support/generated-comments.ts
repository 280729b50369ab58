// A long comment thread as a big news site or a popular blog has one, for the UI benchmark and the
// UI tests: comments of 40 to 1,500 characters of HTML (paragraphs, now and then a link or a
// quote), threaded 1 to 5 deep the way discussions grow (most comments at the top level, long
// reply chains under a few busy ones), by people with real-looking names, minutes apart.
// Seeded: the same count gives the same thread, so figures and screenshots compare.
import { commentIdOf } from '../../../electron/core/feeds/article-id';
import type { IncomingComment } from '../../../electron/core/storage';
import { seededRandom } from '../../support/random';

const FIRST_NAMES = ['Ana', 'Tomasz', 'Priya', 'Jonas', 'Mariam', 'Declan', 'Yuki', 'Olusegun', 'Ingrid', 'Mateo', 'Hannah', 'Farid', 'Siobhan', 'Lukas', 'Amara', 'Pedro', 'Elif', 'Gareth', 'Noor', 'Katarzyna'];
const LAST_NAMES = ['Ruiz', 'Nowak', 'Raman', 'Lindqvist', 'Haddad', 'Byrne', 'Tanaka', 'Adeyemi', 'Solberg', 'Ferreira', 'Whitfield', 'Karimi', 'Doyle', 'Brandt', 'Okafor', 'Almeida', 'Demir', 'Pryce', 'Siddiqui', 'Zielinska'];
const HANDLES = ['night_owl_reader', 'quietcommuter', 'OldHarbourGuy', 'm.k.', 'lapsed-economist', 'GreenValleyMum', 'not_a_bot_42'];

// Sentences written for these fixtures, in the tone of a news site's readers.
const SENTENCES = [
  'I read the whole piece twice and I still think the headline oversells it.',
  'The figures in the third paragraph do not match what the ministry published last spring.',
  'My brother works at the port and says the delays started well before the strike.',
  'Good reporting, for once somebody actually asked the people affected.',
  'This is exactly what was predicted when the budget was cut.',
  'Has anyone found the full text of the report? The link in the article goes to a summary.',
  'I disagree, but I appreciate that the article gives both sides a fair hearing.',
  'We had the same debate in our town council ten years ago and nothing changed.',
  'The interview at the end is the most interesting part, and it is buried.',
  'Honestly, the comments here are more balanced than the coverage on television.',
  'Rents in our street have gone up by a third since the new line opened.',
  'Can the editors correct the date in the caption? It says Tuesday but the vote was on Monday.',
  'It is worth remembering that the same promise was made before the last election.',
  'The real question is who pays for the maintenance once the grants run out.',
  'My grandmother lived through the floods of the sixties and she would laugh at these plans.',
  'Thank you for the long answer, that clears up what I had misunderstood.',
  'Nobody in the article explains where the money is supposed to come from.',
  'I work in a hospital and the staffing numbers quoted are, if anything, optimistic.',
  'The map is great, more of those please.',
  'Exactly. And the same thing happened with the bridge, which is still not finished.',
];
const QUOTES = [
  'Officials said the talks had been frank and, at times, difficult.',
  'The council will review the decision at its next meeting.',
  'We expect the first trains to run before the end of the year.',
];
const LINKS = [
  ['https://www.example.org/reports/2026/transport-review.pdf', 'the transport review'],
  ['https://en.wikipedia.org/wiki/Public_consultation', 'how consultations work'],
  ['https://statistics.example.net/tables/housing', 'the housing tables'],
] as const;

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** Most comments are a line or two; a few run to several paragraphs (1,500 characters at most). */
export function commentHtml(rand: () => number, earlier: readonly { url: string; author: string }[]): string {
  const target = 40 + Math.floor(rand() ** 3 * 1_400);
  const paragraphs: string[] = [];
  let length = 0;
  if (earlier.length > 0 && rand() < 0.04) {
    // "As X said": a link to an earlier comment, as WordPress readers write them.
    const other = pick(rand, earlier);
    const lead = `<p>As <a href="${other.url}">${other.author}</a> said above, ${pick(rand, SENTENCES).toLowerCase()}</p>`;
    paragraphs.push(lead);
    length += lead.length;
  }
  if (rand() < 0.1) {
    const quote = `<blockquote><p>${pick(rand, QUOTES)}</p></blockquote>`;
    paragraphs.push(quote);
    length += quote.length;
  }
  while (length < target || paragraphs.length === 0) {
    let paragraph = '';
    const sentences = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < sentences && length + paragraph.length < target; i++) {
      if (rand() < 0.05) {
        const [href, text] = pick(rand, LINKS);
        paragraph += `See <a href="${href}">${text}</a>. `;
      }
      paragraph += `${pick(rand, SENTENCES)} `;
    }
    const html = `<p>${paragraph.trim()}</p>`;
    if (length + html.length > 1_500 && paragraphs.length > 0) break;
    paragraphs.push(html);
    length += html.length;
  }
  return paragraphs.join('\n');
}

export interface ThreadOptions {
  readonly articleId: string;
  /** The article's address: each comment's is it with WordPress's #comment-N. */
  readonly articleUrl: string;
  readonly count: number;
  /** When the first comment was written (ms); the others follow minutes apart. */
  readonly from: number;
}

/** Who wrote the thread's first comment, whose link goes to its last. */
export const EDITORS = 'The editors';

/** The site's number of the thread's first comment; the others follow. */
export const FIRST_COMMENT_NUMBER = 48_201;

/** The thread, oldest first, as the sync stores it. */
export function generatedThread({ articleId, articleUrl, count, from }: ThreadOptions): IncomingComment[] {
  const rand = seededRandom(count * 7_919 + 17);
  const comments: (IncomingComment & { depth: number; root: number })[] = [];
  // Busy threads: the reply chains that run to hundreds of comments under one top-level comment.
  const busy: number[] = [];
  let at = from;
  for (let i = 0; i < count; i++) {
    at += 60_000 * (1 + Math.floor(rand() * 12));
    const roll = rand();
    let parent: (typeof comments)[number] | null = null;
    if (comments.length > 0 && roll >= 0.55) {
      if (roll < 0.85 && busy.length > 0) {
        // Into a busy thread, mostly answering its latest comments: a chain.
        const root = pick(rand, busy.slice(-3));
        const inThread = comments.filter((comment) => comment.root === root && comment.depth < 5).slice(-6);
        parent = pick(rand, inThread);
      } else {
        const recent = comments.slice(-30).filter((comment) => comment.depth < 5);
        parent = recent.length > 0 ? pick(rand, recent) : null;
      }
    }
    const first = pick(rand, FIRST_NAMES);
    const author = i === 0 ? EDITORS : rand() < 0.15 ? pick(rand, HANDLES) : `${first} ${pick(rand, LAST_NAMES)}`;
    const uniqueId = `${articleUrl}#comment-${FIRST_COMMENT_NUMBER + i}`;
    // The first comment is the editors', edited later to point at an answer deep in the thread.
    const html =
      i === 0 && count > 1
        ? `<p><strong>Update from the editors:</strong> the question most of you asked, about the depot, is answered <a href="${articleUrl}#comment-${FIRST_COMMENT_NUMBER + count - 1}">further down</a>.</p>`
        : commentHtml(rand, comments.slice(-200).map((comment) => ({ url: comment.url!, author: comment.author! })));
    const comment = {
      id: commentIdOf(articleId, uniqueId),
      uniqueId,
      parentId: parent?.id ?? null,
      parentUniqueId: parent?.uniqueId ?? null,
      author,
      authorUrl: rand() < 0.2 ? `https://${first.toLowerCase()}.example.net/` : null,
      publishedAt: at,
      html,
      text: html.replace(/<[^>]+>/g, ' '),
      url: uniqueId,
      replyLead: null,
      depth: parent ? parent.depth + 1 : 1,
      root: parent ? parent.root : i,
    };
    comments.push(comment);
    if (!parent && (busy.length === 0 || rand() < 0.015)) busy.push(i);
  }
  return comments.map(({ depth: _depth, root: _root, ...comment }) => comment);
}
