// Runs async jobs with bounded concurrency. Jobs added after cancellation are dropped; jobs
// already running are expected to observe the same AbortSignal themselves.
export class WorkQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => {
      this.waiting.length = 0;
      this.settleIfIdle();
    });
  }

  /** Adds a job; it must not throw (failures are the job's own business to report). */
  push(job: () => Promise<void>): void {
    if (this.signal.aborted) return;
    this.waiting.push(job);
    this.pump();
  }

  /** Resolves once nothing is running or waiting. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      void job()
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.pump();
          this.settleIfIdle();
        });
    }
  }

  private settleIfIdle(): void {
    if (this.running > 0 || this.waiting.length > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
