// The two request channels. Each handler first checks that the message comes from the top frame
// of our window showing our origin (../ipc-protocol.ts), then validates its arguments: the core
// checks every call against shared/api-schema.ts, openExternal is checked by ../navigation.ts.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { replyOf } from '../../../shared/wire';
import type { PaperboyCore } from '../../core';
import { answerCall } from '../../host-kit/calls';
import { openInBrowser } from './hardening';
import { CALL_CHANNEL, isTrustedSender, OPEN_EXTERNAL_CHANNEL } from '../ipc-protocol';
import { externalUrl } from '../navigation';

export interface IpcDeps {
  readonly core: Pick<PaperboyCore, 'call'>;
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
    trusted(event, deps)
      ? answerCall(deps.core, method, args)
      : replyOf(() => {
          throw new RefusedError('call refused: unknown sender');
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
