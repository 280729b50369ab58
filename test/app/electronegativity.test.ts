// `npm test` runs Electronegativity through scripts/electronegativity.mjs: the app's code passes
// with each remaining finding allowlisted and explained, and the wrapper really fails on an unsafe
// window, on missing navigation and permission handlers, on a finding nobody explained, on an
// allowlist entry that matches nothing or has no reason, and on a file the tool cannot parse (it
// would otherwise go unchecked).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runProgram, type Run } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

const ALLOWLIST = path.join(ROOT, 'security/electronegativity-allowlist.json');
const FIXTURES = 'test/fixtures/electronegativity';
// Each scan takes a few seconds alone; other test files share the CPU.
const SCAN_TIMEOUT = 120_000;

interface Entry {
  check: string;
  file: string;
  code: string;
  reason: string;
}
const appEntries = (JSON.parse(readFileSync(ALLOWLIST, 'utf8')) as { entries: Entry[] }).entries;

afterAll(removeTempDirs);

function allowlistFile(entries: readonly Entry[]): string {
  const file = path.join(tempDir('paperboy-allowlist-'), 'allowlist.json');
  writeFileSync(file, JSON.stringify({ entries }));
  return file;
}

function scan(...args: string[]): Promise<Run> {
  return runProgram(process.execPath, ['scripts/electronegativity.mjs', ...args]);
}

const output = (run: Run) => run.stdout + run.stderr;

describe('the electronegativity scan of the app', () => {
  it('passes: every finding is allowlisted with a reason', async () => {
    const run = await scan();
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toMatch(/passed: \d+ finding\(s\), each allowlisted with a reason/);
    expect(run.stdout).not.toContain('FINDING');
  }, SCAN_TIMEOUT);

  it('names in each reason a test that exists', () => {
    for (const entry of appEntries) {
      const tests = entry.reason.match(/test\/[\w/.-]+\.test\.ts/g) ?? [];
      expect(tests.length, `${entry.check} ${entry.file}`).toBeGreaterThan(0);
      for (const test of tests) expect(() => readFileSync(path.join(ROOT, test)), test).not.toThrow();
    }
  });

  it('fails when an allowlisted finding loses its entry', async () => {
    const [removed, ...kept] = appEntries;
    const run = await scan('--allowlist', allowlistFile(kept));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FINDING  ${removed!.check} ${removed!.file}:`);
    expect(run.stderr).toMatch(/FAILED: 1 finding\(s\) not in the allowlist/);
  }, SCAN_TIMEOUT);

  it('fails on an allowlist entry that matches no finding, so the list cannot rot', async () => {
    const stale = { check: 'WEB_SECURITY_JS_CHECK', file: 'electron/app/shell/window.ts', code: 'webSecurity: false,', reason: 'was needed once' };
    const run = await scan('--allowlist', allowlistFile([...appEntries, stale]));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('STALE    WEB_SECURITY_JS_CHECK electron/app/shell/window.ts "webSecurity: false,"');
    expect(run.stderr).toContain('1 allowlist entry matches no finding');
  }, SCAN_TIMEOUT);

  it('notices when the navigation and permission hardening is gone', async () => {
    const copy = tempDir('paperboy-app-copy-');
    for (const entry of ['package.json', 'electron', 'shared', 'renderer']) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    rmSync(path.join(copy, 'electron/app/shell/hardening.ts'));
    const run = await scan('--input', copy);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FINDING  LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(run.stdout).toContain('FINDING  PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
  }, SCAN_TIMEOUT);

  it('refuses an allowlist entry without a reason, before scanning', async () => {
    const run = await scan('--allowlist', allowlistFile([{ ...appEntries[0]!, reason: '  ' }]));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`entry 1 (${appEntries[0]!.check} in ${appEntries[0]!.file}) gives no reason`);
    expect(run.stdout).toBe('');
  });
});

describe('the electronegativity wrapper on unsafe code', () => {
  it('fails on a window with Node integration, no isolation and no web security, naming each finding', async () => {
    const run = await scan('--input', `${FIXTURES}/bad-app`, '--allowlist', allowlistFile([]));
    expect(run.code).toBe(1);
    for (const finding of [
      'NODE_INTEGRATION_JS_CHECK main.js:8',
      'CONTEXT_ISOLATION_JS_CHECK main.js:9',
      'WEB_SECURITY_JS_CHECK main.js:10',
      'INSECURE_CONTENT_JS_CHECK main.js:11',
      'HTTP_RESOURCES_JS_CHECK main.js:14',
    ]) {
      expect(run.stdout).toContain(`FINDING  ${finding}`);
    }
    expect(run.stderr).toMatch(/FAILED: \d+ finding\(s\) not in the allowlist/);
  }, SCAN_TIMEOUT);

  it('fails on a file the tool cannot parse instead of passing it unchecked', async () => {
    const run = await scan('--input', `${FIXTURES}/unparsable`, '--allowlist', allowlistFile([]));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/could not parse some files, which were therefore not checked:\n.*unparsable\/main\.jsx: Unexpected token/);
  }, SCAN_TIMEOUT);
});
