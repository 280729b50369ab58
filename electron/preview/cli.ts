// `npm run preview [-- --data DIR] [-- --port N]`: opens the real core on a data folder (by
// default the app's own, shared with the desktop app and the CLI), serves the UI on 127.0.0.1
// and prints the one address that works. Ctrl+C closes the core cleanly.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, openCore, proxyFromEnvironment } from '../core';
import { ensureRendererBuilt, RENDERER_DIST } from './build-renderer';
import { startPreviewServer } from './server';
import { errorMessage } from '../../shared/error-message';

const USAGE = `Usage: npm run preview -- [--data DIR] [--port N]

  --data DIR   the data folder (default: ${defaultDataDir()})
  --port N     the port on 127.0.0.1 (default: a random free one)
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}`);
  const dataDir = values.data ? path.resolve(values.data) : defaultDataDir();
  mkdirSync(dataDir, { recursive: true });

  process.stdout.write('Checking the UI build (dist/renderer)…\n');
  const rendererDir = await ensureRendererBuilt(RENDERER_DIST);
  const proxy = proxyFromEnvironment(process.env);
  const core = openCore({ dataDir, watchOtherProcesses: true, indexSearchInBackground: true, ...(proxy ? { proxy } : {}) });
  for (const notice of await core.api.getNotices()) console.error(`paperboy preview: ${notice.title}. ${notice.message}`);
  const server = await startPreviewServer({ core, rendererDir, port });
  // Automatic syncs only when the person turned them on in Settings, as in the desktop app.
  core.startScheduledSyncs();

  process.stdout.write(
    `\nPaperboy preview on the data folder ${dataDir}\n\n` +
      `  Open ${server.url}\n\n` +
      'Only this address works: it carries a secret made for this run. Ctrl+C stops.\n',
  );

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server
      .close()
      .then(() => core.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('paperboy preview: closing failed:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`paperboy preview: ${errorMessage(error)}`);
  process.exit(1);
});
