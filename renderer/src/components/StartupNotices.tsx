// What the core had to tell the person when it opened the data folder (a damaged database set
// aside and replaced, and where the old file is): shown above the panes until dismissed, so the
// path can still be read and copied after the first glance.
import { useStartupNotices } from '../hooks/use-startup-notices';

export function StartupNotices() {
  const { notices, dismiss } = useStartupNotices();

  return notices.map((notice) => (
    <div key={notice.id} className="notice" role="alert" aria-label={notice.title}>
      <span>
        <strong>{notice.title}.</strong> {notice.message}
      </span>
      <button type="button" className="button small" onClick={() => dismiss(notice.id)}>
        Dismiss
      </button>
    </div>
  ));
}
