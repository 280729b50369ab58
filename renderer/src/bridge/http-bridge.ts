// window.paperboy for the browser preview (`npm run preview`): the wire's bridge (shared/wire.ts,
// the same one Electron's preload builds) over an HTTP transport to the preview server
// (electron/preview/server.ts). Calls are POST /api/call; events arrive on one Server-Sent Events
// stream. The session cookie set by the server travels with every request on its own, so no
// secret is held in script.
import type { PaperboyBridge } from '../../../shared/api';
import { createBridge, EVENT_NAMES, type Reply } from '../../../shared/wire';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** The browser reports its own connectivity; every other event comes from the server. */
const SERVER_EVENTS = EVENT_NAMES.filter((name) => name !== 'network-changed');

export interface HttpBridgeHost {
  readonly fetch: typeof fetch;
  readonly EventSource: typeof EventSource;
  readonly window: Pick<Window, 'addEventListener' | 'open'>;
  readonly navigator: Pick<Navigator, 'onLine'>;
  /** The server's origin and path prefix, e.g. http://127.0.0.1:4567/ */
  readonly baseUrl: string;
}

const failed = (message: string, code: string | null): Reply => ({ ok: false, error: { name: 'Error', message, code } });

export function createHttpBridge(host: HttpBridgeHost): PaperboyBridge {
  return createBridge({
    async call(method, args) {
      let response: Response;
      const body = JSON.stringify({ method, args });
      try {
        response = await host.fetch(new URL('api/call', host.baseUrl).href, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          credentials: 'same-origin',
          // A draft saved as the page goes away (a reload, a closed tab) must outlive the page;
          // the browser caps keepalive bodies at 64 KB.
          keepalive: method === 'saveDraft' && body.length < 60_000,
        });
      } catch {
        return failed('The preview server cannot be reached. Is `npm run preview` still running?', 'unreachable');
      }
      try {
        return await response.json();
      } catch {
        return failed(`The preview server answered ${response.status} without a reply.`, null);
      }
    },
    async openExternal(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return failed(`Not a web address: ${url}`, 'invalid-arguments');
      }
      if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return failed(`Only web and mail links open outside: ${url}`, 'invalid-arguments');
      // A new tab without a reference back to this page plays the part of the system browser.
      host.window.open(parsed.href, '_blank', 'noopener,noreferrer');
      return { ok: true, value: null };
    },
    listen(listener) {
      // One stream for all events; EventSource reconnects by itself.
      const stream = new host.EventSource(new URL('api/events', host.baseUrl).href);
      for (const name of SERVER_EVENTS) {
        stream.addEventListener(name, (event) => {
          let payload: unknown;
          try {
            payload = JSON.parse((event as MessageEvent<string>).data);
          } catch (error) {
            console.error(`paperboy: a malformed '${name}' event:`, error);
            return;
          }
          listener(name, payload);
        });
      }
      // In a browser the connectivity is the browser's own.
      host.window.addEventListener('online', () => listener('network-changed', { online: true }));
      host.window.addEventListener('offline', () => listener('network-changed', { online: false }));
    },
    initiallyOnline: host.navigator.onLine,
    reportError: (error) => console.error('paperboy: an event listener threw:', error),
  });
}

/** Called by main.tsx when no preload defined window.paperboy: we are in the browser preview. */
export function installHttpBridge(win: Window): PaperboyBridge {
  const bridge = createHttpBridge({
    fetch: win.fetch.bind(win),
    EventSource,
    window: win,
    navigator: win.navigator,
    baseUrl: new URL('/', win.location.href).href,
  });
  win.paperboy = bridge;
  return bridge;
}
