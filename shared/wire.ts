// The wire between the core and a page, written once: the contract's method names and event
// names as values, the reply envelope every transport carries, and the bridge a page holds as
// `window.paperboy`. Electron's preload (over IPC) and the browser preview (over HTTP) each give
// createBridge a transport and nothing else; the IPC handlers and the preview's routes check
// names against these lists. Argument schemas are beside this file (api-schema.ts); they are
// not imported here because the sandboxed preload bundles this file and needs no zod.
import type { ApiMethod, PaperboyBridge, PaperboyEventName, PaperboyEvents } from './api';
import { errorMessage } from './error-message';

/** A list that names every member of Union exactly once: the compiler rejects a missing or extra name. */
type Exactly<Union extends string, List extends readonly string[]> = [Union] extends [List[number]]
  ? [List[number]] extends [Union]
    ? List
    : never
  : never;

const methods = [
  'addFeed', 'removeFeed', 'listFeeds', 'updateFeed', 'listFolders', 'createFolder', 'renameFolder', 'removeFolder',
  'importOpml', 'exportOpml',
  'sync', 'cancelSync', 'syncLog',
  'listArticles', 'getArticle', 'storedArticleAt', 'setRead', 'setStarred', 'markAllRead', 'undoMarkAllRead', 'search', 'countSearch',
  'listComments', 'getDraft', 'getDrafts', 'saveDraft', 'deleteDraft', 'restoreDraft', 'exportDrafts', 'sendDraft', 'sendQueuedDrafts',
  'storageInfo', 'applyRetention', 'vacuum',
  'getSettings', 'updateSettings',
  'getNotices', 'dismissNotice',
] as const;
export const API_METHODS: Exactly<ApiMethod, typeof methods> = methods;

const events = ['sync-progress', 'settings-changed', 'drafts-changed', 'feeds-changed', 'send-progress', 'network-changed', 'command'] as const;
export const EVENT_NAMES: Exactly<PaperboyEventName, typeof events> = events;

/** Events the core emits; the others come from the host itself (its network monitor, its menu). */
export const CORE_EVENTS = ['sync-progress', 'settings-changed', 'drafts-changed', 'feeds-changed', 'send-progress'] as const satisfies readonly PaperboyEventName[];

const METHOD_SET: ReadonlySet<string> = new Set(API_METHODS);
const EVENT_SET: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && METHOD_SET.has(name);
}

export function isEventName(name: unknown): name is PaperboyEventName {
  return typeof name === 'string' && EVENT_SET.has(name);
}

/** The codes a refused call carries; each transport shows them its own way (an HTTP status, say). */
export type ApiErrorCode = 'unknown-method' | 'invalid-arguments' | 'not-found' | 'refused' | 'unreachable' | 'failed';

/**
 * Every answer travels as a value rather than a rejection: an Error thrown across Electron's IPC
 * loses its name and code, and JSON has no errors at all. `detail` carries what a refusal adds
 * for the person (the addresses a failed discovery tried).
 */
export type Reply =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string; readonly code: string | null; readonly tried?: readonly unknown[] } };

/** Runs one call and wraps its outcome in the envelope. */
export async function replyOf(run: () => unknown): Promise<Reply> {
  try {
    const value = await run();
    return { ok: true, value: value ?? null };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const tried = (error as { tried?: unknown } | null)?.tried;
    return {
      ok: false,
      error: {
        name: error instanceof Error ? error.name : 'Error',
        message: errorMessage(error),
        code: typeof code === 'string' ? code : null,
        ...(Array.isArray(tried) ? { tried } : {}),
      },
    };
  }
}

/** An error as the page sees it: the core's message and name, with its code when it had one. */
export class RemoteError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code: string | null,
    readonly tried: readonly unknown[] = [],
  ) {
    super(message);
    this.name = name;
  }
}

/** The value of a reply, or its error thrown as a RemoteError. */
export function valueOf(reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new RemoteError('Error', 'malformed reply from Paperboy', null);
  const r = reply as Reply;
  if (r.ok) return r.value;
  const { name, message, code, tried } = r.error ?? {};
  throw new RemoteError(
    typeof name === 'string' ? name : 'Error',
    typeof message === 'string' ? message : 'the call failed',
    typeof code === 'string' ? code : null,
    Array.isArray(tried) ? tried : [],
  );
}

/** The arguments of one call as a transport received them; the core validates them further. */
export function parseCallMessage(method: unknown, args: unknown): { method: string; args: unknown[] } | null {
  if (typeof method !== 'string' || method.length > 100) return null;
  if (args !== undefined && !Array.isArray(args)) return null;
  return { method, args: (args as unknown[] | undefined) ?? [] };
}

/** What a host gives createBridge: how to reach the core, and how events arrive. */
export interface BridgeTransport {
  /** Sends one call and resolves with the reply envelope (or anything, which valueOf refuses). */
  call(method: string, args: unknown[]): Promise<unknown>;
  /** Asks the host to open a link outside the app; resolves with a reply envelope. */
  openExternal(url: string): Promise<unknown>;
  /** Registers the one listener for every event; called once, the first time a page subscribes. */
  listen(listener: (name: unknown, payload: unknown) => void): void;
  /** What the host believes before it has said anything about connectivity. */
  readonly initiallyOnline: boolean;
  /** Where a throwing event listener is reported; it never stops the other listeners. */
  readonly reportError: (error: unknown) => void;
}

/** window.paperboy: the contract's methods, on, openExternal and isOffline, and nothing more. */
export function createBridge(transport: BridgeTransport): PaperboyBridge {
  const listeners = new Map<PaperboyEventName, Set<(payload: unknown) => void>>();
  let online = transport.initiallyOnline;
  let listening = false;

  const dispatch = (name: unknown, payload: unknown) => {
    if (!isEventName(name)) return;
    if (name === 'network-changed') online = (payload as PaperboyEvents['network-changed']).online;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        transport.reportError(error);
      }
    }
  };

  const call = (method: ApiMethod) => async (...given: unknown[]) => {
    // JSON has no undefined: an omitted optional argument would arrive as null, which the
    // contract's schemas rightly refuse. Trailing ones are dropped instead.
    const args = [...given];
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    return valueOf(await transport.call(method, args));
  };
  const api = Object.fromEntries(API_METHODS.map((method) => [method, call(method)]));

  return {
    ...(api as unknown as Omit<PaperboyBridge, 'on' | 'openExternal' | 'isOffline'>),
    on(event, listener) {
      if (!isEventName(event)) throw new TypeError(`unknown event: ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      if (!listening) {
        listening = true;
        transport.listen(dispatch);
      }
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    async openExternal(url) {
      valueOf(await transport.openExternal(url));
    },
    isOffline: () => !online,
  };
}
