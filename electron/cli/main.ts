// `paperboy`: headless sync and every API method from a terminal, over the same core and the
// same data folder as the desktop app. Every command goes through the core's validated contract
// (core.api / core.call), exactly as the app's calls do; nothing here reaches past the core's face.
import { constants } from 'node:os';
import { MAX_OPML_BYTES } from '../../shared/api-schema';
import { loginsLeftOutNote, withoutPasswords } from '../../shared/address-login';
import { errorMessage } from '../../shared/error-message';
import type { AddFeedResult, Feed, FeedId } from '../../shared/types';
import { API_METHODS } from '../../shared/wire';
import { defaultDataDir, describeContents, openCore, proxyFromEnvironment, restoreDataFolder, VERSION, xmlFileText, type PaperboyCore } from '../core';
import { nearest, parseCommandLine, UsageError, type CommandLine } from './command-line';
import { DataFolderError, dataFolderOf } from './data-folder';
import { choiceLines, noSuchPick, onlyOneFeed } from './feed-choice-lines';
import { InputFileError, readInputFile, writeOutputFile } from './input-file';
import { progressPrinter, summaryLine, wrapToWidth } from './progress';
import { NotSubscribedError, subscriptionFor } from './subscription-match';
import { syncRequestOf, type SyncFlags } from './sync-request';

const USAGE = `Usage: paperboy <command> [options]

Commands:
  sync [--feed URL ...] [--no-fulltext] [--no-images]
                                          fetch feeds and their articles for offline reading
      --feed URL                          sync only this subscription (repeat for more); a feed not
                                          subscribed to is refused: subscribe with \`add URL\` first
      --no-fulltext                       skip the articles' web pages: each article is kept as its
                                          feed gave it (its images and comments are still fetched)
      --no-images                         skip the articles' images, stored articles' lost ones too:
                                          articles are kept without them (new feeds' icons are still
                                          fetched, once)
      --no-fulltext --no-images           a feed refresh: only the feeds are fetched (and a new feed's
                                          icon); their new articles wait, pending, for the next sync
                                          without these flags
  add URL [--pick N]                      subscribe to a feed (or a site: its feed is discovered); a
                                          page naming several feeds has them listed, numbered, and
                                          the first (its own feed, else the site's) is subscribed to
      --pick N                            subscribe to the list's feed N instead (or add its URL)
  import FILE.opml                        import subscriptions
  export [FILE.opml]                      write subscriptions as OPML to FILE, or print them
  export-data FILE                        write all data (database, settings, images) to one backup file
  restore-data FILE                       replace this data folder's data with a backup's (refused while
                                          the app or another command has the folder open; the current
                                          database is kept aside, not deleted)
  call METHOD ['JSON-ARGS']               call any API method; JSON-ARGS is a JSON array of arguments
  help, --help, --version

Options:
  --data DIR    data folder (default: ${defaultDataDir()}; or $PAPERBOY_DATA_DIR)
`;

async function main(argv: string[]): Promise<number> {
  const line = parseCommandLine(argv);
  if (line.version) {
    console.log(VERSION);
    return 0;
  }
  if (line.help || !line.command || line.command === 'help') {
    console.log(USAGE);
    return line.command || line.help ? 0 : 2;
  }
  // Refused before the data folder is opened (which would create it).
  if (line.command === 'call') knownMethod(line.args[0]!);
  const dataDir = dataFolderOf(line.data);
  // Before the core opens the folder: a restore replaces its database.
  if (line.command === 'restore-data') return restore(dataDir, line.args);
  // The proxy the terminal's environment names (https_proxy, no_proxy, ...), read as curl reads it.
  const proxy = proxyFromEnvironment(process.env);
  const core = openCore({ dataDir, ...(proxy ? { proxy } : {}) });
  const interrupt = interruptible(core);
  try {
    // Told before anything else: the person may need the moved-aside file's path.
    for (const notice of await core.api.getNotices()) console.error(`paperboy: ${notice.title}. ${notice.message}`);
    // Work a command leaves running (a removed feed's articles being deleted) ends before the
    // folder is closed, or Ctrl-C leaves it to the next sync.
    const running = run(core, line).then(async (code) => {
      await core.idle();
      return code;
    });
    // Left unfinished by Ctrl-C, it fails against the closed core: nobody is waiting for that.
    running.catch(() => undefined);
    const code = await Promise.race([running, interrupt.abandoned]);
    return interrupt.exitCode() ?? code;
  } finally {
    await core.close();
  }
}

