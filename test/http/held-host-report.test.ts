// The sync log's line for a host that asked to wait says how long is left, and never a time below
// zero: a wait that ends before the sync does (a short Retry-After, a long sync) reads "0 s left",
// not "-4 s left". No request leaves for a host still waiting, so no server is needed.
import { expect, it } from 'vitest';
import { createHttpClient, HostMemory } from '../../electron/core/http';

it('says a wait that ended during the sync has nothing left, not a time below zero', async () => {
  let now = 1_000_000;
  const client = createHttpClient({ userAgent: 'Paperboy/test' });
  const memory = new HostMemory(client, { now: () => now, heldUntil: new Map([['127.0.0.1:9', now + 2_000]]) });
  try {
    await expect(memory.client.fetch({ url: 'http://127.0.0.1:9/img/1.jpg', purpose: 'image', maxBytes: 1024 })).rejects.toThrow();
    expect(memory.report()).toEqual(['127.0.0.1:9 asked to wait (2 s left): 1 image skipped, tried again when the wait is over']);
    now += 6_000;
    expect(memory.report()).toEqual(['127.0.0.1:9 asked to wait (0 s left): 1 image skipped, tried again when the wait is over']);
  } finally {
    client.close();
  }
});
