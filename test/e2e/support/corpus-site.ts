// Pages of the article corpus (test/fixtures/corpus/pages/) served as their publishers would, on
// the loopback: every publisher's host answers on one local port (the core's DNS hook sends each
// name there), its pages' addresses are rewritten to that port, and a feed lists them, each titled by its corpus name first. Each image
// is a PNG of the size its tag declares (1200 x 800 when it declares none; a wiki's formula, an SVG), so the reader lays a
// page out as the real one would be.
import type { NetworkHooks } from '../../../electron/core/http';
import { corpusPages } from '../../support/corpus-pages';
import { makePng } from '../../support/images';
import { TestServer } from '../../support/server';

export interface CorpusSite {
  readonly server: TestServer;
  readonly feedUrl: string;
  /** For openApp's core: every host is this server, and counts as the internet. */
  readonly network: NetworkHooks;
}

const DEFAULT_SIZE: readonly [number, number] = [1200, 800];

/** The page's images' sizes, by host and path, from their tags' width and height. */
function declaredSizes(html: string, into: Map<string, readonly [number, number]>): void {
  for (const tag of html.match(/<img\b[^>]*>/gi) ?? []) {
    const width = Number(/\swidth="?(\d+)/i.exec(tag)?.[1] ?? 0);
    const height = Number(/\sheight="?(\d+)/i.exec(tag)?.[1] ?? 0);
    const src = /\ssrc="(http:[^"]+)"/i.exec(tag)?.[1];
    if (!src || !width) continue;
    const url = new URL(src.replaceAll('&amp;', '&'));
    into.set(url.host + url.pathname, [width, height || Math.round((width * DEFAULT_SIZE[1]) / DEFAULT_SIZE[0])]);
  }
}

export async function startCorpusSite(names: readonly string[]): Promise<CorpusSite> {
  const server = await TestServer.start();
  const port = new URL(server.origin).port;
  const local = (text: string) => text.replace(/https?:\/\/([a-z0-9.-]+\.[a-z]{2,})(?=[/"'?#\s<)]|$)/gi, `http://$1:${port}`);
  const pages = new Map<string, string>();
  const sizes = new Map<string, readonly [number, number]>();
  const found: string[] = [];
  const items: string[] = [];
  for (const page of corpusPages().filter((candidate) => names.includes(candidate.name))) {
    // Decoded already (corpusPages reads a legacy charset as the sync does): served as UTF-8.
    const html = local(page.html).replace(/<meta charset="?[^">]+"?\s*\/?>/i, '<meta charset="utf-8">');
    const url = new URL(local(page.url));
    pages.set(url.host + url.pathname, html);
    declaredSizes(html, sizes);
    // The corpus name leads the title: a test opens the article by it.
    const title = `${page.name}: ${/<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? page.name}`;
    found.push(page.name);
    items.push(`<item><title>${title}</title><link>${url.href.replaceAll('&', '&amp;')}</link><guid>${page.name}</guid><description>${page.name}</description></item>`);
  }
  const missing = names.filter((name) => !found.includes(name));
  if (missing.length > 0) throw new Error(`not in the corpus: ${missing.join(', ')}`);
  server.serve('/feed.xml', {
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Corpus</title><link>${server.origin}/</link><description>Corpus pages</description>${items.join('')}</channel></rss>`,
    type: 'application/rss+xml; charset=utf-8',
  });
  server.fallback((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const html = pages.get(url.host + url.pathname);
    if (html) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    // A wiki's formulas are SVG drawings (its math renderer's), which the image cache keeps made safe.
    if (url.pathname.includes('/svg/')) {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end('<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20"><text y="15">e</text></svg>');
      return;
    }
    const [width, height] = sizes.get(url.host + url.pathname) ?? DEFAULT_SIZE;
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(makePng(width, height, [90, 120, 150]));
  });
  return {
    server,
    feedUrl: server.url('/feed.xml'),
    network: { resolve: async () => [{ address: '127.0.0.1', family: 4 }], isPublic: () => true },
  };
}
