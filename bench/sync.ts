// `npm run bench:sync`: sync figures on a generated loopback news site (100 feeds x 50 items,
// each article a ~6 KB page with 2 images). Prints figures; asserts nothing.
//   feed-only sync, cold and warm (every feed answers 304): wall time and peak RSS
//   full offline sync (pages + images): articles per second
//   main event-loop delay p99 during each sync
// When `newsboat` is on PATH, it reloads the same feeds in the same run (reload-threads 8) and
// the our/newsboat ratios are printed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpml } from '../electron/core/feeds';
import { NewsSite } from '../test/support/news-site';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 100);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 50);

interface PhaseResult {
  wallMs: number;
  peakRssMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
  feedsFailed: number;
  newArticles: number;
  articlesFetched: number;
  imagesFetched: number;
  warnings: string[];
}

const site = await NewsSite.start({ feeds: FEEDS, itemsPerFeed: ITEMS });
const work = mkdtempSync(path.join(os.tmpdir(), 'paperboy-bench-'));
const opml = path.join(work, 'feeds.opml');
const feeds = site.feedUrls().map((url, id) => ({
  id: id + 1, url, title: `Feed ${id}`, siteUrl: null, iconUrl: null, folderId: null, fullText: true, images: true,
  lastStatus: 'never' as const, lastError: null, lastSuccessAt: null, lastFetchAt: null, unreadCount: 0, articleCount: 0, builtin: false,
}));
writeFileSync(opml, buildOpml([], feeds));

// The server runs in this process; each sync runs in a child process of its own.
function phase(dataDir: string, mode: 'feeds-only' | 'full', withOpml: boolean): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', path.join(import.meta.dirname, 'sync-phase.ts'), dataDir, mode, ...(withOpml ? [opml] : [])];
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as PhaseResult) : reject(new Error(`phase ${mode} exited ${code}`))));
  });
}

function runNewsboat(dir: string): Promise<number> {
  // Asynchronous on purpose: the feed server runs in this process and must keep answering.
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const proc = spawn('newsboat', ['-x', 'reload', '-u', path.join(dir, 'urls'), '-c', path.join(dir, 'cache.db'), '-C', path.join(dir, 'config')], {
      stdio: 'ignore',
      env: { ...process.env, HOME: dir },
    });
    proc.on('error', reject);
    proc.on('exit', () => resolve(performance.now() - started));
  });
}

async function newsboat(): Promise<{ coldMs: number; warmMs: number } | null> {
  if (spawnSync('sh', ['-c', 'command -v newsboat']).status !== 0) return null;
  const dir = path.join(work, 'newsboat');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'urls'), site.feedUrls().join('\n') + '\n');
  writeFileSync(path.join(dir, 'config'), 'reload-threads 8\n');
  const coldMs = await runNewsboat(dir);
  const warmMs = await runNewsboat(dir);
  return { coldMs, warmMs };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (value: number) => `${value.toFixed(0)} MB`;

try {
  console.log(`Paperboy sync benchmark: ${FEEDS} feeds x ${ITEMS} items on ${site.server.origin}, ${os.availableParallelism()} cores`);
  const feedsDir = path.join(work, 'feeds-only');
  const cold = await phase(feedsDir, 'feeds-only', true);
  const warm = await phase(feedsDir, 'feeds-only', false);
  const full = await phase(path.join(work, 'full'), 'full', true);
  const rate = full.articlesFetched / (full.wallMs / 1000);

  console.log(`feed-only sync, cold:   ${ms(cold.wallMs)}  peak RSS ${mb(cold.peakRssMb)}  loop p99 ${cold.loopP99Ms.toFixed(1)} ms  (${cold.newArticles} articles stored, ${cold.feedsFailed} feeds failed)`);
  console.log(`feed-only sync, warm:   ${ms(warm.wallMs)}  peak RSS ${mb(warm.peakRssMb)}  loop p99 ${warm.loopP99Ms.toFixed(1)} ms  (all 304: ${warm.feedsFailed === 0 ? 'yes' : 'no'})`);
  console.log(`full offline sync:      ${ms(full.wallMs)}  peak RSS ${mb(full.peakRssMb)}  loop p99 ${full.loopP99Ms.toFixed(1)} ms (max ${full.loopMaxMs.toFixed(0)} ms)`);
  console.log(`                        ${rate.toFixed(0)} articles/s (${full.articlesFetched} articles, ${full.imagesFetched} images)`);
  if (full.warnings.length) console.log(`warnings: ${full.warnings.join('; ')}`);

  const nb = await newsboat();
  if (nb) {
    console.log(`newsboat -x reload, cold: ${ms(nb.coldMs)}   warm: ${ms(nb.warmMs)}   (reload-threads 8)`);
    console.log(`ratio ours/newsboat: cold ${(cold.wallMs / nb.coldMs).toFixed(2)}x, warm ${(warm.wallMs / nb.warmMs).toFixed(2)}x  (target <= 0.5x)`);
  } else {
    console.log('newsboat not on PATH: no comparison (Debian: apt-get install newsboat)');
  }
  console.log('targets: articles/s >= 100, event-loop p99 <= 50 ms');
} finally {
  await site.stop();
  rmSync(work, { recursive: true, force: true });
}
