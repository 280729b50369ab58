// A core in a process of its own that keeps a data folder open, as a running app does: it opens
// the folder, prints "open", and stays up until the test kills it.
//   hold-folder DATA-DIR
import { openCore } from '../../../electron/core';

openCore({ dataDir: process.argv[2]!, workers: 1, welcome: false });
process.stdout.write('open\n');
setInterval(() => undefined, 60_000);
