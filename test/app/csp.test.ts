import { describe, expect, it } from 'vitest';
import { APP_CSP, CACHE_CSP, parseCsp } from '../../electron/host-kit/csp';
import { appResponseHeaders } from '../../electron/app/app-files';
import { cacheResponseHeaders } from '../../electron/host-kit/cache-files';

const app = parseCsp(APP_CSP);

describe('the app Content-Security-Policy', () => {
  it('denies by default', () => {
    expect(app['default-src']).toEqual(["'none'"]);
  });

  it('runs only the app own scripts and styles: no inline, no eval, nothing remote', () => {
    expect(app['script-src']).toEqual(["'self'"]);
    expect(app['style-src']).toEqual(["'self'"]);
    expect(app['font-src']).toEqual(["'self'"]);
  });

  it('shows images from the app and the cache scheme only', () => {
    expect(app['img-src']).toEqual(["'self'", 'paperboy-cache:']);
  });

  it('allows no connections, frames, plug-ins, media, workers, forms or base changes', () => {
    for (const directive of ['connect-src', 'frame-src', 'child-src', 'object-src', 'media-src', 'worker-src', 'manifest-src', 'form-action', 'base-uri', 'frame-ancestors']) {
      expect(app[directive], directive).toEqual(["'none'"]);
    }
  });

  it('contains no wildcard, remote scheme or unsafe keyword anywhere', () => {
    const sources = Object.values(app).flat();
    for (const bad of ['*', 'http:', 'https:', 'ws:', 'wss:', 'data:', 'blob:', 'filesystem:', "'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'"]) {
      expect(sources, bad).not.toContain(bad);
    }
    expect(sources.some((source) => /^(https?|wss?):\/\//.test(source))).toBe(false);
  });

  it('lets HTML into the page only through the one Trusted Types policy the reader uses', () => {
    expect(app['require-trusted-types-for']).toEqual(["'script'"]);
    expect(app['trusted-types']).toEqual(['paperboy-sanitized']);
  });

  it('travels with every response of the app scheme', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(APP_CSP);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('the cache Content-Security-Policy', () => {
  it('sandboxes a cached file opened as a document, with no script and no subresource', () => {
    const cache = parseCsp(CACHE_CSP);
    expect(cache['default-src']).toEqual(["'none'"]);
    expect(cache).toHaveProperty('sandbox');
    expect(cache['sandbox']).toEqual([]);
    expect(cache).not.toHaveProperty('script-src');
    expect(cacheResponseHeaders('image/png')['Content-Security-Policy']).toBe(CACHE_CSP);
  });
});
