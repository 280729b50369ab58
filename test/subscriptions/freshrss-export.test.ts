// `paperboy import` of a FreshRSS export, as a person leaving a FreshRSS server meets it: feeds
// carrying FreshRSS's own attributes, and sources FreshRSS scrapes by rules of its own (a web page
// read by XPath, a JSON document by dot notation), which are not feeds anyone else can read.
// What is asserted is what the terminal prints and the subscription list, in a real data folder.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

describe('a FreshRSS export', () => {
  it('imports its feeds, JSON Feed included, and names the scraped pages skipped with their addresses', async () => {
    const data = path.join(tempDir(), 'data');
    const run = await paperboy('import', path.join('test', 'fixtures', 'opml', 'freshrss.opml'), '--data', data);
    expect(run.stdout).toBe(
      'Imported 2 feeds in 1 new folder; skipped 2.\n' +
        '  skipped https://boulangerie.example.fr/offres: a page FreshRSS reads by its own rules (type "HTML+XPath"), not a feed\n' +
        '  skipped https://trains.example.fr/api/retards.json: a page FreshRSS reads by its own rules (type "JSON+DotNotation"), not a feed\n',
    );
    expect(run.code).toBe(0);
    const feeds = JSON.parse((await paperboy('call', 'listFeeds', '--data', data)).stdout) as { url: string; builtin: boolean }[];
    expect(feeds.filter((feed) => !feed.builtin).map((feed) => feed.url).sort()).toEqual(['https://carnet.example.fr/feed.json', 'https://conseil.example.fr/rss']);
  });
});
