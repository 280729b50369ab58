// The layers hold because lint refuses to cross them: each fixture below is a file a newcomer
// might write, linted as if it lived at its path; the bad ones must fail with the rule that
// names the layer, the good ones must pass. A rule that stopped firing would turn these red.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/processes';

const eslint = new ESLint({ cwd: ROOT });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint keeps each layer to what it may import', () => {
  it.each([
    ['the core importing the preview host', 'electron/core/sync/fixture.ts', "import { startPreviewServer } from '../../preview/server';\nexport const s = startPreviewServer;\n", /core may not import preview/],
    ['the core importing the CLI', 'electron/core/fixture.ts', "import { readInputFile } from '../cli/input-file';\nexport const r = readInputFile;\n", /core may not import cli/],
    ['the core importing the host kit', 'electron/core/fixture.ts', "import { answerCall } from '../host-kit/calls';\nexport const a = answerCall;\n", /core may not import host-kit/],
    ['shared/ importing the core', 'shared/fixture.ts', "import { openCore } from '../electron/core';\nexport const o = openCore;\n", /shared may not import core/],
    ['the renderer importing the core', 'renderer/src/fixture.ts', "import { openCore } from '../../electron/core';\nexport const o = openCore;\n", /renderer may not import core/],
    ['the host kit importing the Electron app', 'electron/host-kit/fixture.ts', "import { isAppUrl } from '../app/schemes';\nexport const i = isAppUrl;\n", /host-kit may not import app/],
    ['the CLI importing the preview host', 'electron/cli/fixture.ts', "import { HOST } from '../preview/server';\nexport const h = HOST;\n", /cli may not import preview/],
  ])('refuses %s', async (_what, filePath, code, expected) => {
    expect((await problems(filePath, code)).join('\n')).toMatch(expected);
  });

  it.each([
    ['a host reaching past the core face into storage', 'electron/cli/fixture.ts', "import { Storage } from '../core/storage';\nexport const s = Storage;\n", /Import electron\/core through its face/],
    ['a host reaching for the core class itself', 'electron/preview/fixture.ts', "import { Core } from '../core/core';\nexport const c = Core;\n", /Import electron\/core through its face/],
    ['one core module reaching into another one', 'electron/core/sync/fixture.ts', "import { Sqlite } from '../storage/sqlite';\nexport const s = Sqlite;\n", /Import electron\/core\/storage through its face \(electron\/core\/storage\/index\.ts\)/],
  ])('refuses %s', async (_what, filePath, code, expected) => {
    expect((await problems(filePath, code)).join('\n')).toMatch(expected);
  });

  it('refuses page globals in the core and Electron outside the app wiring', async () => {
    expect((await problems('electron/core/fixture.ts', 'export const title = document.title;\n')).join('\n')).toMatch(/no-restricted-globals/);
    expect((await problems('electron/app/fixture.ts', "import { app } from 'electron';\nexport const a = app;\n")).join('\n')).toMatch(/no-restricted-imports/);
    expect((await problems('renderer/src/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).join('\n')).toMatch(/no-restricted-imports/);
  });

  it('refuses a component calling the core itself, and lets a hook do it', async () => {
    const call = "import { useBridge } from '../hooks/bridge';\nexport const u = useBridge;\n";
    expect((await problems('renderer/src/components/Fixture.tsx', call)).join('\n')).toMatch(/Only hooks call the core/);
    expect(await problems('renderer/src/hooks/use-fixture.ts', call.replace('../hooks/bridge', './bridge'))).toEqual([]);
  });

  it('accepts imports that follow the layers', async () => {
    const good: [string, string][] = [
      ['electron/core/feeds/fixture.ts', "import type { Feed } from '../../../shared/types';\nimport { Storage } from '../storage';\nexport type F = Feed;\nexport const s = Storage;\n"],
      ['electron/cli/fixture.ts', "import { openCore } from '../core';\nexport const o = openCore;\n"],
      ['electron/preview/fixture.ts', "import { answerCall } from '../host-kit/calls';\nimport { openCore } from '../core';\nexport const both = [answerCall, openCore];\n"],
      ['electron/app/shell/fixture.ts', "import { app } from 'electron';\nimport { isAppUrl } from '../schemes';\nexport const both = [app, isAppUrl];\n"],
      ['renderer/src/fixture.ts', "import { createBridge } from '../../shared/wire';\nexport const c = createBridge;\n"],
    ];
    for (const [filePath, code] of good) expect(await problems(filePath, code), filePath).toEqual([]);
  });
});
