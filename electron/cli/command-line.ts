// What each command accepts, and the refusal of anything else, in plain words, before the data
// folder is opened (which would create it): `sync http://…/feed/` (a forgotten --feed) would
// otherwise sync every feed and exit 0, and `add --no-images URL` would quietly ignore the option.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Refused as typed: the message, then (unless it says all there is) the usage. */
export class UsageError extends Error {
  constructor(message: string, readonly withUsage = true) {
    super(message);
  }
}

const GLOBAL_OPTIONS = {
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Options;

const SYNC_OPTIONS = {
  feed: { type: 'string', multiple: true },
  'no-fulltext': { type: 'boolean' },
  'no-images': { type: 'boolean' },
} as const satisfies Options;

const ADD_OPTIONS = {
  pick: { type: 'string' },
} as const satisfies Options;

/** What a string option's value is, for "--data needs a folder: --data DIR". */
const VALUE_NAMES: Readonly<Record<string, { what: string; placeholder: string }>> = {
  data: { what: 'a folder', placeholder: 'DIR' },
  feed: { what: 'the URL of a subscription', placeholder: 'URL' },
  pick: { what: 'the number of a feed in the list add shows', placeholder: 'N' },
};

interface CommandSpec {
  readonly options: Options;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Why these arguments are refused (their number is wrong). */
  readonly refusal: (args: readonly string[]) => string;
}

const LOOKS_LIKE_URL = /^(https?:|feed:|\/\/|www\.)|^[\w-]+(\.[\w-]+)+(\/|$)/i;

const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  sync: {
    options: SYNC_OPTIONS, minArgs: 0, maxArgs: 0,
    refusal: (args) => (LOOKS_LIKE_URL.test(args[0]!) ? `sync takes no URL of its own: did you mean --feed ${args[0]}?` : `sync takes no arguments (got ${args.join(' ')})`),
  },
  add: { options: ADD_OPTIONS, minArgs: 1, maxArgs: 1, refusal: () => 'add takes one URL' },
  import: { options: {}, minArgs: 1, maxArgs: 1, refusal: () => 'import takes one OPML file' },
  export: { options: {}, minArgs: 0, maxArgs: 1, refusal: () => 'export takes at most one FILE' },
  'export-data': { options: {}, minArgs: 1, maxArgs: 1, refusal: () => 'export-data takes one FILE' },
  'restore-data': { options: {}, minArgs: 1, maxArgs: 1, refusal: () => 'restore-data takes one FILE' },
  call: { options: {}, minArgs: 1, maxArgs: 2, refusal: () => "call takes METHOD and optional 'JSON-ARGS'" },
  help: { options: {}, minArgs: 0, maxArgs: Number.POSITIVE_INFINITY, refusal: () => '' },
};

/** Every command's options: so that the first reading takes each option's value as its value, whatever the command. */
const EVERY_OPTION: Options = Object.assign({}, GLOBAL_OPTIONS, ...Object.values(COMMANDS).map((spec) => spec.options));

export interface CommandLine {
  /** undefined: none was given. */
  readonly command: string | undefined;
  readonly args: readonly string[];
  readonly data: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
  readonly feeds: readonly string[];
  readonly fullText: boolean;
  readonly images: boolean;
  /** add --pick N: the feed of the list to subscribe to, counted from 1; undefined: the default. */
  readonly pick: number | undefined;
}

export function parseCommandLine(argv: string[]): CommandLine {
  const { tokens } = parseArgs({ args: argv, options: EVERY_OPTION, allowPositionals: true, strict: false, tokens: true });
  const command = tokens.find((token) => token.kind === 'positional')?.value;
  const spec = command === undefined ? undefined : COMMANDS[command];
  if (command !== undefined && !spec) throw new UsageError(`unknown command: ${command}`);
  const allowed: Options = { ...GLOBAL_OPTIONS, ...spec?.options };
  for (const token of tokens) {
    if (token.kind === 'option') checkOption(token, command, allowed);
  }
  const { values, positionals } = strictParse(argv, allowed);
  const args = positionals.slice(1);
  if (spec && (args.length < spec.minArgs || args.length > spec.maxArgs) && values.help !== true) throw new UsageError(spec.refusal(args));
  const feeds = values.feed;
  return {
    command,
    args,
    data: typeof values.data === 'string' ? values.data : undefined,
    help: values.help === true,
    version: values.version === true,
    feeds: Array.isArray(feeds) ? feeds.filter((feed): feed is string => typeof feed === 'string') : [],
    fullText: values['no-fulltext'] !== true,
    images: values['no-images'] !== true,
    pick: typeof values.pick === 'string' ? pickNumber(values.pick) : undefined,
  };
}

/** --pick's value: a number of the list, which starts at 1. */
function pickNumber(value: string): number {
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) throw new UsageError(`--pick takes the number of a feed in the list add shows, from 1 (got ${value})`);
  return number;
}

interface OptionToken {
  readonly name: string;
  readonly rawName: string;
  readonly value?: string | undefined;
  readonly inlineValue?: boolean | undefined;
}

function checkOption(token: OptionToken, command: string | undefined, allowed: Options): void {
  const option = allowed[token.name];
  if (!option) throw new UsageError(unknownOption(token, command, allowed));
  if (option.type === 'boolean') {
    if (token.inlineValue) throw new UsageError(`${token.rawName} takes no value (got ${token.rawName}=${token.value ?? ''})`);
    return;
  }
  const named = VALUE_NAMES[token.name] ?? { what: 'a value', placeholder: 'VALUE' };
  // Read without a value, or with the next option as its value (`--data --feed URL`): either way, none was given.
  const missing = token.value === undefined || (!token.inlineValue && token.value.startsWith('-'));
  if (missing || token.value!.trim() === '') {
    throw new UsageError(`${token.rawName} needs ${named.what}: ${token.rawName} ${named.placeholder}${missing ? '' : ' (it was given an empty one)'}`);
  }
}

function unknownOption(token: OptionToken, command: string | undefined, allowed: Options): string {
  const owner = Object.entries(COMMANDS).find(([, spec]) => token.name in spec.options)?.[0];
  if (owner && command) return `${token.rawName} is an option of ${owner}, not of ${command}`;
  const near = nearest(token.name, Object.keys(allowed));
  const known = command ? `${command} has no option ${token.rawName}` : `there is no option ${token.rawName}`;
  return near.length > 0 ? `${known}: did you mean --${near[0]}?` : known;
}

/** The Node parse of what checkOption let through: values typed, short options grouped (-hv). */
function strictParse(argv: string[], allowed: Options) {
  try {
    return parseArgs({ args: argv, options: allowed, allowPositionals: true, strict: true });
  } catch (error) {
    // A case checkOption did not foresee: Node's words, with its advice about positionals dropped.
    throw new UsageError(String((error as Error).message).replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/**
 * The candidates closest to `word`, closest first: a typo (at most a third of the word, and at
 * least two letters, changed), or a part of a name ("list" for listFeeds, listFolders, ...).
 */
export function nearest(word: string, candidates: readonly string[]): string[] {
  const typed = word.toLowerCase();
  const allowance = Math.max(2, Math.floor(typed.length / 3));
  const scored = candidates
    .map((candidate) => ({ candidate, distance: editDistance(typed, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= allowance || (typed.length >= 3 && candidate.toLowerCase().includes(typed)));
  return scored.sort((a, b) => a.distance - b.distance).map(({ candidate }) => candidate);
}

/** Levenshtein distance: letters inserted, removed or changed to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
