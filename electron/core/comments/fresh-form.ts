// The article's comment form read again right before a send, when the site answers: hidden
// fields and nonces change, comments close and reopen. What the page shows now replaces what the
// sync kept (a form that appeared makes the article sendable; one that is gone means comments
// closed); when the page cannot be read (offline), the kept form is used as it is. A page the site
// says it no longer has (404, 410: the post deleted, trashed or unpublished) is no place to post:
// WordPress would answer the post with an empty page and store nothing.
import { HttpError, PAGE_ACCEPT, decodeText, type HttpClient } from '../http';
import type { Storage } from '../storage';
import type { WorkerPool } from '../workers/pool';

/** The sync's cap on an article's page. */
const PAGE_BYTES = 5 * 1024 * 1024;
const PAGE_TIMEOUT_MS = 20_000;

/** read: the page's form (or its absence) is stored; unread: it could not be read, the kept form
 *  stands; gone: the site answered that the article is not there (its status). */
export type PageReadAgain = { readonly kind: 'read' | 'unread' } | { readonly kind: 'gone'; readonly status: number };

export async function recaptureForm(articleId: string, pageUrl: string, http: HttpClient, pool: WorkerPool, storage: Storage, now: number): Promise<PageReadAgain> {
  let page;
  try {
    page = await http.fetch({ url: pageUrl, accept: PAGE_ACCEPT, maxBytes: PAGE_BYTES, timeoutMs: PAGE_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof HttpError && error.kind === 'http-status' && (error.status === 404 || error.status === 410)) return { kind: 'gone', status: error.status };
    return { kind: 'unread' };
  }
  const found = await pool.run('captureComments', decodeText(page.body, page.contentType, 'html'), page.url);
  storage.db.transaction(() => {
    storage.comments.saveForm(articleId, found.commentForm, now);
    if (found.commentThread !== null) storage.comments.saveThreadSource(articleId, found.commentThread);
  });
  return { kind: 'read' };
}
