// The Referer an image is asked for with is the one a browser sends from the article's page under
// its default policy (strict-origin-when-cross-origin), judged again at every redirect: hosts that
// refuse hotlinking need it, and a redirect must not carry the page's full address elsewhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, refererFor, type HttpClient } from '../../electron/core/http';
import { TestServer } from '../support/server';

const MB = 1024 * 1024;

describe('the Referer a browser sends from a page', () => {
  const page = 'https://news.example/2024/05/storm-closes-coast-road/?utm_source=rss#comments';

  it('is the page address, without its fragment, to the page own origin', () => {
    expect(refererFor(page, new URL('https://news.example/wp-content/uploads/2024/05/road.jpg'))).toBe(
      'https://news.example/2024/05/storm-closes-coast-road/?utm_source=rss',
    );
  });

  it('is the page origin alone to another origin (another host, port or scheme)', () => {
    expect(refererFor(page, new URL('https://i0.wp.com/news.example/road.jpg'))).toBe('https://news.example/');
    expect(refererFor(page, new URL('https://news.example:8443/road.jpg'))).toBe('https://news.example/');
    expect(refererFor('http://news.example/story', new URL('https://news.example/road.jpg'))).toBe('http://news.example/');
  });

  it('is nothing from an https page to a plain http address', () => {
    expect(refererFor(page, new URL('http://news.example/road.jpg'))).toBeNull();
    expect(refererFor(page, new URL('http://cdn.example/road.jpg'))).toBeNull();
  });

  it('never carries credentials, and is nothing from what is not a web page', () => {
    expect(refererFor('https://jo:secret@news.example/story', new URL('https://news.example/a.jpg'))).toBe('https://news.example/story');
    expect(refererFor('file:///home/jo/story.html', new URL('https://news.example/a.jpg'))).toBeNull();
    expect(refererFor('not a url', new URL('https://news.example/a.jpg'))).toBeNull();
  });

  it('is the origin alone for a page address longer than browsers send', () => {
    const long = `https://news.example/search?q=${'storm'.repeat(1000)}`;
    expect(refererFor(long, new URL('https://news.example/a.jpg'))).toBe('https://news.example/');
  });
});

describe('the Referer through redirects', () => {
  let site: TestServer;
  let cdn: TestServer;
  let client: HttpClient;
  beforeEach(async () => {
    site = await TestServer.start();
    cdn = await TestServer.start();
    client = createHttpClient({ userAgent: 'Paperboy/test' });
  });
  afterEach(async () => {
    client.close();
    await Promise.all([site.stop(), cdn.stop()]);
  });

  it('keeps the page address on its own site and gives another site its origin only', async () => {
    const story = site.url('/2024/05/storm/?p=12');
    site.redirect('/img/old.jpg', '/img/new.jpg').redirect('/img/new.jpg', cdn.url('/uploads/new.jpg'), 302);
    cdn.serve('/uploads/new.jpg', { body: 'jpeg' });
    await client.fetch({ url: site.url('/img/old.jpg'), maxBytes: MB, headers: { referer: story } });
    expect(site.requests.map((r) => r.headers.referer)).toEqual([story, story]);
    expect(cdn.requests.map((r) => r.headers.referer)).toEqual([`${site.origin}/`]);
  });
});
