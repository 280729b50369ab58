// The comment-thread corpus (test/fixtures/corpus/comments/): for every page, the thread the sync
// stores from it against the thread a reader sees on the site: every comment, by whom, when, and
// under which comment. bench/corpus/comments.ts prints the same figures, with the time each read takes.
import { describe, expect, it } from 'vitest';
import { commentCorpusPages, commentServiceShown, threadSourceOf, scoreComments, storedArticle, storedThread } from '../support/corpus-comments';

// Threads the page reader does not read yet, each with why: for these, nothing may be invented.
const NOT_READ_YET: Record<string, string> = {
};

// Pages whose stored article is not their story alone, each with why (Hacker News's, Lobsters's
// and phpBB's comments leave the article by their system's marks, system-threads.ts).
const ARTICLE_NOT_THE_STORY: Record<string, string> = {
  'phpbb-de-last-page': "a topic's later page, read as a comment page of the topic: it holds no opening post, and no feed links it as an article",
  'xenforo-fr-page2': "a thread's later page, as phpbb-de-last-page",
  'vbulletin4-de-page2': "a topic's later page, as phpbb-de-last-page",
};

describe('the comment-thread corpus', () => {
  const pages = commentCorpusPages();
  const threads = new Map(pages.map((page) => [page.name, storedThread(page)]));
  const scores = new Map(pages.map((page) => [page.name, scoreComments(page, threads.get(page.name)!.comments)]));

  it('holds at least 16 pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(16);
  });

  it.each(pages.filter((page) => !(page.name in NOT_READ_YET)).map((page) => page.name))('%s: every comment, in its place, and nothing else', (name) => {
    const score = scores.get(name)!;
    expect({ missed: score.missed, extra: score.extra }).toEqual({ missed: [], extra: [] });
    expect(score.shape).toBe(1);
    expect(score.dates).toBe(1);
    // And the sync reads the thread from the page: it is the page's source of comments.
    expect(threadSourceOf(pages.find((page) => page.name === name)!)).toBe(name.startsWith('ghost') ? null : 'wordpress-page');
  });

  it.each(Object.keys(NOT_READ_YET))('%s: no comment invented where the thread is not read', (name) => {
    expect(scores.get(name)!.extra).toEqual([]);
  });

  it.each(pages.filter((page) => !(page.name in ARTICLE_NOT_THE_STORY)).map((page) => page.name))('%s: the stored article is the story, without its comments', (name) => {
    const article = storedArticle(pages.find((found) => found.name === name)!);
    expect(article.text).toContain(pages.find((found) => found.name === name)!.article);
    expect(article.comments).toEqual([]);
  });

  it('names the comment pages a paged thread links to', () => {
    // Its own address aside: each comment's permalink links the page it is on.
    for (const page of pages.filter((page) => page.pages)) {
      expect(threads.get(page.name)!.pages.filter((url) => url !== page.url).sort()).toEqual([...page.pages!].sort());
    }
  });

  it('says whose script loads a thread the page does not hold, and lists no comment from it', () => {
    for (const page of pages.filter((page) => page.service)) {
      expect(commentServiceShown(page)).toBe(page.service);
      expect(threads.get(page.name)!.comments).toEqual([]);
    }
  });
});
