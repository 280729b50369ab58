// Online/offline as the host sees it. Electron's net.isOnline() has no change event, so it is
// polled (cheap: it asks the OS, no request is made), and checked again on resume from sleep.
export interface NetworkMonitorOptions {
  readonly isOnline: () => boolean;
  readonly onChange: (online: boolean) => void;
  readonly intervalMs?: number;
}

export const NETWORK_POLL_MS = 5_000;

export class NetworkMonitor {
  private timer: ReturnType<typeof setInterval> | null = null;
  private last: boolean;

  constructor(private readonly options: NetworkMonitorOptions) {
    this.last = options.isOnline();
  }

  get online(): boolean {
    return this.last;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), this.options.intervalMs ?? NETWORK_POLL_MS);
    this.timer.unref?.();
  }

  /** Reads the state now; reports it only when it changed. */
  check(): void {
    let online: boolean;
    try {
      online = this.options.isOnline();
    } catch {
      return;
    }
    if (online === this.last) return;
    this.last = online;
    this.options.onChange(online);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
