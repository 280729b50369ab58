// A context menu: opened by a right click or by the keyboard (Shift+F10, the Menu key) on a feed,
// a folder or an article. Arrow keys move, Enter chooses, Escape or a click elsewhere closes,
// and focus goes back to where it was.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuEntry {
  readonly label: string;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
  readonly danger?: boolean;
  /** Draws a line above the entry. */
  readonly separated?: boolean;
}

export interface MenuRequest {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly entries: readonly MenuEntry[];
}

export interface ContextMenuProps {
  readonly request: MenuRequest;
  readonly onClose: () => void;
}

export function ContextMenu({ request, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const returnTo = useRef<Element | null>(document.activeElement);
  const [position, setPosition] = useState({ left: request.x, top: request.y });
  const items = () => Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []);

  // Keep the menu inside the window, then focus its first entry.
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const box = menu.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(request.x, window.innerWidth - box.width - 4)),
      top: Math.max(4, Math.min(request.y, window.innerHeight - box.height - 4)),
    });
    items()[0]?.focus();
  }, [request]);

  useEffect(() => {
    const close = (event: Event) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose]);

  const closeAndReturn = () => {
    onClose();
    if (returnTo.current instanceof HTMLElement && returnTo.current.isConnected) returnTo.current.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (index: number) => list[(index + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(list.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') closeAndReturn();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={ref} className="context-menu" role="menu" aria-label={request.label} style={position} onKeyDown={onKeyDown} onContextMenu={(event) => event.preventDefault()}>
      {request.entries.map((entry) => (
        <button
          key={entry.label}
          type="button"
          role="menuitem"
          className={`menu-entry${entry.danger ? ' danger' : ''}${entry.separated ? ' separated' : ''}`}
          disabled={entry.disabled}
          onClick={() => {
            closeAndReturn();
            entry.onSelect();
          }}
        >
          {entry.label}
        </button>
      ))}
    </div>
  );
}

/** Where a menu opened from the keyboard appears: under the element that has focus. */
export function menuPointFor(element: Element): { x: number; y: number } {
  const box = element.getBoundingClientRect();
  return { x: box.left + Math.min(24, box.width / 2), y: box.bottom };
}

/** Shift+F10 and the Menu key: the keyboard's right click. */
export function isMenuKey(event: { key: string; shiftKey: boolean }): boolean {
  return event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
}
