// The application menu (./menu-template.ts) and the OPML file dialogs behind two of its items.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { app, dialog, Menu, type BrowserWindow } from 'electron';
import type { UiCommand } from '../../../shared/api';
import { xmlFileText, type PaperboyCore } from '../../core';
import { buildMenuTemplate } from '../menu-template';
import { MAX_OPML_BYTES } from '../../../shared/api-schema';
import { importSummary } from '../opml-messages';
import { loginsLeftOutNote } from '../../../shared/address-login';
import { errorMessage } from '../../../shared/error-message';

export interface MenuDeps {
  readonly core: Pick<PaperboyCore, 'api'>;
  window(): BrowserWindow | null;
  send(command: UiCommand): void;
  exportData(): void;
  restoreData(): void;
}

const OPML_FILTERS = [
  { name: 'OPML', extensions: ['opml', 'xml'] },
  { name: 'All Files', extensions: ['*'] },
];

async function showError(win: BrowserWindow | null, message: string, error: unknown): Promise<void> {
  const detail = errorMessage(error);
  const options = { type: 'error' as const, message, detail };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

async function importOpml(deps: MenuDeps): Promise<void> {
  const win = deps.window();
  const options = { title: 'Import OPML', filters: OPML_FILTERS, properties: ['openFile' as const] };
  const chosen = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
  const file = chosen.filePaths[0];
  if (chosen.canceled || !file) return;
  try {
    if ((await stat(file)).size > MAX_OPML_BYTES) throw new Error(`The file is larger than ${MAX_OPML_BYTES / 1024 / 1024} MB.`);
    // Decoded as feeds are (its BOM or declaration): an OPML file from an older reader may be Latin-1 or UTF-16.
    const result = await deps.core.api.importOpml(xmlFileText(await readFile(file)));
    const summary = importSummary(result);
    const box = { type: 'info' as const, message: summary.message, detail: summary.detail };
    await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
  } catch (error) {
    await showError(win, 'The OPML file could not be imported.', error);
  }
}

async function exportOpml(deps: MenuDeps): Promise<void> {
  const win = deps.window();
  const options = { title: 'Export OPML', defaultPath: 'Paperboy subscriptions.opml', filters: OPML_FILTERS };
  const chosen = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
  if (chosen.canceled || !chosen.filePath) return;
  try {
    await writeFile(chosen.filePath, await deps.core.api.exportOpml(), 'utf8');
    const logins = loginsLeftOutNote((await deps.core.api.listFeeds()).filter((feed) => !feed.builtin).map((feed) => feed.url));
    if (logins !== null) {
      const box = { type: 'info' as const, message: 'The subscriptions were exported.', detail: logins };
      await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
    }
  } catch (error) {
    await showError(win, 'The subscriptions could not be exported.', error);
  }
}

export function installMenu(deps: MenuDeps): void {
  const template = buildMenuTemplate(
    { platform: process.platform, appName: app.getName(), development: !app.isPackaged },
    {
      send: deps.send,
      importOpml: () => void importOpml(deps),
      exportOpml: () => void exportOpml(deps),
      exportData: deps.exportData,
      restoreData: deps.restoreData,
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
