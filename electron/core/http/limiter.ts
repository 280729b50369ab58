// Connection limits, as browsers keep them: a few per host (polite to each server) and an overall
// cap that only matters once many hosts are busy at once, so a sync of articles and images spread
// over the web is not bounded by one small number. A request takes its host's slot first and
// then an overall one: waiting for a busy host never holds a slot another host could use.
import { onAbort as whenAborted } from '../system/abort-listeners';

export type Release = () => void;

/** Per host:port by default, as browsers do; more is impolite, fewer leaves a sync waiting on round trips. */
export const DEFAULT_PER_HOST = 6;
/** Overall: reached with 8 hosts busy at once; a desktop's network and file descriptors take it easily. */
export const DEFAULT_MAX_CONNECTIONS = 48;

interface Waiter {
  readonly grant: (release: Release) => void;
}

/** A counting semaphore whose freed slot goes to the longest waiter. */
class Slots {
  active = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    private readonly limit: number,
    private readonly onIdle: () => void = () => undefined,
  ) {}

  acquire(signal: AbortSignal, onAbort: () => Error): Promise<Release> {
    if (signal.aborted) return Promise.reject(onAbort());
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => {
          stopListening();
          resolve(release);
        },
      };
      const stopListening = whenAborted(signal, () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(onAbort());
      });
      this.queue.push(waiter);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes to the next waiter on the next turn of the event loop, not at once: the
      // failure that freed it reaches the sync first, which may give up on the host (host-memory.ts)
      // and so spare the waiters a connection. The count never dips meanwhile, so no newcomer jumps the queue.
      setImmediate(() => {
        const next = this.queue.shift();
        if (next) next.grant(this.releaser());
        else if (--this.active === 0) this.onIdle();
      });
    };
  }
}

export class HostLimiter {
  private readonly hosts = new Map<string, Slots>();
  private readonly overall: Slots;

  constructor(
    readonly perHost = DEFAULT_PER_HOST,
    readonly maxConnections = DEFAULT_MAX_CONNECTIONS,
  ) {
    this.overall = new Slots(maxConnections);
  }

  /** Resolves with a release function once a slot is free; rejects with `onAbort()` if the signal fires first. */
  async acquire(key: string, signal: AbortSignal, onAbort: () => Error): Promise<Release> {
    const releaseHost = await this.slotsOf(key).acquire(signal, onAbort);
    let releaseOverall: Release;
    try {
      releaseOverall = await this.overall.acquire(signal, onAbort);
    } catch (error) {
      releaseHost();
      throw error;
    }
    return () => {
      releaseOverall();
      releaseHost();
    };
  }

  private slotsOf(key: string): Slots {
    let slots = this.hosts.get(key);
    if (!slots) {
      slots = new Slots(this.perHost, () => this.hosts.delete(key));
      this.hosts.set(key, slots);
    }
    return slots;
  }
}
