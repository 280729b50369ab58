// Running from TypeScript sources (tests, benchmarks, `tsx`): worker threads do not inherit the
// parent's TypeScript loader, so register tsx in the worker before loading the real entry.
// The bundled app never uses this file (dist/parse-worker.js is plain JavaScript).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
