// The bundles build, and load as far as they can without the Electron binary: scripts/bundle.mjs
// runs in a scratch copy of the sources (the real dist/ is left alone); dist/main.js is then
// imported by Node with a fake 'electron' module, which proves every import resolves and links
// (libsql's native binary included) and lets the test drive the real wiring against a real core;
// dist/preload.cjs is run the way a sandboxed preload runs: a script whose `require` knows
// 'electron' only.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/wire';
import { APP_CSP, CACHE_CSP, DRAWING_CSP } from '../../electron/host-kit/csp';
import { secureWebPreferences } from '../../electron/app/web-preferences';
import { removeTempDirs, tempDir } from '../support/temp';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUPPORT = fileURLToPath(new URL('./support/', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

let work = '';
const dist = (file: string) => path.join(work, 'dist', file);

beforeAll(() => {
  work = tempDir('paperboy-bundle-');
  for (const entry of ['electron', 'shared', 'scripts', 'package.json']) cpSync(path.join(ROOT, entry), path.join(work, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: work, stdio: 'pipe' });
  // The renderer is built by vite elsewhere; a stand-in page lets the protocol serve something.
  mkdirSync(dist('renderer'), { recursive: true });
  writeFileSync(dist('renderer/index.html'), '<!doctype html><title>Paperboy</title><div id="root"></div>');
}, 120_000);
afterAll(removeTempDirs);

/** Module specifiers a bundle loads: import/export declarations, import(), and require(). */
function loadedModules(file: string): { imports: string[]; requires: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const imports: string[] = [];
  const requires: string[] = [];
  const literal = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : '<computed>');
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) imports.push(literal(node.moduleSpecifier));
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) imports.push(literal(node.arguments[0]));
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') requires.push(literal(node.arguments[0]));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, requires };
}

const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);

