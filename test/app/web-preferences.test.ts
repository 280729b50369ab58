import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../electron/app/web-preferences';
import { APP_ENTRY_URL, isAppUrl, PRIVILEGED_SCHEMES } from '../../electron/app/schemes';
import { CACHE_SCHEME } from '../../shared/cache-url';

describe('the main window webPreferences', () => {
  const prefs = secureWebPreferences('/app/dist/preload.cjs');

  it('isolates and sandboxes the page and keeps Node out of it', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps the web security model and nothing experimental', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('names the bundled CommonJS preload and asks for no spell-check dictionaries', () => {
    expect(prefs.preload).toBe('/app/dist/preload.cjs');
    expect(prefs.spellcheck).toBe(false);
  });

  it('states every security-relevant key explicitly rather than relying on defaults', () => {
    for (const key of ['contextIsolation', 'sandbox', 'nodeIntegration', 'webSecurity', 'allowRunningInsecureContent', 'webviewTag'] as const) {
      expect(Object.hasOwn(prefs, key), key).toBe(true);
    }
  });
});

describe('the privileged schemes', () => {
  it('registers the app and cache schemes as standard and secure, and nothing more dangerous', () => {
    expect(PRIVILEGED_SCHEMES.map((s) => s.scheme).sort()).toEqual(['app', CACHE_SCHEME].sort());
    for (const { privileges } of PRIVILEGED_SCHEMES) {
      expect(privileges).toMatchObject({ standard: true, secure: true });
      expect(privileges?.bypassCSP).toBeFalsy();
      expect(privileges?.corsEnabled).toBeFalsy();
      expect(privileges?.allowServiceWorkers).toBeFalsy();
      expect(privileges?.allowExtensions).toBeFalsy();
    }
  });

  it('loads the UI from the app scheme, never from file:', () => {
    expect(APP_ENTRY_URL).toBe('app://paperboy/index.html');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
  });

  it('recognizes the app origin exactly', () => {
    expect(isAppUrl('app://paperboy/')).toBe(true);
    expect(isAppUrl('app://paperboy/assets/index.js?x#y')).toBe(true);
    for (const url of [
      'app://paperboy.evil/',
      'app://evil/paperboy/',
      'app://paperboy@evil/',
      'app://user:pw@paperboy/',
      'app://paperboy:8080/',
      'https://paperboy/',
      'file:///app/index.html',
      'paperboy-cache://paperboy/',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
