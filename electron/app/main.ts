// The Electron main process: lifecycle and wiring only. Policies live in ./shell/ (pure modules,
// tested without Electron); the work is done by the core (./core.ts), as in the CLI.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, nativeTheme, net, powerMonitor, session, type BrowserWindow } from 'electron';
import type { PaperboyEventName, PaperboyEvents } from '../../shared/api';
import { openCore, type PaperboyCore } from '../core/core';
import { defaultDataDir } from '../core/system/paths';
import { openSettings } from './shell/electron-settings';
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
import { SyncScheduler } from '../core/sync/scheduler';
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
let scheduler: SyncScheduler | null = null;
let badge: { refreshBadge(): void } | null = null;

function send<E extends PaperboyEventName>(name: E, payload: PaperboyEvents[E]): void {
  if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
}

function openWindow(settings: ReturnType<typeof openSettings>): void {
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
  scheduler?.stop();
  network?.stop();
  await closing?.close();
}

async function ready(): Promise<void> {
  app.setAppUserModelId(APP_ID);
  hardenSession(session.defaultSession);
  handleAppScheme(RENDERER);
  const settings = openSettings(dataDir);
  nativeTheme.themeSource = settings.get().theme;
  try {
    core = openCore({ dataDir, settings });
  } catch (error) {
    dialog.showErrorBox('Paperboy cannot open its data folder', `${dataDir}\n\n${errorMessage(error)}`);
    app.exit(1);
    return;
  }
  const started = core;
  handleCacheScheme(started);
  registerIpc({ router: started.router, isMainWindow: (contents) => win?.webContents === contents });
  const backups: BackupDialogDeps = { dataDir, window: () => win, core: () => core, closeCore };
  installMenu({
    router: started.router,
    window: () => win,
    send: (command) => send('command', command),
    exportData: () => void exportAllData(backups),
    restoreData: () => void restoreFromBackup(backups),
  });

  const progress = new TaskbarProgress();
  started.events.on('sync-progress', (event) => {
    send('sync-progress', event);
    const value = progress.update(event);
    if (value !== null && win && !win.isDestroyed()) win.setProgressBar(value);
  });
  badge = installSyncAlerts({
    onSyncProgress: (listener) => started.events.on('sync-progress', listener),
    notifyEnabled: () => settings.get().notifyAfterSync,
    unreadCount: () => started.storage.articles.unreadCount(),
    window: () => win,
  });
  const sync = new SyncScheduler(started.engine, (error) => console.error('paperboy: scheduled sync failed:', error));
  scheduler = sync;
  started.events.on('settings-changed', (next) => {
    send('settings-changed', next);
    nativeTheme.themeSource = next.theme;
    sync.apply(next);
  });

  network = new NetworkMonitor({ isOnline: () => net.isOnline(), onChange: (online) => send('network-changed', { online }) });
  network.start();
  powerMonitor.on('resume', () => network?.check());

  openWindow(settings);
  // Automatic syncs (off unless turned on in Settings) start once the UI can show their progress.
  win?.webContents.once('did-finish-load', () => sync.start(settings.get()));
  app.on('activate', () => {
    if (!win) openWindow(settings);
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
