// Automatic syncs, only when the person turned them on in Settings (both are off by default:
// syncing is on demand). Used by the desktop app and the preview server; the CLI never runs it.
import type { Settings } from '../../../shared/types';

export interface SchedulerTarget {
  readonly running: boolean;
  sync(): Promise<unknown>;
}

const HOUR_MS = 60 * 60 * 1000;

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
    this.timer = setInterval(() => this.trigger(), this.everyHours * HOUR_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.everyHours = null;
  }

  private trigger(): void {
    // A sync the person started is left alone; the next tick comes soon enough.
    if (this.target.running) return;
    this.target.sync().catch(this.onError);
  }
}
