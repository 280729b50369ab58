// The writer a page names is the article's author when its feed names none: many blogs' RSS has no
// <author> or <dc:creator>, and the reader's header showed no name where the page showed one. A
// feed's own author stays, and a byline the page glued to its date gives no name rather than a
// wrong one. Through a real sync from a loopback server, read back through the API the reader uses.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import { rssFeed } from '../support/hostile-sync';
import type { TestServer } from '../support/server';

let site: TestServer;
let core: Core;

serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
});

const STORY = [
  'The towpath between the third and fourth locks closed on Monday so that the bank, undercut by the winter floods, can be piled and filled before the boating season starts.',
  'Walkers are sent along the lane above the cutting, which adds about ten minutes; cyclists are asked to dismount where it meets the road by the old wharf.',
  'The trust expects the work to take six weeks, weather allowing, and says the moorings below the fourth lock stay open throughout.',
];

/** A blog post's page with its byline as the theme writes it. */
const page = (title: string, byline: string) => `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} – Canal Notes</title></head>
<body><header class="site-header"><a href="/">Canal Notes</a></header><main><article class="post"><h1 class="entry-title">${title}</h1>
<div class="entry-meta">${byline}</div><div class="entry-content">${STORY.map((text) => `<p>${text}</p>`).join('')}</div></article></main>
<footer class="site-footer">© Canal Notes</footer></body></html>`;

const item = (path: string, title: string, creator = '') =>
  `<item><title>${title}</title><link>${site.url(path)}</link><guid>${site.url(path)}</guid>${creator}<description>The towpath closes for six weeks.</description></item>`;

describe("the page's byline as the article's author", () => {
  it("is shown when the feed names no author, the feed's own stays, and a byline glued to its date gives none", async () => {
    site.serve('/a', { type: 'text/html; charset=utf-8', body: page('Towpath closed at the fourth lock', '<span class="byline">By <a rel="author" href="/author/ffion">Ffion Rees</a></span>') });
    site.serve('/b', { type: 'text/html; charset=utf-8', body: page('Moorings stay open below the lock', '<span class="byline">By <a rel="author" href="/author/ffion">Ffion Rees</a></span>') });
    site.serve('/c', { type: 'text/html; charset=utf-8', body: page('Six weeks of piling on the bank', '<span class="byline"><a rel="author" href="/author/lee">Lee Marsh</a>Jan 22, 2024• 4 min read</span>') });
    site.serve('/rss.xml', {
      type: 'application/rss+xml; charset=utf-8',
      body: rssFeed('Canal Notes', [
        item('/a', 'Towpath closed at the fourth lock'),
        item('/b', 'Moorings stay open below the lock', '<author>desk@canal.example (Canal desk)</author>'),
        item('/c', 'Six weeks of piling on the bank'),
      ]),
    });
    await core.api.addFeed(site.url('/rss.xml'));
    await core.api.sync();

    const authors = async () => {
      const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
      const byTitle = new Map<string, string | null>();
      for (const summary of articles) byTitle.set(summary.title, (await core.api.getArticle(summary.id))!.author);
      return byTitle;
    };
    const first = await authors();
    expect(first.get('Towpath closed at the fourth lock')).toBe('Ffion Rees');
    expect(first.get('Moorings stay open below the lock')).not.toBe('Ffion Rees');
    expect(first.get('Moorings stay open below the lock')).toBeTruthy();
    expect(first.get('Six weeks of piling on the bank')).toBeNull();

    // The name the page gave is no edit of the feed's item: the next sync changes nothing.
    const again = await core.api.sync();
    expect(again.updatedArticles).toBe(0);
    expect(await authors()).toEqual(first);

    // A new post makes the feed read again, its stored items with it: the page's name stays where
    // the feed still names none.
    site.serve('/d', { type: 'text/html; charset=utf-8', body: page('Lock keepers back on duty', '<span class="byline">By <a rel="author" href="/author/ffion">Ffion Rees</a></span>') });
    site.serve('/rss.xml', {
      type: 'application/rss+xml; charset=utf-8',
      body: rssFeed('Canal Notes', [
        item('/d', 'Lock keepers back on duty'),
        item('/a', 'Towpath closed at the fourth lock'),
        item('/b', 'Moorings stay open below the lock', '<author>desk@canal.example (Canal desk)</author>'),
        item('/c', 'Six weeks of piling on the bank'),
      ]),
    });
    const third = await core.api.sync();
    expect(third.newArticles).toBe(1);
    expect(third.updatedArticles).toBe(0);
    const after = await authors();
    expect(after.get('Towpath closed at the fourth lock')).toBe('Ffion Rees');
    expect(after.get('Moorings stay open below the lock')).toBe(first.get('Moorings stay open below the lock'));
  });

  it("is read from the article's own header, which Readability drops with the byline in it", async () => {
    // A story long enough for Readability's first pass, which drops what is named "header" (a
    // short one is read again without that rule, and its byline found).
    const MORE = [
      'Two dredgers will work the basin from the wharf end, lifting the silt into barges that take it to the settling lagoons below the aqueduct.',
      'Boaters moored in the basin are asked to move to the visitor moorings by the pumping station, where the trust has added water and electric points.',
    ];
    // A WordPress theme's entry header (Twenty Seventeen's order: the date and byline above the
    // title; Astra's: the byline under it, its name marked itemprop="name").
    const header = (title: string, meta: string) => `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} – Canal Notes</title></head>
<body><header class="site-header"><a href="/">Canal Notes</a></header><main id="main" class="site-main"><article class="post type-post status-publish">
<header class="entry-header">${meta}</header><div class="entry-content">${[...STORY, ...MORE].map((text) => `<p>${text}</p>`).join('')}</div></article></main>
<footer class="site-footer">© Canal Notes</footer></body></html>`;
    site.serve('/e', {
      type: 'text/html; charset=utf-8',
      body: header('Dredging starts at the basin', '<div class="entry-meta"><span class="posted-on"><span class="screen-reader-text">Posted on</span> <a href="/e" rel="bookmark"><time class="entry-date published" datetime="2024-03-11T09:00:00+00:00">March 11, 2024</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/owain/">Owain Pryce</a></span></span></div><h1 class="entry-title">Dredging starts at the basin</h1>'),
    });
    site.serve('/f', {
      type: 'text/html; charset=utf-8',
      body: header('The basin reopens in May', '<h1 class="entry-title" itemprop="headline">The basin reopens in May</h1><div class="entry-meta"><span class="posted-by vcard author" itemprop="author" itemscope itemtype="https://schema.org/Person">By <a href="/author/mair/" rel="author" class="url fn n" itemprop="url"><span class="author-name" itemprop="name">Mair Lloyd</span></a></span> / <span class="posted-on"><span class="published" itemprop="datePublished">March 12, 2024</span></span></div>'),
    });
    site.serve('/rss.xml', { type: 'application/rss+xml; charset=utf-8', body: rssFeed('Canal Notes', [item('/e', 'Dredging starts at the basin'), item('/f', 'The basin reopens in May')]) });
    await core.api.addFeed(site.url('/rss.xml'));
    await core.api.sync();

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const byTitle = new Map<string, string | null>();
    for (const summary of articles) byTitle.set(summary.title, (await core.api.getArticle(summary.id))!.author);
    expect(byTitle.get('Dredging starts at the basin')).toBe('Owain Pryce');
    expect(byTitle.get('The basin reopens in May')).toBe('Mair Lloyd');
  });
});