function run(core: PaperboyCore, line: CommandLine): Promise<number> {
  const { command, args } = line;
  switch (command) {
    case 'sync':
      return sync(core, line.feeds, { fullText: line.fullText, images: line.images });
    case 'add':
      return add(core, args[0]!, line.pick);
    case 'import':
      return importFile(core, args);
    case 'export':
      return exportFile(core, args);
    case 'call':
      return call(core, args);
    default:
      return exportData(core, args);
  }
}

/**
 * The signals that stop a command, each with the exit status shells report for a program it
 * stopped (128 + its number): Ctrl-C (130), `kill` and service managers (SIGTERM, 143), a closed
 * terminal or ssh session (SIGHUP, 129).
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const exitCodeOf = (signal: (typeof STOP_SIGNALS)[number]) => 128 + constants.signals[signal];

/**
 * A stop signal stops any command at once. A sync cancels itself cleanly and still says what it
 * did. Anything else (an add waiting on a stalled host) is abandoned, and closing the core under
 * it aborts its requests and its parsing; every write to the database is synchronous, so none is
 * cut in half. An export, in a worker thread that cannot be stopped mid-write (libsql aborts
 * the process), finishes its file: no half-written copy is left. A second signal exits there and
 * then, for whatever still holds the process (the export then removes its unfinished file).
 */
function interruptible(core: PaperboyCore): { readonly abandoned: Promise<number>; exitCode(): number | undefined } {
  let stoppedBy: number | undefined;
  const abandoned = new Promise<number>((resolve) => {
    for (const signal of STOP_SIGNALS) {
      process.on(signal, () => {
        if (stoppedBy !== undefined) process.exit(stoppedBy);
        stoppedBy = exitCodeOf(signal);
        const code = stoppedBy;
        void core.api.cancelSync().then((syncStops) => {
          if (!syncStops) resolve(code);
        }, () => resolve(code));
      });
    }
  });
  return { abandoned, exitCode: () => stoppedBy };
}

async function sync(core: PaperboyCore, feedUrls: readonly string[], flags: SyncFlags): Promise<number> {
  const feeds = await core.api.listFeeds();
  // All named feeds are found before any is synced: a typo syncs nothing rather than the others alone.
  const feedIds: FeedId[] = feedUrls.map((url) => subscriptionFor(url, feeds).id);
  if (!feeds.some((feed) => !feed.builtin)) {
    console.error('No feeds yet: add one with `paperboy add URL` or `paperboy import FILE.opml`.');
    return 1;
  }
  const urls = new Map(feeds.map((feed: Feed) => [feed.id, feed.url]));
  core.on('sync-progress', progressPrinter(process.stderr, urls));
  const summary = await core.api.sync(syncRequestOf(feedIds, flags));
  const said = summaryLine(summary);
  // On a terminal, broken between words at its width: the terminal would break a number in two.
  console.log(process.stdout.isTTY === true ? wrapToWidth(said, process.stdout.columns || undefined) : said);
  return summary.stopped === undefined && summary.feedsDone - summary.feedsFailed > 0 ? 0 : 1;
}

/**
 * A page naming several feeds has them listed, and the one picked (the default, or --pick N)
 * subscribed to by its address. A page naming one is subscribed to at once; with --pick, the core
 * answers it as a list of one first, so that --pick 1 picks it and a higher number subscribes to
 * nothing and says the page names one feed, rather than subscribing as if --pick were not there.
 */
async function add(core: PaperboyCore, address: string, pick: number | undefined): Promise<number> {
  const answer = await core.api.addFeed(address, null, { offerChoice: true, offerSingle: pick !== undefined });
  if (answer.kind === 'subscribed') {
    printSubscribed(answer);
    // With --pick, only a feed's address subscribed to already: no list, and nothing subscribed.
    if (pick === undefined || pick === 1) return 0;
    console.error(withoutPasswords(`paperboy: ${address} is a feed, not a page naming several: --pick ${pick} does not apply`));
    return 1;
  }
  if (answer.candidates.length === 1 && pick !== undefined && pick > 1) {
    console.error(withoutPasswords(`paperboy: ${onlyOneFeed(address, pick, answer.candidates[0]!)}`));
    return 1;
  }
  if (answer.candidates.length > 1) for (const line of choiceLines(address, answer)) console.log(withoutPasswords(line));
  const chosen = answer.candidates[pick === undefined ? answer.defaultIndex : pick - 1];
  if (!chosen) {
    console.error(`paperboy: ${noSuchPick(pick!, answer)}; nothing was subscribed to`);
    return 1;
  }
  printSubscribed(await core.api.addFeed(chosen.url));
  if (pick === undefined) console.log('For another feed of the list, run add again with --pick N.');
  return 0;
}

