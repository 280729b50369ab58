// The Electron main process: lifecycle and wiring only. Policies live beside this file (pure
// modules, tested without Electron), the wiring that needs Electron in ./shell/, and the work is
// done by the core (../core, through its face), as in the CLI and the preview.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, nativeTheme, net, powerMonitor, session, type BrowserWindow } from 'electron';
import type { PaperboyEventName, PaperboyEvents } from '../../shared/api';
import { CORE_EVENTS } from '../../shared/wire';
import { defaultDataDir, openCore, type PaperboyCore } from '../core';
import { openSettingsFile } from './shell/electron-settings';
import { StoredSettings } from './stored-settings';
import { hardenSession, hardenWebContents } from './shell/hardening';
import { registerIpc } from './shell/ipc';
import { EVENT_CHANNEL } from './ipc-protocol';
import { exportAllData, restoreFromBackup, type BackupDialogDeps } from './shell/backup-dialogs';
import { installMenu } from './shell/menu';
import { NetworkMonitor } from './network-monitor';
import { handleAppScheme, handleCacheScheme, registerSchemes } from './shell/protocols';
import { TaskbarProgress } from './taskbar-progress';
import { installSyncAlerts } from './shell/sync-alerts';
import { createMainWindow } from './shell/window';
import { errorMessage } from '../../shared/error-message';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/
const PRELOAD = path.join(here, 'preload.cjs');
const RENDERER = path.join(here, 'renderer');
const APP_ID = 'org.paperboy.reader';

// The same data folder as the CLI; electron-store and Chromium follow userData.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'session'));
registerSchemes();

let core: PaperboyCore | null = null;
let win: BrowserWindow | null = null;
let network: NetworkMonitor | null = null;
let badge: { refreshBadge(): void } | null = null;

function send<E extends PaperboyEventName>(name: E, payload: PaperboyEvents[E]): void {
  if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
}

function openWindow(settings: StoredSettings): void {
  win = createMainWindow({ preloadPath: PRELOAD, settings });
  win.on('closed', () => {
    win = null;
  });
  // What was read while the window had focus shows on the badge once the person leaves it.
  win.on('blur', () => badge?.refreshBadge());
  win.webContents.on('did-finish-load', () => send('network-changed', { online: network?.online ?? true }));
}

/** Cancels a running sync, stops the timers and closes the data folder (quitting, restoring). */
async function closeCore(): Promise<void> {
  const closing = core;
  core = null;
  network?.stop();
  await closing?.close();
}

async function ready(): Promise<void> {
  app.setAppUserModelId(APP_ID);
  hardenSession(session.defaultSession);
  handleAppScheme(RENDERER);
  let settings: StoredSettings | null = null;
  try {
    core = openCore({
      dataDir,
      watchOtherProcesses: true,
      indexSearchInBackground: true,
      // The system's proxies (its settings, a PAC script, WPAD) as Chromium finds them, in the
      // PAC-result form the core reads ("PROXY host:port; DIRECT"): asked once per site per sync.
      proxy: (url) => session.defaultSession.resolveProxy(url),
      settingsFile: (folder) => {
        const file = openSettingsFile(folder);
        settings = new StoredSettings(file);
        return file;
      },
    });
  } catch (error) {
    dialog.showErrorBox('Paperboy cannot open its data folder', `${dataDir}\n\n${errorMessage(error)}`);
    app.exit(1);
    return;
  }
  const started = core;
  const stored = settings as StoredSettings | null;
  if (!stored) throw new Error('the core opened without its settings file');
  nativeTheme.themeSource = stored.get().theme;
  handleCacheScheme(started);
  registerIpc({ core: started, isMainWindow: (contents) => win?.webContents === contents });
  const backups: BackupDialogDeps = { dataDir, window: () => win, core: () => core, closeCore };
  installMenu({
    core: started,
    window: () => win,
    send: (command) => send('command', command),
    exportData: () => void exportAllData(backups),
    restoreData: () => void restoreFromBackup(backups),
  });

  // Every event of the core reaches the page; two of them also move the app's own furniture.
  for (const name of CORE_EVENTS) started.on(name, (payload) => send(name, payload));
  const progress = new TaskbarProgress();
  started.on('sync-progress', (event) => {
    const value = progress.update(event);
    if (value !== null && win && !win.isDestroyed()) win.setProgressBar(value);
  });
  badge = installSyncAlerts({
    onSyncProgress: (listener) => started.on('sync-progress', listener),
    notifyEnabled: () => stored.get().notifyAfterSync,
    unreadCount: async () => (await started.api.listFeeds()).reduce((sum, feed) => sum + feed.unreadCount, 0),
    window: () => win,
  });
  started.on('settings-changed', (next) => {
    nativeTheme.themeSource = next.theme;
  });

  network = new NetworkMonitor({ isOnline: () => net.isOnline(), onChange: (online) => send('network-changed', { online }) });
  network.start();
  powerMonitor.on('resume', () => network?.check());

  openWindow(stored);
  // Automatic syncs (off unless turned on in Settings) start once the UI can show their progress.
  win?.webContents.once('did-finish-load', () => started.startScheduledSyncs());
  app.on('activate', () => {
    if (!win) openWindow(stored);
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The core is closed before the process ends: a running sync is cancelled, the database
  // checkpointed and closed.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    closeCore()
      .catch((error: unknown) => console.error('paperboy: closing the data folder failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app.whenReady().then(ready).catch((error: unknown) => {
    console.error('paperboy: start-up failed:', error);
    app.exit(1);
  });
}
