// A sync killed with SIGKILL, twenty times, at moments spread over a whole sync (the process
// starting up, feeds being stored, pages and images being saved, the tidy-up at the end), over
// one data folder that keeps growing as a real one does. After every kill the folder is checked
// from its files: the database passes integrity_check, no article is complete without its body
// and whole image files, and what the person did (read, starred, drafts) is untouched. Every few
// kills a sync runs to its end and must complete everything.
// Replay a run with PAPERBOY_KILL_SEED=<the printed seed>.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { runBundles } from '../support/bundle';
import { NewsSite } from '../support/news-site';
import { cliScript, runProgram } from '../support/processes';
import { seededRandom } from '../support/random';
import { removeTempDirs, tempDir } from '../support/temp';
import { checkDataFolder, personalState, releaseClosedConnections, type FolderReport } from './support/folder-check';
import { spreadMoments } from './support/kill-moments';

const FEEDS = 20;
/** Items each feed lists. */
const WINDOW = 20;
const IMAGES_PER_ARTICLE = 2;
const KILLS = 20;
/** New items per feed before each killed sync. With a sync run to its end every
 *  WINDOW / PER_ROUND kills, no item leaves its feed before a sync has stored it. */
const PER_ROUND = 10;
const COMPLETE_EVERY = WINDOW / PER_ROUND;

const seed = Number(process.env.PAPERBOY_KILL_SEED) || randomInt(1, 2 ** 31);
let site: NewsSite;
let dataDir: string;
let published = 0;
/** The bundled CLI, as `npx paperboy` runs it: it starts in a third of the time tsx takes, so
 *  fewer kills land before the sync has begun. */
let cli: string;

function paperboy(...args: string[]) {
  return runProgram(process.execPath, [cli, ...args]);
}

beforeAll(async () => {
  cli = cliScript(runBundles());
  site = await NewsSite.start({ feeds: FEEDS, itemsPerFeed: WINDOW, imagesPerArticle: IMAGES_PER_ARTICLE });
  dataDir = tempDir('paperboy-kill-');
  const opml = path.join(dataDir, 'feeds.opml');
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head/><body>${site.feedUrls().map((url) => `<outline type="rss" xmlUrl="${url}"/>`).join('')}</body></opml>`);
  expect((await paperboy('import', opml, '--data', dataDir)).stdout).toMatch(`Imported ${FEEDS} feeds`);
}, 120_000);
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

function publishRound(): void {
  for (let feed = 0; feed < FEEDS; feed++) for (let n = 0; n < PER_ROUND; n++) site.publish(feed);
  published += PER_ROUND;
}

/** A sync run to its end; returns its wall time, process start included. */
async function fullSync(): Promise<number> {
  const startedAt = Date.now();
  const run = await paperboy('sync', '--data', dataDir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return Date.now() - startedAt;
}

/** Starts `paperboy sync` and SIGKILLs it `afterMs` after the spawn; says whether it was still running. */
async function killedSync(afterMs: number): Promise<'killed' | 'had finished'> {
  const child = spawn(process.execPath, [cli, 'sync', '--data', dataDir], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  child.kill('SIGKILL');
  return (await exited) === 'SIGKILL' ? 'killed' : 'had finished';
}

/** After a sync that ran to its end: everything the site lists is stored and complete. */
function expectEverythingComplete(report: FolderReport): void {
  expect(report.pending).toBe(0);
  expect(report.tempFiles).toEqual([]);
  expect(report.articles).toBe(FEEDS * (WINDOW + published));
  for (const url of site.feedUrls()) expect(report.perFeed.get(url), url).toBe(WINDOW + published);
  expect(report.imageFiles).toBe(report.articles * IMAGES_PER_ARTICLE);
}

/** Reads some articles, stars some, writes two drafts: what no crash may take away. */
async function actLikeAPerson(): Promise<void> {
  const core = openCore({ dataDir, workers: 1, welcome: false });
  try {
    const { articles } = await core.api.listArticles({ filter: { kind: 'all' }, limit: 60 });
    await core.api.setRead(articles.slice(0, 40).map((a) => a.id), true);
    for (const article of articles.slice(35, 45)) await core.api.setStarred(article.id, true);
    await core.api.saveDraft({ articleId: articles[2]!.id, body: 'Written before the crashes.', name: 'Jo' });
    await core.api.saveDraft({ articleId: articles[50]!.id, body: 'A second thought.' });
  } finally {
    await core.close();
    releaseClosedConnections();
  }
}

it(`survives ${KILLS} SIGKILLs during syncs: sound database, no half-stored article, the next sync completes`, async () => {
  const firstMs = await fullSync();
  expectEverythingComplete(checkDataFolder(dataDir, IMAGES_PER_ARTICLE));
  await actLikeAPerson();
  const before = personalState(dataDir);
  expect(before.drafts).toHaveLength(2);

  // How long one round of news takes, from the spawn to the exit: the span the kills cover.
  publishRound();
  const spanMs = await fullSync();
  expectEverythingComplete(checkDataFolder(dataDir, IMAGES_PER_ARTICLE));
  const moments = spreadMoments(KILLS, spanMs, seededRandom(seed));
  console.log(`seed ${seed} (PAPERBOY_KILL_SEED); first sync ${firstMs} ms, one round ${spanMs} ms; kills at ${moments.join(', ')} ms`);

  const completions: number[] = [];
  let killedCount = 0;
  let last = checkDataFolder(dataDir, IMAGES_PER_ARTICLE);
  for (const [n, moment] of moments.entries()) {
    publishRound();
    const outcome = await killedSync(moment);
    if (outcome === 'killed') killedCount++;
    const report = checkDataFolder(dataDir, IMAGES_PER_ARTICLE);
    expect(personalState(dataDir)).toEqual(before);
    // What the killed process got done tells where in the sync it died.
    console.log(
      `kill ${n + 1} at ${moment} ms: ${outcome}; +${report.articles - last.articles} articles stored, ` +
        `+${report.complete - last.complete} completed (${report.pending} pending), ${report.imageFiles} image files, ${report.tempFiles.length} temp files`,
    );
    last = report;
    if ((n + 1) % COMPLETE_EVERY === 0) {
      completions.push(await fullSync());
      last = checkDataFolder(dataDir, IMAGES_PER_ARTICLE);
      expectEverythingComplete(last);
      expect(personalState(dataDir)).toEqual(before);
    }
  }
  console.log(`${killedCount} of ${KILLS} syncs killed while running; syncs run to the end after them: ${completions.join(', ')} ms`);
  // Most moments fall inside a sync; a few late ones may find it done, which tests no crash.
  expect(killedCount).toBeGreaterThanOrEqual(KILLS / 2);
}, 900_000);
