// One measured sync, in its own process so that its peak RSS is its own. Run by bench/sync.ts:
//   node dist/sync-phase.js DATA_DIR feeds-only|full [OPML_FILE] (bench/sync.ts bundles it beside the CLI's bundle)
// Prints one JSON line: wall time, peak RSS, main event-loop delay p99, counts.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import { Core } from '../electron/core/core';

const [dataDir, mode, opmlFile] = process.argv.slice(2);
if (!dataDir || (mode !== 'feeds-only' && mode !== 'full')) throw new Error('usage: sync-phase.ts DATA_DIR feeds-only|full [OPML_FILE]');

const core = new Core({ dataDir });
if (opmlFile) await core.api.importOpml(readFileSync(opmlFile, 'utf8'));

// Nothing is warmed up before measuring: the app starts its workers at a sync's first task, so
// their start-up is part of what a person's sync costs.
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
// Where the peak RSS goes: the main thread's own heap and buffers when the RSS was highest (the
// rest is the workers' heaps, SQLite's caches and the code), and the highest of each alone.
const mb = (bytes: number): number => Math.round(bytes / 1048576);
let atPeak = process.memoryUsage();
/** The main heap's two generations at that moment (V8 sizes the young one for itself, and lets the old one grow past what is alive: system/heap-growth.ts). */
let spacesAtPeak = { mainNewSpaceMb: 0, mainOldSpaceMb: 0 };
const spaceMb = (name: string): number => mb(v8.getHeapSpaceStatistics().find((space) => space.space_name === name)?.space_size ?? 0);
let peakAtMs = 0;
const mainPeaks = { heapUsedMb: 0, externalMb: 0 };
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  if (now.rss > atPeak.rss) {
    atPeak = now;
    spacesAtPeak = { mainNewSpaceMb: spaceMb('new_space'), mainOldSpaceMb: spaceMb('old_space') };
    peakAtMs = performance.now() - started;
  }
  mainPeaks.heapUsedMb = Math.max(mainPeaks.heapUsedMb, mb(now.heapUsed));
  mainPeaks.externalMb = Math.max(mainPeaks.externalMb, mb(now.external));
}, 250);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const summary = await core.api.sync(mode === 'feeds-only' ? { feedsOnly: true } : {});
const wallMs = performance.now() - started;
// The whole process (main thread and parse workers alike): what a sync costs the machine's cores.
const cpu = process.cpuUsage(cpuBefore);
delay.disable();
clearInterval(sampler);

// The app then has a writer thread index what the sync stored (storage/search-queue.ts): its time,
// CPU and the main loop meanwhile are printed apart; the peak RSS below is the whole process's, it included.
const indexDelay = monitorEventLoopDelay({ resolution: 10 });
indexDelay.enable();
const indexStarted = performance.now();
const indexCpuBefore = process.cpuUsage();
await core.indexForSearch();
const indexCpu = process.cpuUsage(indexCpuBefore);
const indexMs = performance.now() - indexStarted;
indexDelay.disable();

console.log(
  JSON.stringify({
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    loopP99Ms: delay.percentile(99) / 1e6,
    loopMaxMs: delay.max / 1e6,
    peakAtSecond: Math.round(peakAtMs / 1000),
    searchIndex: { wallMs: indexMs, cpuMs: (indexCpu.user + indexCpu.system) / 1000, loopP99Ms: indexDelay.percentile(99) / 1e6 },
    memoryAtPeak: { rssMb: mb(atPeak.rss), mainHeapMb: mb(atPeak.heapTotal), mainHeapUsedMb: mb(atPeak.heapUsed), mainExternalMb: mb(atPeak.external), mainArrayBuffersMb: mb(atPeak.arrayBuffers), ...spacesAtPeak },
    mainPeaks,
    feedsFailed: summary.feedsFailed,
    newArticles: summary.newArticles,
    articlesFetched: summary.articlesFetched,
    imagesFetched: summary.imagesFetched,
    warnings: summary.warnings,
  }),
);
await core.close();
