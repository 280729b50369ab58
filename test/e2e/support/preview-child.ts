// The preview server on the real core in a process of its own, for a test that kills it with
// SIGKILL while a page uses it:   preview-child.ts DATA-DIR RENDERER-DIR
// prints "url <address>" once it serves, then stays up until it is killed.
import { openCore } from '../../../electron/core';
import { startPreviewServer } from '../../../electron/preview/server';

const [dataDir, rendererDir] = process.argv.slice(2);
const core = openCore({ dataDir: dataDir!, workers: 1 });
const server = await startPreviewServer({ core, rendererDir: rendererDir! });
process.stdout.write(`url ${server.url}\n`);
