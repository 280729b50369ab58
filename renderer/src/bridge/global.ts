// window.paperboy: defined by Electron's preload, or by the HTTP bridge in the browser preview.
import type { PaperboyBridge } from '../../../shared/api';

declare global {
  interface Window {
    paperboy?: PaperboyBridge;
  }
}

export {};
