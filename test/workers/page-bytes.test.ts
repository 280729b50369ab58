// A fetched page goes to the parse worker as the bytes it came in: moved there rather than copied
// (a page is tens of kilobytes, and the main thread neither decodes nor copies it), and decoded
// there by its own charset. A small page cut from Node's shared buffer pool is copied instead:
// moving it would take other buffers of the pool along. A page that came compressed is inflated
// there too, in one call (http/inflate.ts), up to the page cap.
import zlib from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { WorkerPool } from '../../electron/core/workers/pool';

const pool = new WorkerPool(1);
afterAll(() => pool.close());

const paragraph = '<p>Le conseil a adopté le budget du port après un long débat sur le ferry et le marché aux poissons.</p>';
const page = `<!doctype html><html lang="fr"><head><meta charset="windows-1252"><title>Budget du port</title></head>
<body><nav><a href="/">Accueil</a></nav><article><h1>Le budget du port est adopté</h1>${paragraph.repeat(40)}</article></body></html>`;
const CAP = 5 * 1024 * 1024;
const at = { pageUrl: 'http://127.0.0.3/port/budget', feedHtml: null, feedItemUrl: 'http://127.0.0.3/port/budget' };

it("reads the article from the page's bytes in its own charset, and the bytes move to the worker", async () => {
  const bytes = Buffer.concat([Buffer.from(page, 'latin1')]);
  expect(bytes.byteLength).toBe(bytes.buffer.byteLength); // a buffer of its own, as a page's body is
  const prepared = await pool.run('preparePage', bytes, 'text/html', null, CAP, at);
  expect(prepared.text).toContain('Le conseil a adopté le budget du port');
  expect(prepared.lang).toBe('fr');
  expect(bytes.byteLength).toBe(0);
});

it("copies a small page cut from Node's shared pool, leaving the pool's other buffers whole", async () => {
  const small = Buffer.from(`<html><body><article><h1>Brève</h1>${paragraph.repeat(3)}</article></body></html>`, 'latin1');
  const neighbour = Buffer.from('the buffer next to it', 'latin1');
  expect(small.buffer).toBe(neighbour.buffer);
  const prepared = await pool.run('preparePage', small, 'text/html; charset=windows-1252', null, CAP, at);
  expect(prepared.text).toContain('marché aux poissons');
  expect(small.toString('latin1')).toContain('Brève');
  expect(neighbour.toString('latin1')).toBe('the buffer next to it');
});

it('inflates a page that came gzipped, then reads it in its own charset', async () => {
  const gzipped = zlib.gzipSync(Buffer.from(page, 'latin1'));
  const prepared = await pool.run('preparePage', gzipped, 'text/html', 'gzip', CAP, at);
  expect(prepared.text).toContain('Le conseil a adopté le budget du port');
  expect(prepared.lang).toBe('fr');
});

it('inflates a page gzipped by a server that did not say so (a precompressed file without its Content-Encoding)', async () => {
  const prepared = await pool.run('preparePage', zlib.gzipSync(Buffer.from(page, 'latin1')), 'text/html', null, CAP, at);
  expect(prepared.text).toContain('Le conseil a adopté le budget du port');
  expect(prepared.extractionNote).toBeNull();
});

it("fails with the HTTP client's words when the page does not inflate, or inflates past the cap", async () => {
  await expect(pool.run('preparePage', Buffer.from('this is not gzip'), 'text/html', 'gzip', CAP, at)).rejects.toMatchObject({
    name: 'HttpError',
    message: 'the server said its answer was gzip-compressed, but it could not be decompressed (a browser refuses it too)',
  });
  await expect(pool.run('preparePage', zlib.gzipSync(Buffer.from(page, 'latin1')), 'text/html', 'gzip', 1024, at)).rejects.toMatchObject({
    name: 'HttpError',
    message: 'too large (over 1 KB)',
  });
});
