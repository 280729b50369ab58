// electron-builder.yml without packaging (that needs the Electron binary): loaded and validated by
// electron-builder's own code (app-builder-lib's getConfig + validateConfiguration, the schema
// check `electron-builder` runs first), then checked for what matters to us.
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { minimatch as Minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
// The matcher electron-builder itself uses for `files` and `asarUnpack`, from its own dependencies.
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as { minimatch: typeof Minimatch };

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  /** getConfig normalizes the list into file sets: [{ filter: [...] }]. */
  files: (string | { from?: string; to?: string; filter?: string | string[] })[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; category: string; icon: string };
  publish: unknown;
}

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };

let config: BuilderConfig;
beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
});

/** electron-builder's `files` semantics for our list: included by a pattern, not excluded by a later "!" one. */
function packed(file: string, patterns: readonly string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(file, pattern, { dot: true })) {
      included = true;
    }
  }
  return included;
}

function nativeBinaries(dir: string, prefix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = `${prefix}/${name}`;
    if (statSync(full).isDirectory()) return nativeBinaries(full, rel);
    return name.endsWith('.node') ? [rel] : [];
  });
}

describe('electron-builder configuration', () => {
  it('passes electron-builder own schema validation', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is really checked: a misspelled option fails the same validation', async () => {
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, categroy: 'News' } }, quietLogger)).rejects.toThrow(/Invalid configuration/);
  });

  it('names the app and its resources', () => {
    expect(config.appId).toBe('org.paperboy.reader');
    expect(config.productName).toBe('Paperboy');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'release' });
    expect(config.publish).toBeNull();
  });

  it('builds AppImage and deb, NSIS, and dmg, with icons that exist', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category.split(';')).toEqual(['Network', 'News']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.news');
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) expect(statSync(path.join(ROOT, icon)).size).toBeGreaterThan(0);
  });

  it('flips the Electron fuses of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('packs the bundles and the built renderer, not source maps or the CLI', () => {
    const patterns = config.files.flatMap((set) => (typeof set === 'string' ? [set] : set.from ? [] : [set.filter ?? []].flat()));
    for (const file of ['package.json', 'dist/main.js', 'dist/preload.cjs', 'dist/parse-worker.js', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js']) {
      expect(packed(file, patterns), file).toBe(true);
    }
    for (const file of ['dist/main.js.map', 'dist/cli.cjs', 'electron/app/main.ts', 'test/app/packaging.test.ts', '.git/config']) {
      expect(packed(file, patterns), file).toBe(false);
    }
  });

  it('unpacks libsql native binaries from the asar and rebuilds nothing', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    const binaries = nativeBinaries(path.join(ROOT, 'node_modules/@libsql'), 'node_modules/@libsql');
    expect(binaries.length).toBeGreaterThan(0);
    for (const binary of [...binaries, 'node_modules/@libsql/win32-x64-msvc/index.node', 'node_modules/@libsql/darwin-arm64/index.node']) {
      expect(config.asarUnpack.some((pattern) => minimatch(binary, pattern, { dot: true })), binary).toBe(true);
    }
  });
});
