// Focus asked for an element that is not on the page yet: the list while it loads after a view
// change, the reader before its pane opens. The request waits until the element takes it, and
// is dropped when the person puts focus somewhere else first (their choice wins).
import { useCallback, useEffect, useState } from 'react';

export interface FocusRequest {
  /** True while the focus waits for its element. */
  readonly wanted: boolean;
  request(): void;
  /** The element has taken the focus (or will never come): the request is over. */
  settle(): void;
}

export function useFocusRequest(): FocusRequest {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    const drop = () => setWanted(false);
    document.addEventListener('focusin', drop);
    return () => document.removeEventListener('focusin', drop);
  }, [wanted]);
  const request = useCallback(() => setWanted(true), []);
  const settle = useCallback(() => setWanted(false), []);
  return { wanted, request, settle };
}