function printSubscribed(result: AddFeedResult): void {
  const what = result.existing ? 'Already subscribed to' : 'Subscribed to';
  console.log(withoutPasswords(`${what} "${result.feed.title}" <${result.feed.url}> (${result.feed.articleCount} articles)`));
}

/** The core's reason for an entry the data folder has already: no problem with the file. */
const ALREADY_SUBSCRIBED = 'already subscribed';

/**
 * Entries already subscribed are counted, not listed (importing the same export again lists every
 * feed), and are no failure; any other skipped entry is named with its reason.
 */
async function importFile(core: PaperboyCore, args: readonly string[]): Promise<number> {
  const bytes = readInputFile(args[0]!, 'an OPML file of subscriptions', MAX_OPML_BYTES);
  const result = await core.api.importOpml(xmlFileText(bytes));
  const folders = result.foldersCreated > 0 ? ` in ${counted(result.foldersCreated, 'new folder')}` : '';
  const skipped = result.skipped.length > 0 ? `; skipped ${result.skipped.length}` : '';
  console.log(`Imported ${counted(result.added, 'feed')}${folders}${skipped}.`);
  const already = result.skipped.filter((skip) => skip.reason === ALREADY_SUBSCRIBED).length;
  const problems = result.skipped.filter((skip) => skip.reason !== ALREADY_SUBSCRIBED);
  if (already > 0) console.log(`  ${already} already subscribed`);
  for (const skip of problems) console.log(`  skipped ${skip.url ?? skip.title ?? '(no URL)'}: ${skip.reason}`);
  return result.added > 0 || problems.length === 0 ? 0 : 1;
}

/** "1 feed", "2 feeds". */
function counted(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

async function exportFile(core: PaperboyCore, args: readonly string[]): Promise<number> {
  const opml = await core.api.exportOpml();
  if (args.length === 0) {
    process.stdout.write(opml);
    return 0;
  }
  writeOutputFile(args[0]!, opml);
  const feeds = (await core.api.listFeeds()).filter((feed) => !feed.builtin);
  console.log(`Exported ${feeds.length} feeds to ${args[0]}.`);
  const logins = loginsLeftOutNote(feeds.map((feed) => feed.url));
  if (logins !== null) console.log(logins);
  return 0;
}

async function exportData(core: PaperboyCore, args: readonly string[]): Promise<number> {
  const info = await core.exportData(args[0]!);
  console.log(`Exported ${describeContents(info)} to ${args[0]}.`);
  return 0;
}

function restore(dataDir: string, args: readonly string[]): number {
  const result = restoreDataFolder(dataDir, args[0]!);
  console.log(`Restored ${describeContents(result)} (backup of ${result.createdAt}, Paperboy ${result.appVersion}) into ${dataDir}.`);
  if (result.previousDatabase) console.log(`The database it replaced is kept at ${result.previousDatabase}.`);
  if (result.previousSettings) console.log(`The settings it replaced are kept at ${result.previousSettings}.`);
  if (result.draftsToCheck > 0) {
    const drafts = result.draftsToCheck === 1 ? '1 draft was' : `${result.draftsToCheck} drafts were`;
    console.log(`${drafts} not sent when the backup was made and may have been sent since: Paperboy looks for each on its site before posting it.`);
  }
  return 0;
}

/** Refuses a method the contract does not have, naming the nearest ones (or all of them). */
function knownMethod(method: string): void {
  if ((API_METHODS as readonly string[]).includes(method)) return;
  const near = nearest(method, API_METHODS);
  const offered = near.length > 0 ? `did you mean ${near.slice(0, 4).join(', ')}?` : `the methods are: ${API_METHODS.join(', ')}`;
  throw new UsageError(`call: there is no API method ${method}; ${offered}`, false);
}

async function call(core: PaperboyCore, args: readonly string[]): Promise<number> {
  const [method, json] = args as [string, string | undefined];
  let parsed: unknown = [];
  if (json !== undefined) {
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new UsageError(`JSON-ARGS is not valid JSON: ${json}`);
    }
  }
  const result = await core.call(method, Array.isArray(parsed) ? parsed : [parsed]);
  console.log(JSON.stringify(result ?? null, null, 2));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(error.withUsage ? `paperboy: ${error.message}\n\n${USAGE}` : `paperboy: ${error.message}`);
    else if (error instanceof InputFileError || error instanceof DataFolderError || error instanceof NotSubscribedError) console.error(`paperboy: ${error.message}`);
    else console.error(`paperboy: ${errorMessage(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
