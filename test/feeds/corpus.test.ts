// The feed corpus (test/fixtures/corpus/feeds, written by its generate.ts): every fixture through
// the sync's path (decodeText -> ingestFeed) must meet every one of its expectations, or give
// exactly the clear error it expects, and no text may come out garbled.
import { describe, expect, it } from 'vitest';
import { loadCorpus, runCase } from './corpus/feed-corpus';

const corpus = loadCorpus();

describe('feed corpus', () => {
  it('holds at least 150 fixtures', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
  });

  it.each(corpus.map((c) => [`${c.class}/${c.name}`, c] as const))('%s', async (_name, c) => {
    const outcome = await runCase(c);
    expect(outcome.checks.filter((check) => !check.ok)).toEqual([]);
    expect(outcome.garbled).toBeNull();
  });
});
