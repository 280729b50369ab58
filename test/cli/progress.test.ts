// On a terminal, `paperboy sync` redraws one progress line; piped, it prints only the summary.
// `script` (util-linux, Essential in Debian) gives the CLI a real pseudo-terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsSite } from '../support/news-site';
import { paperboy, runProgram } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

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
    await paperboy('add', site.feedUrl(0), '--data', data);
    await paperboy('add', site.feedUrl(1), '--data', data);
    const cli = `node --import tsx electron/cli/main.ts sync --data ${data} --feed ${site.feedUrl(0)} --feed ${site.feedUrl(1)}`;
    const { stdout: out } = await runProgram('script', ['-qec', cli, '/dev/null']);
    expect(out).toMatch(/\r\x1b\[2K\[#*-*\] \d\/2 feeds · \d+\/\d+ articles/);
    expect(out).toMatch(/\[#{24}\] 2\/2 feeds · 6\/6 articles · 12 images/);
    expect(out).toMatch(/Synced 2 of 2 feeds/);
  });

  it('prints no control characters when its output is not a terminal', async () => {
    const data = tempDir();
    await paperboy('add', site.feedUrl(0), '--data', data);
    const run = await runProgram(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'sync', '--data', data, '--feed', site.feedUrl(0)]);
    const out = run.stdout + run.stderr;
    expect(out).toMatch(/Synced 1 of 1 feeds/);
    expect(out).not.toMatch(/\x1b|\r/);
  });
});
