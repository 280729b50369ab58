// Types for the parts of the Electron stand-in (./fake-electron.mjs) that TypeScript tests read.
import type { EventEmitter } from 'node:events';

export declare class Notification extends EventEmitter {
  static isSupported(): boolean;
  constructor(options: { title: string; body: string });
  readonly options: { title: string; body: string };
  shown: boolean;
  show(): void;
}

export declare class BrowserWindow extends EventEmitter {
  constructor(options: { width: number; height: number });
  focusCalls?: number;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export declare const record: {
  readonly notifications: Notification[];
  readonly badgeCounts: number[];
};
