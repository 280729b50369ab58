// A WordPress page with its comment form is parsed once in a sync's prepare: the form is read
// from the DOM first, then extraction cuts the same DOM up (page-document.ts). What the reader
// gets, the article and the form to reply with, must be exactly what each reader finds alone.
import { describe, expect, it } from 'vitest';
import { captureCommentForm, discoverCommentThread, prepareArticle } from '../../electron/core/articles';
import { MAX_DEPTH } from '../../electron/core/articles/markup-limits';
import { prepare } from '../../electron/core/workers/tasks';
import { fixtureText } from '../support/fixtures';

const ORIGIN = 'http://127.0.0.1:1';
const PAGE_URL = `${ORIGIN}/2026/11/03/harbour-ferry/`;

/** What prepare gave when each reader parsed the page on its own. */
function eachAlone(pageHtml: string, feedHtml: string | null, pageUrl = PAGE_URL) {
  const input = { pageHtml, pageUrl, feedHtml, feedItemUrl: pageUrl };
  return { ...prepareArticle(input), commentForm: captureCommentForm(pageHtml, pageUrl), commentThread: discoverCommentThread(pageHtml, pageUrl) };
}

describe("a WordPress page's one DOM, read for its comment form and its article", () => {
  // Each page read at its own address: a form posting to another site is not one to reply with.
  for (const [fixture, pageUrl] of [
    ['seed/article.html', PAGE_URL],
    ['articles/block-theme-post.html', 'https://courier.example/2026/11/28/night-buses-return/'],
  ] as const) {
    it(`gives the article and the reply form each reader finds alone (${fixture})`, () => {
      const pageHtml = fixtureText(fixture, ORIGIN);
      const prepared = prepare({ pageHtml, pageUrl, feedHtml: '<p>The feed’s short summary.</p>', feedItemUrl: pageUrl });

      expect(prepared.source).toBe('page');
      expect(prepared.commentForm).toMatchObject({ fields: expect.arrayContaining(['comment']) });
      expect(prepared.commentForm).toMatchObject({ kind: 'wordpress', hiddenFields: expect.arrayContaining([['comment_post_ID', expect.any(String)]]) });
      expect(prepared).toEqual(eachAlone(pageHtml, '<p>The feed’s short summary.</p>', pageUrl));
    });
  }

  it('still finds the form on a page too deeply nested to extract, and keeps the feed’s text', () => {
    const form = fixtureText('seed/article.html', ORIGIN).match(/<form[^>]*id="commentform"[\s\S]*?<\/form>/)![0];
    const pageHtml = `<html><body>${'<div>'.repeat(MAX_DEPTH + 10)}<p>Deep.</p>${'</div>'.repeat(MAX_DEPTH + 10)}${form}</body></html>`;
    const prepared = prepare({ pageHtml, pageUrl: PAGE_URL, feedHtml: '<p>What the feed says.</p>', feedItemUrl: PAGE_URL });

    expect(prepared.source).toBe('feed');
    expect(prepared.extractionNote).toMatch(/nest more than 512 deep/);
    expect(prepared.commentForm).toMatchObject({ kind: 'wordpress', hiddenFields: expect.arrayContaining([['comment_post_ID', expect.any(String)]]) });
    expect(prepared).toEqual(eachAlone(pageHtml, '<p>What the feed says.</p>'));
  });
});
