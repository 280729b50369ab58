// The article's stored comments, threaded; offline, from the last sync. A long thread shows its
// first comments and a button for the next ones (lib/comment-window.ts), or, gone to far down, the
// page of one comment with a button for the earlier ones above it; a link in a comment to another
// stored comment goes to it in the thread, rather than to the site.
import type { CommentWindow } from '../hooks/use-comment-window';
import { useLatestCallback } from '../hooks/use-latest';
import { isRendered, showEarlierLabel, showMoreLabel, shownOf } from '../lib/comment-window';
import { CommentItem } from './CommentItem';

export interface CommentThreadProps {
  readonly thread: CommentWindow;
  readonly onOpenLink: (url: string) => void;
  /** Absent where no comment can be answered here (CommentItem). */
  readonly onReply?: (commentId: string, author: string | null) => void;
  /** What an empty thread says; by default, that nobody has commented yet. */
  readonly emptyText?: string;
}

const NO_COMMENTS_YET = 'No comments yet. Why don’t you start the discussion?';

export function CommentThread({ thread, onOpenLink, onReply, emptyText = NO_COMMENTS_YET }: CommentThreadProps) {
  // Of stable identity: the comments already shown are not rendered again when more are.
  const openLink = useLatestCallback((url: string) => {
    if (!thread.goToLinked(url)) onOpenLink(url);
  });
  const reply = useLatestCallback((commentId: string, author: string | null) => onReply?.(commentId, author));
  if (thread.total === 0) return <p className="muted">{emptyText}</p>;
  const { roots, shown } = thread;
  const earlier = showEarlierLabel(shown.from);
  const more = showMoreLabel(shown.to, thread.total);
  return (
    <>
      {earlier && (
        <button type="button" className="button comment-more" onClick={thread.showEarlier}>
          {earlier}
        </button>
      )}
      <ol className="comment-list">
        {roots
          .filter((node) => isRendered(node, shown))
          .map((node) => (
            <CommentItem key={node.comment.id} node={node} {...shownOf(node, shown)} onOpenLink={openLink} onReply={onReply && reply} />
          ))}
      </ol>
      {more && (
        <button type="button" className="button comment-more" onClick={thread.showMore}>
          {more}
        </button>
      )}
    </>
  );
}
