// The app's own side of the wire between preload and main: its channel names and the sender
// check. The envelope and the names of methods and events are the wire's (shared/wire.ts). Both
// sides import this file, so it must stay free of Node and Electron at run time (the sandboxed
// preload bundles it).
import { isAppUrl } from './schemes';

export const CALL_CHANNEL = 'paperboy:call';
export const OPEN_EXTERNAL_CHANNEL = 'paperboy:open-external';
/** main -> renderer: (name: PaperboyEventName, payload). */
export const EVENT_CHANNEL = 'paperboy:event';

/** What the handlers know of the frame that sent a message (Electron's WebFrameMain, or null once gone). */
export interface SenderFrame {
  readonly url: string;
  /** The window's top frame; a sub-frame never gets to call the core. */
  readonly isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame != null && frame.isMainFrame && isAppUrl(frame.url);
}
