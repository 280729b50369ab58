import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CapturedCommentForm } from '../../electron/core/articles';
import { Storage, type IncomingComment } from '../../electron/core/storage';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 28);

let storage: Storage;
let feedId: number;

beforeEach(() => {
  storage = Storage.open(tempDir());
  feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed', title: 'Feed', siteUrl: null, description: null, folderId: null });
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

let counter = 0;
function comment(overrides: Partial<IncomingComment> = {}): IncomingComment {
  counter++;
  return {
    id: counter.toString(16).padStart(32, 'c'),
    uniqueId: `http://127.0.0.1/?p=1#comment-${counter}`,
    parentId: null,
    parentUniqueId: null,
    author: `Reader ${counter}`,
    authorUrl: null,
    publishedAt: NOW - counter * 60_000,
    html: `<p>Comment ${counter}</p>`,
    text: `Comment ${counter}`,
    url: `http://127.0.0.1/post/#comment-${counter}`,
    replyLead: null,
    ...overrides,
  };
}

const FORM: CapturedCommentForm = {
  kind: 'wordpress',
  action: 'http://127.0.0.1/wp-comments-post.php',
  hiddenFields: [['comment_post_ID', '1'], ['comment_parent', '0']],
  commentName: 'comment',
  fields: ['comment', 'author', 'email', 'url'],
  requiredFields: ['comment', 'author', 'email'],
  maxLength: 65525,
};

describe('comments', () => {
  it('adds new comments, updates edited ones, keeps those that left the feed, lists them oldest first', () => {
    const article = item();
    storage.articles.upsertFeedItems(feedId, [article], NOW);
    const [older, newer] = [comment(), comment()].reverse();
    expect(storage.comments.upsert(article.id, [newer!, older!], NOW)).toBe(2);
    expect(storage.comments.upsert(article.id, [{ ...newer!, html: '<p>Edited</p>', text: 'Edited' }], NOW)).toBe(0);
    const listed = storage.comments.list(article.id);
    expect(listed.map((c) => c.id)).toEqual([older!.id, newer!.id]);
    expect(listed[1]).toMatchObject({ html: '<p>Edited</p>', author: newer!.author, articleId: article.id });
  });

  it('threads replies, and shows a reply whose parent is not stored at the top level', () => {
    const article = item();
    storage.articles.upsertFeedItems(feedId, [article], NOW);
    const parent = comment();
    const reply = comment({ parentId: parent.id, publishedAt: NOW });
    const orphan = comment({ parentId: 'f'.repeat(32), publishedAt: NOW });
    storage.comments.upsert(article.id, [parent, reply, orphan], NOW);
    const byId = new Map(storage.comments.list(article.id).map((c) => [c.id, c]));
    expect(byId.get(reply.id)?.parentId).toBe(parent.id);
    expect(byId.get(orphan.id)?.parentId).toBeNull();
  });

  it('stores nothing for an article removed meanwhile, and goes with its article', () => {
    const article = item();
    storage.articles.upsertFeedItems(feedId, [article], NOW);
    storage.comments.upsert(article.id, [comment()], NOW);
    storage.comments.saveForm(article.id, FORM, NOW);
    storage.feeds.remove(feedId);
    expect(storage.comments.list(article.id)).toEqual([]);
    expect(storage.comments.form(article.id)).toBeNull();
    expect(storage.comments.upsert(article.id, [comment()], NOW)).toBe(0);
  });
});

describe('comments the site removed', () => {
  it('go after a whole read that did not find them, except those the person answers or wrote', () => {
    const article = item();
    storage.articles.upsertFeedItems(feedId, [article], NOW);
    const [kept, spam, answered, answeredFromTrash, ours, unnumbered] = [
      comment(), comment(), comment(), comment(), comment(), comment({ uniqueId: 'tag:127.0.0.1,2026:c-x', url: null }),
    ];
    storage.comments.upsert(article.id, [kept!, spam!, answered!, answeredFromTrash!, ours!, unnumbered!], NOW);
    const draft = (replyTo: IncomingComment | null) => storage.drafts.create({
      articleId: article.id, articleTitle: 'A', articleUrl: null, feedTitle: 'Feed', body: 'Quite so.', name: 'Tess', email: 't@example.net', website: '',
      replyTo: replyTo && { commentId: replyTo.id, author: replyTo.author, siteId: /#comment-(\d+)$/.exec(replyTo.url!)![1]! },
    }, NOW);
    draft(answered!);
    expect(storage.drafts.softDelete(draft(answeredFromTrash!), NOW)).toBe(true);
    // The person's comment, sent and confirmed on the site by its link.
    const sent = draft(null);
    storage.drafts.beginAttempt(sent, 'k', process.pid, NOW);
    storage.drafts.finishAttempt(sent, 'k', { state: 'sent', message: 'Sent.', commentUrl: ours!.url, checkBeforePost: false }, NOW);

    // Found again under the feed's identity of the same comment: the site's number matches.
    expect(storage.comments.removeMissing(article.id, [{ ...kept!, uniqueId: `http://127.0.0.1/?p=1#comment-${/\d+$/.exec(kept!.url!)![0]}` }])).toBe(1);
    expect(storage.comments.list(article.id).map((c) => c.id).sort()).toEqual([kept!, answered!, answeredFromTrash!, ours!, unnumbered!].map((c) => c.id).sort());
  });
});

describe('comment counts in the list', () => {
  it("shows the item's count, else the stored comments once the comment feed was read, else unknown", () => {
    const counted = item({ commentCount: 7 });
    const uncounted = item({ commentFeedUrl: 'http://127.0.0.1/c/feed' });
    storage.articles.upsertFeedItems(feedId, [counted, uncounted], NOW);
    const countOf = (id: string) => storage.articles.list({ filter: { kind: 'all' } }).articles.find((a) => a.id === id)?.commentCount;
    expect(countOf(uncounted.id)).toBeNull();
    const target = { articleId: uncounted.id, url: uncounted.commentFeedUrl! };
    storage.comments.recordFetch(target, { at: NOW, error: 'HTTP 500' });
    expect(countOf(uncounted.id)).toBeNull();
    // The reader says so too: a thread never read is not known to be empty (Article.commentsReadAt).
    expect(storage.articles.get(uncounted.id)?.commentsReadAt).toBeNull();
    storage.comments.recordFetch(target, { at: NOW, error: null, validators: { etag: null, lastModified: null, bodyHash: 'h' } });
    expect(countOf(uncounted.id)).toBe(0);
    expect(storage.articles.get(uncounted.id)?.commentsReadAt).toBe(NOW);
    storage.comments.recordFetch(target, { at: NOW + DAY, error: 'HTTP 500' });
    expect(storage.articles.get(uncounted.id)?.commentsReadAt).toBe(NOW);
    storage.comments.upsert(uncounted.id, [comment(), comment()], NOW);
    expect(countOf(uncounted.id)).toBe(2);
    expect(countOf(counted.id)).toBe(7);
  });
});

describe('comment feeds', () => {
  it('keeps validators across a failure and forgets them when the feed moves', () => {
    const article = item({ commentFeedUrl: 'http://127.0.0.1/c/feed' });
    storage.articles.upsertFeedItems(feedId, [article], NOW);
    const target = { articleId: article.id, url: article.commentFeedUrl! };
    storage.comments.recordFetch(target, { at: NOW, error: null, validators: { etag: '"v1"', lastModified: 'Thu, 13 Jan 2022 09:12:40 GMT', bodyHash: 'abc' } });
    storage.comments.recordFetch(target, { at: NOW + 1, error: 'connection refused' });
    expect(storage.comments.feedState(target)).toEqual({ etag: '"v1"', lastModified: 'Thu, 13 Jan 2022 09:12:40 GMT', bodyHash: 'abc' });
    expect(storage.comments.feedState({ ...target, url: 'http://127.0.0.1/moved/feed' })).toBeNull();
  });

  it("are due again for a feed's recent articles (newest first, capped) and for articles with a comment of ours on the site", () => {
    const recent = [1, 2, 3].map((d) => item({ publishedAt: NOW - d * DAY, commentFeedUrl: `http://127.0.0.1/${d}/feed` }));
    const old = item({ publishedAt: NOW - 60 * DAY, commentFeedUrl: 'http://127.0.0.1/old/feed' });
    const oldWithDraft = item({ publishedAt: NOW - 60 * DAY, commentFeedUrl: 'http://127.0.0.1/drafted/feed' });
    const noFeed = item({ publishedAt: NOW });
    storage.articles.upsertFeedItems(feedId, [...recent, old, oldWithDraft, noFeed], NOW);
    for (const article of [...recent, old, oldWithDraft]) {
      storage.articles.saveContent(article.id, { html: '', text: '', source: 'none', lang: null, dir: 'ltr', state: 'done', error: null, leadImageHash: null, images: [] });
    }
    const draftId = storage.drafts.create({
      articleId: oldWithDraft.id, articleTitle: 't', articleUrl: null, feedTitle: 'f', replyTo: null, body: 'b', name: 'n', email: 'e', website: '',
    });
    const due = () => storage.comments.dueForRefresh(feedId, NOW - 14 * DAY, 2).map((t) => t.articleId).sort();
    expect(due()).toEqual([recent[0]!.id, recent[1]!.id].sort());
    storage.drafts.beginAttempt(draftId, 'k', process.pid);
    storage.drafts.finishAttempt(draftId, 'k', { state: 'held', message: null, commentUrl: null, checkBeforePost: false });
    expect(due()).toEqual([recent[0]!.id, recent[1]!.id, oldWithDraft.id].sort());
  });

  it('are read from the page a page thread names, checked first through the comment feed unless a draft of ours awaits confirmation', () => {
    const article = item({ url: 'http://127.0.0.1/post/', commentFeedUrl: 'http://127.0.0.1/post/feed/' });
    storage.articles.upsertFeedItems(feedId, [article], NOW);
    expect(storage.comments.threadSource(article.id)).toEqual({ articleId: article.id, url: 'http://127.0.0.1/post/feed/', kind: 'feed', probeUrl: null });
    storage.comments.saveThreadSource(article.id, { url: 'http://127.0.0.1/post/', kind: 'wordpress-page' });
    expect(storage.comments.threadSource(article.id)).toEqual({ articleId: article.id, url: 'http://127.0.0.1/post/', kind: 'wordpress-page', probeUrl: 'http://127.0.0.1/post/feed/' });
    const draftId = storage.drafts.create({
      articleId: article.id, articleTitle: 't', articleUrl: null, feedTitle: 'f', replyTo: null, body: 'b', name: 'n', email: 'e', website: '',
    });
    storage.drafts.beginAttempt(draftId, 'k', process.pid);
    storage.drafts.finishAttempt(draftId, 'k', { state: 'held', message: null, commentUrl: null, checkBeforePost: false });
    expect(storage.comments.threadSource(article.id)?.probeUrl).toBeNull();
  });

  it('are due a few older threads at a time, never read first, then the longest unchecked', () => {
    const old = [1, 2, 3, 4, 5].map((d) => item({ publishedAt: NOW - (30 + d) * DAY, commentFeedUrl: `http://127.0.0.1/old-${d}/feed` }));
    storage.articles.upsertFeedItems(feedId, old, NOW);
    for (const article of old) {
      storage.articles.saveContent(article.id, { html: '', text: '', source: 'none', lang: null, dir: 'ltr', state: 'done', error: null, leadImageHash: null, images: [] });
    }
    const check = (at: number) => {
      const due = storage.comments.dueForRefresh(feedId, NOW - 14 * DAY, 25, 2);
      for (const target of due) storage.comments.recordFetch(target, { at, error: null, validators: { etag: null, lastModified: null, bodyHash: null } });
      return due.map((t) => t.articleId).sort();
    };
    storage.comments.recordFetch({ articleId: old[0]!.id, url: old[0]!.commentFeedUrl! }, { at: NOW - DAY, error: null });
    // Never checked first (newest of them first), then by the oldest check.
    expect(check(NOW)).toEqual([old[1]!.id, old[2]!.id].sort());
    expect(check(NOW + 1)).toEqual([old[3]!.id, old[4]!.id].sort());
    expect(check(NOW + 2)).toEqual([old[0]!.id, old[1]!.id].sort());
  });

  it('are due a few older threads at a time though some have comment pages left (one failing), which the reader says come in later syncs', () => {
    const old = [1, 2, 3, 4].map((d) => item({ url: `http://127.0.0.1/t/${d}`, publishedAt: NOW - (30 + d) * DAY, commentFeedUrl: `http://127.0.0.1/t/${d}.rss` }));
    storage.articles.upsertFeedItems(feedId, old, NOW);
    for (const article of old) {
      storage.articles.saveContent(article.id, { html: '', text: '', source: 'none', lang: null, dir: 'ltr', state: 'done', error: null, leadImageHash: null, images: [] });
    }
    // Two long topics, each with a page never read; the second's failed at its last read.
    for (const [index, error] of [[0, null], [1, 'The comment page http://127.0.0.1/t/2?page=12 could not be read: HTTP 500 Internal Server Error']] as const) {
      const article = old[index]!;
      storage.comments.recordCommentPages(article.id, { read: [`${article.url}?page=1`], linked: [`${article.url}?page=12`], gone: [] }, NOW - DAY);
      storage.comments.recordFetch({ articleId: article.id, url: article.commentFeedUrl! }, { at: NOW - DAY, error });
    }
    expect(storage.articles.get(old[0]!.id)).toMatchObject({ moreCommentsLater: true, commentsReadError: null });
    expect(storage.articles.get(old[1]!.id)).toMatchObject({ moreCommentsLater: true, commentsReadError: expect.stringMatching(/^The comment page .* HTTP 500/) });
    expect(storage.articles.get(old[2]!.id)).toMatchObject({ moreCommentsLater: false, commentsReadError: null });
    const check = (at: number) => {
      const due = storage.comments.dueForRefresh(feedId, NOW - 14 * DAY, 25, 2);
      for (const target of due) storage.comments.recordFetch(target, { at, error: null, validators: { etag: null, lastModified: null, bodyHash: null } });
      return due.map((t) => t.articleId).sort();
    };
    // The threads never checked come first, pages left or not: a page that keeps failing (or a
    // topic that keeps adding pages) takes no turn from the feed's other old threads.
    expect(check(NOW)).toEqual([old[2]!.id, old[3]!.id].sort());
    expect(check(NOW + 1)).toEqual([old[0]!.id, old[1]!.id].sort());
  });
});

describe('comment forms', () => {
  it('are stored with the article, replaced, forgotten, and shown to the reader without their secrets', () => {
    const article = item();
    storage.articles.upsertFeedItems(feedId, [article], NOW);
    expect(storage.articles.get(article.id)?.commentForm).toBeNull();
    storage.comments.saveForm(article.id, FORM, NOW);
    expect(storage.comments.form(article.id)).toEqual(FORM);
    expect(storage.articles.get(article.id)?.commentForm).toEqual({ kind: 'wordpress', fields: FORM.fields, requiredFields: FORM.requiredFields, maxLength: 65525 });
    storage.comments.saveForm(article.id, { ...FORM, hiddenFields: [['comment_post_ID', '2']] }, NOW);
    expect(storage.comments.form(article.id)?.hiddenFields).toEqual([['comment_post_ID', '2']]);
    // Antispam Bee's site: the comment goes under the textarea's own name, `comment` is its trap.
    const renamed = { ...FORM, hiddenFields: [['comment_post_ID', '2'], ['comment', '']] as const, commentName: 'f3a9c27be1' };
    storage.comments.saveForm(article.id, renamed, NOW);
    expect(storage.comments.form(article.id)).toEqual(renamed);
    storage.comments.saveForm(article.id, null, NOW);
    expect(storage.articles.get(article.id)?.commentForm).toBeNull();
  });
});

describe('a reply whose parent is not stored', () => {
  it("stands at the top level saying whom it answers, in the site's words, until its parent is stored", () => {
    const [article] = [item()];
    storage.articles.upsertFeedItems(feedId, [article!]);
    const parent = comment({ publishedAt: NOW - 3 * DAY });
    const reply = comment({ parentId: parent.id, parentUniqueId: parent.uniqueId, replyLead: 'In reply to Ana Ruiz.', publishedAt: NOW - DAY });
    const elsewhere = comment({ parentId: 'f'.repeat(32) as IncomingComment['id'], parentUniqueId: 'tag:example,2026:article', publishedAt: NOW });
    // The comment feed lists only the newest comments: the reply, not the comment it answers.
    storage.comments.upsert(article!.id, [reply, elsewhere], NOW);
    expect(storage.comments.list(article!.id).map((c) => [c.id, c.parentId, c.inReplyTo])).toEqual([
      [reply.id, null, 'In reply to Ana Ruiz.'],
      // An Atom feed's top-level comment answers the article's id: nothing is said of it.
      [elsewhere.id, null, null],
    ]);
    // A later read of the whole thread brings the parent: the reply goes under it, and the lead is not shown twice.
    storage.comments.upsert(article!.id, [parent, { ...reply, replyLead: null }], NOW);
    expect(storage.comments.list(article!.id).map((c) => [c.id, c.parentId, c.inReplyTo])).toEqual([
      [parent.id, null, null],
      [reply.id, parent.id, null],
      [elsewhere.id, null, null],
    ]);
  });
});