describe('dist/main.js', () => {
  it('is the package entry, an ES module', () => {
    expect(pkg.main).toBe('dist/main.js');
    const { imports, requires } = loadedModules(dist('main.js'));
    expect(imports).toContain('electron');
    expect(requires).toEqual([]);
  });

  it('imports only Node built-ins, electron, and runtime dependencies electron-builder will pack', () => {
    for (const bundle of ['main.js', 'parse-worker.js', 'writer-worker.js', 'export-worker.js']) {
      const packages = loadedModules(dist(bundle)).imports.filter((s) => !BUILTINS.has(s) && !s.startsWith('.')).map(packageOf);
      const outside = packages.filter((name) => name !== 'electron' && !Object.hasOwn(pkg.dependencies, name));
      expect(outside, `${bundle} needs packages that are not in "dependencies"`).toEqual([]);
    }
    expect(Object.hasOwn(pkg.dependencies, 'electron'), 'electron belongs in devDependencies').toBe(false);
    expect(Object.hasOwn(pkg.devDependencies, 'electron')).toBe(true);
  });

  describe('loaded in Node with a fake Electron, over a real core', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let run: any;
    let dataDir = '';

    beforeAll(() => {
      dataDir = tempDir('paperboy-data-');
      const out = execFileSync(process.execPath, ['--import', path.join(SUPPORT, 'register-fake-electron.mjs'), path.join(SUPPORT, 'run-main.mjs'), dist('main.js')], {
        cwd: work,
        env: { ...process.env, PAPERBOY_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
      });
      run = JSON.parse(out.toString('utf8').trim().split('\n').at(-1)!);
    }, 90_000);

    it('uses the CLI data folder for userData and registers the schemes before ready', () => {
      expect(run.beforeReady.paths.userData).toBe(dataDir);
      expect(run.beforeReady.paths.sessionData).toBe(path.join(dataDir, 'session'));
      expect(run.beforeReady.privilegedBeforeReady).toBe(true);
      expect(run.beforeReady.privileged.map((s: { scheme: string }) => s.scheme)).toEqual(['app', 'paperboy-cache']);
      expect(run.beforeReady.appListeners).toEqual(expect.arrayContaining(['web-contents-created', 'second-instance', 'window-all-closed', 'will-quit']));
    });

    it('opens one window from the app scheme with the secure webPreferences', () => {
      expect(run.window.exitCodes).toEqual([]);
      expect(run.window.loadedUrl).toBe('app://paperboy/index.html');
      // Exactly the preferences web-preferences.test.ts checks: nothing added on the way (no
      // partition, which would put the page in a session without the hardening below).
      expect(run.window.options.webPreferences).toEqual(secureWebPreferences(dist('preload.cjs')));
      expect(run.window.userModelId).toBe('org.paperboy.reader');
    });

    it('denies permissions and downloads, and cancels network requests', () => {
      expect(run.session.decisions).toEqual([['request media', false], ['request notifications', false], ['check clipboard-read', false], ['device', false]]);
      expect(run.session.downloadPrevented).toBe(true);
      expect(run.session.remoteCancelled).toBe(true);
      expect(run.session.webRequestFilter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    });

    it('blocks navigation and new windows; web links go to the browser', () => {
      expect(run.navigation.prevented).toEqual({ 'will-navigate': true, 'will-frame-navigate': true, 'will-redirect': true, 'will-attach-webview': true });
      expect(run.navigation.openHttps).toEqual({ action: 'deny' });
      expect(run.navigation.openFile).toEqual({ action: 'deny' });
      expect(run.openedExternally).toEqual(['https://example.com/story', 'https://example.com/a']);
    });

    it('serves the renderer with the CSP and cached images with their type, and refuses the rest', () => {
      expect(run.protocols.schemes).toEqual(['app', 'paperboy-cache']);
      expect(run.protocols.index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: APP_CSP, nosniff: 'nosniff' });
      expect(run.protocols.index.body).toContain('<div id="root">');
      expect(run.protocols.root.status).toBe(200);
      expect(run.protocols.traversal.status).toBe(400);
      expect(run.protocols.missing.status).toBe(404);
      expect(run.protocols.otherHost.status).toBe(403);
      expect(run.protocols.post).toBe(405);
      expect(run.protocols.cachedPng).toMatchObject({ status: 200, type: 'image/png', nosniff: 'nosniff', csp: CACHE_CSP, sameBytes: true });
      expect(run.protocols.cachedSvg).toMatchObject({ status: 200, type: 'image/svg+xml', nosniff: 'nosniff', csp: DRAWING_CSP });
      expect(run.protocols.cacheBadUrl).toBe(400);
      expect(run.protocols.cacheUnknown).toBe(404);
    });

    it('answers calls from the app page only, validated by the router', () => {
      expect(run.ipc.channels).toEqual(['paperboy:call', 'paperboy:open-external']);
      // A new data folder holds the built-in welcome feed: the real core answered.
      expect(run.ipc.listFeeds).toMatchObject({ ok: true, titles: [expect.stringMatching(/welcome/i)] });
      for (const refused of ['fromRemotePage', 'fromSubFrame', 'fromOtherContents', 'withoutFrame']) {
        expect(run.ipc[refused], refused).toMatchObject({ ok: false, error: { name: 'RefusedError' } });
      }
      expect(run.ipc.unknownMethod).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      expect(run.ipc.invalidArguments).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
      expect(run.ipc.updateSettings).toMatchObject({ ok: true, value: { theme: 'dark' } });
      expect(run.ipc.themeSource).toBe('dark');
      expect(run.ipc.openJavascript).toMatchObject({ ok: false, error: { name: 'RefusedError' } });
      expect(run.ipc.openHttps).toEqual({ ok: true, value: null });
      expect(run.ipc.openFromRemote).toMatchObject({ ok: false });
    });

    it('sends settings changes, menu commands and the network state to the window', () => {
      expect(run.events).toEqual([
        ['paperboy:event', 'settings-changed', 'dark'],
        ['paperboy:event', 'command', 'sync'],
        ['paperboy:event', 'network-changed', { online: true }],
      ]);
    });

    it('closes the core before quitting', () => {
      expect(run.quit.quitCalls).toBe(2);
    });
  });
});

describe('dist/preload.cjs', () => {
  it('is CommonJS that requires nothing but electron', () => {
    const { imports, requires } = loadedModules(dist('preload.cjs'));
    expect(requires).toEqual(['electron']);
    expect(imports).toEqual([]);
    expect(readFileSync(dist('preload.cjs'), 'utf8')).not.toContain('import.meta');
  });

  it('exposes window.paperboy, and only that, when run as a sandboxed preload', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const ipcRenderer = {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: [] };
      },
      on: () => ipcRenderer,
    };
    const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer };
    const module = { exports: {} };
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`module not found: ${name}`);
      return electron;
    };
    vm.runInNewContext(`(function (require, module, exports) {${readFileSync(dist('preload.cjs'), 'utf8')}\n})`, { navigator: { onLine: true }, console })(sandboxRequire, module, module.exports);

    expect(Object.keys(exposed)).toEqual(['paperboy']);
    const bridge = exposed.paperboy as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'isOffline', 'on', 'openExternal'].sort());
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
    await bridge.listFeeds!();
    expect(invoked).toEqual([['paperboy:call', 'listFeeds', []]]);
    expect(bridge.isOffline!()).toBe(false);
  });
});
