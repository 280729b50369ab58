import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { UiCommand } from '../../shared/api';
import { buildMenuTemplate, type MenuOptions } from '../../electron/app/menu-template';

function build(options: Partial<MenuOptions> = {}) {
  const sent: UiCommand[] = [];
  const calls: string[] = [];
  const template = buildMenuTemplate(
    { platform: 'linux', appName: 'Paperboy', development: false, ...options },
    {
      send: (command) => sent.push(command), importOpml: () => calls.push('import'), exportOpml: () => calls.push('export'),
      exportData: () => calls.push('export-data'), restoreData: () => calls.push('restore-data'),
    },
  );
  return { template, sent, calls };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('the application menu', () => {
  it('sends a command for every UI action, with an accelerator', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { template, sent } = build({ platform });
      const all = items(template);
      for (const command of ['add-feed', 'sync', 'search', 'settings', 'shortcuts'] as const) {
        const item = all.find((candidate) => candidate.id === command);
        expect(item?.accelerator, `${platform} ${command}`).toMatch(/^CmdOrCtrl\+/);
        click(item);
        expect(sent.at(-1)).toBe(command);
      }
    }
  });

  it('imports and exports OPML in the main process (file dialogs), not in the UI', () => {
    const { template, sent, calls } = build();
    const all = items(template);
    click(all.find((item) => item.id === 'import-opml'));
    click(all.find((item) => item.id === 'export-opml'));
    expect(calls).toEqual(['import', 'export']);
    expect(sent).toEqual([]);
    expect(all.find((item) => item.id === 'import-opml')?.accelerator).toBe('CmdOrCtrl+O');
  });

  it('exports all data and restores from a backup in the main process, from the File menu', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const { template, sent, calls } = build({ platform });
      const file = template.find((item) => item.label === 'File')!.submenu as MenuItemConstructorOptions[];
      click(file.find((item) => item.label === 'Export All Data…'));
      click(file.find((item) => item.label === 'Restore from Backup…'));
      expect(calls).toEqual(['export-data', 'restore-data']);
      expect(sent).toEqual([]);
    }
  });

  it('has Quit and the standard Edit, View and Window menus', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const all = items(build({ platform }).template);
      const roles = all.map((item) => item.role).filter(Boolean);
      expect(roles).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
      expect(roles.filter((role) => role === 'quit')).toHaveLength(1);
    }
  });

  it('follows each platform: an app menu on macOS, Settings and Quit under File elsewhere', () => {
    const mac = build({ platform: 'darwin' }).template;
    expect(mac[0]?.label).toBe('Paperboy');
    expect(items(mac).map((item) => item.role)).toContain('about');
    const linux = build({ platform: 'linux' }).template;
    expect(linux[0]?.label).toBe('File');
    const file = linux[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.map((item) => item.id ?? item.role)).toEqual(expect.arrayContaining(['settings', 'quit']));
  });

  it('offers developer tools and reload only while developing', () => {
    const release = items(build().template).map((item) => item.role);
    expect(release).not.toContain('toggleDevTools');
    expect(release).not.toContain('reload');
    const dev = items(build({ development: true }).template).map((item) => item.role);
    expect(dev).toContain('toggleDevTools');
  });

  it('never binds one accelerator twice', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const development of [false, true]) {
        const accelerators = items(build({ platform, development }).template)
          .map((item) => item.accelerator)
          .filter((accelerator): accelerator is string => typeof accelerator === 'string');
        expect(new Set(accelerators).size, `${platform} dev=${development}`).toBe(accelerators.length);
      }
    }
  });
});
