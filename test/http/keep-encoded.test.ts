// A page body handed over still compressed (FetchRequest.keepEncoded), for the parse worker to
// inflate in one call (http/inflate.ts): the bytes as they came with the encoding they have, and
// the same caps and the same words as when the client inflates while reading.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HttpError, inflate, type HttpClient } from '../../electron/core/http';
import type { TestServer } from '../support/server';
import { gzipBomb, serverAndClientPerTest } from './helpers';

const MB = 1024 * 1024;
const PAGE = `<html><body><article>${'<p>The harbour reopened after the storm, and the ferries ran again.</p>'.repeat(200)}</article></body></html>`;

let server: TestServer;
let client: HttpClient;
serverAndClientPerTest((s, c) => {
  server = s;
  client = c;
});

describe('a body kept compressed', () => {
  it('comes as the gzip bytes the server sent, saying so, and inflates to the page', async () => {
    server.serve('/page', { body: PAGE, type: 'text/html', encoding: 'gzip' });
    const response = await client.fetch({ url: server.url('/page'), maxBytes: MB, keepEncoded: true });
    expect(response.encoding).toBe('gzip');
    expect(response.body.length).toBeLessThan(PAGE.length / 10);
    expect(inflate(response.body, 'gzip', MB, response.url).toString()).toBe(PAGE);
  });

  it('comes decoded as before without keepEncoded, and as it is when it was never compressed', async () => {
    server.serve('/gz', { body: PAGE, encoding: 'gzip' });
    server.serve('/plain', { body: PAGE });
    const decoded = await client.fetch({ url: server.url('/gz'), maxBytes: MB });
    expect(decoded.body.toString()).toBe(PAGE);
    expect(decoded.encoding ?? null).toBeNull();
    const plain = await client.fetch({ url: server.url('/plain'), maxBytes: MB, keepEncoded: true });
    expect(plain.encoding).toBeNull();
    expect(plain.body.toString()).toBe(PAGE);
  });

  it('inflates deflate (zlib-wrapped or raw, as servers send either) and brotli alike', () => {
    const bytes = Buffer.from(PAGE);
    expect(inflate(zlib.deflateSync(bytes), 'deflate', MB, 'http://x/').toString()).toBe(PAGE);
    expect(inflate(zlib.deflateRawSync(bytes), 'deflate', MB, 'http://x/').toString()).toBe(PAGE);
    expect(inflate(zlib.brotliCompressSync(bytes), 'br', MB, 'http://x/').toString()).toBe(PAGE);
    expect(inflate(zlib.gzipSync(bytes), 'x-gzip', MB, 'http://x/').toString()).toBe(PAGE);
  });

  it('stops a small gzip that unpacks to 200 MB at the cap, with the words the client uses', () => {
    const bomb = gzipBomb(200);
    expect(bomb.length).toBeLessThan(MB);
    expect(() => inflate(bomb, 'gzip', MB, 'http://x/bomb')).toThrow(new HttpError('too-large', 'too large (over 1 MB)', 'http://x/bomb'));
    expect(() => inflate(bomb, 'gzip', MB, 'http://x/bomb')).toThrow(HttpError);
  });

  it('takes a body of exactly the cap, and refuses one byte more', () => {
    const exact = zlib.gzipSync(Buffer.alloc(1000, 'a'));
    expect(inflate(exact, 'gzip', 1000, 'http://x/')).toHaveLength(1000);
    expect(() => inflate(exact, 'gzip', 999, 'http://x/')).toThrow('too large');
  });

  it('says a body is not the gzip it claims to be, or holds broken data', () => {
    expect(() => inflate(Buffer.from('this is not gzip'), 'gzip', MB, 'http://x/')).toThrow('the server said its answer was gzip-compressed, but it could not be decompressed (a browser refuses it too)');
    const broken = Buffer.from(zlib.gzipSync(Buffer.from(PAGE)));
    broken.fill(0xff, 12, 20);
    expect(() => inflate(broken, 'gzip', MB, 'http://x/', 'read what arrived')).toThrow('the server said its answer was gzip-compressed, but it could not be decompressed (a browser refuses it too)');
  });

  it('says gzip that stops short is a body cut short, or gives its start when asked to read what arrived', () => {
    const gz = zlib.gzipSync(Buffer.from(PAGE));
    const cut = gz.subarray(0, gz.length / 2);
    expect(() => inflate(cut, 'gzip', MB, 'http://x/')).toThrow('connection closed before the response was complete');
    const start = inflate(cut, 'gzip', MB, 'http://x/', 'read what arrived').toString();
    expect(start.length).toBeGreaterThan(0);
    expect(PAGE.startsWith(start)).toBe(true);
    expect(start.length).toBeLessThan(PAGE.length);
  });
});
