// A test file's one app over a generated library: Chromium at 1280 x 800, the library written to
// a fresh data folder, the app opened before the file's first test and all of it closed after
// its last. Files that need another window size or several apps set them up themselves.
import { afterAll, beforeAll } from 'vitest';
import { removeTempDirs, tempDir } from '../../support/temp';
import { openApp, type AppSession } from './app';
import { launchBrowser, type Browser } from './browser';
import { generateLibrary, type GeneratedFeed } from './generated-library';
import { buildRendererForTests } from './renderer-build';

export interface LibraryAppOptions {
  /** Lets the page read and write the clipboard (Copy link, Copy feed address). */
  readonly clipboard?: boolean;
}

/** Registers the file's setup and teardown; `app` is there inside its tests. */
export function useLibraryApp(feeds: readonly GeneratedFeed[], { clipboard = false }: LibraryAppOptions = {}): { readonly app: AppSession } {
  let browser: Browser | undefined;
  let app: AppSession | undefined;
  beforeAll(async () => {
    const rendererDir = await buildRendererForTests();
    browser = await launchBrowser({ width: 1280, height: 800 });
    if (clipboard) await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const dataDir = tempDir('paperboy-e2e-');
    await generateLibrary(dataDir, feeds);
    app = await openApp({ browser, dataDir, rendererDir });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    removeTempDirs();
  });
  return {
    get app() {
      if (!app) throw new Error('The app opens in beforeAll: use it inside a test.');
      return app;
    },
  };
}
