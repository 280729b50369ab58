// A transient failure in a sync gets one more try after a short wait, and only one: a connection
// the server reset, or a 502/503/504 without Retry-After. A Retry-After is the server's own
// schedule (the feed records it) and a 404 is an answer, so neither is tried again at once. Real
// loopback servers count what reached them; the sync's host memory (host-memory.ts) does the retry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, HostMemory, HttpError, type HttpClient } from '../../electron/core/http';
import { TestServer } from '../support/server';

let server: TestServer;
let http: HttpClient;
let memory: HostMemory;

beforeEach(async () => {
  server = await TestServer.start();
  http = createHttpClient({ userAgent: 'Paperboy/test' });
  memory = new HostMemory(http, { retryDelayMs: 20 });
});
afterEach(async () => {
  http.close();
  await server.stop();
});

const page = (path: string) => memory.client.fetch({ url: server.url(path), purpose: 'page', maxBytes: 64 * 1024 });

describe('a transient failure', () => {
  it('a connection reset once is tried again and the page arrives', async () => {
    let asked = 0;
    server.route('/story.html', (req, res) => {
      if (++asked === 1) req.socket.destroy();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>The ferry runs again from Monday.</p>');
    });
    const response = await page('/story.html');
    expect(response.body.toString()).toContain('The ferry runs again');
    expect(asked).toBe(2);
  });

  it.each([502, 503, 504])('HTTP %i that lasts is tried twice in all, then reported as it is', async (status) => {
    server.serve('/busy.html', { status, body: 'busy', type: 'text/plain' });
    const error = await page('/busy.html').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(status);
    expect(server.requestsFor('/busy.html')).toHaveLength(2);
    // One busy page does not make its host unreachable.
    expect(memory.report()).toEqual([]);
  });

  it('a 503 with Retry-After is not tried again at once: the server said when', async () => {
    server.serve('/later.html', { status: 503, body: 'maintenance', type: 'text/plain', headers: { 'retry-after': '600' } });
    await expect(page('/later.html')).rejects.toMatchObject({ status: 503, retryAfterMs: 600_000 });
    expect(server.requestsFor('/later.html')).toHaveLength(1);
  });

  it('a 404 is an answer, not a hiccup: asked once', async () => {
    server.serve('/gone.html', { status: 404, body: 'not here', type: 'text/plain' });
    await expect(page('/gone.html')).rejects.toMatchObject({ status: 404 });
    expect(server.requestsFor('/gone.html')).toHaveLength(1);
  });
});
