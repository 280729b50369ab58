// Checklist item "Use a current version of Electron", offline: Electron supports its latest three
// majors and ships one every 8 weeks, so from known stable dates (security/electron-releases.json)
// the latest major on any day can be estimated. The pinned Electron must be one the project still
// patches today: this test starts failing, without any network, once it falls out of support.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/processes';

interface Releases {
  checked: string;
  supportedMajors: number;
  cadenceDays: number;
  stable: Record<string, string>;
}

const DAY = 86_400_000;
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
const releases = readJson<Releases>('security/electron-releases.json');
const pinned = readJson<{ devDependencies: Record<string, string> }>('package.json').devDependencies.electron!;
const pinnedMajor = Number(pinned.split('.')[0]);
const known = Object.entries(releases.stable)
  .map(([major, date]) => ({ major: Number(major), time: Date.parse(`${date}T00:00:00Z`) }))
  .sort((a, b) => a.major - b.major);

/** The newest stable major on a day: the newest known release before it plus one per cadence. */
function latestMajorOn(time: number, table = known): number {
  const anchor = table.filter((release) => release.time <= time).at(-1);
  if (!anchor) throw new Error(`no known Electron release before ${new Date(time).toISOString()}`);
  return anchor.major + Math.floor((time - anchor.time) / (releases.cadenceDays * DAY));
}

const isSupported = (major: number, time: number) => major > latestMajorOn(time) - releases.supportedMajors;

/** The day the major that ends `major`'s support is expected to ship. */
function supportEnds(major: number): Date {
  const anchor = known.at(-1)!;
  return new Date(anchor.time + (major + releases.supportedMajors - anchor.major) * releases.cadenceDays * DAY);
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('the Electron version', () => {
  it('is pinned exactly, and is the one installed', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readJson<{ version: string }>('node_modules/electron/package.json').version).toBe(pinned);
  });

  it('is a major the Electron project still supports today', () => {
    const latest = latestMajorOn(Date.now());
    expect(
      isSupported(pinnedMajor, Date.now()),
      `Electron ${pinnedMajor} is out of support: the latest major is about ${latest} and only the latest ${releases.supportedMajors} get security fixes ` +
        `(support ended about ${supportEnds(pinnedMajor).toISOString().slice(0, 10)}). Upgrade electron in package.json; if Electron's schedule changed, ` +
        `update security/electron-releases.json (last checked ${releases.checked}).`,
    ).toBe(true);
  });

  it('is estimated by a cadence that reproduces every known release date from the oldest one', () => {
    const [oldest, ...later] = known;
    expect(later.length).toBeGreaterThan(0);
    for (const release of later) expect(latestMajorOn(release.time, [oldest!]), `Electron ${release.major}`).toBe(release.major);
  });

  // Between two known dates the estimate can be a few days early (a holiday stretched a gap), so
  // this check errs on the side of upgrading.
  it('counts a major out of support from the day the third newer one ships, ours included', () => {
    expect(isSupported(39, day('2026-05-05'))).toBe(false);
    expect(isSupported(40, day('2026-05-05'))).toBe(true);
    const end = supportEnds(pinnedMajor).getTime();
    expect(isSupported(pinnedMajor, end - DAY)).toBe(true);
    expect(isSupported(pinnedMajor, end)).toBe(false);
  });
});
