// Automatic syncs, only when the person turned them on in Settings (both are off by default:
// syncing is on demand). Owned by the core, which hands it its own sync (engine, then
// retention), so a scheduled sync is the same as a pressed button; hosts that stay open (the app,
// the preview) start it, the CLI never does.
import type { Settings } from '../../../shared/types';

export interface SchedulerTarget {
  running(): boolean;
  sync(): Promise<unknown>;
}

const HOUR_MS = 60 * 60 * 1000;
/** The longest delay setInterval honours (2^31 - 1 ms, about 24.8 days); longer ones fire at once, every millisecond. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay a timer can hold: clamped to 1 ms .. MAX_TIMER_MS. */
export function timerDelay(ms: number): number {
  return Number.isFinite(ms) ? Math.min(MAX_TIMER_MS, Math.max(1, Math.round(ms))) : MAX_TIMER_MS;
}

export class SyncScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private everyHours: number | null = null;

  constructor(
    private readonly target: SchedulerTarget,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Call once at start-up with the current settings. */
  start(settings: Settings): void {
    if (settings.syncOnStart) this.trigger();
    this.apply(settings);
  }

  /** Call whenever settings change: re-arms the periodic sync. */
  apply(settings: Settings): void {
    if (settings.syncEveryHours === this.everyHours) return;
    this.stop();
    this.everyHours = settings.syncEveryHours;
    if (this.everyHours === null) return;
    this.timer = setInterval(() => this.trigger(), timerDelay(this.everyHours * HOUR_MS));
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.everyHours = null;
  }

  private trigger(): void {
    // A sync the person started is left alone; the next tick comes soon enough.
    if (this.target.running()) return;
    this.target.sync().catch(this.onError);
  }
}
