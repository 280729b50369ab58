// A core in a process of its own, for the crash tests: it does one thing on a data folder, says
// so on stdout, then stays up until the test kills it.
//   save DATA-DIR INPUT-JSON...   saves each DraftInput in turn, like typing (each one after the
//                                 first edits the same draft), then prints "saved <id>"
//   send DATA-DIR DRAFT-ID        prints "sending", then sends the draft
import { openCore } from '../../../electron/core';

const [command, dataDir, ...args] = process.argv.slice(2);
const core = openCore({ dataDir: dataDir!, workers: 1, welcome: false });

if (command === 'save') {
  let id: number | undefined;
  for (const json of args) id = (await core.api.saveDraft({ ...JSON.parse(json), ...(id === undefined ? {} : { id }) })).id;
  process.stdout.write(`saved ${id}\n`);
} else if (command === 'send') {
  process.stdout.write('sending\n');
  await core.api.sendDraft(Number(args[0]));
}
setInterval(() => undefined, 60_000);
