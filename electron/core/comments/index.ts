// The comments module's public face: reading an article's comment feed (for the sync, and to
// confirm a sent draft), the person's drafts, and sending them on request. What is stored is in
// electron/core/storage (comments-repo.ts, drafts-repo.ts); the page's form is read by
// electron/core/articles/comment-form.ts, comment feeds are parsed in the worker. Design and the
// rules against double posts: docs/technotes/comments.md.
export { COMMENT_RECHECK_PER_FEED, COMMENT_REFRESH_PER_FEED, COMMENT_REFRESH_WINDOW_MS, refreshCommentFeed } from './comment-refresh';
export { DraftError, Drafts } from './drafts';
export { exportDrafts } from './export';
export { CommentSender } from './sender';
