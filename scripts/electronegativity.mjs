// Runs @doyensec/electronegativity over the app's code and fails on any finding that the
// allowlist (security/electronegativity-allowlist.json) does not name with a reason.
//
//   node scripts/electronegativity.mjs [--input DIR] [--allowlist FILE]
//
// Without --input it scans the sources the app is built from: package.json (Chromium switches
// in scripts), electron/ (the main process: shell and core), shared/ and renderer/ (with
// index.html and its CSP). Sources, not dist/: findings then name the file and line a person
// edits, allowlist entries survive unrelated edits (a bundle's lines move with every change),
// and dist/renderer/ is only built by `npm run build`, not by the tests' `prepare`.
//
// The tool cannot be trusted to fail: its CLI exits 0 whatever it finds, and a file it cannot
// parse is silently not checked. So it runs in this process through its API, and the verdict is
// ours: exit 1 on a finding not allowlisted, an allowlist entry that matches no finding (so the
// list cannot rot), an allowlist entry without a reason, a file the tool could not parse, or a
// scan that crashed, loaded no checks, or did not finish.
//
// The network: the tool fetches translations (1 s timeout) and, in
// AvailableSecurityFixesGlobalCheck, Electron's release list from GitHub with no timeout at all;
// offline it waits for retries, then prints a warning and reports nothing. Both look-ups are
// refused here (a stand-in for its HTTP library) and that check is switched off, so the scan
// behaves the same on every machine and never touches the network. "Use a current Electron" is
// checked offline by test/app/electron-support.test.ts instead.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APP_CODE = ['package.json', 'electron', 'shared', 'renderer'];
const DEFAULT_ALLOWLIST = path.join(ROOT, 'security/electronegativity-allowlist.json');
const DEADLINE_MS = 180_000;
const EXCLUDED_CHECKS = {
  availablesecurityfixesglobalcheck: 'asks GitHub; test/app/electron-support.test.ts checks the Electron version offline',
  electronversionjsoncheck: 'only reports the Electron version, for the check above',
};
const ENTRY_KEYS = ['check', 'file', 'code', 'reason'];

const require = createRequire(import.meta.url);
let verdict = false;

function fail(message) {
  console.error(`electronegativity: FAILED: ${message}`);
  verdict = true;
  process.exit(1);
}

