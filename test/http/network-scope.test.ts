// The client's network scope on real loopback servers. Tests cannot reach the internet, so one
// server (port A) is declared "the internet" through the isPublic seam; the other (port B) is
// the intranet a public feed's content must never reach. The intranet counts every request.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type FetchScope, type HttpClient, type HttpClientOptions } from '../../electron/core/http';
import { isPublicAddress } from '../../electron/core/http/address-policy';
import { TestServer } from '../support/server';

const MB = 1024 * 1024;
let internet: TestServer;
let intranet: TestServer;
const clients: HttpClient[] = [];

beforeAll(async () => {
  internet = await TestServer.start();
  intranet = await TestServer.start();
  internet.serve('/page', { body: 'public page' });
  internet.redirect('/to-intranet', `${intranet.origin}/secret`, 302);
  intranet.serve('/secret', { body: 'router admin page' });
  intranet.redirect('/to-internet', internet.url('/page'), 301);
});
afterAll(async () => {
  await internet.stop();
  await intranet.stop();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

const portOf = (server: TestServer) => Number(new URL(server.origin).port);

function client(options: Partial<HttpClientOptions> = {}): HttpClient {
  const made = createHttpClient({
    userAgent: 'test',
    network: { isPublic: (address, port) => port === portOf(internet) || isPublicAddress(address) },
    ...options,
  });
  clients.push(made);
  return made;
}

async function failure(http: HttpClient, url: string, scope: FetchScope = 'public'): Promise<{ kind: string; message: string }> {
  const error: unknown = await http.fetch({ url, maxBytes: MB, scope }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) throw new Error(`${url} was fetched`);
  return error as { kind: string; message: string };
}

describe("scope 'public' (a public feed's content)", () => {
  const port = () => portOf(intranet);
  const forms: readonly [string, () => string][] = [
    ['127.0.0.1', () => `http://127.0.0.1:${port()}/secret`],
    ['localhost (resolved by DNS)', () => `http://localhost:${port()}/secret`],
    ['[::1]', () => `http://[::1]:${port()}/secret`],
    ['[::ffff:127.0.0.1]', () => `http://[::ffff:127.0.0.1]:${port()}/secret`],
    ['0x7f000001', () => `http://0x7f000001:${port()}/secret`],
    ['2130706433', () => `http://2130706433:${port()}/secret`],
    ['127.1', () => `http://127.1:${port()}/secret`],
    ['0.0.0.0', () => `http://0.0.0.0:${port()}/secret`],
  ];

  it.each(forms)('never connects to the intranet written as %s', async (_form, url) => {
    const before = intranet.requests.length;
    const error = await failure(client(), url());
    expect(error.kind).toBe('blocked');
    expect(error.message).toMatch(/^blocked: http:\/\/.+\/secret points into the local network \(only a feed on the local network may load from it\)$/);
    expect(intranet.requests.length).toBe(before);
  });

  it('checks every redirect: the public server sending it to the intranet is refused', async () => {
    const before = intranet.requests.length;
    const error = await failure(client(), internet.url('/to-intranet'));
    expect(error).toMatchObject({ kind: 'blocked', message: expect.stringContaining(`${intranet.origin}/secret points into the local network`) });
    expect(internet.requestsFor('/to-intranet')).not.toHaveLength(0);
    expect(intranet.requests.length).toBe(before);
  });

  it('fetches the public server, by address and by name', async () => {
    const http = client();
    expect((await http.fetch({ url: internet.url('/page'), maxBytes: MB, scope: 'public' })).body.toString()).toBe('public page');
    const byName = await http.fetch({ url: `http://localhost:${portOf(internet)}/page`, maxBytes: MB, scope: 'public' });
    expect(byName.body.toString()).toBe('public page');
    expect(byName.servedBy).toEqual({ address: '127.0.0.1', port: portOf(internet) });
  });

  it('does not reuse a kept-alive connection opened for an intranet feed', async () => {
    const http = client();
    const url = `http://localhost:${portOf(intranet)}/secret`;
    await http.fetch({ url, maxBytes: MB, scope: 'any' });
    const before = intranet.requests.length;
    expect((await failure(http, url)).kind).toBe('blocked');
    expect(intranet.requests.length).toBe(before);
  });

  it('connects only to the public addresses of a name that also resolves to local ones', async () => {
    const http = client({
      network: {
        resolve: async () => [{ address: '10.0.0.1', family: 4 }, { address: '127.0.0.1', family: 4 }],
        isPublic: (address, port) => (address === '127.0.0.1' && port === portOf(internet)) || isPublicAddress(address),
      },
    });
    const response = await http.fetch({ url: `http://mixed.test:${portOf(internet)}/page`, maxBytes: MB, scope: 'public' });
    expect(response.servedBy?.address).toBe('127.0.0.1');
  });

  it('refuses a name that resolves only to local addresses, before connecting', async () => {
    const http = client({ network: { resolve: async () => [{ address: '192.168.1.1', family: 4 }] } });
    const error = await failure(http, 'http://router.test/admin');
    expect(error).toMatchObject({ kind: 'blocked', message: 'blocked: http://router.test/admin points into the local network (only a feed on the local network may load from it)' });
  });

  it('is what a request naming no scope gets from a client whose default is public (the core)', async () => {
    const http = client({ defaultScope: 'public' });
    const before = intranet.requests.length;
    const error: unknown = await http.fetch({ url: intranet.url('/secret'), maxBytes: MB }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'blocked' });
    expect(intranet.requests.length).toBe(before);
  });

  it('applies with the real DNS and the real ranges: localhost is the local network', async () => {
    const http = createHttpClient({ userAgent: 'test' });
    clients.push(http);
    const before = intranet.requests.length;
    expect((await failure(http, `http://localhost:${portOf(intranet)}/secret`)).kind).toBe('blocked');
    expect((await failure(http, internet.url('/page'))).kind).toBe('blocked');
    expect(intranet.requests.length).toBe(before);
  });
});

describe("scope 'chosen' (a subscribed feed, a typed address: the address itself decides)", () => {
  it('reaches a feed on the intranet, and follows its redirects anywhere', async () => {
    const http = client();
    expect((await http.fetch({ url: intranet.url('/secret'), maxBytes: MB, scope: 'chosen' })).body.toString()).toBe('router admin page');
    expect((await http.fetch({ url: intranet.url('/to-internet'), maxBytes: MB, scope: 'chosen' })).body.toString()).toBe('public page');
  });

  it('keeps a public address public on every redirect hop: its 301 into the intranet is refused', async () => {
    const http = client();
    const before = intranet.requests.length;
    const error = await failure(http, internet.url('/to-intranet'), 'chosen');
    expect(error).toMatchObject({ kind: 'blocked', message: `blocked: ${intranet.origin}/secret points into the local network (only a feed on the local network may load from it)` });
    expect(intranet.requests.length).toBe(before);
    expect((await http.fetch({ url: internet.url('/page'), maxBytes: MB, scope: 'chosen' })).body.toString()).toBe('public page');
  });
});

describe("scope 'any' (the content of a feed on the local network)", () => {
  it('reaches the intranet, also through a redirect', async () => {
    const http = client();
    expect((await http.fetch({ url: intranet.url('/secret'), maxBytes: MB, scope: 'any' })).body.toString()).toBe('router admin page');
    expect((await http.fetch({ url: internet.url('/to-intranet'), maxBytes: MB, scope: 'any' })).url).toBe(intranet.url('/secret'));
  });

  it('still fetches only http and https', async () => {
    for (const url of ['file:///etc/passwd', 'data:text/html,<p>x</p>', 'javascript:alert(1)']) {
      expect(await failure(client(), url, 'any')).toMatchObject({ kind: 'unsupported-scheme', message: expect.stringMatching(/^cannot fetch (file|data|javascript): addresses/) });
    }
  });
});

describe('content scopes (decided from the feed)', () => {
  it("gives 'any' to a feed on the local network and 'public' to a feed on the internet", async () => {
    const scopes = client().contentScopes();
    expect(await scopes.of(intranet.url('/feed.xml'))).toBe('any');
    expect(await scopes.of(`http://localhost:${portOf(intranet)}/feed.xml`)).toBe('any');
    expect(await scopes.of(internet.url('/feed.xml'))).toBe('public');
  });

  it("gives 'public' when the feed was served from a public address, whatever its name resolves to now (DNS rebinding)", async () => {
    const scopes = client().contentScopes();
    expect(await scopes.of(intranet.url('/feed.xml'), { address: '127.0.0.1', port: portOf(internet) })).toBe('public');
  });

  it("gives 'public' to a name that mixes local and public addresses, or does not resolve", async () => {
    const resolve = async (hostname: string) => {
      if (hostname === 'mixed.test') return [{ address: '10.0.0.1', family: 4 }, { address: '8.8.8.8', family: 4 }];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    const scopes = client({ network: { resolve } }).contentScopes();
    expect(await scopes.of('http://mixed.test/feed')).toBe('public');
    expect(await scopes.of('http://nowhere.test/feed')).toBe('public');
  });

  it('looks a host up once per instance (one sync)', async () => {
    let lookups = 0;
    const scopes = client({ network: { resolve: async () => (lookups++, [{ address: '10.1.1.1', family: 4 }]) } }).contentScopes();
    expect(await scopes.of('http://wiki.corp/a.xml')).toBe('any');
    expect(await scopes.of('http://wiki.corp/b.xml')).toBe('any');
    expect(lookups).toBe(1);
  });

  it('uses the real DNS and ranges by default', async () => {
    const scopes = createHttpClient({ userAgent: 'test' }).contentScopes();
    expect(await scopes.of('http://localhost:9/feed')).toBe('any');
    expect(await scopes.of('http://8.8.8.8/feed')).toBe('public');
  });
});
