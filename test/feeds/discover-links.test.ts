// Discovery beyond <link rel="alternate">: feeds a site links only from its body, and a server
// that never answers, which is "could not be reached", not "no feed found"; one that answers with
// something unreadable was reached, and is told apart. Over the real client.
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscoveryError, discoverFeed } from '../../electron/core/feeds';
import { discoveryFetcher } from '../../electron/core/subscriptions/fetch-text';
import { createHttpClient } from '../../electron/core/http';
import { closedPort } from '../http/helpers';
import { fixtureText } from '../support/fixtures';
import { TestServer } from '../support/server';

const RSS = 'application/rss+xml; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const page = (body: string) => `<!doctype html><html><head><title>Site</title></head><body><nav><a href="/about">About</a></nav>${body}</body></html>`;

let server: TestServer;
beforeEach(async () => {
  server = await TestServer.start();
});
afterEach(async () => {
  await server.stop();
});

const fetchText = () => discoveryFetcher(createHttpClient({ userAgent: 'Paperboy/test' })).fetchText;

describe('feeds linked only from the page body', () => {
  it.each([
    ['a link to /blog/feed/', '<footer><a href="/blog/feed/">Subscribe</a></footer>', '/blog/feed/'],
    ['a link labelled RSS', '<p><a href="/syndicate?fmt=x">RSS</a></p>', '/syndicate?fmt=x'],
    ['a link to news.rdf', '<p>Also as <a href="/news.rdf">RDF</a>.</p>', '/news.rdf'],
    ['a link to atom.xml among other links', '<p><a href="/contact">Contact</a> <a href="/feedback">Feedback</a> <a href="/atom.xml">Atom</a></p>', '/atom.xml'],
  ])('finds %s', async (_case, body, path) => {
    const [pathname, query] = path.split('?');
    server.serve('/', { body: page(body), type: HTML });
    server.serve(pathname!, { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
    const found = await discoverFeed(server.url('/'), fetchText());
    expect(found.feedUrl).toBe(server.url(query ? `${pathname}?${query}` : pathname!));
    expect(found.tried).toEqual([server.url('/')]);
  });

  it('prefers <link rel="alternate"> over body links', async () => {
    const html = page('<a href="/body-feed.xml">RSS</a>').replace('</head>', '<link rel="alternate" type="application/rss+xml" href="/head-feed.xml"></head>');
    server.serve('/', { body: html, type: HTML });
    server.serve('/head-feed.xml', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
    server.serve('/body-feed.xml', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
    expect((await discoverFeed(server.url('/'), fetchText())).feedUrl).toBe(server.url('/head-feed.xml'));
    expect(server.requestsFor('/body-feed.xml')).toHaveLength(0);
  });
});

describe('a server that cannot be reached', () => {
  it('says so, with the reason, and tries nothing else', async () => {
    const port = await closedPort();
    const error = await discoverFeed(`http://127.0.0.1:${port}/`, fetchText()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as Error).message).toBe(`http://127.0.0.1:${port}/ could not be reached: connection refused`);
  });

  it('still says "No feed found" when the server answers with an error', async () => {
    const error = await discoverFeed(server.url('/gone'), fetchText()).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`No feed found at ${server.url('/gone')}. Tried: ${server.url('/gone')} (HTTP 404 Not Found)`);
  });
});

describe('an answer that could not be read', () => {
  it.each([
    [
      'a plain body labelled gzip',
      (res: ServerResponse) => {
        res.writeHead(200, { 'content-type': RSS, 'content-encoding': 'gzip' });
        res.end(fixtureText('seed/feed.xml', server.origin));
      },
      'the server said its answer was gzip-compressed, but it could not be decompressed (a browser refuses it too)',
    ],
    [
      'a body shorter than its Content-Length',
      (res: ServerResponse) => {
        const feed = Buffer.from(fixtureText('seed/feed.xml', server.origin));
        res.writeHead(200, { 'content-type': RSS, 'content-length': String(feed.length + 5000) });
        res.write(feed, () => res.socket?.end());
      },
      'connection closed before the response was complete',
    ],
  ])('is what went wrong with the answer, not "could not be reached": %s', async (_case, answer, reason) => {
    server.route('/feed.xml', (_req, res) => answer(res));
    const error = await discoverFeed(server.url('/feed.xml'), fetchText()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as Error).message).toBe(`No feed found at ${server.url('/feed.xml')}. Tried: ${server.url('/feed.xml')} (${reason})`);
    expect(server.requests).toHaveLength(1);
  });

  it('reports headers past what a browser takes as an answer, not as a host that could not be reached', async () => {
    server.serve('/feed.xml', { body: fixtureText('seed/feed.xml', server.origin), type: RSS, headers: { 'x-debug-trace': 'a'.repeat(300 * 1024) } });
    const error = await discoverFeed(server.url('/feed.xml'), fetchText()).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`No feed found at ${server.url('/feed.xml')}. Tried: ${server.url('/feed.xml')} (the server sent too many or too long headers)`);
  });
});

describe('response headers as long as a browser takes', () => {
  // A site with a consent manager and a dozen ad partners sets their cookies on every answer, its
  // feed included; another leaves a debug header on. Both go past Node's 16 KB default.
  const cookies = Array.from({ length: 150 }, (_, i) => `_partner_${i}_uid=${'7f3a9c'.repeat(10)}; Path=/; Max-Age=31536000; SameSite=None; Secure`);
  it.each([
    ['150 Set-Cookie headers', { 'set-cookie': cookies }],
    ['a 20 KB X-Debug header', { 'x-debug': 'cache-miss;'.repeat(2000) }],
  ])('subscribes to a feed served with %s', async (_case, headers) => {
    expect(JSON.stringify(headers).length).toBeGreaterThan(16 * 1024);
    server.route('/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': RSS, ...headers });
      res.end(fixtureText('seed/feed.xml', server.origin));
    });
    const found = await discoverFeed(server.url('/feed.xml'), fetchText());
    expect(found.feedUrl).toBe(server.url('/feed.xml'));
    expect(found.parsed.title).toBe('The Evening Dispatch');
  });
});
