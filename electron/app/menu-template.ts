// The native menu as data. Items that belong to the UI send it a command; importing and
// exporting OPML, and exporting and restoring all data, need file dialogs, so the main process
// does those itself. Accelerators use
// modifiers: the single-key shortcuts (j, k, space, ...) belong to the UI.
import type { MenuItemConstructorOptions } from 'electron';
import type { UiCommand } from '../../shared/api';

export interface MenuActions {
  /** Sends a 'command' event to the UI. */
  send(command: UiCommand): void;
  importOpml(): void;
  exportOpml(): void;
  /** Save dialog, then core.exportData (main.ts). */
  exportData(): void;
  /** Open dialog, confirmation, then restore and restart (main.ts, backup/app-restore.ts). */
  restoreData(): void;
}

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  /** Developer tools and reload only while developing, never in a packaged build (reload moves
   *  to F5 there: CmdOrCtrl+R is Sync). */
  readonly development: boolean;
}

export const ACCELERATORS = {
  addFeed: 'CmdOrCtrl+N',
  importOpml: 'CmdOrCtrl+O',
  exportOpml: 'CmdOrCtrl+Shift+E',
  sync: 'CmdOrCtrl+R',
  search: 'CmdOrCtrl+F',
  settings: 'CmdOrCtrl+,',
  shortcuts: 'CmdOrCtrl+/',
  quit: 'CmdOrCtrl+Q',
} as const;

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const command = (label: string, cmd: UiCommand, accelerator: string): MenuItemConstructorOptions => ({
    id: cmd,
    label,
    accelerator,
    click: () => actions.send(cmd),
  });
  const settings = command(mac ? 'Settings…' : 'Settings', 'settings', ACCELERATORS.settings);
  const quit: MenuItemConstructorOptions = { role: 'quit', accelerator: ACCELERATORS.quit };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      quit,
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('Add Feed…', 'add-feed', ACCELERATORS.addFeed),
      { type: 'separator' },
      { id: 'import-opml', label: 'Import OPML…', accelerator: ACCELERATORS.importOpml, click: () => actions.importOpml() },
      { id: 'export-opml', label: 'Export OPML…', accelerator: ACCELERATORS.exportOpml, click: () => actions.exportOpml() },
      { type: 'separator' },
      { id: 'export-data', label: 'Export All Data…', click: () => actions.exportData() },
      { id: 'restore-data', label: 'Restore from Backup…', click: () => actions.restoreData() },
      ...(mac ? [] : [{ type: 'separator' } as const, settings, { type: 'separator' } as const, quit]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = { role: 'editMenu' };

  const feedsMenu: MenuItemConstructorOptions = {
    label: 'Feeds',
    submenu: [command('Sync', 'sync', ACCELERATORS.sync), command('Search', 'search', ACCELERATORS.search)],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(options.development ? [{ role: 'reload', accelerator: 'F5' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [command('Keyboard Shortcuts', 'shortcuts', ACCELERATORS.shortcuts)],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, feedsMenu, viewMenu, { role: 'windowMenu' }, helpMenu];
}
