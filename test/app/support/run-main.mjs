// Loads a built dist/main.js in plain Node with the fake Electron, plays the app's start, a few
// IPC calls, protocol requests, navigations, a menu click and the quit, and prints what happened
// as JSON for test/app/bundles.test.ts. Usage: node --import <register> run-main.mjs <dist/main.js>
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';
import * as electron from './fake-electron.mjs';

const { record } = electron;
const mainFile = process.argv[2];
const result = {};
const wait = async (ok, what) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
};

await import(pathToFileURL(mainFile).href);
result.beforeReady = {
  paths: record.paths,
  privileged: record.privileged,
  privilegedBeforeReady: record.privilegedBeforeReady,
  appListeners: electron.app.eventNames(),
};

electron.becomeReady();
await wait(() => record.windows.length === 1 && record.menu, 'the window and the menu');
const win = record.windows[0];
const contents = win.webContents;
result.window = { options: win.options, loadedUrl: win.loadedUrl, userModelId: record.userModelId, exitCodes: record.exitCodes, errorBoxes: record.errorBoxes };

// Session hardening.
const decisions = [];
record.permissionRequest(contents, 'media', (granted) => decisions.push(['request media', granted]));
record.permissionRequest(contents, 'notifications', (granted) => decisions.push(['request notifications', granted]));
decisions.push(['check clipboard-read', record.permissionCheck(contents, 'clipboard-read', 'app://paperboy', {})]);
decisions.push(['device', record.devicePermission({})]);
const download = { prevented: false, preventDefault() { this.prevented = true; } };
record.sessionEvents['will-download']?.(download);
let cancelled = null;
record.webRequestListener({ url: 'https://tracker.example/pixel.gif' }, (response) => {
  cancelled = response.cancel;
});
result.session = { decisions, downloadPrevented: download.prevented, webRequestFilter: record.webRequestFilter, remoteCancelled: cancelled };

// Navigation and new windows.
const navigations = {};
for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
  const e = { url: 'https://example.com/', prevented: false, preventDefault() { this.prevented = true; } };
  contents.emit(event, e);
  navigations[event] = e.prevented;
}
result.navigation = {
  prevented: navigations,
  openHttps: contents.windowOpenHandler({ url: 'https://example.com/story' }),
  openFile: contents.windowOpenHandler({ url: 'file:///etc/passwd' }),
};

// The app scheme and the cache scheme.
const fetchApp = async (url) => {
  const response = await record.protocolHandlers.app(new Request(url));
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), nosniff: response.headers.get('x-content-type-options'), body: (await response.text()).slice(0, 200) };
};
// Two cached images, stored the way the core stores them (file by hash, type in the database):
// a PNG, and an SVG with a script, as the core itself would never keep one (a cache tampered with):
// served, its CSP forbids the script.
const dataDir = process.env.PAPERBOY_DATA_DIR;
const png = readFileSync(new URL('../../../build/icons/16x16.png', import.meta.url));
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const db = new Database(path.join(dataDir, 'paperboy.db'));
const cached = {};
for (const [name, bytes, mime] of [['png', png, 'image/png'], ['svg', svg, 'image/svg+xml']]) {
  const hash = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(path.join(dataDir, 'images', hash.slice(0, 2)), { recursive: true });
  writeFileSync(path.join(dataDir, 'images', hash.slice(0, 2), hash), bytes);
  db.prepare('INSERT OR IGNORE INTO images (hash, mime, size, created_at) VALUES (?, ?, ?, ?)').run(hash, mime, bytes.length, Date.now());
  cached[name] = hash;
}
db.close();
const fetchCache = async (url) => {
  const response = await record.protocolHandlers['paperboy-cache'](new Request(url));
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), nosniff: response.headers.get('x-content-type-options'), sameBytes: body.equals(png) };
};

result.protocols = {
  cachedPng: await fetchCache(`paperboy-cache://${cached.png}/`),
  cachedSvg: await fetchCache(`paperboy-cache://${cached.svg}`),
  schemes: Object.keys(record.protocolHandlers).sort(),
  index: await fetchApp('app://paperboy/index.html'),
  root: await fetchApp('app://paperboy/'),
  traversal: await fetchApp('app://paperboy/..%2f..%2fpackage.json'),
  missing: await fetchApp('app://paperboy/assets/missing.js'),
  otherHost: await fetchApp('app://evil/index.html'),
  post: (await record.protocolHandlers.app(new Request('app://paperboy/index.html', { method: 'POST', body: 'x' }))).status,
  cacheBadUrl: (await record.protocolHandlers['paperboy-cache'](new Request('paperboy-cache://../../etc/passwd'))).status,
  cacheUnknown: (await record.protocolHandlers['paperboy-cache'](new Request(`paperboy-cache://${'ab'.repeat(32)}`))).status,
};

// IPC: a trusted call, an untrusted one, invalid arguments, settings, openExternal.
const trusted = { sender: contents, senderFrame: { url: 'app://paperboy/index.html', parent: null } };
const call = (event, method, args) => record.ipcHandlers['paperboy:call'](event, method, args);
const openExternal = (event, url) => record.ipcHandlers['paperboy:open-external'](event, url);
contents.sent.length = 0;
const feeds = await call(trusted, 'listFeeds', []);
result.ipc = {
  channels: Object.keys(record.ipcHandlers).sort(),
  listFeeds: { ok: feeds.ok, titles: feeds.ok ? feeds.value.map((feed) => feed.title) : feeds.error },
  fromRemotePage: await call({ ...trusted, senderFrame: { url: 'https://evil.example/', parent: null } }, 'listFeeds', []),
  fromSubFrame: await call({ ...trusted, senderFrame: { url: 'app://paperboy/index.html', parent: {} } }, 'listFeeds', []),
  fromOtherContents: await call({ ...trusted, sender: { id: -1 } }, 'listFeeds', []),
  withoutFrame: await call({ ...trusted, senderFrame: null }, 'listFeeds', []),
  unknownMethod: await call(trusted, 'constructor', []),
  invalidArguments: await call(trusted, 'removeFeed', ['1; DROP TABLE feeds']),
  updateSettings: await call(trusted, 'updateSettings', [{ theme: 'dark' }]),
  themeSource: electron.nativeTheme.themeSource,
  openJavascript: await openExternal(trusted, 'javascript:alert(1)'),
  openHttps: await openExternal(trusted, 'https://example.com/a'),
  openFromRemote: await openExternal({ ...trusted, senderFrame: { url: 'https://evil.example/', parent: null } }, 'https://example.com/b'),
};

// Menu commands and page events reach the window on one channel.
const menuItems = (items) => items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : [])]);
menuItems(record.menu.template).find((item) => item.id === 'sync').click();
contents.emit('did-finish-load');
await new Promise((resolve) => setTimeout(resolve, 50));
result.events = contents.sent.map(([channel, name, payload]) => [channel, name, name === 'settings-changed' ? payload.theme : payload]);
result.openedExternally = record.openedExternally;

// Quit: the core is closed before the app goes.
electron.app.quit();
await wait(() => record.quitCalls >= 2, 'the second quit after the core closed');
result.quit = { quitCalls: record.quitCalls };

process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
