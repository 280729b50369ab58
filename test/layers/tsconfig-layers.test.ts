// The renderer compiles against the DOM and without Node's types (renderer/tsconfig.json), so
// Node's globals in page code fail `npm run typecheck`. The same fixture compiles under the root
// tsconfig, which has them: the failure comes from the renderer's configuration, nothing else.
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/processes';

const FIXTURE = path.join(ROOT, 'test/fixtures/layers/renderer-uses-buffer.ts');

function errorsUnder(config: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([FIXTURE], parsed.options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('a tsconfig per layer', () => {
  it('refuses Node globals in renderer code', () => {
    const errors = errorsUnder('renderer/tsconfig.json');
    expect(errors.join('\n')).toMatch(/Cannot find name 'Buffer'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'process'/);
  });

  it('accepts the same code where Node is the platform', () => {
    expect(errorsUnder('tsconfig.json')).toEqual([]);
  });
});
