// A site behind an old load balancer whose TLS never took up secure renegotiation (RFC 5746): its
// ServerHello carries no renegotiation_info. Browsers open it; OpenSSL 3's default refused it, and
// the feed failed with "… uses an old, unsafe kind of secure connection". Now its feed and its
// article pages are read as a browser reads them, with the certificate checked as on every
// connection. The server speaks the handshake itself (test/support/unpatched-tls-server.ts says
// why no OpenSSL or Node server can be made to), over real sockets on 127.0.0.1.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { createHttpClient } from '../../electron/core/http';
import { makeAuthority, type TestAuthority } from '../support/certificates';
import { removeTempDirs, tempDir } from '../support/temp';
import { UnpatchedTlsServer } from '../support/unpatched-tls-server';

const STORY = '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Library hours change – Borough Council</title></head><body>'
  + '<main><article><h1>Library hours change from January</h1>'
  + '<p>The central library will open at nine on weekdays from the second of January, an hour earlier than now, and close at seven.</p>'
  + '<p>Saturday hours stay as they are. The branch libraries keep their own hours, listed on the council\'s site and at each branch.</p>'
  + '<p>The change follows a survey in which most of the 1,400 people who answered asked for earlier opening before work.</p>'
  + '</article></main></body></html>';

let authority: TestAuthority;
let site: UnpatchedTlsServer;

const http200 = (type: string, body: string) => {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`), bytes]);
};

beforeAll(async () => {
  authority = makeAuthority('Borough Council');
  const certificate = authority.server({});
  site = await UnpatchedTlsServer.start(certificate.key, certificate.cert + authority.intermediate.cert, (line) => {
    if (line.startsWith('GET /news.xml ')) {
      return http200('application/rss+xml; charset=utf-8', `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Borough news</title><link>${site.origin}/</link>`
        + `<item><title>Library hours change from January</title><link>${site.url('/news/library-hours')}</link><guid>library-1</guid>`
        + '<description>Earlier opening on weekdays.</description></item></channel></rss>');
    }
    return http200('text/html; charset=utf-8', STORY);
  });
});
afterAll(async () => {
  await site.stop();
  authority.dispose();
  removeTempDirs();
});

it("reads the feed and the article page of a server without secure renegotiation, as a browser does", async () => {
  const core = openCore({ dataDir: tempDir(), workers: 1, welcome: false, network: { isPublic: () => true, extraRoots: [authority.root.cert] } });
  try {
    const { feed } = await core.api.addFeed(site.url('/news.xml'));
    expect((await core.api.sync()).feedsFailed).toBe(0);
    expect((await core.api.listFeeds()).find((listed) => listed.id === feed.id)?.lastError ?? null).toBeNull();
    const [listed] = (await core.api.listArticles({ filter: { kind: 'feed', feedId: feed.id }, limit: 5 })).articles;
    const stored = (await core.api.getArticle(listed!.id))!;
    expect(stored.fullTextState).toBe('done');
    expect(stored.html).toContain('an hour earlier than now');
  } finally {
    await core.close();
  }
  expect(site.requests).toEqual(expect.arrayContaining(['GET /news.xml HTTP/1.1', 'GET /news/library-hours HTTP/1.1']));
});

it('still refuses its certificate when nobody trusted vouches for it', async () => {
  const client = createHttpClient({ userAgent: 'test' });
  try {
    await expect(client.fetch({ url: site.url('/news.xml'), maxBytes: 1024 * 1024 })).rejects.toThrow('the certificate of 127.0.0.1 could not be verified');
  } finally {
    client.close();
  }
});
