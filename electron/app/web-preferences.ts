// The main window's webPreferences, every security-relevant one spelled out even where it is
// Electron's default, so a changed default or a careless edit shows up in a test
// (test/app/web-preferences.test.ts) rather than in a release.
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spell checker downloads Hunspell dictionaries from Google's CDN on Windows and Linux:
    // a network request the person did not ask for. The reader has few text fields anyway.
    spellcheck: false,
    // No enableBlinkFeatures, no additionalArguments: nothing beyond the defaults is switched on.
  };
}
