// `paperboy`: headless sync and every API method from a terminal, over the same core and the
// same data folder as the desktop app. Every command goes through the core's validated contract
// (core.api / core.call), exactly as the app's calls do; nothing here reaches past the core's face.
import { parseArgs } from 'node:util';
import { MAX_OPML_BYTES } from '../../shared/api-schema';
import { errorMessage } from '../../shared/error-message';
import { defaultDataDir, describeContents, openCore, restoreDataFolder, VERSION, xmlFileText, type PaperboyCore } from '../core';
import { InputFileError, readInputFile, writeOutputFile } from './input-file';
import { progressPrinter, summaryLine } from './progress';
import { syncRequestOf, type SyncFlags } from './sync-request';

const USAGE = `Usage: paperboy <command> [options]

Commands:
  sync [--feed URL ...] [--no-fulltext] [--no-images]
                                          fetch feeds and their articles for offline reading
      --no-fulltext                       skip the articles' web pages: each article is kept as its
                                          feed gave it (its images and comments are still fetched)
      --no-images                         skip the articles' images, stored articles' lost ones too:
                                          articles are kept without them (new feeds' icons are still
                                          fetched, once)
      --no-fulltext --no-images           a feed refresh: only the feeds are fetched (and a new feed's
                                          icon); their new articles wait, pending, for the next sync
                                          without these flags
  add URL                                 subscribe to a feed (or a site: its feed is discovered)
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

const COMMANDS = new Set(['sync', 'add', 'import', 'export', 'export-data', 'restore-data', 'call']);

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        feed: { type: 'string', multiple: true },
        'no-fulltext': { type: 'boolean' },
        'no-images': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs says "Unknown option '--x'..." or "Option '--data <value>' argument missing".
    throw new UsageError(errorMessage(error));
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.version) {
    console.log(VERSION);
    return 0;
  }
  if (values.help || !command || command === 'help') {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  // Refused before the data folder is opened (which would create it).
  if (!COMMANDS.has(command)) throw new UsageError(`unknown command: ${command}`);
  const dataDir = values.data ?? defaultDataDir();
  // Before the core opens the folder: a restore replaces its database.
  if (command === 'restore-data') return restore(dataDir, rest);
  const core = openCore({ dataDir });
  const interrupt = interruptible(core);
  try {
    // Told before anything else: the person may need the moved-aside file's path.
    for (const notice of await core.api.getNotices()) console.error(`paperboy: ${notice.title}. ${notice.message}`);
    const running = run(core, command, rest, values);
    // Left unfinished by Ctrl-C, it fails against the closed core: nobody is waiting for that.
    running.catch(() => undefined);
    const code = await Promise.race([running, interrupt.abandoned]);
    return interrupt.happened() ? INTERRUPTED : code;
  } finally {
    await core.close();
  }
}

function run(core: PaperboyCore, command: string, rest: string[], values: ReturnType<typeof parse>['values']): Promise<number> {
  switch (command) {
    case 'sync':
      return sync(core, values.feed ?? [], { fullText: values['no-fulltext'] !== true, images: values['no-images'] !== true });
    case 'add':
      return add(core, rest);
    case 'import':
      return importFile(core, rest);
    case 'export':
      return exportFile(core, rest);
    case 'call':
      return call(core, rest);
    default:
      return exportData(core, rest);
  }
}

/** What shells report for a program that Ctrl-C stopped (128 + SIGINT's number). */
const INTERRUPTED = 130;

/**
 * Ctrl-C stops any command at once. A sync cancels itself cleanly and still says what it did.
 * Anything else (an add waiting on a stalled host) is abandoned, and closing the core under it
 * aborts its requests and its parsing; every write to the database is synchronous, so none is
 * cut in half. A second Ctrl-C exits there and then, for whatever still holds the process.
 */
function interruptible(core: PaperboyCore): { readonly abandoned: Promise<number>; happened(): boolean } {
  let presses = 0;
  const abandoned = new Promise<number>((resolve) => {
    process.on('SIGINT', () => {
      if (++presses > 1) process.exit(INTERRUPTED);
      void core.api.cancelSync().then((syncStops) => {
        if (!syncStops) resolve(INTERRUPTED);
      }, () => resolve(INTERRUPTED));
    });
  });
  return { abandoned, happened: () => presses > 0 };
}

async function sync(core: PaperboyCore, feedUrls: string[], flags: SyncFlags): Promise<number> {
  const feeds = await core.api.listFeeds();
  const feedIds: number[] = [];
  for (const url of feedUrls) {
    const feed = feeds.find((candidate) => candidate.url === url) ?? (await core.api.addFeed(url)).feed;
    feedIds.push(feed.id);
  }
  if (!feeds.some((feed) => !feed.builtin) && feedIds.length === 0) {
    console.error('No feeds yet: add one with `paperboy add URL` or `paperboy import FILE.opml`.');
    return 1;
  }
  const urls = new Map((await core.api.listFeeds()).map((feed) => [feed.id, feed.url]));
  core.on('sync-progress', progressPrinter(process.stderr, urls));
  const summary = await core.api.sync(syncRequestOf(feedIds, flags));
  console.log(summaryLine(summary));
  return summary.feedsDone - summary.feedsFailed > 0 ? 0 : 1;
}

async function add(core: PaperboyCore, args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('add takes one URL');
  const result = await core.api.addFeed(args[0]!);
  const what = result.existing ? 'Already subscribed to' : 'Subscribed to';
  console.log(`${what} "${result.feed.title}" <${result.feed.url}> (${result.feed.articleCount} articles)`);
  return 0;
}

/** The core's reason for an entry the data folder has already: no problem with the file. */
const ALREADY_SUBSCRIBED = 'already subscribed';

/**
 * Entries already subscribed are counted, not listed (importing the same export again lists every
 * feed), and are no failure; any other skipped entry is named with its reason.
 */
async function importFile(core: PaperboyCore, args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('import takes one OPML file');
  const bytes = readInputFile(args[0]!, 'an OPML file of subscriptions', MAX_OPML_BYTES);
  const result = await core.api.importOpml(xmlFileText(bytes));
  console.log(`Imported ${result.added} feeds, ${result.foldersCreated} folders; skipped ${result.skipped.length}.`);
  const already = result.skipped.filter((skip) => skip.reason === ALREADY_SUBSCRIBED).length;
  const problems = result.skipped.filter((skip) => skip.reason !== ALREADY_SUBSCRIBED);
  if (already > 0) console.log(`  ${already} already subscribed`);
  for (const skip of problems) console.log(`  skipped ${skip.url ?? skip.title ?? '(no URL)'}: ${skip.reason}`);
  return result.added > 0 || problems.length === 0 ? 0 : 1;
}

async function exportFile(core: PaperboyCore, args: string[]): Promise<number> {
  if (args.length > 1) throw new UsageError('export takes at most one FILE');
  const opml = await core.api.exportOpml();
  if (args.length === 0) {
    process.stdout.write(opml);
    return 0;
  }
  writeOutputFile(args[0]!, opml);
  const feeds = (await core.api.listFeeds()).filter((feed) => !feed.builtin).length;
  console.log(`Exported ${feeds} feeds to ${args[0]}.`);
  return 0;
}

async function exportData(core: PaperboyCore, args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('export-data takes one FILE');
  const info = await core.exportData(args[0]!);
  console.log(`Exported ${describeContents(info)} to ${args[0]}.`);
  return 0;
}

function restore(dataDir: string, args: string[]): number {
  if (args.length !== 1) throw new UsageError('restore-data takes one FILE');
  const result = restoreDataFolder(dataDir, args[0]!);
  console.log(`Restored ${describeContents(result)} (backup of ${result.createdAt}, Paperboy ${result.appVersion}) into ${dataDir}.`);
  if (result.previousDatabase) console.log(`The database it replaced is kept at ${result.previousDatabase}.`);
  if (result.previousSettings) console.log(`The settings it replaced are kept at ${result.previousSettings}.`);
  return 0;
}

async function call(core: PaperboyCore, args: string[]): Promise<number> {
  const [method, json] = args;
  if (!method || args.length > 2) throw new UsageError("call takes METHOD and optional 'JSON-ARGS'");
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
    if (error instanceof UsageError) console.error(`paperboy: ${error.message}\n\n${USAGE}`);
    else if (error instanceof InputFileError) console.error(`paperboy: ${error.message}`);
    else console.error(`paperboy: ${errorMessage(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
