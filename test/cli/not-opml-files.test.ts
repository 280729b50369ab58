// `paperboy import` of a file that is not a list of subscriptions, as people pick one by mistake:
// the page a reader's export link saved when its session had expired, and a feed saved from the
// browser. What is asserted is what the terminal says, and that the data folder gets no feed.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

describe('paperboy import of a file that is not OPML', () => {
  it.each([
    ['sign-in-page.opml', 'it is a web page (<html>), perhaps a sign-in or error page saved in place of the export.'],
    ['saved-feed.opml', "it is a feed (<rss>), not a list of subscriptions; subscribe to the feed's address instead."],
  ])('says what %s is instead', async (name, said) => {
    const data = path.join(tempDir(), 'data');
    const run = await paperboy('import', path.join('test', 'fixtures', 'opml', name), '--data', data);
    expect(run.stderr).toContain(`Not an OPML file: ${said}`);
    expect(run.code).not.toBe(0);
    const feeds = JSON.parse((await paperboy('call', 'listFeeds', '--data', data)).stdout) as { builtin: boolean }[];
    expect(feeds.filter((feed) => !feed.builtin)).toEqual([]);
  });
});
