// The preview's Host check in words: a person who typed localhost instead of the printed
// 127.0.0.1 address used to read a bare "wrong Host header".
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../electron/preview/guard';

const config = { host: '127.0.0.1', port: 8123, token: 'secret-token' };

describe('the Host check', () => {
  it('tells a person who typed localhost which address to open, without the token', () => {
    const verdict = checkSource({ host: 'localhost:8123' }, config);
    expect(verdict).toEqual({ ok: false, status: 421, reason: 'wrong Host header: open http://127.0.0.1:8123/ (the address the preview printed), not localhost:8123' });
    expect(JSON.stringify(verdict)).not.toContain('secret-token');
    expect(checkSource({ host: '127.0.0.1:8123' }, config)).toEqual({ ok: true });
  });
});
