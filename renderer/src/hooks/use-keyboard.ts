// Global single-key shortcuts (lib/keymap.ts). Keys typed into fields, keys with modifiers and
// keys pressed while a dialog is open are left alone.
import { useEffect, useRef } from 'react';
import { isTypingTarget, resolveKey, type Action } from '../lib/keymap';

/** How long a "g" waits for its second key. */
const SEQUENCE_MS = 1500;

export function useKeyboard(onAction: (action: Action) => void, enabled: boolean): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  // Read at key time: a listener added again after each dialog would miss keys pressed in between.
  const active = useRef(enabled);
  active.current = enabled;

  useEffect(() => {
    let pendingG = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!active.current || event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
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
  }, []);
}
