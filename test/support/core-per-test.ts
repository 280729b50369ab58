// The setup most sync and API tests share: before each test a fresh loopback server for the
// feeds and pages and a Core on a new data folder (one parse worker, no welcome feed); after it
// both closed and the folder removed.
import { afterEach, beforeEach } from 'vitest';
import { Core } from '../../electron/core/core';
import { TestServer } from './server';
import { removeTempDirs, tempDir } from './temp';

/** Hands each test's server and core to `use` before it runs; `host` is the server's loopback address. */
export function serverAndCorePerTest(use: (server: TestServer, core: Core) => void, host?: string): void {
  let server: TestServer | null = null;
  let core: Core | null = null;
  beforeEach(async () => {
    server = await TestServer.start(host);
    core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    use(server, core);
  });
  afterEach(async () => {
    await core?.close();
    await server?.stop();
    removeTempDirs();
  });
}
