// Runs in the sandboxed renderer before the page: exposes window.paperboy (shared/api.ts
// PaperboyBridge, built by shared/wire.ts createBridge over IPC) and nothing else. Bundled to
// dist/preload.cjs; a sandboxed preload is CommonJS and may require only 'electron', so
// everything else is bundled in.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../../shared/wire';
import { CALL_CHANNEL, EVENT_CHANNEL, OPEN_EXTERNAL_CHANNEL } from './ipc-protocol';

contextBridge.exposeInMainWorld(
  'paperboy',
  createBridge({
    call: (method, args) => ipcRenderer.invoke(CALL_CHANNEL, method, args),
    openExternal: (url) => ipcRenderer.invoke(OPEN_EXTERNAL_CHANNEL, url),
    // The IpcRendererEvent (and with it ipcRenderer) never reaches the page.
    listen: (listener) => ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => listener(name, payload)),
    initiallyOnline: navigator.onLine,
    reportError: (error) => console.error('paperboy: an event listener threw:', error),
  }),
);
