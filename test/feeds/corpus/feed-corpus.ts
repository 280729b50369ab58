// Runs the feed corpus (test/fixtures/corpus/feeds) through the sync's own path: bytes and
// Content-Type -> documentText -> ingestFeed (parse, identify, sanitize), exactly as
// electron/core/sync/feed-sync.ts does, and compares what comes out with each fixture's
// expectations. Shared by the corpus test (which asserts) and bench/corpus/feeds.ts (which counts).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sanitizeFeedItem } from '../../../electron/core/articles';
import { documentText } from '../../../electron/core/http';
import { DEFAULT_LIMITS } from '../../../electron/core/sync/limits';
import { ingestFeed, type IngestedFeed } from '../../../electron/core/workers/tasks';
import { errorMessage } from '../../../shared/error-message';
import type { Expectation } from '../../fixtures/corpus/feeds/sources/fixture';

const root = fileURLToPath(new URL('../../fixtures/corpus/feeds/', import.meta.url));

export interface CorpusCase {
  readonly class: string;
  readonly name: string;
  readonly bytes: Buffer;
  readonly contentType: string | null;
  readonly url: string;
  readonly expect: Expectation;
}

export interface Check {
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly ok: boolean;
}

export interface Outcome {
  /** The message when ingesting failed. */
  readonly error: string | null;
  readonly checks: readonly Check[];
  /** Text that shows a decoding went wrong: U+FFFD, C1 controls, UTF-8 read as Latin-1. */
  readonly garbled: string | null;
}

export function loadCorpus(): CorpusCase[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'sources')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((dir) =>
      readdirSync(root + dir.name)
        .filter((file) => !file.endsWith('.expect.json'))
        .sort()
        .map((file): CorpusCase => {
          const sidecar = JSON.parse(readFileSync(`${root}${dir.name}/${file}.expect.json`, 'utf8')) as Expectation & { contentType: string | null; url: string };
          const { contentType, url, ...expect } = sidecar;
          return { class: dir.name, name: file, bytes: readFileSync(`${root}${dir.name}/${file}`), contentType, url, expect };
        }),
    );
}

export async function runCase(c: CorpusCase): Promise<Outcome> {
  let feed: IngestedFeed;
  try {
    feed = await ingestFeed(documentText(c.bytes, c.contentType, DEFAULT_LIMITS.feedBytes, c.url, 'read what arrived'), c.url, 1);
  } catch (error) {
    const message = errorMessage(error);
    const expected = c.expect.error;
    return { error: message, checks: [{ field: 'error', expected: expected ?? 'a feed', actual: message, ok: expected === message }], garbled: null };
  }
  const checks: Check[] = [];
  const check = (field: string, expected: unknown, actual: unknown, ok = expected === actual) => checks.push({ field, expected, actual, ok });
  const e = c.expect;
  if (e.error !== undefined) check('error', e.error, 'parsed as a feed', false);
  if (e.title !== undefined) check('title', e.title, feed.title);
  if (e.items !== undefined) check('items', e.items, feed.items.length);
  if (e.distinctIds !== undefined) check('distinctIds', e.distinctIds, new Set(feed.items.map((i) => i.id)).size);
  const first = feed.items[0];
  const f = e.first;
  if (f) {
    if (f.title !== undefined) check('first.title', f.title, first?.title);
    if (f.link !== undefined) check('first.link', f.link, first?.url);
    if (f.author !== undefined) check('first.author', f.author, first?.author);
    if (f.publishedAt !== undefined) {
      const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());
      check('first.publishedAt', iso(f.publishedAt === null ? null : Date.parse(f.publishedAt)), iso(first?.publishedAt));
    }
    if (f.text !== undefined) check('first.text', f.text, first?.feedText, first?.feedText.includes(f.text) ?? false);
    if (f.snippet !== undefined) check('first.snippet', f.snippet, first?.snippet, first?.snippet.includes(f.snippet) ?? false);
    if (f.image !== undefined) check('first.image', f.image, first?.imageUrl);
    if (f.comments !== undefined) check('first.comments', f.comments, first?.commentCount);
    if (f.html !== undefined) {
      // Stored raw, sanitized against its base when read: the HTML a page gets.
      const html = first ? (first.feedBase ? sanitizeFeedItem(first.feedHtml, first.feedBase) : first.feedHtml) : undefined;
      check('first.html', f.html, html, html?.includes(f.html) ?? false);
    }
  }
  return { error: null, checks, garbled: garbledText([feed.title, ...feed.items.flatMap((i) => [i.title, i.feedText])]) };
}

const GARBLED = /\ufffd|[\u0080-\u009f]|Ã[\u0080-\u00bf]|â€|Ð[\u0090-\u00bf]/;

function garbledText(texts: readonly string[]): string | null {
  return texts.find((t) => GARBLED.test(t)) ?? null;
}
