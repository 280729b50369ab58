// What adding a feed says about an address typed in the reader's own letters: the person typed
// http://bücher.example/…, the URL parser asks for xn--bcher-kva.example, and the add's messages
// ("… could not be reached", "No feed found at …. Tried: …") named the punycode host, one the
// person never typed. They name it as typed, as the sync's messages do (http/readable-host.ts).
// The real core, HTTP client and SQLite; a real server on loopback, the name resolved to it by the
// client's DNS seam.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let core: PaperboyCore;
let base: string;

beforeAll(async () => {
  site = await TestServer.start();
  base = `http://bücher.example:${new URL(site.origin).port}`;
  // The bookshop's home page links no feed, and none of the usual paths has one.
  site.serve('/', { body: '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Bücherstube</title></head><body><h1>Bücherstube am Markt</h1><p>Öffnungszeiten: Mo-Fr 9-18 Uhr.</p></body></html>', type: 'text/html; charset=utf-8' });
  core = openCore({
    dataDir: tempDir(), workers: 1, welcome: false,
    network: {
      isPublic: () => true,
      resolve: async (host) => {
        if (host === 'xn--bcher-kva.example') return [{ address: '127.0.0.1', family: 4 }];
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
    },
  });
});
afterAll(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

async function refusal(address: string): Promise<{ message: string; tried: readonly string[] }> {
  const error = (await core.api.addFeed(address).catch((e: unknown) => e)) as { message: string; tried: readonly string[] };
  expect(error).toBeInstanceOf(Error);
  return error;
}

describe('adding a feed at a host typed in its own letters', () => {
  it('says a host it cannot find could not be reached, named as typed', async () => {
    const { message, tried } = await refusal('http://bücherei.example/feed');
    expect(message).toMatch(/^http:\/\/bücherei\.example\/feed could not be reached/);
    expect(message).not.toContain('xn--');
    expect(tried).toEqual(['http://bücherei.example/feed']);
  });

  it('lists the addresses it tried with the host as typed', async () => {
    const { message, tried } = await refusal(`${base}/`);
    expect(message).toContain(`No feed found at ${base}/. Tried: ${base}/ (HTML page without feed links), ${base}/feed (`);
    expect(message).not.toContain('xn--');
    expect(tried).toContain(`${base}/rss.xml`);
    expect(tried.every((address) => address.startsWith(`${base}/`))).toBe(true);
  });
});
