// The keyboard shortcuts, declared once: the key handler and the "?" list both read this table.
export type Action =
  | 'next' | 'prev' | 'next-unread' | 'prev-unread' | 'page-down' | 'page-up' | 'toggle-read' | 'star'
  | 'open' | 'sync' | 'search' | 'go-all' | 'go-unread' | 'go-starred' | 'shortcuts' | 'mark-all-read' | 'undo';

export interface Shortcut {
  /** The keys as shown to people, e.g. ['g', 'u'] for a sequence. */
  readonly keys: readonly string[];
  readonly action: Action;
  readonly label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], action: 'next', label: 'Next article' },
  { keys: ['k'], action: 'prev', label: 'Previous article' },
  { keys: ['n'], action: 'next-unread', label: 'Next unread article' },
  { keys: ['p'], action: 'prev-unread', label: 'Previous unread article' },
  { keys: ['Space'], action: 'page-down', label: 'Page down in the article (next unread at its end)' },
  { keys: ['Shift', 'Space'], action: 'page-up', label: 'Page up in the article' },
  { keys: ['m'], action: 'toggle-read', label: 'Mark read / unread' },
  { keys: ['s'], action: 'star', label: 'Star / unstar' },
  { keys: ['o'], action: 'open', label: 'Open in the browser' },
  { keys: ['Shift', 'A'], action: 'mark-all-read', label: 'Mark all articles of the list read' },
  { keys: ['z'], action: 'undo', label: 'Undo marking all read' },
  { keys: ['r'], action: 'sync', label: 'Sync all feeds' },
  { keys: ['/'], action: 'search', label: 'Search' },
  { keys: ['g', 'a'], action: 'go-all', label: 'Go to All' },
  { keys: ['g', 'u'], action: 'go-unread', label: 'Go to Unread' },
  { keys: ['g', 's'], action: 'go-starred', label: 'Go to Starred' },
  { keys: ['?'], action: 'shortcuts', label: 'Show this list' },
];

/** A key of the focused article list (a listbox's own keys, WAI-ARIA's listbox pattern): how many
 *  rows it moves the selection by, given the rows in view and the rows loaded (clamped to the list). */
export interface ListKey {
  readonly key: string;
  /** The key as shown to people. */
  readonly shown: string;
  readonly label: string;
  readonly rows: (inView: number, loaded: number) => number;
}

// A page keeps its last row in view as the first of the next, as a browser's Page Down keeps a line.
const pageOf = (inView: number) => Math.max(1, inView - 1);

export const LIST_KEYS: readonly ListKey[] = [
  { key: 'ArrowDown', shown: '↓', label: 'Next article', rows: () => 1 },
  { key: 'ArrowUp', shown: '↑', label: 'Previous article', rows: () => -1 },
  { key: 'PageDown', shown: 'Page Down', label: 'A list’s height of articles down', rows: (inView) => pageOf(inView) },
  { key: 'PageUp', shown: 'Page Up', label: 'A list’s height of articles up', rows: (inView) => -pageOf(inView) },
  { key: 'Home', shown: 'Home', label: 'First article', rows: (_, loaded) => -loaded },
  // A long list comes in pages as it is read: End goes to the last loaded, and the next page loads.
  { key: 'End', shown: 'End', label: 'Last article loaded (again for the next ones)', rows: (_, loaded) => loaded },
];

const SINGLE: Readonly<Record<string, Action>> = {
  j: 'next', k: 'prev', n: 'next-unread', p: 'prev-unread', m: 'toggle-read', s: 'star', o: 'open',
  r: 'sync', '/': 'search', '?': 'shortcuts', A: 'mark-all-read', z: 'undo',
};
const AFTER_G: Readonly<Record<string, Action>> = { a: 'go-all', u: 'go-unread', s: 'go-starred' };

export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export interface KeyResult {
  readonly action: Action | null;
  /** True when "g" was pressed and the next key completes the sequence. */
  readonly pendingG: boolean;
}

/** Maps one key press to an action, given whether a "g" is waiting for its second key. */
export function resolveKey(input: KeyInput, pendingG: boolean): KeyResult {
  // Modified keys belong to the browser, the menu and the system.
  if (input.ctrlKey || input.metaKey || input.altKey) return { action: null, pendingG: false };
  if (pendingG) return { action: AFTER_G[input.key] ?? null, pendingG: false };
  if (input.key === 'g') return { action: null, pendingG: true };
  if (input.key === ' ') return { action: input.shiftKey ? 'page-up' : 'page-down', pendingG: false };
  return { action: SINGLE[input.key] ?? null, pendingG: false };
}

/** Keys typed into a field are text, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range'].includes(type);
}
