import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../electron/app/app-files';
import { contentTypeFor } from '../../electron/host-kit/static-files';

const ROOT = '/opt/Paperboy/resources/app.asar/dist/renderer';

function inside(file: string, root = ROOT, p: typeof path.posix = path.posix): boolean {
  const relative = p.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !p.isAbsolute(relative);
}

describe('app:// requests to renderer files', () => {
  it('serves index.html for the root and files by their path', () => {
    expect(resolveAppRequest('app://paperboy/', ROOT, path.posix)).toEqual({ ok: true, file: `${ROOT}/index.html`, contentType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://paperboy/index.html', ROOT, path.posix)).toMatchObject({ ok: true, file: `${ROOT}/index.html` });
    expect(resolveAppRequest('app://paperboy/assets/index-Ab12.js', ROOT, path.posix)).toEqual({
      ok: true,
      file: `${ROOT}/assets/index-Ab12.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://paperboy/assets/a%20b.css?v=1#x', ROOT, path.posix)).toMatchObject({ ok: true, file: `${ROOT}/assets/a b.css` });
  });

  it('refuses other origins', () => {
    for (const url of ['app://evil/index.html', 'app://paperboy@evil/index.html', 'file:///etc/passwd', 'https://paperboy/index.html', 'app://paperboy:1/index.html']) {
      expect(resolveAppRequest(url, ROOT, path.posix), url).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('never resolves outside the renderer folder, whatever the traversal trick', () => {
    const attacks = [
      'app://paperboy/../../../../etc/passwd',
      'app://paperboy/assets/../../main.js',
      'app://paperboy/%2e%2e/%2e%2e/main.js',
      'app://paperboy/%2E%2E/package.json',
      'app://paperboy/.%2e/.%2e/package.json',
      'app://paperboy/..%2f..%2fpackage.json',
      'app://paperboy/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://paperboy/..%5c..%5cpackage.json',
      'app://paperboy/..\\..\\package.json',
      'app://paperboy/%252e%252e/%252e%252e/package.json',
      'app://paperboy//etc/passwd',
      'app://paperboy/%2fetc%2fpasswd',
      'app://paperboy/C:/Windows/win.ini',
      'app://paperboy/C%3a/Windows/win.ini',
      'app://paperboy/index.html%00.png',
      'app://paperboy/%E0%A4%A',
      'app://paperboy/./index.html/..',
    ];
    for (const url of attacks) {
      const result = resolveAppRequest(url, ROOT, path.posix);
      if (result.ok) expect(inside(result.file), `${url} -> ${result.file}`).toBe(true);
    }
    // The ones the URL parser does not already fold are refused outright.
    for (const url of ['app://paperboy/..%2f..%2fpackage.json', 'app://paperboy/..%5c..%5cpackage.json', 'app://paperboy/C%3a/Windows/win.ini', 'app://paperboy/index.html%00.png', 'app://paperboy/%E0%A4%A']) {
      expect(resolveAppRequest(url, ROOT, path.posix).ok, url).toBe(false);
    }
  });

  it('holds with Windows paths too', () => {
    const root = 'C:\\Program Files\\Paperboy\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppRequest('app://paperboy/assets/x.js', root, path.win32)).toMatchObject({ ok: true, file: `${root}\\assets\\x.js` });
    for (const url of ['app://paperboy/..%5c..%5cmain.js', 'app://paperboy/C:/Windows/win.ini', 'app://paperboy/%5c%5cserver%5cshare%5cx.js', 'app://paperboy/..\\..\\main.js']) {
      const result = resolveAppRequest(url, root, path.win32);
      if (result.ok) expect(inside(result.file, root, path.win32), `${url} -> ${result.file}`).toBe(true);
    }
  });

  it('serves only the file types the renderer ships', () => {
    expect(resolveAppRequest('app://paperboy/secret.db', ROOT, path.posix)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('app://paperboy/assets', ROOT, path.posix)).toMatchObject({ ok: false, status: 404 });
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('A.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('run.sh')).toBeNull();
  });
});
