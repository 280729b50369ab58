// An article's link to another page of the library ("as we reported on Monday", a series' earlier
// part) is found among the stored articles, so the reader opens it offline instead of the site:
// by the same address, by the address its link redirected to when the sync fetched its page (a
// WordPress short link, ?p=7, answering 301 with the post's address), and with tracking
// parameters and the scheme aside (a newsletter's utm_* and fbclid; http against https).
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let site: TestServer;
let core: Core;
serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
}, '127.0.43.3');

const page = (title: string) =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>${title} – Coast Gazette</title></head><body><main><article><h1>${title}</h1>` +
  `<div class="entry-content">${Array.from({ length: 6 }, (_, n) => `<p>${title}, paragraph ${n + 1}: the harbour board met on Thursday to hear the divers' report on the north quay.</p>`).join('')}</div></article></main></body></html>`;

function feed(): string {
  const item = (n: number, title: string, link: string) =>
    `<item><title>${title}</title><link>${site.url(link)}</link><guid isPermaLink="false">coast-gazette-${n}</guid>` +
    `<pubDate>${new Date(Date.UTC(2026, 11, 7, 6 + n)).toUTCString()}</pubDate><description><![CDATA[<p>${title}.</p>]]></description></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Coast Gazette</title><link>${site.url('/')}</link><description>News from the coast</description>` +
    item(1, 'Ferry timetable for the winter', '/?p=7') +
    item(2, 'North quay reopens', '/2026/12/07/north-quay-reopens/?utm_source=rss&amp;utm_medium=rss&amp;utm_campaign=north-quay-reopens') +
    item(3, 'Storm damage on the coast road', '/2026/12/06/storm-damage/') +
    '</channel></rss>';
}

it('finds a stored article by its address, where its link redirected, and without tracking parameters', async () => {
  site.serve('/feed/', { body: feed(), type: 'application/rss+xml; charset=UTF-8' });
  site.redirect('/?p=7', '/2026/12/07/ferry-timetable/');
  site.serve('/2026/12/07/ferry-timetable/', { body: page('Ferry timetable for the winter'), type: 'text/html; charset=UTF-8' });
  site.serve('/2026/12/07/north-quay-reopens/', { body: page('North quay reopens'), type: 'text/html; charset=UTF-8' });
  site.serve('/2026/12/06/storm-damage/', { body: page('Storm damage on the coast road'), type: 'text/html; charset=UTF-8' });
  await core.api.addFeed(site.url('/feed/'));
  await core.api.sync();
  const ids = new Map(core.storage.db.all<{ id: string; title: string }>('SELECT id, title FROM articles').map((row) => [row.title, row.id]));
  const at = (url: string) => core.api.storedArticleAt(url);

  expect(await at(site.url('/2026/12/06/storm-damage/'))).toBe(ids.get('Storm damage on the coast road'));
  expect(await at(site.url('/2026/12/06/storm-damage/').replace('http:', 'https:'))).toBe(ids.get('Storm damage on the coast road'));
  expect(await at(site.url('/2026/12/07/ferry-timetable/'))).toBe(ids.get('Ferry timetable for the winter'));
  expect(await at(site.url('/2026/12/07/ferry-timetable/#winter-sailings'))).toBe(ids.get('Ferry timetable for the winter'));
  expect(await at(site.url('/?p=7'))).toBe(ids.get('Ferry timetable for the winter'));
  expect(await at(site.url('/2026/12/07/north-quay-reopens/'))).toBe(ids.get('North quay reopens'));
  expect(await at(site.url('/2026/12/07/north-quay-reopens/?utm_source=newsletter&fbclid=IwAR2xQ'))).toBe(ids.get('North quay reopens'));

  // Pages that are no stored article: the day's archive, another page of a post, another post.
  expect(await at(site.url('/2026/12/07/'))).toBeNull();
  expect(await at(site.url('/2026/12/06/storm-damage/2/'))).toBeNull();
  expect(await at(site.url('/?p=70'))).toBeNull();
  expect(await at('mailto:editor@coast-gazette.example')).toBeNull();
});
