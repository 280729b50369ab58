// window.paperboy for the browser preview (`npm run preview`): the same contract as Electron's
// preload, carried over HTTP to the preview server (electron/preview/server.ts). Calls are
// POST /api/call; events arrive on one Server-Sent Events stream. The session cookie set by the
// server travels with every request on its own, so no secret is held in script.
import type { ApiMethod, PaperboyApi, PaperboyBridge, PaperboyEventName } from '../../../shared/api';

/** Every method of the contract; the type makes the compiler insist the list is complete. */
const METHODS: Record<ApiMethod, true> = {
  addFeed: true, removeFeed: true, listFeeds: true, updateFeed: true, listFolders: true, createFolder: true,
  renameFolder: true, removeFolder: true, importOpml: true, exportOpml: true, sync: true, cancelSync: true,
  syncLog: true, listArticles: true, getArticle: true, setRead: true, setStarred: true, markAllRead: true, undoMarkAllRead: true,
  search: true, countSearch: true, storageInfo: true, applyRetention: true, vacuum: true, getSettings: true, updateSettings: true,
  listComments: true, getDraft: true, getDrafts: true, saveDraft: true, deleteDraft: true, restoreDraft: true,
  exportDrafts: true, sendDraft: true, sendQueuedDrafts: true, getNotices: true, dismissNotice: true,
};

const SERVER_EVENTS: readonly PaperboyEventName[] = ['sync-progress', 'settings-changed', 'command'];
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** An error as the core reported it: its message, and its code when it had one. */
export class BridgeError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = name;
  }
}

interface ErrorReply {
  readonly ok: false;
  readonly error: { readonly name?: string; readonly message?: string; readonly code?: string | null };
}
type Reply = { readonly ok: true; readonly value: unknown } | ErrorReply;

export interface HttpBridgeHost {
  readonly fetch: typeof fetch;
  readonly EventSource: typeof EventSource;
  readonly window: Pick<Window, 'addEventListener' | 'open'>;
  readonly navigator: Pick<Navigator, 'onLine'>;
  /** The server's origin and path prefix, e.g. http://127.0.0.1:4567/ */
  readonly baseUrl: string;
}

export function createHttpBridge(host: HttpBridgeHost): PaperboyBridge {
  const listeners = new Map<PaperboyEventName, Set<(payload: never) => void>>();
  const dispatch = (name: PaperboyEventName, payload: unknown) => {
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        (listener as (value: unknown) => void)(payload);
      } catch (error) {
        console.error('paperboy: an event listener threw:', error);
      }
    }
  };

  // One stream for all events, opened with the first subscription; EventSource reconnects by itself.
  let stream: EventSource | null = null;
  const openStream = () => {
    if (stream) return;
    stream = new host.EventSource(new URL('api/events', host.baseUrl).href);
    for (const name of SERVER_EVENTS) {
      stream.addEventListener(name, (event) => {
        try {
          dispatch(name, JSON.parse((event as MessageEvent<string>).data));
        } catch (error) {
          console.error(`paperboy: a malformed '${name}' event:`, error);
        }
      });
    }
  };

  // In a browser the connectivity is the browser's own.
  host.window.addEventListener('online', () => dispatch('network-changed', { online: true }));
  host.window.addEventListener('offline', () => dispatch('network-changed', { online: false }));

  const call = (method: ApiMethod) => async (...given: unknown[]): Promise<unknown> => {
    // JSON has no undefined: an omitted optional argument would arrive as null, which the
    // contract's schemas rightly refuse. Trailing ones are dropped instead.
    const args = [...given];
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    let response: Response;
    try {
      response = await host.fetch(new URL('api/call', host.baseUrl).href, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method, args }),
        credentials: 'same-origin',
      });
    } catch {
      throw new BridgeError('NetworkError', 'The preview server cannot be reached. Is `npm run preview` still running?', 'unreachable');
    }
    let reply: Reply;
    try {
      reply = (await response.json()) as Reply;
    } catch {
      throw new BridgeError('Error', `The preview server answered ${response.status} without a reply.`, null);
    }
    if (reply.ok) return reply.value;
    const { name = 'Error', message = `The call failed (${response.status}).`, code = null } = reply.error ?? {};
    throw new BridgeError(name, message, code);
  };

  const api = Object.fromEntries((Object.keys(METHODS) as ApiMethod[]).map((method) => [method, call(method)])) as unknown as PaperboyApi;

  return {
    ...api,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      if (event !== 'network-changed') openStream();
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    async openExternal(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new BridgeError('Error', `Not a web address: ${url}`, 'invalid-arguments');
      }
      if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) throw new BridgeError('Error', `Only web and mail links open outside: ${url}`, 'invalid-arguments');
      // A new tab without a reference back to this page plays the part of the system browser.
      host.window.open(parsed.href, '_blank', 'noopener,noreferrer');
    },
    isOffline: () => !host.navigator.onLine,
  };
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
