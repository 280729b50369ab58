// Which addresses count as the public internet: the ranges a public feed's content may reach.
import { describe, expect, it } from 'vitest';
import { isLocalName, isPublicAddress } from '../../electron/core/http/address-policy';

const LOCAL: readonly [string, string][] = [
  ['0.0.0.0', '"this network" (connects to the machine itself on Linux)'],
  ['0.255.255.255', 'this network, top'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback, anywhere in 127/8'],
  ['10.0.0.5', 'private 10/8'],
  ['172.16.0.1', 'private 172.16/12, bottom'],
  ['172.31.255.255', 'private 172.16/12, top'],
  ['192.168.1.1', 'private 192.168/16'],
  ['169.254.169.254', 'link-local (cloud metadata service)'],
  ['100.64.0.1', 'carrier-grade NAT 100.64/10'],
  ['100.127.255.255', 'carrier-grade NAT, top'],
  ['192.0.0.8', 'IETF protocol assignments'],
  ['192.0.2.10', 'documentation TEST-NET-1'],
  ['198.18.0.1', 'benchmarking'],
  ['198.51.100.7', 'documentation TEST-NET-2'],
  ['203.0.113.9', 'documentation TEST-NET-3'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast (SSDP)'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['::', 'unspecified IPv6'],
  ['::1', 'IPv6 loopback'],
  ['0:0:0:0:0:0:0:1', 'IPv6 loopback, written out'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
  ['::FFFF:10.1.2.3', 'IPv4-mapped private, upper case'],
  ['::ffff:169.254.169.254', 'IPv4-mapped link-local'],
  ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
  ['2002:7f00:1::1', '6to4 of 127.0.0.1'],
  ['2002:c0a8:101::', '6to4 of 192.168.1.1'],
  ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
  ['fc00::1', 'unique local fc00::/7'],
  ['fd12:3456:789a::1', 'unique local fd00::/8'],
  ['fe80::1', 'link-local fe80::/10'],
  ['febf:ffff::1', 'link-local, top'],
  ['fe80::1%eth0', 'link-local with a zone'],
  ['fec0::1', 'site-local (deprecated)'],
  ['ff02::1', 'multicast'],
  ['100::1', 'discard-only'],
  ['2001:db8::1', 'documentation'],
  ['2001:0:4136:e378::1', 'Teredo'],
  ['localhost', 'a name, not an address'],
  ['', 'empty'],
  ['127.1', 'short form: not an address here (URLs normalise it to 127.0.0.1 first)'],
  ['1.2.3', 'not an address'],
];

const PUBLIC: readonly [string, string][] = [
  ['1.1.1.1', 'a public resolver'],
  ['8.8.8.8', 'a public resolver'],
  ['93.184.216.34', 'a web server'],
  ['172.15.255.255', 'just below 172.16/12'],
  ['172.32.0.0', 'just above 172.16/12'],
  ['100.63.255.255', 'just below carrier-grade NAT'],
  ['100.128.0.0', 'just above carrier-grade NAT'],
  ['169.253.255.255', 'just below link-local'],
  ['11.0.0.0', 'just above 10/8'],
  ['223.255.255.255', 'just below multicast'],
  ['::ffff:8.8.8.8', 'IPv4-mapped public'],
  ['64:ff9b::808:808', 'NAT64 of 8.8.8.8'],
  ['2002:808:808::1', '6to4 of 8.8.8.8'],
  ['2606:4700:4700::1111', 'global unicast'],
  ['2a00:1450:4001:80b::200e', 'global unicast'],
  ['2001:200::1', 'global unicast just past the IETF block'],
];

describe('isPublicAddress', () => {
  it.each(LOCAL)('%s is the local network (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(PUBLIC)('%s is public (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('isLocalName (a name a SOCKS proxy is never asked for in content)', () => {
  it('knows local names by their shape alone', () => {
    for (const name of ['localhost', 'LOCALHOST', 'app.localhost', 'printer.local', 'printer.local.', 'nas.home.arpa', 'wiki.corp.internal', 'router.lan', 'intranet']) {
      expect(isLocalName(name), name).toBe(true);
    }
  });
  it('leaves every other name to the proxy, Tor’s .onion and names that merely contain a local word too', () => {
    for (const name of ['ferry.example', 'localhost.example.com', 'local.news.example', 'lan.example', 'duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion', 'internal.example.org']) {
      expect(isLocalName(name), name).toBe(false);
    }
  });
});
