// The HTTP client through a SOCKS proxy, as an SSH tunnel (`ssh -D 1080`), Tor or an office's
// SOCKS gateway offers one: http and https addresses as plain connections the proxy opens to the
// site's NAME (this computer never looks it up), TLS to the site checked against its own name,
// SOCKS5's login, SOCKS4a, and in words what goes wrong: a login asked for or refused, a proxy
// that does not answer, and a site the proxy could not reach, which is the site's failure and
// not the proxy's. A real SOCKS server (test/support/socks-server.ts) on 127.0.0.5 resolves the
// sites' names.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createHttpClient, proxyFromEnvironment, type HttpClient, type HttpClientOptions, type ProxyResolver } from '../../electron/core/http';
import { makeAuthority, type TestAuthority } from '../support/certificates';
import { TestSocksProxy, type SocksOptions } from '../support/socks-server';
import { closedPort } from './helpers';

const FEED = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Night ferry</title><link>http://ferry.example/</link>'
  + '<item><title>Crossing delayed by fog until 06:40</title><guid>fog-0640</guid><description>Check-in stays open.</description></item></channel></rss>';

let authority: TestAuthority;
let plainSite: http.Server;
let secureSite: https.Server;
let plainPort: number;
let securePort: number;
const siteSockets = new Set<Socket>();
const clients: HttpClient[] = [];
const proxies: TestSocksProxy[] = [];

beforeAll(async () => {
  authority = makeAuthority('Harbour Office');
  const answer = (req: http.IncomingMessage, res: http.ServerResponse) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', 'x-seen-host': req.headers.host ?? '', 'x-seen-path': req.url ?? '' }).end(FEED);
  plainSite = http.createServer(answer);
  const certificate = authority.server({ names: ['ferry.example'] });
  secureSite = https.createServer({ key: certificate.key, cert: certificate.cert + authority.intermediate.cert }, answer);
  secureSite.on('tlsClientError', () => {});
  for (const server of [plainSite, secureSite]) server.on('connection', (socket: Socket) => siteSockets.add(socket));
  await new Promise<void>((resolve) => plainSite.listen(0, '127.0.0.6', resolve));
  await new Promise<void>((resolve) => secureSite.listen(0, '127.0.0.6', resolve));
  plainPort = (plainSite.address() as AddressInfo).port;
  securePort = (secureSite.address() as AddressInfo).port;
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(proxies.splice(0).map((proxy) => proxy.stop()));
});
afterAll(async () => {
  for (const socket of siteSockets) socket.destroy();
  await Promise.all([plainSite, secureSite].map((server) => new Promise((resolve) => server.close(resolve))));
  authority.dispose();
});

/** The tunnel's far end: it knows the ferry's site (and a second name for the same server). */
async function tunnel(options: SocksOptions = {}): Promise<TestSocksProxy> {
  const proxy = await TestSocksProxy.start('127.0.0.5', { names: { 'ferry.example': '127.0.0.6', 'harbour.example': '127.0.0.6' }, ...options });
  proxies.push(proxy);
  return proxy;
}

function clientWith(proxy: ProxyResolver, options: Partial<HttpClientOptions> = {}): HttpClient {
  // No name is in this computer's DNS, as on a network whose names only the proxy resolves.
  const notFound = (name: string) => Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
  const network = { extraRoots: [authority.root.cert], resolve: notFound };
  const client = createHttpClient({ userAgent: 'Paperboy/test', proxy, network, ...options });
  clients.push(client);
  return client;
}

const get = (client: HttpClient, url: string) => client.fetch({ url, maxBytes: 1024 * 1024 });
const failure = (client: HttpClient, url: string) => get(client, url).then(() => 'fetched', (error: Error) => error.message);

it('reaches http and https sites through a SOCKS5 proxy by name, with the https site’s certificate checked against its own name', async () => {
  const proxy = await tunnel();
  const client = clientWith(() => `SOCKS5 ${proxy.address}`);

  const plain = await get(client, `http://ferry.example:${plainPort}/timetable.xml`);
  expect(plain.body.toString()).toContain('delayed by fog');
  // Spoken to the site as on a direct connection: origin-form path, the site's own Host.
  expect(plain.headers['x-seen-path']).toBe('/timetable.xml');
  expect(plain.headers['x-seen-host']).toBe(`ferry.example:${plainPort}`);

  const secure = await get(client, `https://ferry.example:${securePort}/timetable.xml`);
  expect(secure.body.toString()).toContain('delayed by fog');
  // Kept alive: a second request to each site opens no second connection through the proxy.
  await get(client, `https://ferry.example:${securePort}/timetable.xml?again`);
  await get(client, `http://ferry.example:${plainPort}/timetable.xml?again`);
  expect(proxy.asked).toEqual([`socks5 ferry.example:${plainPort}`, `socks5 ferry.example:${securePort}`]);

  // The proxy cannot pass off another site's certificate: the name asked for is the one checked.
  expect(await failure(client, `https://harbour.example:${securePort}/timetable.xml`)).toBe('the certificate of harbour.example is for another site: Paperboy will not read the site until its certificate is fixed (it is for 127.0.0.1, ferry.example)');
});

it('gives SOCKS5 the login its address carries, and says so in words when the proxy asks for one or refuses it', async () => {
  const proxy = await tunnel({ login: 'ines:sea fog' });
  const withLogin = clientWith(() => `SOCKS5 ines:sea%20fog@${proxy.address}`);
  expect((await get(withLogin, `http://ferry.example:${plainPort}/timetable.xml`)).status).toBe(200);
  expect((await get(withLogin, `https://ferry.example:${securePort}/timetable.xml`)).status).toBe(200);

  const without = clientWith(() => `SOCKS5 ${proxy.address}`);
  expect(await failure(without, `https://ferry.example:${securePort}/timetable.xml`)).toBe(`the proxy at ${proxy.address} asks for a login, which Paperboy was not given`);
  const wrong = clientWith(() => `SOCKS5 ines:drizzle@${proxy.address}`);
  expect(await failure(wrong, `http://ferry.example:${plainPort}/timetable.xml`)).toBe(`the proxy at ${proxy.address} refused the login it was given`);
});

