// A vBulletin board writes its newest posts' dates as "Today, 07:58 PM" and "Yesterday, 09:05 AM"
// (its language packs: "Heute", "Gestern"...), counted from the day on the board's clock when it
// served the page. A real sync reads them from the page's Date header and the board's footer
// ("The time now is 08:20 PM"): a US board read just after midnight UTC still says "Today" of
// the 7th, and the reader shows each reply on its day, not undated or a day late.
import { afterEach, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { fixtureBytes } from '../support/fixtures';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const TOPIC = '/forums/showthread.php?t=20417';
/** When the board served the page: 08:20 PM on the 7th at GMT -5, as its footer says. */
const SERVED = 'Tue, 08 Dec 2026 01:20:37 GMT';

let server: TestServer;
let core: Core;

afterEach(async () => {
  await core?.close();
  await server?.stop();
  removeTempDirs();
});

it("dates a board's 'Today' and 'Yesterday' posts by the day the board served the page", async () => {
  server = await TestServer.start();
  // The board's topic feed (external.php).
  server.serve('/forums/external.php?type=RSS2&forumids=7', {
    type: 'application/rss+xml; charset=ISO-8859-1',
    body: `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Sawdust Shop Woodworking Forums - Finishing</title><link>${server.url('/forums/')}</link><description>Finishing</description>
<item><title>Finish for a white oak dining table</title><link>${server.url(TOPIC)}</link>
<pubDate>Fri, 04 Dec 2026 15:42:00 GMT</pubDate><description>Picked up the General Finishes Arm-R-Seal in satin for the white oak table I am finishing this winter.</description>
<dc:creator>oak_and_ash</dc:creator><guid isPermaLink="true">${server.url(TOPIC)}</guid></item>
</channel></rss>`,
  });
  // The corpus page, served from its board's address here (its <base> names the board's).
  const page = fixtureBytes('corpus/comments/vbulletin4-today.html').toString('latin1').replaceAll('https://www.sawdust-shop.example', server.origin);
  server.serve(TOPIC, { type: 'text/html; charset=ISO-8859-1', body: Buffer.from(page, 'latin1'), headers: { date: SERVED } });
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => Date.parse(SERVED) + 60_000 });
  await core.api.addFeed(server.url('/forums/external.php?type=RSS2&forumids=7'));
  await core.api.sync();
  const [article] = (await core.api.listArticles({ filter: { kind: 'all' } })).articles;
  const comments = await core.api.listComments(article!.id);
  // The board's clock, read as UTC as its other dates are.
  expect(comments.map((comment) => [comment.author, new Date(comment.publishedAt).toISOString()])).toEqual([
    ['RiverRatWoodworks', '2026-12-05T19:18:00.000Z'],
    ['Bench Dog Betty', '2026-12-06T09:05:00.000Z'],
    ['oak_and_ash', '2026-12-06T23:52:00.000Z'],
    ['chisel_and_mallet', '2026-12-07T06:31:00.000Z'],
    ['Bench Dog Betty', '2026-12-07T19:58:00.000Z'],
  ]);
});
