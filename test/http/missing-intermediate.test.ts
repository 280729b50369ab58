// A site that sends its certificate without the intermediate that signed it: browsers fetch the
// intermediate from the address the certificate names (Authority Information Access) and show the
// site; the client does the same, and trusts nothing it would not trust with the whole chain.
// Real TLS servers on 127.0.0.1, certificates made by openssl for each run (test/support).
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { createHttpClient, type HttpClient } from '../../electron/core/http';
import { makeAuthority, type Issued, type TestAuthority } from '../support/certificates';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour notices</title></channel></rss>';
let trusted: TestAuthority;
let stranger: TestAuthority;
let publisher: TestServer;
const sites: https.Server[] = [];
const clients: HttpClient[] = [];

beforeAll(async () => {
  trusted = makeAuthority('Harbour Trust');
  stranger = makeAuthority('Nobody Trusts');
  // Where the CAs publish their intermediates, as public CAs do on plain http.
  publisher = await TestServer.start();
  publisher.serve('/harbour-intermediate.crt', { body: trusted.intermediateDer, type: 'application/pkix-cert' });
  publisher.serve('/harbour-intermediate.pem', { body: trusted.intermediate.cert, type: 'application/x-pem-file' });
  publisher.serve('/stranger-intermediate.crt', { body: stranger.intermediateDer, type: 'application/pkix-cert' });
  publisher.serve('/stranger-root.crt', { body: stranger.root.cert, type: 'application/pkix-cert' });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(sites.map((site) => new Promise((resolve) => site.close(resolve))));
  await publisher.stop();
  trusted.dispose();
  stranger.dispose();
  removeTempDirs();
});

/** A site sending `certificate` alone (no chain), serving the feed (and, with `pages`, them); its origin. */
async function site(certificate: Issued, pages: Record<string, string> = {}): Promise<string> {
  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    const page = pages[req.url ?? ''];
    if (page !== undefined) res.writeHead(200, { 'content-type': req.url!.endsWith('.xml') ? 'application/rss+xml' : 'text/html; charset=utf-8' }).end(page);
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sites.push(server);
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(): HttpClient {
  const made = createHttpClient({ userAgent: 'test', network: { extraRoots: [trusted.root.cert] } });
  clients.push(made);
  return made;
}

const fetchFeed = (http: HttpClient, origin: string) => http.fetch({ url: `${origin}/feed.xml`, maxBytes: 1024 * 1024 }).then((response) => response.body.toString());
const issuerRequests = (path: string) => publisher.requests.filter((request) => request.path === path).length;

it("reads a site whose server leaves out its intermediate, fetching it once from where the site's certificate says", async () => {
  const origin = await site(trusted.server({ issuerUrl: publisher.url('/harbour-intermediate.crt') }));
  const http = client();
  expect(await fetchFeed(http, origin)).toBe(FEED);
  // New connections, the same client: the intermediate is not fetched again.
  await Promise.all([fetchFeed(http, origin), fetchFeed(http, origin)]);
  expect(issuerRequests('/harbour-intermediate.crt')).toBe(1);
});

it('takes the intermediate published as PEM too', async () => {
  const origin = await site(trusted.server({ issuerUrl: publisher.url('/harbour-intermediate.pem') }));
  expect(await fetchFeed(client(), origin)).toBe(FEED);
});

it("still refuses when the fetched certificate did not sign the site's, or leads to no trusted root, or is a root", async () => {
  const cases: [Issued, string][] = [
    // A certificate of another CA at the address.
    [trusted.server({ issuerUrl: publisher.url('/stranger-intermediate.crt') }), 'wrong issuer'],
    // The right intermediate of a CA nobody trusts: fetching it must not make its site trusted.
    [stranger.server({ issuerUrl: publisher.url('/stranger-intermediate.crt') }), 'untrusted root'],
    // A root offered as the issuer is never taken from the web: it would be trusted as an anchor.
    [stranger.server({ issuerUrl: publisher.url('/stranger-root.crt'), signer: 'root' }), 'root'],
    // Nowhere named, or the address does not answer.
    [trusted.server({}), 'no address'],
    [trusted.server({ issuerUrl: publisher.url('/gone.crt') }), '404'],
  ];
  for (const [certificate, why] of cases) {
    const origin = await site(certificate);
    const http = client();
    await expect(fetchFeed(http, origin), why).rejects.toThrow('the certificate of 127.0.0.1 could not be verified');
    // Asked once: a host that could not be mended is not probed again at each request.
    const asked = publisher.requests.length;
    await expect(fetchFeed(http, origin), why).rejects.toThrow('the certificate of 127.0.0.1 could not be verified');
    expect(publisher.requests.length, why).toBe(asked);
  }
});

it('subscribes to and syncs such a site, its article page included', async () => {
  const article = '<!doctype html><html><head><title>New ferry timetable</title></head><body><article><h1>New ferry timetable</h1>'
    + '<p>From Monday the first ferry leaves the outer harbour at 05:40, twenty minutes earlier than in winter, and the last one returns at 23:10.</p>'
    + '<p>The harbour board says the change follows a year of requests from early-shift workers at the fish market and the hospital.</p></article></body></html>';
  const pages: Record<string, string> = { '/ferry-timetable': article };
  const origin = await site(trusted.server({ issuerUrl: publisher.url('/harbour-intermediate.crt') }), pages);
  pages['/news.xml'] = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title><link>${origin}/</link>`
    + `<item><title>New ferry timetable</title><link>${origin}/ferry-timetable</link><guid>ferry-1</guid><description>The first ferry leaves earlier.</description></item></channel></rss>`;
  // Every loopback port is "the internet" here: the site and the CA's publisher are public hosts.
  const core = openCore({ dataDir: tempDir(), workers: 1, welcome: false, network: { isPublic: () => true, extraRoots: [trusted.root.cert] } });
  try {
    const { feed } = await core.api.addFeed(`${origin}/news.xml`);
    const summary = await core.api.sync();
    expect(summary.feedsFailed).toBe(0);
    const [listed] = (await core.api.listArticles({ filter: { kind: 'feed', feedId: feed.id }, limit: 5 })).articles;
    const stored = (await core.api.getArticle(listed!.id))!;
    expect(stored.fullTextState).toBe('done');
    expect(stored.html).toContain('twenty minutes earlier than in winter');
  } finally {
    await core.close();
  }
});
