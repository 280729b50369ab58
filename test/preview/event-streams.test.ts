// Many tabs on one preview: each holds an event stream open, and each must hear every event, with
// no warning from Node. A listener per stream on the core made Node print
// MaxListenersExceededWarning at the eleventh tab.
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import { removeTempDirs, tempDir } from '../support/temp';

const TABS = 12;

let core: Core;
let server: PreviewServer;
let cookie: string;
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);

beforeAll(async () => {
  process.on('warning', onWarning);
  core = new Core({ dataDir: tempDir('paperboy-preview-streams-'), workers: 1, welcome: false });
  server = await startPreviewServer({ core, rendererDir: tempDir('paperboy-preview-streams-renderer-') });
  cookie = await new Promise<string>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: `/?token=${server.token}`, headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
        res.resume();
        resolve(res.headers['set-cookie']![0]!.split(';')[0]!);
      })
      .on('error', reject);
  });
});

afterAll(async () => {
  process.off('warning', onWarning);
  await server?.close();
  await core?.close();
  removeTempDirs();
});

/** An open event stream, as a tab's EventSource holds it, collecting the events' names and data. */
function openStream(): Promise<{ received: string[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, cookie, accept: 'text/event-stream' } }, (res) => {
      expect(res.statusCode).toBe(200);
      const received: string[] = [];
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        const blocks = text.split('\n\n');
        text = blocks.pop()!;
        for (const block of blocks) if (block.startsWith('event: ')) received.push(block);
      });
      res.on('error', () => undefined);
      resolve({ received, close: () => request.destroy() });
    });
    request.on('error', reject);
  });
}

it('carries an event to twelve open streams, with no warning of a listener leak', async () => {
  const tabs = await Promise.all(Array.from({ length: TABS }, openStream));
  await core.api.createFolder('Harbour news');
  await expect.poll(() => tabs.filter((tab) => tab.received.some((event) => event.startsWith('event: feeds-changed\n'))).length, { timeout: 5_000 }).toBe(TABS);
  // Node reports the warning on the next turn: give it one.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(warnings.filter((warning) => warning.includes('MaxListeners'))).toEqual([]);

  // A tab closed hears nothing more; the others still do.
  tabs[0]!.close();
  await new Promise((resolve) => setTimeout(resolve, 100));
  await core.api.createFolder('Ferry news');
  await expect.poll(() => tabs.slice(1).every((tab) => tab.received.filter((event) => event.startsWith('event: feeds-changed\n')).length === 2), { timeout: 5_000 }).toBe(true);
  expect(tabs[0]!.received.filter((event) => event.startsWith('event: feeds-changed\n'))).toHaveLength(1);
  for (const tab of tabs) tab.close();
});
