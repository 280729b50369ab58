// Buttons name their single-key shortcut in their tooltip ("Star (s)"), unless the person turned
// single-key shortcuts off (the singleKeyShortcuts setting): then the key does nothing, and a
// tooltip naming it would send them pressing it.
import { createContext, useContext } from 'react';

/** Whether single-key shortcuts are on; App provides it from the settings. */
export const SingleKeysContext = createContext(true);

/** The button's tooltip: its label, and its key while single-key shortcuts are on. */
export function useKeyHint(): (label: string, key: string) => string {
  const on = useContext(SingleKeysContext);
  return (label, key) => (on ? `${label} (${key})` : label);
}
