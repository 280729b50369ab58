// Connection limits in force over several hosts (servers on 127.0.0.2, .3, ...): six at once per
// host, and an overall limit (48 by default, settable) that lets many hosts be busy together.
// Every server holds its answers until the test has counted what is open, so the counts are exact.
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../electron/core/http';
import { TestServer } from '../support/server';
import { waitFor } from './helpers';

const MB = 1024 * 1024;

interface HeldHost {
  readonly server: TestServer;
  open: number;
}

let hosts: HeldHost[] = [];
let held: http.ServerResponse[] = [];
let client: HttpClient | null = null;

afterEach(async () => {
  client?.close();
  client = null;
  await Promise.all(hosts.map((host) => host.server.stop()));
  hosts = [];
  held = [];
});

async function startHosts(count: number): Promise<void> {
  hosts = await Promise.all(Array.from({ length: count }, async (_, i) => {
    const host: HeldHost = { server: await TestServer.start(`127.0.0.${i + 2}`), open: 0 };
    host.server.fallback((_req, res) => {
      host.open++;
      res.on('finish', () => host.open--);
      held.push(res);
    });
    return host;
  }));
}

const openOverall = (): number => hosts.reduce((sum, host) => sum + host.open, 0);

/** Sends `perHost` requests to each of `targets` at once, waits until `expected` are open, then lets all finish. */
async function observe(c: HttpClient, targets: readonly HeldHost[], perHost: number, expected: number): Promise<{ overall: number; perHost: number[] }> {
  const all = targets.flatMap((host) => Array.from({ length: perHost }, (_, i) => c.fetch({ url: host.server.url(`/img/${i}.png`), maxBytes: MB })));
  await waitFor(() => openOverall() >= expected);
  // A few more turns of the event loop: anything the limits let through would arrive now.
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  const seen = { overall: openOverall(), perHost: targets.map((host) => host.open) };
  const release = (): void => {
    for (const res of held.splice(0)) res.end('ok');
  };
  release();
  const timer = setInterval(release, 5);
  try {
    await Promise.all(all);
  } finally {
    clearInterval(timer);
  }
  return seen;
}

describe('connection limits', () => {
  it('by default: six per host, 48 over ten busy hosts', async () => {
    await startHosts(10);
    client = createHttpClient({ userAgent: 'Paperboy/test' });
    const seen = await observe(client, hosts, 10, 48);
    expect(seen.overall).toBe(48);
    expect(Math.max(...seen.perHost)).toBe(6);
    expect(seen.perHost.filter((open) => open > 0)).toHaveLength(8);
  });

  it('the overall limit is settable, and one host alone still gets six', async () => {
    await startHosts(4);
    client = createHttpClient({ userAgent: 'Paperboy/test', maxConnections: 12 });
    const seen = await observe(client, hosts, 10, 12);
    expect(seen.overall).toBe(12);
    expect(Math.max(...seen.perHost)).toBe(6);

    const alone = await observe(client, hosts.slice(0, 1), 10, 6);
    expect(alone.perHost).toEqual([6]);
  });
});
