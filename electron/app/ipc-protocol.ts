// The wire between preload and main: three channels, a reply envelope, and the sender check.
// Both sides import this file, so it must stay free of Node and Electron at run time (the
// sandboxed preload bundles it).
import { isAppUrl } from './schemes';

export const CALL_CHANNEL = 'paperboy:call';
export const OPEN_EXTERNAL_CHANNEL = 'paperboy:open-external';
/** main -> renderer: (name: PaperboyEventName, payload). */
export const EVENT_CHANNEL = 'paperboy:event';

/**
 * Replies travel as values rather than rejections: an Error thrown in an ipcMain handler reaches
 * the page as "Error invoking remote method 'paperboy:call': ApiError: ...", and its name is lost.
 */
export type Reply =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string; readonly code: string | null } };

export async function replyOf(run: () => unknown): Promise<Reply> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const code = (err as { code?: unknown }).code;
    return { ok: false, error: { name: err.name, message: err.message, code: typeof code === 'string' ? code : null } };
  }
}

/** An error as the page sees it: the main side's message and name, with its code when it had one. */
export class RemoteError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = name;
  }
}

export function valueOf(reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new RemoteError('Error', 'malformed reply from the main process', null);
  const r = reply as Reply;
  if (r.ok) return r.value;
  throw new RemoteError(r.error.name, r.error.message, r.error.code);
}

/** What the handlers know of the frame that sent a message (Electron's WebFrameMain, or null once gone). */
export interface SenderFrame {
  readonly url: string;
  /** True for the window's top frame; a sub-frame never gets to call the core. */
  readonly isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame != null && frame.isMainFrame && isAppUrl(frame.url);
}

/** The arguments of a 'paperboy:call' message; the router validates method and arguments further. */
export function parseCallMessage(method: unknown, args: unknown): { method: string; args: unknown[] } | null {
  if (typeof method !== 'string' || method.length > 100) return null;
  if (args !== undefined && !Array.isArray(args)) return null;
  return { method, args: (args as unknown[] | undefined) ?? [] };
}
