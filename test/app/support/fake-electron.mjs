// A stand-in for the 'electron' module, for loading the real dist/main.js (and dist/preload.cjs)
// in plain Node: every API the shell touches, recording what it was given. Only the tests that
// load the bundles use it (through ./electron-hooks.mjs); it knows nothing of Paperboy.
import { EventEmitter } from 'node:events';

export const record = {
  paths: {},
  privileged: null,
  privilegedBeforeReady: false,
  protocolHandlers: {},
  ipcHandlers: {},
  ipcListeners: {},
  windows: [],
  menu: null,
  permissionRequest: null,
  permissionCheck: null,
  devicePermission: null,
  sessionEvents: {},
  webRequestFilter: null,
  webRequestListener: null,
  openedExternally: [],
  quitCalls: 0,
  exitCodes: [],
  errorBoxes: [],
  userModelId: null,
  exposed: {},
  badgeCounts: [],
  notifications: [],
};

let readyResolve;
let isReady = false;
const readyPromise = new Promise((resolve) => {
  readyResolve = resolve;
});

class FakeApp extends EventEmitter {
  isPackaged = false;
  setPath(name, value) {
    record.paths[name] = value;
  }
  getPath(name) {
    return record.paths[name] ?? `/fake/${name}`;
  }
  getName() {
    return 'Paperboy';
  }
  getVersion() {
    return '0.0.0-test';
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return readyPromise;
  }
  isReady() {
    return isReady;
  }
  setAppUserModelId(id) {
    record.userModelId = id;
  }
  setBadgeCount(count) {
    record.badgeCounts.push(count);
    return true;
  }
  quit() {
    record.quitCalls++;
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('will-quit', event);
  }
  exit(code) {
    record.exitCodes.push(code);
  }
}

export const app = new FakeApp();

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
    this.shown = false;
    record.notifications.push(this);
  }
  show() {
    this.shown = true;
  }
}

/** Called by the test runner: the 'ready' moment. */
export function becomeReady() {
  isReady = true;
  readyResolve();
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.privileged = schemes;
    record.privilegedBeforeReady = !isReady;
  },
  handle(scheme, handler) {
    record.protocolHandlers[scheme] = handler;
  },
};

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  sent = [];
  windowOpenHandler = null;
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.loadedUrl = null;
    this.progress = [];
    this.destroyed = false;
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isFullScreen() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: this.options.width, height: this.options.height };
  }
  maximize() {}
  restore() {}
  focus() {
    this.focusCalls = (this.focusCalls ?? 0) + 1;
  }
  show() {}
  setProgressBar(value) {
    this.progress.push(value);
  }
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler) {
      record.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler) {
      record.devicePermission = handler;
    },
    on(event, listener) {
      record.sessionEvents[event] = listener;
    },
    // No proxy on this machine, as Chromium says it ("DIRECT"): the core goes straight to each site.
    resolveProxy() {
      return Promise.resolve('DIRECT');
    },
    webRequest: {
      onBeforeRequest(filter, listener) {
        record.webRequestFilter = filter;
        record.webRequestListener = listener;
      },
    },
  },
};

export const ipcMain = {
  handle(channel, handler) {
    record.ipcHandlers[channel] = handler;
  },
  on(channel, listener) {
    record.ipcListeners[channel] = listener;
  },
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu(menu) {
    record.menu = menu;
  },
};

export const nativeTheme = { themeSource: 'system', shouldUseDarkColors: false };
export const net = { isOnline: () => true };
export const powerMonitor = new EventEmitter();
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const shell = {
  openExternal(url) {
    record.openedExternally.push(url);
    return Promise.resolve();
  },
};
export const dialog = {
  showErrorBox(title, content) {
    record.errorBoxes.push([title, content]);
  },
  showMessageBox: () => Promise.resolve({ response: 0 }),
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
};
export const contextBridge = {
  exposeInMainWorld(key, api) {
    record.exposed[key] = api;
  },
};
export const ipcRenderer = new EventEmitter();

export default {
  app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, nativeTheme, net, Notification, powerMonitor, protocol, screen, session, shell,
};
