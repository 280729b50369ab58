// Sites whose comments wpDiscuz shows (a comment plugin that replaces the theme's comment section
// and form): the thread read from the article's page as the reader shows it (who, when, under which
// comment, the words without the plugin's buttons and counts), not taken for whole while it shows
// only the newest threads, and a form Paperboy says it cannot post to, not one with comments closed.
import { describe, expect, it } from 'vitest';
import { discoverCommentThread } from '../../electron/core/articles/comment-api';
import { readCommentPage } from '../../electron/core/articles/comment-page';
import { htmlToText } from '../../electron/core/feeds/text';
import { siteParents, storedParents } from './support/stored-thread';
import { themedSessionPerTest } from './support/themed-session';
import { ThemedWordPress } from './support/themed-wordpress';
import { wpdComment, wpdSection } from './support/wpdiscuz-markup';

const ORIGIN = 'https://canal-walkers.example';
const POST = `${ORIGIN}/2024/03/10/towpath-closure-at-lock-9/`;

function page(threads: string, more = false): string {
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="UTF-8"><title>Towpath closure at lock 9 &#8211; Canal Walkers</title></head>
<body class="post-template-default single single-post postid-512">
<main id="main"><article id="post-512" class="post-512 post type-post status-publish"><h1 class="entry-title">Towpath closure at lock 9</h1>
<div class="entry-content"><p>The towpath between locks 8 and 10 is closed for bank repairs until the end of April.</p></div></article>
${wpdSection(ORIGIN, 5, threads, more)}
</main></body></html>`;
}

const hattie = { author: 'Hattie Brennan', authorUrl: 'https://narrowboat-diary.example/' };
const owen = { author: 'Owen Pryce' };

const thread = [
  wpdComment({ id: 3101, parent: 0, ...hattie, siteDate: 'March 11, 2024 9:40 am', shownDate: '2 years ago', votes: 7, html: '<p>Is there a diversion for walkers?</p>' }, 1, POST,
    wpdComment({ id: 3102, parent: 3101, ...owen, parentAuthor: 'Hattie Brennan', siteDate: 'March 11, 2024 10:05 am', shownDate: '2 years ago', votes: 2, html: '<p>Yes, signed along Mill Lane.</p><p>It adds ten minutes.</p>' }, 2, POST,
      wpdComment({ id: 3104, parent: 3102, ...hattie, parentAuthor: 'Owen Pryce', siteDate: 'March 11, 2024 1:15 pm', shownDate: '2 years ago', html: '<p>Thanks, Owen.</p>' }, 3, POST))),
  wpdComment({ id: 3103, parent: 0, author: 'Lockkeeper Weekly &#8211; Links', type: 'pingback', siteDate: 'March 11, 2024 11:00 am', shownDate: '2 years ago', html: '<p>[&hellip;] closure at lock 9 [&hellip;]</p>' }, 1, POST),
  // A site set to show dates as dates ("simple date"), day first with a 24-hour clock.
  wpdComment({ id: 3105, parent: 0, ...owen, siteDate: '12 March 2024 21:40', shownDate: '12 March 2024 21:40', html: '<p>Open again on the 20th, says the notice.</p>' }, 1, POST),
].join('\n');

describe('a wpDiscuz thread on the article’s page', () => {
  it('is read with replies under their comments, authors, dates and words, without the buttons, votes or pingbacks', () => {
    const html = page(thread);
    const shown = readCommentPage(html, POST).comments.map((comment) => ({
      id: comment.uniqueId,
      parent: comment.parentUniqueId,
      author: comment.author,
      authorUrl: comment.authorUrl,
      date: comment.publishedAt === null ? null : new Date(comment.publishedAt).toISOString(),
      text: htmlToText(comment.html),
    }));
    expect(shown).toEqual([
      { id: `${POST}#comment-3101`, parent: null, ...hattie, date: '2024-03-11T09:40:00.000Z', text: 'Is there a diversion for walkers?' },
      { id: `${POST}#comment-3102`, parent: `${POST}#comment-3101`, ...owen, authorUrl: null, date: '2024-03-11T10:05:00.000Z', text: 'Yes, signed along Mill Lane. It adds ten minutes.' },
      { id: `${POST}#comment-3104`, parent: `${POST}#comment-3102`, ...hattie, date: '2024-03-11T13:15:00.000Z', text: 'Thanks, Owen.' },
      { id: `${POST}#comment-3105`, parent: null, ...owen, authorUrl: null, date: '2024-03-12T21:40:00.000Z', text: 'Open again on the 20th, says the notice.' },
    ]);
    expect(discoverCommentThread(html, POST)).toEqual({ url: POST, kind: 'wordpress-page' });
  });

  it('is known for part of the thread when the page offers "Load more comments"', () => {
    expect(readCommentPage(page(thread), POST).partial).toBe(false);
    expect(readCommentPage(page(thread, true), POST).partial).toBe(true);
  });
});

const t = themedSessionPerTest();

describe('a wpDiscuz site without the REST API', () => {
  it('gives its whole thread from the page, more than the comment feed’s newest 10', async () => {
    t.site = await ThemedWordPress.start({ theme: 'wpdiscuz', permalinks: 'pretty', threadsPerPage: 0 });
    t.site.addComments(23);
    const articleId = await t.subscribe();
    expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));
    expect((await t.core.api.listComments(articleId)).map((comment) => comment.author)).not.toContain(null);
  });

  it('keeps the comments its page no longer shows once newer threads push them behind "Load more comments"', async () => {
    t.site = await ThemedWordPress.start({ theme: 'wpdiscuz', permalinks: 'pretty', threadsPerPage: 10 });
    t.site.addComments(5);
    const articleId = await t.subscribe();
    const before = await storedParents(t.core, articleId);
    expect(before).toEqual(siteParents(t.site.comments));

    // 14 new threads: the page shows the newest 10, which hold every comment of the comment feed
    // (the newest 10), and none of the first five.
    t.site.addComments(20);
    await t.core.api.sync();
    const after = await storedParents(t.core, articleId);
    for (const number of before.keys()) expect(after.has(number)).toBe(true);
  });

  it('says its comments go through wpDiscuz’s own form, which Paperboy cannot post to, and posts nothing', async () => {
    t.site = await ThemedWordPress.start({ theme: 'wpdiscuz', permalinks: 'pretty', threadsPerPage: 0 });
    t.site.addComments(3);
    const articleId = await t.subscribe();
    expect((await t.core.api.getArticle(articleId))?.commentForm).toEqual({ kind: 'wpdiscuz' });

    const draft = await t.core.api.saveDraft({ articleId, body: 'Is the diversion step-free?', name: 'Jo Reader', email: 'jo@example.org', website: '' });
    expect(draft.canSend).toBe(false);
    const result = await t.core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'no-form', draft: { state: 'draft', body: 'Is the diversion step-free?' } });
    expect(result.message).toBe(
      'Not sent: this site takes comments through wpDiscuz, a comment form its own script sends, which Paperboy cannot post to. The draft stays here: copy the text and post it from the article in the browser.',
    );
    expect(t.site.server.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });
});
