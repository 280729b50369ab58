// The two request channels. Each handler first checks that the message comes from the top frame
// of our window showing our origin (./ipc-protocol.ts), then validates its arguments: the router
// checks every call against shared/api-schema.ts, openExternal against ./navigation.ts.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Router } from '../../core/api/router';
import { openInBrowser } from './hardening';
import { CALL_CHANNEL, isTrustedSender, OPEN_EXTERNAL_CHANNEL, parseCallMessage, replyOf } from '../ipc-protocol';
import { externalUrl } from '../navigation';

export interface IpcDeps {
  readonly router: Router;
  /** True for the web contents of the main window (and no other). */
  isMainWindow(contents: WebContents): boolean;
}

function trusted(event: IpcMainInvokeEvent, deps: IpcDeps): boolean {
  const frame = event.senderFrame;
  return deps.isMainWindow(event.sender) && isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null);
}

class RefusedError extends Error {
  override name = 'RefusedError';
}

export function registerIpc(deps: IpcDeps): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, args: unknown) =>
    replyOf(() => {
      if (!trusted(event, deps)) throw new RefusedError('call refused: unknown sender');
      const call = parseCallMessage(method, args);
      if (!call) throw new RefusedError('call refused: malformed message');
      return deps.router.call(call.method, call.args);
    }),
  );

  ipcMain.handle(OPEN_EXTERNAL_CHANNEL, (event, url: unknown) =>
    replyOf(() => {
      if (!trusted(event, deps)) throw new RefusedError('openExternal refused: unknown sender');
      const safe = externalUrl(url);
      if (!safe) throw new RefusedError('openExternal refused: only http, https and mailto links open outside the app');
      openInBrowser(safe);
    }),
  );
}
