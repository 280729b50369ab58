// window.paperboy, built from an IPC transport. The preload hands it ipcRenderer; tests hand it
// a fake. The object holds the contract's methods, on, openExternal and isOffline, nothing more:
// no channel names, no ipcRenderer, no event objects reach the page.
import type { ApiMethod, PaperboyBridge, PaperboyEventName, PaperboyEvents } from '../../shared/api';
import { API_METHOD_NAMES } from './api-methods';
import { CALL_CHANNEL, OPEN_EXTERNAL_CHANNEL, valueOf } from './ipc-protocol';

export interface BridgeTransport {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  /** Registers the one listener for events from the main process (EVENT_CHANNEL). */
  onEvent(listener: (name: unknown, payload: unknown) => void): void;
  /** What the host believes before the main process has said anything. */
  readonly initiallyOnline: boolean;
  /** Where a throwing event listener is reported; it never stops the other listeners. */
  readonly reportError?: (error: unknown) => void;
}

const EVENT_NAMES: ReadonlySet<string> = new Set<PaperboyEventName>(['sync-progress', 'settings-changed', 'network-changed', 'command']);

export function createBridge(transport: BridgeTransport): PaperboyBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let online = transport.initiallyOnline;

  transport.onEvent((name, payload) => {
    if (typeof name !== 'string' || !EVENT_NAMES.has(name)) return;
    if (name === 'network-changed') online = (payload as PaperboyEvents['network-changed']).online;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        transport.reportError?.(error);
      }
    }
  });

  const call = (method: ApiMethod) => async (...args: unknown[]) => valueOf(await transport.invoke(CALL_CHANNEL, method, args));
  const api = Object.fromEntries(API_METHOD_NAMES.map((method) => [method, call(method)]));

  return {
    ...(api as unknown as Omit<PaperboyBridge, 'on' | 'openExternal' | 'isOffline'>),
    on(event, listener) {
      if (!EVENT_NAMES.has(event)) throw new TypeError(`unknown event: ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    async openExternal(url) {
      valueOf(await transport.invoke(OPEN_EXTERNAL_CHANNEL, url));
    },
    isOffline: () => !online,
  };
}
