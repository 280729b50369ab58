#!/usr/bin/env node
// `npx paperboy ...`: runs the CLI bundle (dist/cli.cjs, built by `npm install`'s prepare script)
// with a V8 code cache. Compiling the 1 MB bundle was a fifth of a short command's CPU
// (`paperboy call listFeeds`: V8's scanner, and the check of every regular expression in every
// function, used or not); from the cache V8 reads the compiled code instead, some 12 % of the
// command's CPU less (docs/technotes/sync-cpu-and-memory.md). CommonJS, because a code cache
// needs a script (vm.Script), and an ES module loader would cost its own start.
//
// The cache lives in the user's cache folder, named after the bundle's identity (path, size,
// change time, inode) and this Node's version: V8 checks a cache against its own version, its
// flags and the source's LENGTH only, so a rebuilt bundle of the same length would otherwise run
// the old code. It is made right after the bundle compiles, before the CLI runs: the CLI changes
// V8's heap flags (core/system/heap-growth.ts), and V8 refuses a cache made under other flags.
// Any failure to read or write it only costs the compile.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch {
  console.error('paperboy: dist/cli.cjs is missing; run `npm install` (or `npm run bundle`) in the Paperboy folder first.');
  process.exit(2);
}

/** The per-user cache folder each platform has for such files. */
function cacheFolder() {
  const home = os.homedir();
  const base = process.env.XDG_CACHE_HOME
    || (process.platform === 'darwin' ? path.join(home, 'Library', 'Caches')
      : process.platform === 'win32' ? (process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'))
        : path.join(home, '.cache'));
  return path.join(base, 'paperboy');
}

const CACHE_PREFIX = 'cli-';
const folder = cacheFolder();
let cacheFile = null;
try {
  const { size, mtimeMs, ino } = statSync(bundle);
  const identity = [bundle, size, mtimeMs, ino, process.version, process.arch].join('\0');
  cacheFile = path.join(folder, `${CACHE_PREFIX}${createHash('sha256').update(identity).digest('hex').slice(0, 32)}.v8`);
} catch {
  // No cache: the bundle compiles as on a first run.
}

let cachedData;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}

const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
const moduleFunction = script.runInThisContext();
if (cacheFile && (!cachedData || script.cachedDataRejected)) saveCache(cacheFile, script.createCachedData());

const cli = new Module(bundle, module);
cli.filename = bundle;
moduleFunction.call(cli.exports, cli.exports, Module.createRequire(bundle), cli, bundle, path.dirname(bundle));

/** Writes the cache whole (two commands may start at once) and drops the ones older bundles left. */
function saveCache(file, data) {
  try {
    mkdirSync(folder, { recursive: true });
    const partial = `${file}.${process.pid}.part`;
    writeFileSync(partial, data);
    renameSync(partial, file);
    for (const name of readdirSync(folder)) {
      if (name.startsWith(CACHE_PREFIX) && name !== path.basename(file) && !name.endsWith('.part')) rmSync(path.join(folder, name), { force: true });
    }
  } catch {
    // A read-only home or a full disk: the next run compiles again.
  }
}
