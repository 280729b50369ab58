#!/usr/bin/env node
// `npx paperboy ...`: the CLI bundle is built by `npm install` (the prepare script).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('paperboy: dist/cli.js is missing; run `npm install` (or `npm run bundle`) in the Paperboy folder first.');
  process.exit(2);
}
await import(cli.href);
