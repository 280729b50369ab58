// Running from TypeScript sources (tests, benchmarks, `tsx`): worker threads do not inherit the
// parent's TypeScript loader, so register tsx in the worker before loading the real entry.
// The bundled app never uses this file (dist/*-worker.js are plain JavaScript); see start-worker.ts.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
