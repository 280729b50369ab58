// Above the article list: what is shown, how many, and the actions on the whole list.
export interface ListHeaderProps {
  readonly title: string;
  /** null: the view lists no articles (Drafts), so no article count is shown. */
  readonly total: number | null;
  /** Rows in the list: a search lists the best matches of its total. */
  readonly shown: number;
  readonly searching: boolean;
  /** The list's first rows are being read: a count would be the empty list's (a search waits
   *  for the index to take the newest articles first, a second or two after a big sync). */
  readonly loading: boolean;
  readonly unreadOnly: boolean;
  /** Offered only for lists that have a filter (not search results, not drafts). */
  readonly canFilter: boolean;
  readonly onToggleUnreadOnly: () => void;
  readonly onMarkAllRead: () => void;
  readonly onMarkOlderRead: () => void;
  readonly onClearSearch: () => void;
}

export function ListHeader(props: ListHeaderProps) {
  const { title, total, searching, loading } = props;
  const count =
    total === null || (loading && !searching)
      ? null
      : loading
        ? 'Searching…'
        : searching
          ? `${total.toLocaleString()} found${props.shown < total ? `, the best ${props.shown.toLocaleString()} shown` : ''}`
          : `${total.toLocaleString()} ${total === 1 ? 'article' : 'articles'}`;
  return (
    <div className="list-header">
      <div className="list-heading">
        <h2 id="list-title" dir="auto">
          {title}
        </h2>
        {count !== null && <span className="list-count">{count}</span>}
      </div>
      <div className="list-actions">
        {searching ? (
          <button type="button" className="button small" onClick={props.onClearSearch}>
            Clear search
          </button>
        ) : (
          props.canFilter && (
            <>
              <button type="button" className="button small" aria-pressed={props.unreadOnly} onClick={props.onToggleUnreadOnly}>
                Unread only
              </button>
              <button type="button" className="button small" onClick={props.onMarkAllRead} disabled={total === 0}>
                Mark all read
              </button>
              <button type="button" className="button small" onClick={props.onMarkOlderRead} disabled={total === 0} title="Mark read the articles older than some days">
                Older than…
              </button>
            </>
          )
        )}
      </div>
    </div>
  );
}
