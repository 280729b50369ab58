import { describe, expect, it } from 'vitest';
import { allowNavigation, allowPermission, decideWindowOpen, externalUrl, GRANTED_PERMISSIONS, REMOTE_URL_PATTERNS } from '../../electron/app/navigation';

describe('openExternal allowlist', () => {
  it('opens http, https and mailto links, normalized by the URL parser', () => {
    expect(externalUrl('https://example.com/a b?q=1#top')).toBe('https://example.com/a%20b?q=1#top');
    expect(externalUrl('http://EXAMPLE.com')).toBe('http://example.com/');
    expect(externalUrl('HTTPS://example.com/')).toBe('https://example.com/');
    expect(externalUrl('mailto:editor@example.com?subject=Hi')).toBe('mailto:editor@example.com?subject=Hi');
    expect(externalUrl('https://xn--bcher-kva.example/')).toBe('https://xn--bcher-kva.example/');
  });

  it('keeps only to, cc, bcc, subject and body of a mailto link: an attach= would add a file of the person\'s', () => {
    expect(externalUrl('mailto:editor@example.com?subject=Tip&attach=/home/jo/.ssh/id_rsa&body=See%20this')).toBe('mailto:editor@example.com?subject=Tip&body=See%20this');
    expect(externalUrl('mailto:a@example.com?Attachment=C:%5CUsers%5Cjo%5Ctax.pdf&CC=b@example.com&%61ttach=x')).toBe('mailto:a@example.com?CC=b@example.com');
    expect(externalUrl('mailto:a@example.com?attach=%2Fetc%2Fpasswd')).toBe('mailto:a@example.com');
    expect(externalUrl('mailto:a@example.com?to=d@example.com&bcc=c@example.com&x-mailer=evil&body=Hi+there')).toBe('mailto:a@example.com?to=d@example.com&bcc=c@example.com&body=Hi+there');
    expect(externalUrl('mailto:a@example.com?%zz=1&subject=ok')).toBe('mailto:a@example.com?subject=ok');
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'file:///etc/passwd',
      'file://server/share/evil.exe',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'blob:https://example.com/uuid',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'app://paperboy/index.html',
      'paperboy-cache://' + 'a'.repeat(64),
      'ftp://example.com/',
      'chrome://settings',
      'about:blank',
      'tel:+15551234',
    ]) {
      expect(externalUrl(url), url).toBeNull();
    }
  });

  it('refuses malformed, disguised or oversized URLs and non-strings', () => {
    for (const url of [
      '',
      'example.com',
      '//example.com/',
      'https://',
      'https://user:pass@example.com/',
      'https://user@example.com/',
      ' \tjavascript:alert(1)',
      'https://example.com/\u0000.exe',
      'https://exa\nmple.com/',
      'mailto:',
      `https://example.com/${'a'.repeat(9000)}`,
    ]) {
      expect(externalUrl(url), JSON.stringify(url.slice(0, 40))).toBeNull();
    }
    for (const value of [null, undefined, 42, {}, ['https://example.com/'], { href: 'https://example.com/' }]) {
      expect(externalUrl(value)).toBeNull();
    }
  });
});

describe('windows and navigation', () => {
  it('never opens a new window; web links go to the system browser', () => {
    expect(decideWindowOpen('https://example.com/story')).toEqual({ action: 'deny', openExternal: 'https://example.com/story' });
    expect(decideWindowOpen('mailto:a@example.com')).toEqual({ action: 'deny', openExternal: 'mailto:a@example.com' });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', openExternal: null });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', openExternal: null });
    expect(decideWindowOpen('app://paperboy/index.html')).toEqual({ action: 'deny', openExternal: null });
    expect(decideWindowOpen('about:blank')).toEqual({ action: 'deny', openExternal: null });
  });

  it('refuses every navigation, even to the app itself', () => {
    for (const url of ['https://example.com/', 'app://paperboy/index.html', 'file:///etc/passwd', 'about:blank', 'javascript:alert(1)']) {
      expect(allowNavigation(url)).toBe(false);
    }
  });

  it('grants no permission', () => {
    expect(GRANTED_PERMISSIONS.size).toBe(0);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'midiSysex', 'unknown']) {
      expect(allowPermission(permission), permission).toBe(false);
    }
  });

  it('cancels every network request of the session', () => {
    expect([...REMOTE_URL_PATTERNS].sort()).toEqual(['ftp://*/*', 'http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
  });
});
