// Article links that are no web page, as Hacker News, Reddit and podcast feeds link them: a PDF, a
// picture, an RFC in plain text, an episode, another feed; labelled by their servers, unlabelled,
// or labelled application/octet-stream. A PDF used to end as "page extraction failed; showing the
// feed's content" after megabytes of download. Real loopback server, real sync, real storage.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import type { Article, SyncSummary } from '../../shared/types';
import { makePng } from '../support/images';
import { makePdf, RFC_LIKE_MEMO, streamEpisode, type StreamedEpisode } from '../support/linked-files';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const MB = 1024 * 1024;
const PDF = makePdf('Tidal survey of the outer harbour, 2025');
const PNG = makePng(24, 16, [30, 90, 160]);
const JPEG = readFileSync(new URL('../fixtures/images/photo-300x169.jpg', import.meta.url));
const PROSE = 'Minutes of the harbour board, 3 March.\n\nPresent: the harbour master,\nthe treasurer and four members.\n\nThe board agreed to repaint the lighthouse before the summer.\n';
const OTHER_FEED = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Ferry notices</title><link>https://ferries.example/</link><description>Timetable changes</description></channel></rss>';

/** Each link: its path, the item's title and the feed's text for it. */
const LINKS = {
  pdf: '/papers/tidal-survey.pdf',
  pdfUnlabelled: '/download?file=7',
  png: '/i/harbour-at-dawn.png',
  jpegUnlabelled: '/media/quay',
  jpegViewer: '/pictures/ferry-at-the-quay.jpeg',
  rfc: '/rfc/rfc9999.txt',
  rfcCompressed: '/rfc/rfc9998.txt',
  prose: '/minutes/2026-03-03.txt',
  episode: '/episodes/42.mp3',
  episodeUnlabelled: '/stream?episode=43',
  feed: '/ferries/notices.xml',
} as const;
type Link = keyof typeof LINKS;

let site: TestServer;
let core: PaperboyCore;
let feedId: number;
let summary: SyncSummary;
const episodes: StreamedEpisode[] = [];

