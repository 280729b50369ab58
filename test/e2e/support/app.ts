// One running app for an end-to-end test: the real core on a data folder, the preview server in
// this process, and a Chromium page on it. The page's requests are watched: it must never ask
// any origin but the preview server's, and must log no errors (a CSP violation is one).
import type { Page } from 'playwright-core';
import { openCore, type CoreOptions, type PaperboyCore } from '../../../electron/core';
import { startPreviewServer, type PreviewServer } from '../../../electron/preview/server';
import type { Browser } from './browser';

export interface AppSession {
  readonly core: PaperboyCore;
  readonly server: PreviewServer;
  readonly page: Page;
  /** Requests the page made to any other origin (should stay empty). */
  readonly foreignRequests: string[];
  /** Uncaught exceptions and console errors of the page (should stay empty). */
  readonly pageErrors: string[];
  /** Closes the page, the server and the core (the browser stays). */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  readonly browser: Browser;
  readonly dataDir: string;
  readonly rendererDir: string;
  readonly core?: Partial<CoreOptions>;
}

export async function openApp({ browser, dataDir, rendererDir, core: coreOptions }: OpenAppOptions): Promise<AppSession> {
  // Pages held behind a gate wait for the test to look, which under load may take longer than a
  // server's usual wait for headers (10 s): the whole request timeout bounds them instead.
  const core = openCore({ dataDir, workers: 1, firstByteTimeoutMs: 20_000, ...coreOptions });
  const server = await startPreviewServer({ core, rendererDir });
  const page = await browser.context.newPage();
  // Well under the test's own limit, so a missing state fails with the locator that waited for it.
  page.setDefaultTimeout(10_000);
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${server.origin}/`)) foreignRequests.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  await page.goto(server.url);
  return {
    core,
    server,
    page,
    foreignRequests,
    pageErrors,
    close: async () => {
      await page.close();
      await server.close();
      await core.close();
    },
  };
}
