// The shell's policies are tested in plain Node because they never load Electron: only a few
// wiring files may import 'electron' or 'electron-store' at run time, no test reaches them, and
// the sandboxed preload pulls in nothing but 'electron' and our own pure modules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON_PACKAGES = new Set(['electron', 'electron-store']);
const WIRING = [
  'electron/app/main.ts',
  'electron/app/preload.ts',
  ...['backup-dialogs', 'electron-settings', 'hardening', 'ipc', 'menu', 'protocols', 'sync-alerts', 'window'].map((name) => `electron/app/shell/${name}.ts`),
].sort();

/** Module specifiers a file loads at run time (`import type` and `export type` excluded). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (!candidate.endsWith('.ts')) continue;
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Absent, or a path through a file (`package.json/index.ts` for a JSON import).
    }
  }
  return null;
}

/** Every file and bare package reached from `entry` through run-time imports. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      const local = resolveLocal(file, specifier);
      if (local) visit(local);
      else if (!specifier.startsWith('.')) packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('layering of the Electron shell', () => {
  it('lets only the wiring files import electron or electron-store', () => {
    const appFiles = readdirSync(path.join(ROOT, 'electron/app'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `electron/app/${name.split(path.sep).join('/')}`);
    const importers = appFiles
      .filter((file) => runtimeImports(path.join(ROOT, file)).some((specifier) => ELECTRON_PACKAGES.has(specifier)))
      .sort();
    expect(importers).toEqual(WIRING);
  });

  it('keeps every shell test away from Electron, at any depth', () => {
    const tests = readdirSync(path.join(ROOT, 'test/app')).filter((name) => name.endsWith('.test.ts'));
    expect(tests.length).toBeGreaterThan(5);
    for (const test of tests) {
      const { files, packages } = closure(path.join(ROOT, 'test/app', test));
      expect([...packages].filter((name) => ELECTRON_PACKAGES.has(name)), test).toEqual([]);
      expect([...files].map(rel).filter((file) => WIRING.includes(file)), test).toEqual([]);
    }
  });

  it('lets the sandboxed preload require nothing but electron', () => {
    const { packages } = closure(path.join(ROOT, 'electron/app/preload.ts'));
    expect([...packages]).toEqual(['electron']);
  });
});
