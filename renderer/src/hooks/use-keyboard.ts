// Global single-key shortcuts (lib/keymap.ts). Keys typed into fields, keys with modifiers and
// keys pressed while a modal dialog is open (the DOM says so, at key time) are left alone. Every
// key of the table is one character pressed alone, so when the person turns them off (the
// singleKeyShortcuts setting, WCAG 2.1.4: speech input types the letters of the words it hears)
// none is listened to, and each key does what the browser does with it.
import { useEffect } from 'react';
import { isTypingTarget, resolveKey, type Action } from '../lib/keymap';
import { useLatest } from './use-latest';

/** How long a "g" waits for its second key. */
const SEQUENCE_MS = 1500;

export function useKeyboard(onAction: (action: Action) => void, enabled: boolean): void {
  const handler = useLatest(onAction);

  useEffect(() => {
    if (!enabled) return;
    let pendingG = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      // Space on a focused button presses it; only elsewhere does it page the article.
      if (event.key === ' ' && event.target instanceof HTMLElement && event.target.closest('button, a, summary')) return;
      const result = resolveKey(event, pendingG);
      pendingG = result.pendingG;
      if (timer) clearTimeout(timer);
      timer = pendingG ? setTimeout(() => (pendingG = false), SEQUENCE_MS) : null;
      if (result.action || result.pendingG) event.preventDefault();
      if (result.action) handler.current(result.action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      if (timer) clearTimeout(timer);
    };
  }, [handler, enabled]);
}
