// The real WordPress of test/wordpress/setup.sh, seen from a test: whether it is there (and why
// not, in one line, for the skip), and the site owner's controls (wp.php) as functions.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const SETUP = path.join(HERE, '..', 'setup.sh');
const CONTROLS = path.join(HERE, '..', 'wp.php');
export const WP_ORIGIN = `http://127.0.0.1:${process.env.PAPERBOY_WP_PORT ?? '8089'}`;

/** Null when the real site can be used; else why not (the tests skip with it). */
function unavailable(): string | null {
  if (process.getuid?.() !== 0) return 'the real WordPress tests need root (test/wordpress/setup.sh starts Apache and MariaDB)';
  if (!existsSync('/usr/share/wordpress/wp-settings.php')) return "the real WordPress tests need Debian's wordpress package: run test/wordpress/setup.sh (.ci/run does)";
  try {
    // Installed: make sure both servers are up (a no-op when they are).
    execFileSync('bash', [SETUP], { stdio: 'pipe', timeout: 120_000 });
    return null;
  } catch (error) {
    return `the real WordPress could not be started: ${String((error as { stderr?: Buffer }).stderr ?? error).split('\n')[0]}`;
  }
}

export const WORDPRESS_MISSING = unavailable();
if (WORDPRESS_MISSING) console.warn(`skipped: ${WORDPRESS_MISSING}`);

/** Runs one of wp.php's commands on the site and returns what it prints. */
export function wp<T = unknown>(...args: string[]): T {
  return JSON.parse(execFileSync('php', [CONTROLS, ...args], { encoding: 'utf8', timeout: 60_000 })) as T;
}

export interface SiteComment {
  readonly id: number;
  readonly parent: number;
  readonly author: string;
  readonly approved: string;
  readonly content: string;
}

/** A clean site (no posts, no comments) with plain or pretty permalinks, and one new post. */
export function freshPost(title: string, permalinks: 'plain' | 'pretty' = 'plain'): { id: number; url: string } {
  wp('reset', permalinks);
  return wp<{ id: number; url: string }>('post', title);
}

/** The site's feed: the address a person would subscribe to. */
export function siteFeedUrl(permalinks: 'plain' | 'pretty' = 'plain'): string {
  return permalinks === 'pretty' ? `${WP_ORIGIN}/feed/` : `${WP_ORIGIN}/?feed=rss2`;
}
