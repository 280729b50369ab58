// The sync summary's downloaded bytes are what the servers really sent: feed, pages, images and
// comment feeds. A WordPress feed names a comment feed per post (wfw:commentRss), read while the
// other posts' images are still arriving; its bytes used to be added over a total read before the
// wait, dropping the image bytes counted meanwhile (a summary 3 to 8 times too low).
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const POSTS = 8;
const IMAGES_PER_POST = 4;

let server: TestServer;
let core: Core;

/** A photo as a news site serves it: a JPEG signature, then incompressible bytes. */
const photo = (bytes: number): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 4)]);

const postPath = (post: number) => `/2024/03/0${(post % 9) + 1}/harbour-report-${post}/`;

function feed(): string {
  const items = Array.from({ length: POSTS }, (_, post) => `
    <item>
      <title>Harbour report, part ${post + 1}</title>
      <link>${server.url(postPath(post))}</link>
      <comments>${server.url(postPath(post))}#respond</comments>
      <pubDate>${new Date(Date.UTC(2024, 2, 1 + post, 9)).toUTCString()}</pubDate>
      <guid isPermaLink="false">${server.url(`/?p=${100 + post}`)}</guid>
      <description><![CDATA[The harbour reopened after the storm [&#8230;]]]></description>
      <wfw:commentRss>${server.url(`${postPath(post)}feed/`)}</wfw:commentRss>
      <slash:comments>2</slash:comments>
    </item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
  <channel><title>Coast Gazette</title><link>${server.url('/')}</link><description>News from the coast</description>${items.join('')}
  </channel></rss>`;
}

function page(post: number): string {
  const paragraphs = Array.from({ length: 6 }, (_, n) => `<p>Paragraph ${n + 1} of part ${post + 1}: the harbour master said the quay would reopen to fishing boats on Monday, after divers had checked the moorings and the crane that the storm had pushed over.</p>`);
  const figures = Array.from({ length: IMAGES_PER_POST }, (_, n) => `<figure><img src="${server.url(`/wp-content/uploads/2024/03/harbour-${post}-${n}.jpg`)}" width="1200" height="800" alt="The quay"><figcaption>Photo ${n + 1}</figcaption></figure>`);
  return `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Harbour report, part ${post + 1} – Coast Gazette</title></head>
  <body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Harbour report, part ${post + 1}</h1>
  <div class="entry-content">${paragraphs.slice(0, 3).join('')}${figures.join('')}${paragraphs.slice(3).join('')}</div></article></main></body></html>`;
}

function commentFeed(post: number): string {
  const comments = ['Good to see the boats back.', 'The crane was old anyway.'].map((text, n) => `
    <item><title>By: Reader ${n + 1}</title><link>${server.url(postPath(post))}#comment-${post * 10 + n}</link>
    <pubDate>${new Date(Date.UTC(2024, 2, 2 + post, 10 + n)).toUTCString()}</pubDate>
    <guid isPermaLink="false">${server.url(`/?p=${100 + post}#comment-${post * 10 + n}`)}</guid>
    <description><![CDATA[${text}]]></description></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Comments on: Harbour report, part ${post + 1}</title><link>${server.url(postPath(post))}</link>${comments.join('')}</channel></rss>`;
}

beforeEach(async () => {
  server = await TestServer.start();
  server.serve('/feed/', { body: feed(), type: 'application/rss+xml; charset=UTF-8' });
  for (let post = 0; post < POSTS; post++) {
    server.serve(postPath(post), { body: page(post), type: 'text/html; charset=UTF-8' });
    // A comment feed answers a little later than a static file: the other posts' images arrive meanwhile.
    const comments = commentFeed(post);
    server.route(`${postPath(post)}feed/`, (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' });
        res.end(comments);
      }, 30);
    });
    for (let n = 0; n < IMAGES_PER_POST; n++) {
      server.serve(`/wp-content/uploads/2024/03/harbour-${post}-${n}.jpg`, { body: photo(120 * 1024 + post * 1000 + n), type: 'image/jpeg' });
    }
  }
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
});

afterEach(async () => {
  await core.close();
  await server.stop();
  removeTempDirs();
});

it("reports the bytes the server sent: feed, pages, images and comment feeds", async () => {
  await core.api.addFeed(server.url('/feed/'));
  const before = server.requests.reduce((sum, request) => sum + request.bytes, 0);
  const summary = await core.api.sync();
  expect(summary).toMatchObject({ articlesFetched: POSTS, imagesFetched: POSTS * IMAGES_PER_POST, warnings: [] });
  expect(server.requestsFor(`${postPath(0)}feed/`)).toHaveLength(1);

  const sent = server.requests.reduce((sum, request) => sum + request.bytes, 0) - before;

  expect(summary.bytesFetched).toBe(sent);
});
