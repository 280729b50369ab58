// Applies ./navigation.ts to Electron: every web contents (the window, and anything a future bug
// might create) refuses navigation, new windows and webviews; the session grants no permission,
// downloads nothing and cancels any request to the network.
import { shell, type Session, type WebContents } from 'electron';
import { allowNavigation, allowPermission, decideWindowOpen, REMOTE_URL_PATTERNS } from '../navigation';

export function openInBrowser(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.error('paperboy: could not open the browser:', error));
}

export function hardenWebContents(contents: WebContents): void {
  const refuse = (event: { url: string; preventDefault(): void }) => {
    if (!allowNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternal) openInBrowser(decision.openExternal);
    return { action: decision.action };
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest({ urls: [...REMOTE_URL_PATTERNS] }, (_details, callback) => callback({ cancel: true }));
}
