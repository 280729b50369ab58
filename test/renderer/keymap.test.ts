import { describe, expect, it } from 'vitest';
import { resolveKey, SHORTCUTS, type KeyInput } from '../../renderer/src/lib/keymap';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra });

describe('keyboard shortcuts', () => {
  it('maps single keys to actions', () => {
    expect(resolveKey(key('j'), false)).toEqual({ action: 'next', pendingG: false });
    expect(resolveKey(key('k'), false).action).toBe('prev');
    expect(resolveKey(key('m'), false).action).toBe('toggle-read');
    expect(resolveKey(key('?', { shiftKey: true }), false).action).toBe('shortcuts');
    expect(resolveKey(key(' '), false).action).toBe('page-down');
    expect(resolveKey(key(' ', { shiftKey: true }), false).action).toBe('page-up');
    expect(resolveKey(key('x'), false)).toEqual({ action: null, pendingG: false });
  });

  it('reads g sequences, and a wrong second key ends the sequence', () => {
    expect(resolveKey(key('g'), false)).toEqual({ action: null, pendingG: true });
    expect(resolveKey(key('u'), true)).toEqual({ action: 'go-unread', pendingG: false });
    expect(resolveKey(key('s'), true).action).toBe('go-starred');
    expect(resolveKey(key('a'), true).action).toBe('go-all');
    expect(resolveKey(key('j'), true)).toEqual({ action: null, pendingG: false });
    // s alone stars; after g it goes to Starred.
    expect(resolveKey(key('s'), false).action).toBe('star');
  });

  it('leaves keys with modifiers to the browser and the menu', () => {
    expect(resolveKey(key('r', { ctrlKey: true }), false).action).toBeNull();
    expect(resolveKey(key('s', { metaKey: true }), true)).toEqual({ action: null, pendingG: false });
    expect(resolveKey(key('j', { altKey: true }), false).action).toBeNull();
  });

  it('lists every action once in the shortcut table', () => {
    const actions = SHORTCUTS.map((shortcut) => shortcut.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toEqual(expect.arrayContaining(['next', 'prev', 'next-unread', 'prev-unread', 'page-down', 'toggle-read', 'star', 'open', 'sync', 'search', 'go-all', 'go-unread', 'go-starred', 'shortcuts']));
  });
});
