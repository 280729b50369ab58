// The HTTP client alone, in its own process (run by bench/sync.ts): the URLs of a file, one a
// line, all at once through the sync's client and host memory, with nothing parsed or stored.
// In a process of its own so the figure is the client's: in the benchmark's process it shared one
// thread with the 37 servers answering it, and measured them as much as the client.
//   node dist/client-alone.js URLS_FILE
// Prints one JSON line: wall time and CPU of the fetches.
import { readFileSync } from 'node:fs';
import { createHttpClient, HostMemory } from '../electron/core/http';

const [urlsFile] = process.argv.slice(2);
if (!urlsFile) throw new Error('usage: client-alone.ts URLS_FILE');
const urls = readFileSync(urlsFile, 'utf8').split('\n').filter(Boolean);

const hosts = new HostMemory(createHttpClient({ userAgent: 'Paperboy/bench' }));
const started = performance.now();
const cpuBefore = process.cpuUsage();
// Some answers are 404s (the feed host has no icon): answered all the same. No response is kept
// (Promise.all would hold every body to the end: a gigabyte of peak RSS that is not the client's).
const dropped = (): void => undefined;
// Pages stay compressed, as the sync fetches them: a parse worker inflates them (http/inflate.ts).
await Promise.all(urls.map((url) => hosts.client.fetch({ url, maxBytes: 5 * 1024 * 1024, keepEncoded: true }).then(dropped, dropped)));
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
hosts.client.close();
console.log(JSON.stringify({ requests: urls.length, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
