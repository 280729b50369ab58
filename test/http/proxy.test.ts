// The HTTP client through an office's proxy: http addresses asked in absolute form, https ones
// through a CONNECT tunnel with the site's certificate checked against the site's name, a login
// sent as Proxy-Authorization, kept-alive tunnels, and in words what goes wrong (a login asked
// for, a proxy that does not answer, a kind of proxy not spoken). A real proxy (test/support/
// proxy-server.ts) on 127.0.0.5 resolves the sites' names, which the client never looks up.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../electron/core/http';
import { makeAuthority, type TestAuthority } from '../support/certificates';
import { TestProxy } from '../support/proxy-server';
import { closedPort } from './helpers';

const FEED = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Works canteen</title><link>http://canteen.example/</link>'
  + '<item><title>Thursday: lentil soup and rye bread</title><guid>menu-thu</guid><description>Served from 11:30.</description></item></channel></rss>';

let authority: TestAuthority;
let plainSite: http.Server;
let secureSite: https.Server;
let plainPort: number;
let securePort: number;
const siteSockets = new Set<Socket>();
const clients: HttpClient[] = [];
const proxies: TestProxy[] = [];

beforeAll(async () => {
  authority = makeAuthority('Head Office');
  const answer = (req: http.IncomingMessage, res: http.ServerResponse) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', 'x-seen-host': req.headers.host ?? '' }).end(FEED);
  plainSite = http.createServer(answer);
  const certificate = authority.server({ names: ['canteen.example'] });
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

/** The proxy the office runs: it knows the canteen's site (and a second name for the same server). */
async function officeProxy(login?: string): Promise<TestProxy> {
  const proxy = await TestProxy.start('127.0.0.5', { names: { 'canteen.example': '127.0.0.6', 'kitchen.example': '127.0.0.6' }, ...(login ? { login } : {}) });
  proxies.push(proxy);
  return proxy;
}

function clientWith(proxy: (url: string) => string, options: Partial<HttpClientOptions> = {}): HttpClient {
  const client = createHttpClient({ userAgent: 'Paperboy/test', proxy, network: { extraRoots: [authority.root.cert] }, ...options });
  clients.push(client);
  return client;
}

const get = (client: HttpClient, url: string) => client.fetch({ url, maxBytes: 1024 * 1024 });
const failure = (client: HttpClient, url: string) => get(client, url).then(() => 'fetched', (error: Error) => error.message);

it('asks the proxy for an http address in absolute form, and reaches an https site through a tunnel, checked against its own name', async () => {
  const proxy = await officeProxy();
  const client = clientWith(() => `PROXY ${proxy.address}`);

  const plain = await get(client, `http://canteen.example:${plainPort}/menu.xml`);
  expect(plain.body.toString()).toContain('lentil soup');
  expect(plain.headers['x-seen-host']).toBe(`canteen.example:${plainPort}`);

  const secure = await get(client, `https://canteen.example:${securePort}/menu.xml`);
  expect(secure.body.toString()).toContain('lentil soup');
  // The tunnel is kept: a second request to the site opens no second CONNECT.
  await get(client, `https://canteen.example:${securePort}/menu.xml?again`);
  expect(proxy.asked).toEqual([`GET http://canteen.example:${plainPort}/menu.xml`, `CONNECT canteen.example:${securePort}`]);

  // The proxy cannot pass off another site's certificate: the name asked for is the one checked.
  expect(await failure(client, `https://kitchen.example:${securePort}/menu.xml`)).toBe('the certificate of kitchen.example is for another site: Paperboy will not read the site until its certificate is fixed (it is for 127.0.0.1, canteen.example)');
});

it('sends the login the proxy address carries, and says so in words when the proxy asks for one', async () => {
  const proxy = await officeProxy('anna:rye bread');
  const withLogin = clientWith(() => `PROXY anna:rye%20bread@${proxy.address}`);
  expect((await get(withLogin, `http://canteen.example:${plainPort}/menu.xml`)).status).toBe(200);
  expect((await get(withLogin, `https://canteen.example:${securePort}/menu.xml`)).status).toBe(200);

  const without = clientWith(() => `PROXY ${proxy.address}`);
  const asks = `the proxy at ${proxy.address} asks for a login (HTTP 407), which Paperboy was not given`;
  expect(await failure(without, `http://canteen.example:${plainPort}/menu.xml`)).toBe(asks);
  expect(await failure(without, `https://canteen.example:${securePort}/menu.xml`)).toBe(asks);
  const wrong = clientWith(() => `PROXY anna:pumpernickel@${proxy.address}`);
  expect(await failure(wrong, `https://canteen.example:${securePort}/menu.xml`)).toBe(`the proxy at ${proxy.address} refused the login it was given (HTTP 407)`);
});

it('says a proxy that does not answer, once known for every request; a list that goes on to DIRECT goes direct', async () => {
  const port = await closedPort('127.0.0.9');
  const dead = clientWith(() => `PROXY 127.0.0.9:${port}`);
  const said = `the proxy at 127.0.0.9:${port} did not answer (connection refused)`;
  expect(await failure(dead, `http://127.0.0.6:${plainPort}/menu.xml`)).toBe(said);
  expect(await failure(dead, `https://canteen.example:${securePort}/menu.xml`)).toBe(said);

  const fallback = clientWith(() => `PROXY 127.0.0.9:${port}; DIRECT`);
  expect((await get(fallback, `http://127.0.0.6:${plainPort}/menu.xml`)).status).toBe(200);
});

it('says a list of proxies it cannot speak to (HTTPS, TLS to the proxy), and goes on to one it can', async () => {
  const only = clientWith(() => 'HTTPS 127.0.0.5:8443');
  expect(await failure(only, `http://127.0.0.6:${plainPort}/menu.xml`))
    .toBe(`the network's proxy settings name only HTTPS 127.0.0.5:8443, a kind of proxy Paperboy cannot use (it speaks to HTTP and SOCKS proxies: "PROXY host:port", "SOCKS5 host:port")`);
  const proxy = await officeProxy();
  const mixed = clientWith(() => `HTTPS 127.0.0.5:8443; PROXY ${proxy.address}`);
  expect((await get(mixed, `http://canteen.example:${plainPort}/menu.xml`)).status).toBe(200);
});

it('goes direct where the resolver says DIRECT, without asking the proxy', async () => {
  const proxy = await officeProxy();
  const client = clientWith((url) => (new URL(url).hostname === '127.0.0.6' ? 'DIRECT' : `PROXY ${proxy.address}`));
  expect((await get(client, `http://127.0.0.6:${plainPort}/menu.xml`)).status).toBe(200);
  expect(proxy.asked).toEqual([]);
});

it('refuses, for content that may not reach the local network, a name this computer resolves to a local address, before asking the proxy', async () => {
  const proxy = await officeProxy();
  const officeDns = async (hostname: string) => {
    if (hostname === 'printer.office.lan') return [{ address: '192.168.1.20', family: 4 }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };
  const client = clientWith(() => `PROXY ${proxy.address}`, { defaultScope: 'public', network: { resolve: officeDns, extraRoots: [authority.root.cert] } });
  expect(await failure(client, 'http://printer.office.lan/status')).toBe('blocked: http://printer.office.lan/status points into the local network (only a feed on the local network may load from it)');
  expect(await failure(client, 'http://127.0.0.6/status')).toMatch(/^blocked: /);
  expect(proxy.asked).toEqual([]);
  // A name only the proxy can resolve is the proxy's to find.
  expect((await get(client, `http://canteen.example:${plainPort}/menu.xml`)).status).toBe(200);
});
