// A core in a process of its own that keeps a data folder open, as a running app does: it opens
// the folder, prints "open", and stays up until the test kills it.
//   hold-folder DATA-DIR
import { openCore } from '../../../electron/core';

// Held for the life of the process, as an app holds its core: a core nobody refers to is
// collected at the next full GC, and its database connection closes with it (the folder's WAL
// files then vanish under the test that compares them).
const core = openCore({ dataDir: process.argv[2]!, workers: 1, welcome: false });
process.stdout.write('open\n');
setInterval(() => core, 60_000);
