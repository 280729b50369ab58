// Light, dark, or the system's choice. "system" leaves the colours to prefers-color-scheme in
// the stylesheet, so the page follows the OS live without any script.
import { useEffect } from 'react';
import type { Theme } from '../../../shared/types';

export function useTheme(theme: Theme): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
