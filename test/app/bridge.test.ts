import { describe, expect, it, vi } from 'vitest';
import type { PaperboyEvents } from '../../shared/api';
import { API_ARGUMENTS } from '../../shared/api-schema';
import { API_METHODS, createBridge, replyOf, type BridgeTransport } from '../../shared/wire';
import { CALL_CHANNEL, OPEN_EXTERNAL_CHANNEL } from '../../electron/app/ipc-protocol';

function fakeTransport(answer: (channel: string, args: unknown[]) => unknown = () => null, initiallyOnline = true) {
  const sent: { channel: string; args: unknown[] }[] = [];
  let emit: (name: unknown, payload: unknown) => void = () => undefined;
  const reportError = vi.fn();
  // Shaped as the preload's transport: calls on the call channel, links on their own.
  const invoke = async (channel: string, args: unknown[]) => {
    sent.push({ channel, args });
    return replyOf(() => answer(channel, args));
  };
  const transport: BridgeTransport = {
    call: (method, args) => invoke(CALL_CHANNEL, [method, args]),
    openExternal: (url) => invoke(OPEN_EXTERNAL_CHANNEL, [url]),
    listen: (listener) => {
      emit = listener;
    },
    initiallyOnline,
    reportError,
  };
  return { transport, sent, emit: (name: unknown, payload: unknown) => emit(name, payload), reportError };
}

describe('window.paperboy', () => {
  it('lists the same methods as the contract schemas', () => {
    expect([...API_METHODS].sort()).toEqual(Object.keys(API_ARGUMENTS).sort());
  });

  it('exposes the contract, on, openExternal and isOffline, and nothing else', () => {
    const bridge = createBridge(fakeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'on', 'openExternal', 'isOffline'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each call as (method, args) on the call channel and resolves with the value', async () => {
    const { transport, sent } = fakeTransport((_channel, [method]) => (method === 'listFeeds' ? [{ id: 1 }] : 'ok'));
    const bridge = createBridge(transport);
    await expect(bridge.listFeeds()).resolves.toEqual([{ id: 1 }]);
    await bridge.addFeed('https://example.com/', null);
    await bridge.listArticles({ filter: { kind: 'unread' }, limit: 5 });
    expect(sent).toEqual([
      { channel: CALL_CHANNEL, args: ['listFeeds', []] },
      { channel: CALL_CHANNEL, args: ['addFeed', ['https://example.com/', null]] },
      { channel: CALL_CHANNEL, args: ['listArticles', [{ filter: { kind: 'unread' }, limit: 5 }]] },
    ]);
  });

  it('rejects with the main side error message', async () => {
    const { transport } = fakeTransport(() => {
      throw Object.assign(new Error('invalid arguments for removeFeed: 0: expected number'), { name: 'ApiError', code: 'invalid-arguments' });
    });
    await expect(createBridge(transport).removeFeed(1)).rejects.toMatchObject({
      name: 'ApiError',
      message: 'invalid arguments for removeFeed: 0: expected number',
      code: 'invalid-arguments',
    });
  });

  it('opens external links through their own channel', async () => {
    const { transport, sent } = fakeTransport();
    await createBridge(transport).openExternal('https://example.com/');
    expect(sent).toEqual([{ channel: OPEN_EXTERNAL_CHANNEL, args: ['https://example.com/'] }]);
  });

  it('delivers events by name to their listeners until they unsubscribe', () => {
    const { transport, emit } = fakeTransport();
    const bridge = createBridge(transport);
    const commands: string[] = [];
    const progress: unknown[] = [];
    const off = bridge.on('command', (command) => commands.push(command));
    bridge.on('sync-progress', (event) => progress.push(event));
    emit('command', 'sync');
    emit('sync-progress', { type: 'sync-started', syncId: 1, feedCount: 2 });
    off();
    off();
    emit('command', 'search');
    expect(commands).toEqual(['sync']);
    expect(progress).toEqual([{ type: 'sync-started', syncId: 1, feedCount: 2 }]);
  });

  it('ignores unknown event names and refuses to subscribe to them', () => {
    const { transport, emit } = fakeTransport();
    const bridge = createBridge(transport);
    const seen: unknown[] = [];
    bridge.on('command', (payload) => seen.push(payload));
    emit('paperboy:internal', 'x');
    emit(42, 'x');
    expect(seen).toEqual([]);
    expect(() => bridge.on('nope' as keyof PaperboyEvents, () => undefined)).toThrow(TypeError);
    expect(() => bridge.on('command', 'not a function' as never)).toThrow(TypeError);
  });

  it('keeps the other listeners running when one throws', () => {
    const { transport, emit, reportError } = fakeTransport();
    const bridge = createBridge(transport);
    const seen: string[] = [];
    bridge.on('command', () => {
      throw new Error('boom');
    });
    bridge.on('command', (command) => seen.push(command));
    emit('command', 'settings');
    expect(seen).toEqual(['settings']);
    expect(reportError).toHaveBeenCalledOnce();
  });

  it('knows whether the host is offline, from the start and from network-changed events', () => {
    const offline = fakeTransport(undefined, false);
    expect(createBridge(offline.transport).isOffline()).toBe(true);

    const { transport, emit } = fakeTransport();
    const bridge = createBridge(transport);
    const changes: boolean[] = [];
    bridge.on('network-changed', ({ online }) => changes.push(online));
    expect(bridge.isOffline()).toBe(false);
    emit('network-changed', { online: false });
    expect(bridge.isOffline()).toBe(true);
    emit('network-changed', { online: true });
    expect(bridge.isOffline()).toBe(false);
    expect(changes).toEqual([false, true]);
  });
});
