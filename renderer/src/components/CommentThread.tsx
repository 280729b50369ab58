// The article's stored comments, threaded; offline, from the last sync. A long thread shows its
// first comments and a button for the next ones (lib/comment-window.ts); a link in a comment to
// another stored comment goes to it in the thread, shown down to it, rather than to the site.
import type { CommentWindow } from '../hooks/use-comment-window';
import { useLatestCallback } from '../hooks/use-latest';
import { showMoreLabel } from '../lib/comment-window';
import { CommentItem } from './CommentItem';

export interface CommentThreadProps {
  readonly thread: CommentWindow;
  readonly onOpenLink: (url: string) => void;
  readonly onReply: (commentId: string, author: string | null) => void;
  /** What an empty thread says; by default, that nobody has commented yet. */
  readonly emptyText?: string;
}

const NO_COMMENTS_YET = 'No comments yet. Why don’t you start the discussion?';

export function CommentThread({ thread, onOpenLink, onReply, emptyText = NO_COMMENTS_YET }: CommentThreadProps) {
  // Of stable identity: the comments already shown are not rendered again when more are.
  const openLink = useLatestCallback((url: string) => {
    if (!thread.goToLinked(url)) onOpenLink(url);
  });
  const reply = useLatestCallback(onReply);
  if (thread.total === 0) return <p className="muted">{emptyText}</p>;
  const { roots, shown } = thread;
  const more = showMoreLabel(shown, thread.total);
  return (
    <>
      <ol className="comment-list">
        {roots
          .filter((node) => node.index < shown)
          .map((node) => (
            <CommentItem key={node.comment.id} node={node} shown={Math.min(shown, node.index + node.size)} onOpenLink={openLink} onReply={reply} />
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