/** Reads and checks the allowlist before scanning, so a malformed one fails fast. */
function readAllowlist(file) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read the allowlist ${file}: ${error.message}`);
  }
  if (!Array.isArray(parsed?.entries)) fail(`${file} must hold { "entries": [...] }`);
  const problems = [];
  parsed.entries.forEach((entry, index) => {
    const where = `${path.basename(file)} entry ${index + 1}`;
    if (entry === null || typeof entry !== 'object') return problems.push(`${where} is not an object`);
    for (const key of Object.keys(entry)) if (!ENTRY_KEYS.includes(key)) problems.push(`${where} has an unknown key "${key}"`);
    for (const key of ENTRY_KEYS) if (typeof entry[key] !== 'string') problems.push(`${where} needs "${key}" (a string)`);
    if (typeof entry.reason === 'string' && entry.reason.trim().length === 0) problems.push(`${where} (${entry.check} in ${entry.file}) gives no reason`);
  });
  if (problems.length > 0) fail(`the allowlist is invalid:\n  ${problems.join('\n  ')}`);
  return parsed.entries;
}

/** Makes the tool's HTTP library (got) refuse every request; returns the URLs it asked for. */
function refuseNetwork(toolEntry) {
  const gotPath = createRequire(toolEntry).resolve('got');
  const asked = [];
  const refuse = (url) => {
    asked.push(String(url));
    return Promise.reject(new Error('network look-ups are refused by scripts/electronegativity.mjs'));
  };
  refuse.head = refuse;
  refuse.get = refuse;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: refuse, children: [], paths: [] };
  return asked;
}

/** A scratch copy of the app's code: the tool scans one folder, and the repo holds tests too. */
function stageAppCode() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-electronegativity-'));
  for (const entry of APP_CODE) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  return dir;
}

const sameFinding = (entry, finding) => entry.check === finding.id && entry.file === finding.file && entry.code === finding.code;

function report(findings, entries) {
  const unlisted = findings.filter((finding) => !entries.some((entry) => sameFinding(entry, finding)));
  const stale = entries.filter((entry) => !findings.some((finding) => sameFinding(entry, finding)));
  for (const finding of findings) {
    const entry = entries.find((candidate) => sameFinding(candidate, finding));
    const place = `${finding.id} ${finding.file}:${finding.line}`;
    if (entry) {
      console.log(`  allowed  ${place}\n           because ${entry.reason}`);
    } else {
      console.log(`  FINDING  ${place} (${finding.severity}, ${finding.confidence})\n           ${finding.description} ${finding.url}`);
      console.log(`           code: ${JSON.stringify(finding.code)}`);
    }
  }
  for (const entry of stale) console.log(`  STALE    ${entry.check} ${entry.file} ${JSON.stringify(entry.code)}: no such finding any more; remove or update the entry`);
  const problems = [];
  if (unlisted.length > 0) problems.push(`${unlisted.length} finding(s) not in the allowlist (fix the code, or add an entry with check, file, code and reason)`);
  if (stale.length > 0) problems.push(`${stale.length} allowlist entr${stale.length === 1 ? 'y matches' : 'ies match'} no finding`);
  if (problems.length > 0) fail(problems.join('; '));
  console.log(`electronegativity: passed: ${findings.length} finding(s), each allowlisted with a reason`);
}

async function main() {
  const { values } = parseArgs({ options: { input: { type: 'string' }, allowlist: { type: 'string' } } });
  const entries = readAllowlist(path.resolve(values.allowlist ?? DEFAULT_ALLOWLIST));
  const toolEntry = require.resolve('@doyensec/electronegativity');
  const toolVersion = JSON.parse(readFileSync(path.join(path.dirname(toolEntry), '../package.json'), 'utf8')).version;
  // The defaults the checks assume (nodeIntegration, contextIsolation, sandbox) depend on the
  // Electron version: judge every input, fixtures included, by the one we ship.
  const electronVersion = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies.electron;
  const asked = refuseNetwork(toolEntry);
  const run = require(toolEntry);

  const input = values.input ? path.resolve(values.input) : stageAppCode();
  const shown = values.input ? path.relative(ROOT, input) || '.' : APP_CODE.join(', ');
  console.log(`electronegativity ${toolVersion} over ${shown} as Electron ${electronVersion}`);
  for (const [check, why] of Object.entries(EXCLUDED_CHECKS)) console.log(`  off: ${check}: ${why}`);
  let result;
  let crash;
  try {
    result = await run({
      input,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: Object.keys(EXCLUDED_CHECKS),
    }, false);
  } catch (error) {
    crash = error;
  } finally {
    if (!values.input) rmSync(input, { recursive: true, force: true });
  }
  if (crash) fail(`the scan crashed: ${crash?.stack ?? crash}`);
  if (asked.length > 0) console.log(`  (refused the tool's network look-ups: ${asked.join(', ')})`);
  if (!result || result.atomicChecks === 0) fail('the tool loaded no checks');
  if (result.errors.length > 0) {
    fail(`the tool could not parse some files, which were therefore not checked:\n  ${result.errors.map((error) => `${path.relative(ROOT, error.file)}: ${error.message}`).join('\n  ')}`);
  }
  const findings = result.issues.map((issue) => ({
    id: issue.id,
    file: issue.file,
    line: issue.location.line,
    code: (issue.sample ?? '').trim(),
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    description: issue.description,
    url: issue.shortenedURL,
  }));
  console.log(`electronegativity: ${result.atomicChecks + result.globalChecks} checks run, ${findings.length} finding(s)`);
  report(findings, entries);
  verdict = true;
}

// The tool may call process.exit itself, or leave a promise that never settles: without our
// verdict the exit status is never 0.
process.on('exit', () => {
  if (!verdict) {
    console.error('electronegativity: FAILED: the scan ended without a verdict');
    process.exitCode = 1;
  }
});
setTimeout(() => fail(`the scan did not finish within ${DEADLINE_MS / 1000} s`), DEADLINE_MS).unref();
await main();
