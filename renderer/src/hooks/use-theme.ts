// Light, dark, or the system's choice. "system" leaves color-scheme at "light dark" in the
// stylesheet, so the palette's light-dark() colours follow the OS live without any script.
import { useEffect } from 'react';
import type { Theme } from '../../../shared/types';

export function useTheme(theme: Theme): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
