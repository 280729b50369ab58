// Runs in the sandboxed renderer before the page: exposes window.paperboy (shared/api.ts
// PaperboyBridge) and nothing else. Bundled to dist/preload.cjs; a sandboxed preload is
// CommonJS and may require only 'electron', so everything else is bundled in.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import { EVENT_CHANNEL } from './ipc-protocol';

contextBridge.exposeInMainWorld(
  'paperboy',
  createBridge({
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    // The IpcRendererEvent (and with it ipcRenderer) never reaches the page.
    onEvent: (listener) => ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => listener(name, payload)),
    initiallyOnline: navigator.onLine,
    reportError: (error) => console.error('paperboy: an event listener threw:', error),
  }),
);
