// Drafts a backup brings back come back as they were when it was made. One not sent then (a
// draft, queued, refused, or being sent) may have been sent since, from the folder the restore
// replaces: posted again, the comment would show twice (WordPress's duplicate check stops it, a
// site without one does not). So each is marked as an attempt that may have reached the site
// (comments/sender.ts, rules 2 and 4): Send first looks for its text on the site, posted since the
// backup was made, and posts it only if it is not there.
import type { Sqlite } from '../storage';

const MAY_HAVE_BEEN_SENT =
  'Restored from a backup: this comment may have been sent after the backup was made, so Send first looks for it on the site and posts it only if it is not there.';

/**
 * Marks the staged database's unsent drafts to be looked for before posting; returns how many
 * live ones (deleted ones, which can be brought back, are marked too). `backupMadeAt`: when the
 * backup was made (ms), the earliest a send since could have posted; null when not known.
 */
export function markUnsentDraftsForCheck(db: Sqlite, backupMadeAt: number | null): number {
  const columns = new Set(db.all<{ name: string }>("SELECT name FROM pragma_table_info('drafts')").map((column) => column.name));
  // A backup from before drafts were kept, or from before their sending was.
  if (!columns.has('check_before_post')) return 0;
  const unsent = "state IN ('draft', 'queued', 'failed', 'sending')";
  const live = db.value<number>(`SELECT count(*) FROM drafts WHERE ${unsent} AND deleted_at IS NULL`) ?? 0;
  // What to look for, as sender.ts records an unanswered attempt; a backup from before that record
  // gets it from migration 13, which takes each marked draft's text.
  const sends = columns.has('unconfirmed_sends')
    ? `, unconfirmed_sends = json_insert(coalesce(unconfirmed_sends, '[]'), '$[#]', json_object('body', body, 'name', name, 'startedAt', coalesce(attempt_at, ?)))`
    : '';
  // An attempt in flight when the backup was made belongs to no process now: queued, like one a crash cut off.
  db.run(
    `UPDATE drafts SET check_before_post = 1, message = ?, state = CASE WHEN state = 'sending' THEN 'queued' ELSE state END,
       attempt_key = NULL, attempt_pid = NULL, attempt_at = NULL${sends} WHERE ${unsent}`,
    sends ? [MAY_HAVE_BEEN_SENT, backupMadeAt] : [MAY_HAVE_BEEN_SENT],
  );
  return live;
}