it('speaks SOCKS4a to a proxy named "SOCKS", handing it the site’s name', async () => {
  const proxy = await tunnel();
  const client = clientWith(() => `SOCKS ${proxy.address}`);
  expect((await get(client, `http://ferry.example:${plainPort}/timetable.xml`)).body.toString()).toContain('delayed by fog');
  expect((await get(client, `https://ferry.example:${securePort}/timetable.xml`)).status).toBe(200);
  expect(proxy.asked).toEqual([`socks4 ferry.example:${plainPort}`, `socks4 ferry.example:${securePort}`]);
});

it('takes a site the proxy could not reach for that site’s failure, not the proxy’s: other sites still go through it', async () => {
  const proxy = await tunnel({ unreachable: ['lighthouse.example'] });
  const client = clientWith(() => `SOCKS5 ${proxy.address}`);
  expect(await failure(client, `https://lighthouse.example:${securePort}/feed.xml`)).toBe(`the proxy at ${proxy.address} could not reach lighthouse.example (SOCKS5 reply 4)`);
  expect((await get(client, `https://ferry.example:${securePort}/timetable.xml`)).status).toBe(200);
});

it('says a SOCKS proxy that does not answer; a list that goes on to DIRECT goes direct', async () => {
  const port = await closedPort('127.0.0.9');
  const dead = clientWith(() => `SOCKS5 127.0.0.9:${port}`);
  const said = `the proxy at 127.0.0.9:${port} did not answer (connection refused)`;
  expect(await failure(dead, `http://ferry.example:${plainPort}/timetable.xml`)).toBe(said);
  expect(await failure(dead, `https://ferry.example:${securePort}/timetable.xml`)).toBe(said);

  const fallback = clientWith(() => `SOCKS5 127.0.0.9:${port}; DIRECT`);
  expect((await get(fallback, `http://127.0.0.6:${plainPort}/timetable.xml`)).status).toBe(200);
});

it('reads a terminal’s all_proxy=socks5h://user:password@host:port, as curl does', async () => {
  const proxy = await tunnel({ login: 'ines:sea fog' });
  const resolver = proxyFromEnvironment({ all_proxy: `socks5h://ines:sea%20fog@${proxy.address}` })!;
  const client = clientWith(resolver);
  expect((await get(client, `https://ferry.example:${securePort}/timetable.xml`)).body.toString()).toContain('delayed by fog');
  expect(proxy.asked).toEqual([`socks5 ferry.example:${securePort}`]);
});

/**
 * A client through the tunnel whose own DNS counts each name it is asked for and calls every name
 * local (an intranet's resolver, or one that lies): what this computer's resolver would see.
 */
function countingClient(proxy: ProxyResolver): { client: HttpClient; lookups: string[] } {
  const lookups: string[] = [];
  const resolve = (name: string) => {
    lookups.push(name);
    return Promise.resolve([{ address: '10.20.30.40', family: 4 }]);
  };
  return { client: clientWith(proxy, { network: { extraRoots: [authority.root.cert], resolve } }), lookups };
}

it('looks up no site’s name on this computer through a SOCKS proxy that resolves names (PAC "SOCKS5", socks5h://): the proxy is asked for every one', async () => {
  const proxy = await tunnel();
  for (const resolver of [() => `SOCKS5 ${proxy.address}`, proxyFromEnvironment({ all_proxy: `socks5h://${proxy.address}` })!]) {
    const { client, lookups } = countingClient(resolver);
    // Content of a public feed, an address typed, and the scope a feed's content gets.
    expect((await client.fetch({ url: `http://ferry.example:${plainPort}/timetable.xml`, maxBytes: 65536, scope: 'public' })).status).toBe(200);
    expect((await client.fetch({ url: `https://ferry.example:${securePort}/timetable.xml`, maxBytes: 65536, scope: 'chosen' })).status).toBe(200);
    expect(await client.contentScopes().of(`https://harbour.example:${securePort}/feed.xml`)).toBe('public');
    expect(lookups).toEqual([]);
  }
  expect(proxy.asked).toHaveLength(4);
});

it('refuses, through a SOCKS proxy, content naming localhost, a .local host, a one-label intranet name or a local address, without a lookup; a typed intranet name goes through', async () => {
  const proxy = await tunnel({ names: { intranet: '127.0.0.6', 'ferry.example': '127.0.0.6' } });
  const { client, lookups } = countingClient(() => `SOCKS5 ${proxy.address}`);
  for (const host of ['localhost', 'printer.local', 'intranet', '127.0.0.6', 'router.home.arpa']) {
    const url = `http://${host}:${plainPort}/timetable.xml`;
    await expect(client.fetch({ url, maxBytes: 65536, scope: 'public' })).rejects.toThrow(`blocked: ${url} points into the local network`);
  }
  expect(proxy.asked).toEqual([]);
  // The person's own choice of an intranet name: the proxy resolves it, and its content may stay there.
  const typed = await client.fetch({ url: `http://intranet:${plainPort}/timetable.xml`, maxBytes: 65536, scope: 'chosen' });
  expect(typed.body.toString()).toContain('delayed by fog');
  expect(await client.contentScopes().of(`http://intranet:${plainPort}/timetable.xml`)).toBe('any');
  expect(proxy.asked).toEqual([`socks5 intranet:${plainPort}`]);
  expect(lookups).toEqual([]);
});
