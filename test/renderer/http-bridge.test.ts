// The browser preview's window.paperboy, over a fake fetch and EventSource.
import { describe, expect, it, vi } from 'vitest';
import { createHttpBridge, type HttpBridgeHost } from '../../renderer/src/bridge/http-bridge';
import { RemoteError as BridgeError } from '../../shared/wire';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly listeners = new Map<string, (event: { data: string }) => void>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, listener: (event: { data: string }) => void) {
    this.listeners.set(name, listener);
  }
  emit(name: string, payload: unknown) {
    this.listeners.get(name)?.({ data: JSON.stringify(payload) });
  }
}

function host(reply: (body: { method: string; args: unknown[] }) => { status: number; json: unknown }) {
  const windowListeners = new Map<string, () => void>();
  const calls: { url: string; body: { method: string; args: unknown[] } }[] = [];
  const opened: string[] = [];
  const navigator = { onLine: true };
  const fake: HttpBridgeHost = {
    fetch: (async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { method: string; args: unknown[] };
      calls.push({ url, body });
      const { status, json } = reply(body);
      return { status, json: async () => json } as Response;
    }) as unknown as typeof fetch,
    EventSource: FakeEventSource as unknown as typeof EventSource,
    window: {
      addEventListener: ((name: string, listener: () => void) => {
        windowListeners.set(name, listener);
      }) as unknown as Window['addEventListener'],
      open: ((url: string) => {
        opened.push(url);
        return null;
      }) as Window['open'],
    },
    navigator,
    baseUrl: 'http://127.0.0.1:5555/',
  };
  return { fake, calls, opened, navigator, windowListeners };
}

describe('the HTTP bridge', () => {
  it('posts each call as {method, args}, without trailing undefined arguments', async () => {
    const { fake, calls } = host(() => ({ status: 200, json: { ok: true, value: { cancelled: false } } }));
    const bridge = createHttpBridge(fake);
    await expect(bridge.sync(undefined)).resolves.toEqual({ cancelled: false });
    await bridge.addFeed('http://example.org/', undefined);
    expect(calls.map((call) => call.body)).toEqual([
      { method: 'sync', args: [] },
      { method: 'addFeed', args: ['http://example.org/'] },
    ]);
    expect(calls[0]!.url).toBe('http://127.0.0.1:5555/api/call');
  });

  it('throws the core error with its message and code', async () => {
    const { fake } = host(() => ({ status: 404, json: { ok: false, error: { name: 'ApiError', message: 'feed not found', code: 'not-found' } } }));
    const error = await createHttpBridge(fake).removeFeed(9).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({ name: 'ApiError', message: 'feed not found', code: 'not-found' });
  });

  it('says so when the server is gone', async () => {
    const { fake } = host(() => ({ status: 0, json: null }));
    const bridge = createHttpBridge({ ...fake, fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch });
    await expect(bridge.listFeeds()).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('delivers server events to subscribers until they unsubscribe', () => {
    const { fake } = host(() => ({ status: 200, json: { ok: true, value: null } }));
    const bridge = createHttpBridge(fake);
    const seen = vi.fn();
    const off = bridge.on('settings-changed', seen);
    expect(FakeEventSource.last!.url).toBe('http://127.0.0.1:5555/api/events');
    FakeEventSource.last!.emit('settings-changed', { theme: 'dark' });
    off();
    FakeEventSource.last!.emit('settings-changed', { theme: 'light' });
    expect(seen.mock.calls).toEqual([[{ theme: 'dark' }]]);
  });

  it('reports the browser going offline and back', () => {
    const { fake, navigator, windowListeners } = host(() => ({ status: 200, json: { ok: true, value: null } }));
    const bridge = createHttpBridge(fake);
    const seen = vi.fn();
    bridge.on('network-changed', seen);
    navigator.onLine = false;
    windowListeners.get('offline')!();
    expect(bridge.isOffline()).toBe(true);
    navigator.onLine = true;
    windowListeners.get('online')!();
    expect(seen.mock.calls).toEqual([[{ online: false }], [{ online: true }]]);
  });

  it('opens only web and mail links outside, never script or file URLs', async () => {
    const { fake, opened } = host(() => ({ status: 200, json: { ok: true, value: null } }));
    const bridge = createHttpBridge(fake);
    await bridge.openExternal('https://example.org/a?b=c');
    await bridge.openExternal('mailto:desk@example.org');
    await expect(bridge.openExternal('javascript:alert(1)')).rejects.toBeInstanceOf(BridgeError);
    await expect(bridge.openExternal('file:///etc/passwd')).rejects.toBeInstanceOf(BridgeError);
    await expect(bridge.openExternal('not a url')).rejects.toBeInstanceOf(BridgeError);
    expect(opened).toEqual(['https://example.org/a?b=c', 'mailto:desk@example.org']);
  });
});
