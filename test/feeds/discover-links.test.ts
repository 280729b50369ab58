// Discovery beyond <link rel="alternate">: feeds a site links only from its body, and a server
// that never answers, which is "could not be reached", not "no feed found".
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
