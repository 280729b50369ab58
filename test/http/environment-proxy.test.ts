// The proxy a terminal's environment names, as `npx paperboy` reads it (curl's rules, written
// down in electron/core/http/environment-proxy.ts): which variable serves which scheme, a login
// in the proxy's address, curl's default port, and the no_proxy forms offices use.
import { expect, it } from 'vitest';
import { proxyFromEnvironment } from '../../electron/core/http';

const routeOf = (env: Record<string, string>, url: string) => proxyFromEnvironment(env)?.(url) ?? 'no resolver';

it('names no resolver when no proxy variable is set, or only empty ones', () => {
  expect(proxyFromEnvironment({ PATH: '/usr/bin', no_proxy: 'example.com' })).toBeUndefined();
  expect(proxyFromEnvironment({ http_proxy: '', HTTPS_PROXY: '  ' })).toBeUndefined();
});

it('takes the scheme\'s own variable, lower case first, and all_proxy for a scheme without one', () => {
  const env = { http_proxy: 'http://cache.office.lan:3128', HTTP_PROXY: 'http://other.lan:8080', HTTPS_PROXY: 'tunnel.office.lan:8443' };
  expect(routeOf(env, 'http://news.example/feed')).toBe('PROXY cache.office.lan:3128');
  expect(routeOf(env, 'https://news.example/feed')).toBe('PROXY tunnel.office.lan:8443');
  expect(routeOf({ ALL_PROXY: 'http://gate.lan:3128' }, 'https://news.example/')).toBe('PROXY gate.lan:3128');
  expect(routeOf({ http_proxy: 'http://gate.lan:3128' }, 'https://news.example/')).toBe('DIRECT');
});

it('keeps the login of the proxy\'s address, and gives a proxy without a port curl\'s 1080', () => {
  expect(routeOf({ https_proxy: 'http://anna:rye%20bread@gate.lan:3128' }, 'https://news.example/')).toBe('PROXY anna:rye%20bread@gate.lan:3128');
  expect(routeOf({ https_proxy: 'http://gate.lan' }, 'https://news.example/')).toBe('PROXY gate.lan:1080');
  expect(routeOf({ https_proxy: 'http://gate.lan:80/' }, 'https://news.example/')).toBe('PROXY gate.lan:80');
  // Passed on as the kind it is: the client says it cannot speak it.
  expect(routeOf({ all_proxy: 'socks5://gate.lan:1080' }, 'https://news.example/')).toBe('SOCKS5 gate.lan:1080');
});

it('sends no_proxy\'s hosts direct: names and their subdomains, with or without a dot, name:port, addresses and blocks, or everything', () => {
  const env = { https_proxy: 'gate.lan:3128', http_proxy: 'gate.lan:3128', NO_PROXY: 'intranet.example, .corp.example,wiki.lan:8080,10.0.0.0/8,192.168.1.20' };
  expect(routeOf(env, 'https://intranet.example/')).toBe('DIRECT');
  expect(routeOf(env, 'https://news.intranet.example/')).toBe('DIRECT');
  expect(routeOf(env, 'https://notintranet.example/')).toBe('PROXY gate.lan:3128');
  expect(routeOf(env, 'https://hr.corp.example/')).toBe('DIRECT');
  expect(routeOf(env, 'https://corp.example/')).toBe('DIRECT');
  expect(routeOf(env, 'http://wiki.lan:8080/feed')).toBe('DIRECT');
  expect(routeOf(env, 'http://wiki.lan/feed')).toBe('PROXY gate.lan:3128');
  expect(routeOf(env, 'http://10.20.30.40/feed')).toBe('DIRECT');
  expect(routeOf(env, 'http://192.168.1.20/feed')).toBe('DIRECT');
  expect(routeOf(env, 'http://192.168.1.21/feed')).toBe('PROXY gate.lan:3128');
  expect(routeOf({ ...env, no_proxy: '*' }, 'https://news.example/')).toBe('DIRECT');
});

it('never sends this computer\'s own addresses through the proxy', () => {
  const env = { all_proxy: 'gate.lan:3128' };
  for (const url of ['http://localhost:8080/feed', 'http://127.0.0.1/feed', 'http://127.4.5.6:9000/', 'http://[::1]:3000/', 'http://app.localhost/']) {
    expect(routeOf(env, url)).toBe('DIRECT');
  }
});
