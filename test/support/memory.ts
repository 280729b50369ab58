// Peak resident memory of this process (main thread and worker threads together) while a piece
// of work runs, so a test can print the figure and fail when a buffer grows without bound.
// Sampling alone misses a peak reached while the main thread is busy, so the kernel's own
// high-water mark (maxRSS) is taken too whenever the work raised it.

export interface MemoryPeak {
  readonly baselineMb: number;
  readonly peakMb: number;
  /** Peak over the baseline: what the work itself cost. */
  readonly growthMb: number;
}

const MB = 1024 * 1024;

export async function measurePeakRss<T>(label: string, work: () => Promise<T>): Promise<{ value: T; memory: MemoryPeak }> {
  const baseline = process.memoryUsage.rss();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let sampled = baseline;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 5);
  try {
    const value = await work();
    const maxRssAfter = process.resourceUsage().maxRSS * 1024;
    const peak = Math.max(sampled, process.memoryUsage.rss(), maxRssAfter > maxRssBefore ? maxRssAfter : 0);
    const memory = { baselineMb: round(baseline / MB), peakMb: round(peak / MB), growthMb: round((peak - baseline) / MB) };
    console.log(`[${label}] peak RSS ${memory.peakMb} MB (+${memory.growthMb} MB over ${memory.baselineMb} MB before)`);
    return { value, memory };
  } finally {
    clearInterval(sampler);
  }
}

function round(mb: number): number {
  return Math.round(mb * 10) / 10;
}
