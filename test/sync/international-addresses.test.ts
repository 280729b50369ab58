// Addresses written in the reader's own letters, as browsers take them: a feed at
// http://bücher.example/نشرة/feed.xml (the host asked for in punycode, the path in UTF-8), links
// to such pages, and a redirect whose Location a server wrote in raw UTF-8 bytes (browsers read
// them as UTF-8). When the host cannot be found, the feed's status names it as the person wrote
// it, not as xn--bcher-kva.example; a look-alike mixing scripts stays in punycode, as Chromium
// shows it. A real server on loopback, the name resolved to it by the client's DNS seam.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { readableHost } from '../../electron/core/http/readable-host';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const page = (title: string) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article><h1>${title}</h1>`
  + '<p>Die Buchhandlung am Markt öffnet im Frühjahr wieder, nach einem Winter, in dem das Dach neu gedeckt und die Regale erneuert wurden.</p>'
  + '<p>Zur Wiedereröffnung liest eine Autorin aus der Stadt; der Eintritt ist frei, um eine Anmeldung im Laden wird gebeten.</p>'
  + '</article></main></body></html>';

let site: TestServer;
let core: PaperboyCore;
let resolvable = true;
let feedId: number;
let base: string;
const dataDir = tempDir();

/** The core as the app opens it; each opening looks names up afresh (the client keeps an answer a minute). */
function open(): PaperboyCore {
  return openCore({
    dataDir, workers: 1, welcome: false,
    network: {
      isPublic: () => true,
      resolve: async (host) => {
        if (host === 'xn--bcher-kva.example' && resolvable) return [{ address: '127.0.0.1', family: 4 }];
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
    },
  });
}

beforeAll(async () => {
  site = await TestServer.start();
  base = `http://bücher.example:${new URL(site.origin).port}`;
  const items = [
    `<item><title>Frühjahr</title><link>${base}/نشرة/ربيع</link><guid>spring</guid><description>Kurz.</description></item>`,
    `<item><title>Umgezogen</title><link>${base}/alt/lesung</link><guid>moved</guid><description>Kurz.</description></item>`,
  ].join('');
  site.serve('/%D9%86%D8%B4%D8%B1%D8%A9/feed.xml', {
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bücherstube</title><link>${base}/</link>${items}</channel></rss>`, type: 'application/rss+xml; charset=UTF-8',
  });
  site.serve('/%D9%86%D8%B4%D8%B1%D8%A9/%D8%B1%D8%A8%D9%8A%D8%B9', { body: page('Wiedereröffnung im Frühjahr'), type: 'text/html; charset=utf-8' });
  // The Location's bytes are UTF-8 as the CMS wrote them, not percent-encoded.
  site.route('/alt/lesung', (_req, res) => void res.writeHead(301, { location: Buffer.from('/أخبار/lesung', 'utf8').toString('latin1') }).end());
  site.serve('/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/lesung', { body: page('Lesung zur Wiedereröffnung'), type: 'text/html; charset=utf-8' });
  core = open();
  feedId = (await core.api.addFeed(`${base}/نشرة/feed.xml`)).feed.id;
  await core.api.sync();
});
afterAll(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

async function article(title: string) {
  const listed = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 })).articles.find((a) => a.title === title)!;
  return (await core.api.getArticle(listed.id))!;
}

it('reads a feed and its pages at an address in the reader\'s letters, and a redirect written in raw UTF-8', async () => {
  for (const title of ['Frühjahr', 'Umgezogen']) {
    const read = await article(title);
    expect(read.fullTextState, title).toBe('done');
    expect(read.html, title).toContain('Die Buchhandlung am Markt öffnet im Frühjahr wieder');
  }
});

it('names a host it cannot find (its domain lapsed) as the person wrote it', async () => {
  resolvable = false;
  await core.close();
  core = open();
  await core.api.sync();
  const feed = (await core.api.listFeeds()).find((f) => f.id === feedId)!;
  expect(feed.lastError).toBe("could not resolve host bücher.example: if this computer is online, the site's name may have lapsed (open its address in a browser to check)");
});

it('keeps a look-alike host mixing scripts in punycode, as a browser shows it', () => {
  expect(readableHost('xn--bcher-kva.example:8080')).toBe('bücher.example:8080');
  expect(readableHost('xn--r8jz45g.xn--zckzah')).toBe('例え.テスト');
  // "раypal": Cyrillic р and а among Latin letters.
  expect(readableHost('xn--ypal-43d9g.com')).toBe('xn--ypal-43d9g.com');
});
