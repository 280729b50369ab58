// On a terminal, `paperboy sync` redraws one progress line; piped, it prints only the summary.
// `script` (util-linux, Essential in Debian) gives the CLI a real pseudo-terminal.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', () => resolve(out));
  });
}

let site: NewsSite;
beforeAll(async () => {
  site = await NewsSite.start({ feeds: 2, itemsPerFeed: 3 });
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

describe('sync progress', () => {
  it('draws a progress bar on a terminal and ends with the summary line', async () => {
    const data = tempDir();
    const cli = `node --import tsx electron/cli.ts sync --data ${data} --feed ${site.feedUrl(0)} --feed ${site.feedUrl(1)}`;
    const out = await run('script', ['-qec', cli, '/dev/null']);
    expect(out).toMatch(/\r\x1b\[2K\[#*-*\] \d\/2 feeds · \d+\/\d+ articles/);
    expect(out).toMatch(/\[#{24}\] 2\/2 feeds · 6\/6 articles · 12 images/);
    expect(out).toMatch(/Synced 2 of 2 feeds/);
  });

  it('prints no control characters when its output is not a terminal', async () => {
    const data = tempDir();
    const out = await run(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'sync', '--data', data, '--feed', site.feedUrl(0)]);
    expect(out).toMatch(/Synced 1 of 1 feeds/);
    expect(out).not.toMatch(/\x1b|\r/);
  });
});