beforeAll(async () => {
  site = await TestServer.start();
  site.serve(LINKS.pdf, { body: PDF, type: 'application/pdf' });
  site.serve(LINKS.pdfUnlabelled, { body: PDF, type: 'application/octet-stream', headers: { 'content-disposition': 'attachment; filename="survey.pdf"' } });
  site.serve(LINKS.png, { body: PNG, type: 'image/png' });
  // As i.redd.it and i.imgur.com answer: a request that puts text/html first (a browser opening the
  // link) gets an HTML viewer of the picture; one that asks as an <img> does gets the picture.
  site.route(LINKS.jpegViewer, (req, res) => {
    if (/^text\/html/.test(req.headers.accept ?? '')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html><head><title>r/harbour - Ferry at the quay</title></head><body><nav>Log in Sign up Get the app</nav><main><img src="${LINKS.jpegViewer}"><p>Open in app</p></main></body></html>`);
      return;
    }
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(JPEG.length) }).end(JPEG);
  });
  site.route(LINKS.jpegUnlabelled, (_req, res) => void res.writeHead(200, { 'content-length': String(JPEG.length) }).end(JPEG));
  site.serve(LINKS.rfc, { body: RFC_LIKE_MEMO, type: 'text/plain; charset=utf-8' });
  site.serve(LINKS.rfcCompressed, { body: RFC_LIKE_MEMO, type: 'text/plain; charset=utf-8', encoding: 'gzip' });
  site.serve(LINKS.prose, { body: PROSE, type: 'text/plain' });
  site.serve(LINKS.feed, { body: OTHER_FEED, type: 'text/xml' });
  // A podcast host's episode with its length; and a stream of frames with neither type nor length.
  site.route(LINKS.episode, (_req, res) => void episodes.push(streamEpisode(res, 6 * MB, { 'content-type': 'audio/mpeg', 'content-length': String(6 * MB) }, true)));
  site.route(LINKS.episodeUnlabelled, (_req, res) => void episodes.push(streamEpisode(res, 16 * MB, { 'content-type': 'application/octet-stream' }, false)));
  const items = Object.entries(LINKS).map(([name, path]) =>
    `<item><title>Link to ${name}</title><link>${site.url(path).replace(/&/g, '&amp;')}</link><guid>${name}</guid><description>What the feed says of the ${name} link.</description></item>`);
  site.serve('/feed.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour links</title><link>${site.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml' });
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  feedId = (await core.api.addFeed(site.url('/feed.xml'))).feed.id;
  summary = await core.api.sync();
});
afterAll(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

async function article(link: Link): Promise<Article> {
  const listed = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 50 })).articles.find((a) => a.title === `Link to ${link}`)!;
  return (await core.api.getArticle(listed.id))!;
}

const feedText = (link: Link) => `What the feed says of the ${link} link.`;

it("keeps the feed's text of a PDF and says what the link is, labelled or not", async () => {
  for (const link of ['pdf', 'pdfUnlabelled'] as const) {
    const pdf = await article(link);
    expect(pdf.fullTextState).toBe('done');
    expect(pdf.fullTextError).toBe(`the link is a PDF document (${PDF.length} bytes), not a web page: the feed's text is shown`);
    expect(pdf.html).toContain(feedText(link));
    // The reader is told what the link is, not only in the note's words: a file has no comment section.
    expect(pdf.linkedFile).toBe('pdf');
  }
});

it('shows a linked picture from the cache above the feed text, labelled or not', async () => {
  for (const link of ['png', 'jpegUnlabelled', 'jpegViewer'] as const) {
    const picture = await article(link);
    expect(picture.fullTextState).toBe('done');
    expect(picture.fullTextError).toBeNull();
    expect(picture.linkedFile).toBe('image');
    expect(picture.html).toMatch(new RegExp(`^<p><img src="paperboy-cache://[0-9a-f]{64}" alt="Link to ${link}"[^>]*></p>.*${feedText(link)}`, 's'));
  }
  expect(summary.imagesFetched).toBe(3);
  expect((await article('jpegViewer')).html).not.toContain('Open in app');
});

it('shows a plain-text RFC in its own columns, and plain prose as paragraphs with its line breaks', async () => {
  for (const link of ['rfc', 'rfcCompressed'] as const) {
    const rfc = await article(link);
    expect(rfc).toMatchObject({ fullTextState: 'done', fullTextError: null, linkedFile: 'text' });
    expect(rfc.html).toMatch(/^<pre>Independent Submission {40}H\. Marlow\n/);
    expect(rfc.html).toContain('   | 06:12  | 4.1 m | rising |');
  }
  const prose = await article('prose');
  expect(prose.linkedFile).toBe('text');
  expect(prose.html).toBe('<p>Minutes of the harbour board, 3 March.</p>\n<p>Present: the harbour master,<br />the treasurer and four members.</p>\n<p>The board agreed to repaint the lighthouse before the summer.</p>');
});

it('says an episode is an audio file, with its size when the server gave one, after reading only its first bytes', async () => {
  expect((await article('episode')).fullTextError).toBe("the link is an audio file (6 MB), not a web page: the feed's text is shown");
  expect((await article('episodeUnlabelled')).fullTextError).toBe("the link is an audio file, not a web page: the feed's text is shown");
  expect((await article('episode')).linkedFile).toBe('audio');
  await Promise.all(episodes.map((episode) => episode.closed));
  // The server was cut off: neither episode went out whole, and the sync read a few KB of each.
  expect(episodes.map((episode) => episode.finished)).toEqual([false, false]);
  expect(summary.bytesFetched).toBeLessThan(MB);
});

it('says a link to another feed is one', async () => {
  expect((await article('feed')).fullTextError).toBe("the link is another feed, not a web page: the feed's text is shown");
  expect((await article('feed')).linkedFile).toBe('feed');
});

it('is done with them: the next sync asks for none of them again', async () => {
  const asked = site.requests.length;
  await core.api.sync();
  expect(site.requests.slice(asked).map((request) => request.path)).toEqual(['/feed.xml']);
});
