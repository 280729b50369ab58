// The comment-thread corpus (test/fixtures/corpus/comments/): article pages with their comment
// sections in the markup each system serves, each NAME.html beside NAME.expect.json, the thread a
// reader should find: each comment's author, its text's first words, its date where the page
// shows one, and the comment it answers (the thread's shape). A page whose comments are loaded by
// script names the service that loads them and lists none: nothing is there to read, and nothing
// may be invented. Shared by the corpus test and the report script (bench/corpus/comments.ts), so
// both score the same way: what the sync stores from the page (ingestPageComments: the page read,
// sanitized, identified).
import { readFileSync, readdirSync } from 'node:fs';
import type { IncomingComment } from '../../electron/core/storage';
import { prepareArticle } from '../../electron/core/articles';
import { captureComments, ingestPageComments } from '../../electron/core/workers/tasks';
import { fixturePath } from './fixtures';

export interface ExpectedComment {
  /** The site's own number for the comment, which `parent` names (on this page or, for a later
   *  page's first replies, an earlier one). */
  readonly id: string;
  readonly author: string;
  /** The first words of its text, as the reader shows it. */
  readonly opening: string;
  /** When it was written, where the page says (ISO 8601; a time shown without its zone as UTC, as the sync reads it). */
  readonly date?: string;
  readonly parent: string | null;
}

export interface CommentCorpusPage {
  readonly name: string;
  readonly url: string;
  readonly html: string;
  readonly system: string;
  /** The first words of the article's own text, which the stored article must hold. */
  readonly article: string;
  readonly comments: readonly ExpectedComment[];
  /** The comment service whose script loads the thread (shared/comment-services.ts), when the page holds none itself. */
  readonly service?: string;
  /** The post's other comment pages the page links to, where it is one of several. */
  readonly pages?: readonly string[];
  /** When the site served the page (its Date header, as HTTP writes it), where the page shows
   *  dates relative to that day ("Today, 09:14 AM"). */
  readonly served?: string;
}

export interface CommentScore {
  readonly expected: number;
  readonly found: number;
  /** Share of the expected comments found (author and first words). */
  readonly recall: number;
  /** Share of the comments found that are expected ones (1 when none is found: nothing invented). */
  readonly precision: number;
  /** Share of the expected comments found under the comment they answer (or at the top). */
  readonly shape: number;
  /** Share of the expected comments with a date found with that date (to the minute). */
  readonly dates: number;
  /** The expected comments not found, and what was found that is none of them: for a report. */
  readonly missed: readonly string[];
  readonly extra: readonly string[];
}

const DIR = fixturePath('corpus/comments/');

export function commentCorpusPages(): CommentCorpusPage[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.html'.length);
      const expected = JSON.parse(readFileSync(`${DIR}${name}.expect.json`, 'utf8')) as Omit<CommentCorpusPage, 'name' | 'html'>;
      return { ...expected, name, html: readFileSync(DIR + file, 'utf8') };
    });
}

/** The comments the sync stores from the page, and the other comment pages it links to. */
export function storedThread(page: CommentCorpusPage): { comments: IncomingComment[]; pages: string[] } {
  const { comments, pages } = ingestPageComments(page.html, page.url, 'corpus', page.served ? Date.parse(page.served) : null);
  return { comments, pages };
}

/** The article's text the sync stores from the page, and the comments that stand in it: those
 *  whose first words it holds, of the comments whose first words the page says nowhere else (a
 *  comment may open by quoting the article). */
export function storedArticle(page: CommentCorpusPage): { text: string; comments: string[] } {
  const text = words(prepareArticle({ pageHtml: page.html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url }).text);
  const pageText = words(page.html.replace(/<[^>]*>/g, ' ').replace(/&#8217;/g, '’'));
  const onlyInComment = (opening: string) => pageText.split(words(opening)).length === 2;
  return { text, comments: page.comments.filter((comment) => onlyInComment(comment.opening) && text.includes(words(comment.opening))).map((comment) => comment.id) };
}

/** Where the sync reads the article's thread from, as its page says: 'wordpress-page' for the page itself; null for nowhere. */
export function threadSourceOf(page: CommentCorpusPage): string | null {
  return captureComments(page.html, page.url).commentThread?.kind ?? null;
}

/** The comment service the page's composer names (a thread loaded by script), or null. */
export function commentServiceShown(page: CommentCorpusPage): string | null {
  return captureComments(page.html, page.url).commentForm?.kind ?? null;
}

const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const MINUTE = 60_000;
const SITE_NUMBER = /#comment-([^#]+)$/;

export function scoreComments(page: CommentCorpusPage, found: readonly IncomingComment[]): CommentScore {
  // Each found comment is the expected one with its author whose text opens with its first words.
  const matchOf = new Map<IncomingComment, ExpectedComment>();
  const foundFor = new Map<string, IncomingComment>();
  for (const comment of found) {
    const text = words(comment.text);
    const match = page.comments.find((want) => !foundFor.has(want.id) && words(comment.author) === want.author && text.startsWith(words(want.opening)));
    if (!match) continue;
    matchOf.set(comment, match);
    foundFor.set(match.id, comment);
  }
  const expectedOf = new Map([...matchOf].map(([comment, want]) => [comment.uniqueId, want.id]));
  let shaped = 0;
  let dated = 0;
  for (const want of page.comments) {
    const comment = foundFor.get(want.id);
    if (!comment) continue;
    // A parent on another of the thread's pages (a later page opens inside a branch) is named by
    // the site's own number, as the stored comment names it.
    const parent = comment.parentUniqueId === null ? null : (expectedOf.get(comment.parentUniqueId) ?? SITE_NUMBER.exec(comment.parentUniqueId)?.[1] ?? '?');
    if (parent === want.parent) shaped++;
    if (want.date && comment.publishedAt !== null && Math.abs(comment.publishedAt - Date.parse(want.date)) < MINUTE) dated++;
  }
  const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  const datedCount = page.comments.filter((want) => want.date).length;
  return {
    expected: page.comments.length,
    found: found.length,
    recall: page.comments.length === 0 ? (found.length === 0 ? 1 : 0) : foundFor.size / page.comments.length,
    precision: found.length === 0 ? 1 : matchOf.size / found.length,
    shape: share(shaped, page.comments.length),
    dates: share(dated, datedCount),
    missed: page.comments.filter((want) => !foundFor.has(want.id)).map((want) => `${want.id} ${want.author}`),
    extra: found.filter((comment) => !matchOf.has(comment)).map((comment) => `${comment.author ?? '?'}: ${words(comment.text).slice(0, 40)}`),
  };
}
