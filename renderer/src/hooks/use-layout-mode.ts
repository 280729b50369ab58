// How many panes the window has room for: three (sidebar, list, reader); two below 1000 px
// (the sidebar becomes a drawer over the list); one below 760 px (the list, or the reader with
// a way back). The reader is what a person came for: it keeps at least ~480 px in each mode.
import { useEffect, useState } from 'react';

export type LayoutMode = 'three' | 'two' | 'one';

export const TWO_PANES_BELOW = 1000;
export const ONE_PANE_BELOW = 760;

export function layoutModeFor(width: number): LayoutMode {
  if (width < ONE_PANE_BELOW) return 'one';
  if (width < TWO_PANES_BELOW) return 'two';
  return 'three';
}

export function useLayoutMode(): LayoutMode {
  const [mode, setMode] = useState(() => layoutModeFor(window.innerWidth));
  useEffect(() => {
    const queries = [TWO_PANES_BELOW, ONE_PANE_BELOW].map((width) => window.matchMedia(`(max-width: ${width - 0.02}px)`));
    const update = () => setMode(layoutModeFor(window.innerWidth));
    for (const query of queries) query.addEventListener('change', update);
    update();
    return () => {
      for (const query of queries) query.removeEventListener('change', update);
    };
  }, []);
  return mode;
}
