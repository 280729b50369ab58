import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/app/ipc-protocol';
import { parseCallMessage, RemoteError, replyOf, valueOf } from '../../shared/wire';

// Shaped like the router's ApiError (a name and a string code), without loading the core.
class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

describe('the IPC sender check', () => {
  it('trusts only the top frame showing the app origin', () => {
    expect(isTrustedSender({ url: 'app://paperboy/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://paperboy/', isMainFrame: true })).toBe(true);
  });

  it('refuses sub-frames, other origins and vanished frames', () => {
    expect(isTrustedSender({ url: 'app://paperboy/index.html', isMainFrame: false })).toBe(false);
    for (const url of ['https://example.com/', 'file:///app/index.html', 'app://evil/', 'app://paperboy@evil/', 'about:blank', 'data:text/html,x', '']) {
      expect(isTrustedSender({ url, isMainFrame: true }), url).toBe(false);
    }
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('call messages', () => {
  it('take a method name and an argument array', () => {
    expect(parseCallMessage('listFeeds', [])).toEqual({ method: 'listFeeds', args: [] });
    expect(parseCallMessage('listFeeds', undefined)).toEqual({ method: 'listFeeds', args: [] });
    expect(parseCallMessage('addFeed', ['https://example.com/', null])).toEqual({ method: 'addFeed', args: ['https://example.com/', null] });
  });

  it('refuse anything else before it reaches the router', () => {
    expect(parseCallMessage(42, [])).toBeNull();
    expect(parseCallMessage({ toString: () => 'listFeeds' }, [])).toBeNull();
    expect(parseCallMessage('listFeeds', { 0: 'x', length: 1 })).toBeNull();
    expect(parseCallMessage('listFeeds', 'x')).toBeNull();
    expect(parseCallMessage('x'.repeat(101), [])).toBeNull();
  });
});

describe('reply envelopes', () => {
  it('carry values and errors with their name, message and code', async () => {
    expect(await replyOf(() => 42)).toEqual({ ok: true, value: 42 });
    expect(await replyOf(async () => ({ a: 1 }))).toEqual({ ok: true, value: { a: 1 } });
    expect(await replyOf(() => {
      throw new ApiError('invalid arguments for addFeed: 0: a URL is required', 'invalid-arguments');
    })).toEqual({ ok: false, error: { name: 'ApiError', message: 'invalid arguments for addFeed: 0: a URL is required', code: 'invalid-arguments' } });
    expect(await replyOf(() => Promise.reject('plain string'))).toEqual({ ok: false, error: { name: 'Error', message: 'plain string', code: null } });
  });

  it('turn back into values or RemoteErrors on the page side', async () => {
    expect(valueOf(await replyOf(() => 'x'))).toBe('x');
    const failed = await replyOf(() => {
      throw new ApiError('feed not found', 'not-found');
    });
    expect(() => valueOf(failed)).toThrow(RemoteError);
    try {
      valueOf(failed);
    } catch (error) {
      expect(error).toMatchObject({ name: 'ApiError', message: 'feed not found', code: 'not-found' });
    }
    expect(() => valueOf(undefined)).toThrow('malformed reply');
    expect(() => valueOf('ok')).toThrow('malformed reply');
  });
});
