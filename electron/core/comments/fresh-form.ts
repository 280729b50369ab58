// The article's comment form read again right before a send, when the site answers: hidden
// fields and nonces change, comments close and reopen. What the page shows now replaces what the
// sync kept (a form that appeared makes the article sendable; one that is gone means comments
// closed); when the page cannot be read (offline), the kept form is used as it is.
import { decodeText, type HttpClient } from '../http';
import type { Storage } from '../storage';
import type { WorkerPool } from '../workers/pool';

const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
/** The sync's cap on an article's page. */
const PAGE_BYTES = 5 * 1024 * 1024;
const PAGE_TIMEOUT_MS = 20_000;

/** True when the page was read and its form (or its absence) stored; false when it could not be read. */
export async function recaptureForm(articleId: string, pageUrl: string, http: HttpClient, pool: WorkerPool, storage: Storage, now: number): Promise<boolean> {
  let page;
  try {
    page = await http.fetch({ url: pageUrl, accept: PAGE_ACCEPT, maxBytes: PAGE_BYTES, timeoutMs: PAGE_TIMEOUT_MS });
  } catch {
    return false;
  }
  const found = await pool.run('captureComments', decodeText(page.body, page.contentType, 'html'), page.url);
  storage.db.transaction(() => {
    storage.comments.saveForm(articleId, found.commentForm, now);
    if (found.commentThread !== null) storage.comments.saveThreadSource(articleId, found.commentThread);
  });
  return true;
}
