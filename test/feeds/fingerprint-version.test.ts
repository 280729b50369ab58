// The fingerprint's version is bumped whenever the rules change what it hashes (feeds/article-id.ts).
// A stored fingerprint is compared with the one the next sync makes: a rule that reads titles or
// bodies differently (an entity, a charset, a wrapper) changes the fingerprints of every item it
// touches, and without a new version each of those stored articles comes back "updated" (dated
// anew, listed on top, its page fetched again) at the first sync after the upgrade, none of them
// edited. With a new version the first sync records the new fingerprints and counts no edit.
//
// This test holds the fingerprints the feed corpus's items had under the current version
// (corpus/fingerprints.json, one digest per fixture) and fails when one moves while the version
// stays. Then either the change was not meant (fix it), or it was: bump FINGERPRINT_PREFIX and
// pin again. Pinning (new fixtures, or everything after a bump) runs the same file:
//   PIN_FINGERPRINTS=1 npx vitest run test/feeds/fingerprint-version.test.ts
// and refuses to re-pin a moved fingerprint under the version it was pinned with.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_PREFIX } from '../../electron/core/feeds/article-id';
import { documentText } from '../../electron/core/http';
import { DEFAULT_LIMITS } from '../../electron/core/sync/limits';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { loadCorpus } from './corpus/feed-corpus';

interface Pinned {
  /** The FINGERPRINT_PREFIX the digests were made under. */
  readonly version: string;
  /** Per fixture (class/name), a digest of its items' fingerprints in the feed's order. */
  readonly fixtures: Readonly<Record<string, string>>;
}

const pinFile = fileURLToPath(new URL('./corpus/fingerprints.json', import.meta.url));

async function corpusFingerprints(): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const c of loadCorpus()) {
    const text = documentText(c.bytes, c.contentType, DEFAULT_LIMITS.feedBytes, c.url, 'read what arrived');
    const items = await ingestFeed(text, c.url, 1).then((feed) => feed.items, () => []);
    if (items.length === 0) continue;
    const hash = createHash('sha256');
    for (const item of items) hash.update(`${item.fingerprint}\n`);
    digests.set(`${c.class}/${c.name}`, hash.digest('hex').slice(0, 24));
  }
  return digests;
}

function movedUnderSameVersion(pinned: Pinned, now: ReadonlyMap<string, string>): string[] {
  if (pinned.version !== FINGERPRINT_PREFIX) return [];
  return Object.entries(pinned.fixtures).filter(([name, digest]) => now.has(name) && now.get(name) !== digest).map(([name]) => name);
}

describe("the fingerprint's version", () => {
  it('changes whenever the fingerprints of the corpus do', async () => {
    const pinned = JSON.parse(readFileSync(pinFile, 'utf8')) as Pinned;
    const now = await corpusFingerprints();
    const moved = movedUnderSameVersion(pinned, now);
    if (process.env.PIN_FINGERPRINTS === '1') {
      expect(moved, `these fixtures' fingerprints moved under ${FINGERPRINT_PREFIX}: bump FINGERPRINT_PREFIX before pinning`).toEqual([]);
      const fixtures = Object.fromEntries([...now.entries()].sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(pinFile, `${JSON.stringify({ version: FINGERPRINT_PREFIX, fixtures } satisfies Pinned, null, 2)}\n`);
      return;
    }
    expect(
      moved,
      `The rules now make other fingerprints for these fixtures' items: every such stored article would come back "updated" at the next sync. ` +
        'Bump FINGERPRINT_PREFIX (electron/core/feeds/article-id.ts, with a line in its technote), then pin: PIN_FINGERPRINTS=1 npx vitest run test/feeds/fingerprint-version.test.ts',
    ).toEqual([]);
    expect(pinned.version, 'FINGERPRINT_PREFIX changed: pin the new fingerprints (PIN_FINGERPRINTS=1 npx vitest run test/feeds/fingerprint-version.test.ts)').toBe(FINGERPRINT_PREFIX);
    const unpinned = [...now.keys()].filter((name) => !(name in pinned.fixtures));
    expect(unpinned, 'new corpus fixtures: pin their fingerprints (PIN_FINGERPRINTS=1 npx vitest run test/feeds/fingerprint-version.test.ts)').toEqual([]);
  });
});
