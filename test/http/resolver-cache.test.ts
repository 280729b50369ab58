// Each host name is looked up once a minute, not once per connection, as browsers keep their host
// cache: a sync over many hosts queued one system lookup per new connection, on systems that
// cache nothing themselves. Real loopback server closing every connection (as many servers do
// after each answer); the DNS seam counts the lookups and answers 127.0.0.1.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient } from '../../electron/core/http';
import { cachedResolver, RESOLVED_FOR_MS } from '../../electron/core/http/resolver-cache';
import type { ResolvedAddress } from '../../electron/core/http/network-scope';
import { TestServer } from '../support/server';

let site: TestServer;
const connections = new Set<unknown>();
beforeAll(async () => {
  site = await TestServer.start();
  site.route('/picture', (req, res) => {
    connections.add(req.socket);
    res.writeHead(200, { 'content-type': 'image/png', connection: 'close' }).end('png bytes');
  });
});
afterAll(() => site.stop());

const LOOPBACK: readonly ResolvedAddress[] = [{ address: '127.0.0.1', family: 4 }];

it('looks a host up once for many connections to it, at once and one after another', async () => {
  const lookups: string[] = [];
  const http = createHttpClient({ userAgent: 'test', network: { resolve: async (hostname) => (lookups.push(hostname), LOOPBACK) } });
  try {
    const url = (n: number) => `http://pictures.harbour.example:${new URL(site.origin).port}/picture?n=${n}`;
    await Promise.all(Array.from({ length: 6 }, (_, n) => http.fetch({ url: url(n), maxBytes: 1024 })));
    for (let n = 6; n < 12; n++) await http.fetch({ url: url(n), maxBytes: 1024 });
    // Twelve connections: the server closed each one after its answer.
    expect(connections.size).toBe(12);
    expect(lookups).toEqual(['pictures.harbour.example']);
  } finally {
    http.close();
  }
});

it('keeps an answer for a minute, shares a lookup in flight, and never keeps a failure', async () => {
  let clock = 0;
  const asked: string[] = [];
  let failNext = false;
  const resolve = cachedResolver(async (hostname) => {
    asked.push(hostname);
    if (failNext) {
      failNext = false;
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return LOOPBACK;
  }, () => clock);
  await Promise.all([resolve('news.example'), resolve('NEWS.example'), resolve('news.example')]);
  expect(asked).toEqual(['news.example']);
  clock += RESOLVED_FOR_MS - 1;
  await resolve('news.example');
  expect(asked).toHaveLength(1);
  clock += 1;
  await resolve('news.example');
  expect(asked).toHaveLength(2);
  failNext = true;
  await expect(resolve('gone.example')).rejects.toThrow('ENOTFOUND');
  await expect(resolve('gone.example')).resolves.toEqual(LOOPBACK);
  expect(asked).toEqual(['news.example', 'news.example', 'gone.example', 'gone.example']);
});
