import { describe, expect, it } from 'vitest';
import { buildOpml, parseOpml } from '../../electron/core/feeds/opml';
import type { Feed, Folder } from '../../shared/types';
import { fixtureText } from '../support/fixtures';

function feed(id: number, url: string, title: string, folderId: number | null, siteUrl: string | null = null): Feed {
  return {
    id,
    url,
    title,
    siteUrl,
    iconUrl: null,
    folderId,
    fullText: true,
    images: true,
    lastStatus: 'ok',
    lastError: null,
    retryAfterAt: null,
    lastSuccessAt: null,
    lastFetchAt: null,
    unreadCount: 0,
    articleCount: 0,
    builtin: false,
  };
}

describe('parseOpml', () => {
  const { entries, problems } = parseOpml(fixtureText('feeds/subscriptions.opml'));

  it('reads feeds with their nested folders, outermost first', () => {
    expect(entries).toEqual([
      { url: 'https://dispatch.example.com/feed/', title: 'The Evening Dispatch', siteUrl: 'https://dispatch.example.com/', folderPath: ['News'] },
      { url: 'http://gazette.example.org/rss.xml', title: 'Harbour Town Gazette', siteUrl: 'http://gazette.example.org/', folderPath: ['News', 'Local'] },
      { url: 'https://lab.example.net/index.rdf', title: 'Lab Notes', siteUrl: null, folderPath: ['Tech & Science'] },
      // A javascript: site address is dropped, the feed is kept.
      { url: 'https://kitchen.example.com/feed.json', title: 'Tiny Kitchen', siteUrl: null, folderPath: [] },
      { url: 'https://qa.example.com/feed?format=rss&lang=en', title: 'Q&A <weekly>', siteUrl: null, folderPath: [] },
    ]);
  });

  it('reports duplicates, missing xmlUrl and unusable addresses, and skips them', () => {
    expect(problems).toEqual([
      {
        url: 'https://lab.example.net/index.rdf',
        title: 'Lab Notes again',
        reason: 'listed twice in folder "Tech & Science": subscribed once',
        repeats: 'https://lab.example.net/index.rdf',
      },
      { url: null, title: 'Broken entry', reason: 'no feed address (xmlUrl)' },
      { url: 'gopher://hole.example.com/1/feed', title: 'Gopher hole', reason: 'not an http(s) address (gopher:)' },
      { url: 'http://exa mple.com/feed', title: 'Not an address', reason: 'not a valid address' },
    ]);
  });

  it('reads the raw ampersands that exports in the wild contain', () => {
    const text = '<opml version="2.0"><body><outline text="Tom & Jerry" xmlUrl="https://t.example/rss?a=1&b=2"/></body></opml>';
    expect(parseOpml(text).entries).toEqual([{ url: 'https://t.example/rss?a=1&b=2', title: 'Tom & Jerry', siteUrl: null, folderPath: [] }]);
  });

  it('does not expand entities declared in a DOCTYPE', () => {
    const text =
      '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>' +
      '<opml version="2.0"><body><outline text="&secret;" xmlUrl="https://t.example/rss"/></body></opml>';
    expect(parseOpml(text).entries.map((e) => e.title)).toEqual(['&secret;']);
  });

  it.each([
    ['', 'Not an OPML file: it is empty.'],
    ['\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'Not an OPML file: it is not readable XML.'],
    ['this is not xml', 'Not an OPML file: it is not readable XML.'],
    ['<!DOCTYPE html><html><body><p>Hi</p></body></html>', 'Not an OPML file: it is a web page (<html>), perhaps a sign-in or error page saved in place of the export.'],
    ['<rss version="2.0"><channel/></rss>', "Not an OPML file: it is a feed (<rss>), not a list of subscriptions; subscribe to the feed's address instead."],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel/></rdf:RDF>', 'Not an OPML file: it is a feed (<rdf:rdf>)'],
    ['<svg xmlns="http://www.w3.org/2000/svg"/>', "Not an OPML file: the document's root element is <svg>, not <opml>."],
    ['<opml version="2.0"><head/></opml>', 'Not an OPML file: it has no <body>.'],
  ])('rejects %j', (text, message) => {
    expect(() => parseOpml(text)).toThrow(message);
  });
});

describe('buildOpml', () => {
  const folders: Folder[] = [
    { id: 1, name: 'News', parentId: null },
    { id: 2, name: 'Local "quoted" & <odd>', parentId: 1 },
    { id: 3, name: 'Empty', parentId: null },
  ];
  const feeds: Feed[] = [
    feed(10, 'https://dispatch.example.com/feed/', 'The Evening Dispatch', 1, 'https://dispatch.example.com/'),
    feed(11, 'http://gazette.example.org/rss.xml?a=1&b=2', 'Gazette\n"Harbour" & <Town>', 2),
    feed(12, 'https://kitchen.example.com/feed.json', 'Tiny Kitchen', null),
    feed(13, 'https://orphan.example.com/rss', 'Orphan', 99),
  ];

  it('writes OPML 2.0 with nested folders and escaped attributes', () => {
    const opml = buildOpml(folders, feeds, 'Mine & yours');
    expect(opml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(opml).toContain('<title>Mine &amp; yours</title>');
    expect(opml).toMatch(/<dateCreated>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/dateCreated>/);
    expect(opml).toContain('<outline text="Local &quot;quoted&quot; &amp; &lt;odd&gt;" title="Local &quot;quoted&quot; &amp; &lt;odd&gt;">');
    expect(opml).toContain(
      '<outline type="rss" text="Gazette&#10;&quot;Harbour&quot; &amp; &lt;Town&gt;" title="Gazette&#10;&quot;Harbour&quot; &amp; &lt;Town&gt;" xmlUrl="http://gazette.example.org/rss.xml?a=1&amp;b=2"/>',
    );
    expect(opml).toContain('htmlUrl="https://dispatch.example.com/"');
    expect(opml).toContain('<outline text="Empty" title="Empty"/>');
  });

  it('round-trips through parseOpml', () => {
    const { entries, problems } = parseOpml(buildOpml(folders, feeds));
    expect(problems).toEqual([]);
    // Within a folder, sub-folders are written before feeds.
    expect(entries).toEqual([
      {
        url: 'http://gazette.example.org/rss.xml?a=1&b=2',
        // Title text is read back with its whitespace collapsed.
        title: 'Gazette "Harbour" & <Town>',
        siteUrl: null,
        folderPath: ['News', 'Local "quoted" & <odd>'],
      },
      { url: 'https://dispatch.example.com/feed/', title: 'The Evening Dispatch', siteUrl: 'https://dispatch.example.com/', folderPath: ['News'] },
      { url: 'https://kitchen.example.com/feed.json', title: 'Tiny Kitchen', siteUrl: null, folderPath: [] },
      // A feed in a folder that does not exist is written at the top level.
      { url: 'https://orphan.example.com/rss', title: 'Orphan', siteUrl: null, folderPath: [] },
    ]);
  });

  it('does not lose folders caught in a parent cycle', () => {
    const cyclic: Folder[] = [
      { id: 1, name: 'A', parentId: 2 },
      { id: 2, name: 'B', parentId: 1 },
    ];
    const { entries } = parseOpml(buildOpml(cyclic, [feed(1, 'https://a.example/rss', 'In A', 1)]));
    expect(entries).toEqual([{ url: 'https://a.example/rss', title: 'In A', siteUrl: null, folderPath: ['A'] }]);
  });

  it('drops characters XML cannot carry', () => {
    const opml = buildOpml([], [feed(1, 'https://a.example/rss', 'Bell\u0007 and \ud800 lone', null)]);
    expect(parseOpml(opml).entries[0]?.title).toBe('Bell and lone');
  });
});

describe('deeply nested outlines', () => {
  it.each([100, 5000])('imports a feed under %i nested folders, keeping the first 20', (depth) => {
    const opml = `<opml version="2.0"><body>${'<outline text="Level">'.repeat(depth)}<outline text="Deep" xmlUrl="https://deep.example.org/feed"/>${'</outline>'.repeat(depth)}<outline text="After" xmlUrl="https://after.example.org/feed"/></body></opml>`;
    const { entries } = parseOpml(opml);
    expect(entries.map((e) => [e.title, e.folderPath.length])).toEqual([['Deep', 20], ['After', 0]]);
  });
});
