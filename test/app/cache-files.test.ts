import { describe, expect, it } from 'vitest';
import { cacheRequestHash, cacheResponseHeaders, servableImageType } from '../../electron/host-kit/cache-files';
import { parseCsp } from '../../electron/host-kit/csp';
import { cacheUrl } from '../../shared/cache-url';

const HASH = 'ab'.repeat(32);

describe('paperboy-cache:// requests', () => {
  it('name a 64-hex content hash, with or without the trailing slash Chromium adds', () => {
    expect(cacheRequestHash(cacheUrl(HASH))).toBe(HASH);
    expect(cacheRequestHash(`${cacheUrl(HASH)}/`)).toBe(HASH);
  });

  it('refuse anything else', () => {
    for (const url of [
      'paperboy-cache://',
      `paperboy-cache://${HASH.slice(1)}`,
      `paperboy-cache://${HASH}0`,
      `paperboy-cache://${HASH.toUpperCase()}`,
      `paperboy-cache://${HASH}/../x`,
      `paperboy-cache://${HASH}?x=1`,
      `paperboy-cache://${HASH}#x`,
      `paperboy-cache://../../${HASH}`,
      `paperboy-cache://%2e%2e/${HASH}`,
      `paperboy-cache:///etc/passwd`,
      `app://paperboy/${HASH}`,
      `file:///${HASH}`,
    ]) {
      expect(cacheRequestHash(url), url).toBeNull();
    }
  });

  it('serve images with their stored type, nosniff, and nothing else', () => {
    expect(servableImageType('image/png')).toBe('image/png');
    expect(servableImageType('IMAGE/JPEG; charset=binary')).toBe('image/jpeg');
    expect(servableImageType('image/svg+xml')).toBe('image/svg+xml');
    for (const mime of [null, '', 'text/html', 'application/xhtml+xml', 'text/xml', 'application/octet-stream', 'image/png2']) {
      expect(servableImageType(mime), String(mime)).toBeNull();
    }
    expect(cacheResponseHeaders('image/webp')).toMatchObject({ 'Content-Type': 'image/webp', 'X-Content-Type-Options': 'nosniff' });
  });

  it('serve an SVG drawing with a CSP of its own: its inline styles and data: pictures, no script, no request, sandboxed', () => {
    const headers = cacheResponseHeaders('image/svg+xml');
    expect(headers).toMatchObject({ 'Content-Type': 'image/svg+xml', 'X-Content-Type-Options': 'nosniff' });
    const policy = parseCsp(headers['Content-Security-Policy']!);
    expect(policy).toEqual({ 'default-src': ["'none'"], 'style-src': ["'unsafe-inline'"], 'img-src': ['data:'], sandbox: [] });
  });
});
