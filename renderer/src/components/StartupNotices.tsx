// What the core had to tell the person when it opened the data folder (a damaged database set
// aside and replaced, and where the old file is): shown above the panes until dismissed, so the
// path can still be read and copied after the first glance.
import { useEffect, useState } from 'react';
import type { StartupNotice } from '../../../shared/api';
import { useBridge } from '../hooks/bridge';

export function StartupNotices() {
  const bridge = useBridge();
  const [notices, setNotices] = useState<StartupNotice[]>([]);

  useEffect(() => {
    let current = true;
    bridge.getNotices().then(
      (found) => current && setNotices(found),
      // Nothing to show is the worst outcome here: the app itself works.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [bridge]);

  const dismiss = (id: string) => {
    setNotices((shown) => shown.filter((notice) => notice.id !== id));
    void bridge.dismissNotice(id).catch(() => undefined);
  };

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
