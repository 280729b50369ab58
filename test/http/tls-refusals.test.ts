// Secure connections the client refuses, as the feed's status and the sync log say them: an
// expired certificate, one for another host, a self-signed one, a server that speaks TLS 1.0 only,
// an https address whose port answers in plain http. Each reads as a plain sentence naming the
// host (a feed's pages and pictures live on other hosts than the feed: "the site's certificate"
// left the person to guess which). Real TLS servers on 127.0.0.x with certificates openssl makes
// for each run (test/support/certificates.ts).
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { createHttpClient, type HttpClient } from '../../electron/core/http';
import { shortReason } from '../../renderer/src/lib/sync-failures';
import { paperboy } from '../support/processes';
import { makeAuthority, type Issued, type TestAuthority } from '../support/certificates';
import { removeTempDirs, tempDir } from '../support/temp';

const FEED = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Parish notices</title><link>https://127.0.0.1/</link>'
  + '<item><title>Bell ringing practice moves to Wednesdays</title><guid>bells-1</guid><description>From next week.</description></item></channel></rss>';

let authority: TestAuthority;
let client: HttpClient;
const servers: (http.Server | https.Server)[] = [];

beforeAll(() => {
  authority = makeAuthority('Parish Trust');
  client = createHttpClient({ userAgent: 'test', network: { extraRoots: [authority.root.cert] } });
});
afterAll(async () => {
  client.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  authority.dispose();
  removeTempDirs();
});

/** A site on `host` sending `certificate` with its chain, serving the feed; its origin. */
async function site(certificate: Issued, host = '127.0.0.1', tls: https.ServerOptions = {}): Promise<string> {
  const server = https.createServer({ key: certificate.key, cert: certificate.cert + authority.intermediate.cert, ...tls }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' }).end(FEED);
  });
  // A handshake the client gives up is no failure of the test's server.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  servers.push(server);
  return `https://${host}:${(server.address() as AddressInfo).port}`;
}

const refusal = (origin: string) => client.fetch({ url: `${origin}/feed/`, maxBytes: 1024 * 1024 }).then(() => 'fetched', (error: Error) => error.message);

it('says which host sent an expired certificate, a self-signed one, or one for another host, and whose that is', async () => {
  const expired = await site(authority.server({ expired: true }));
  expect(await refusal(expired)).toBe('the certificate of 127.0.0.1 has expired: Paperboy will not read the site until its owner renews it');
  const selfSigned = await site(authority.server({ signer: 'self' }));
  expect(await refusal(selfSigned)).toBe('the certificate of 127.0.0.1 is self-signed, so who sent it cannot be checked: Paperboy will not read the site until its certificate is fixed');
  const elsewhere = await site(authority.server({ names: ['parish.example'] }), '127.0.0.2');
  expect(await refusal(elsewhere)).toBe('the certificate of 127.0.0.2 is for another site: Paperboy will not read the site until its certificate is fixed (it is for 127.0.0.1, parish.example)');
});

it('says a server that speaks TLS 1.0 only, or plain http on an https address, in words naming the host', async () => {
  // An old appliance's or a forgotten server's setup: TLS 1.0 and its ciphers, which OpenSSL 3 refuses.
  const old = await site(authority.server({}), '127.0.0.3', { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
  expect(await refusal(old)).toBe('127.0.0.3 offers only an old version of secure connections (TLS 1.0 or 1.1) that is no longer accepted');
  const plain = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED));
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  servers.push(plain);
  expect(await refusal(`https://127.0.0.1:${(plain.address() as AddressInfo).port}`))
    .toBe('127.0.0.1 did not answer with a secure connection on that port: try the address with http://');
});

it("says it in the feed's status and in `paperboy sync`'s log", async () => {
  const selfSigned = await site(authority.server({ signer: 'self' }));
  const url = `${selfSigned}/feed/`;
  const said = 'the certificate of 127.0.0.1 is self-signed, so who sent it cannot be checked: Paperboy will not read the site until its certificate is fixed';
  const dir = tempDir();
  writeFileSync(`${dir}/subs.opml`, `<opml version="2.0"><body><outline type="rss" text="Parish" xmlUrl="${url}"/></body></opml>`);
  expect((await paperboy('--data', dir, 'import', `${dir}/subs.opml`)).code).toBe(0);
  expect((await paperboy('--data', dir, 'sync')).stderr).toContain(`failed: ${url}: ${said}`);
  const core = openCore({ dataDir: dir, workers: 1, welcome: false });
  try {
    const reason = (await core.api.listFeeds()).find((feed) => feed.url === url)?.lastError;
    expect(reason).toBe(said);
    // The list of failed feeds says it whole: that Paperboy will not read the site until it is fixed.
    expect(shortReason(reason!)).toBe(`T${said.slice(1)}`);
  } finally {
    await core.close();
  }
});
