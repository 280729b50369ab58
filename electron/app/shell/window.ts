// The one main window: secure webPreferences (./web-preferences.ts), the saved size and place
// (./window-bounds.ts), shown once the UI has painted so it never flashes white.
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ENTRY_URL } from '../schemes';
import type { StoredSettings } from '../stored-settings';
import { MIN_SIZE } from '../window-bounds';
import { secureWebPreferences } from '../web-preferences';

export function createMainWindow(options: { preloadPath: string; settings: StoredSettings }): BrowserWindow {
  const state = options.settings.windowState(screen.getAllDisplays().map((display) => display.workArea));
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Paperboy',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const save = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    options.settings.saveWindowState({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  let pending: ReturnType<typeof setTimeout> | null = null;
  const saveSoon = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(save, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', () => {
    if (pending) clearTimeout(pending);
    save();
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}
