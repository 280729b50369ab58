// Per-host concurrency: a counting semaphore per host:port, so one sync never opens more than
// a polite number of connections to one server however many feeds and images it hosts.

export type Release = () => void;

interface Waiter {
  readonly grant: (release: Release) => void;
}

interface Slot {
  active: number;
  readonly queue: Waiter[];
}

export class HostLimiter {
  private readonly hosts = new Map<string, Slot>();

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once a slot is free; rejects with `onAbort()` if the signal fires first. */
  acquire(key: string, signal: AbortSignal, onAbort: () => Error): Promise<Release> {
    if (signal.aborted) return Promise.reject(onAbort());
    const slot = this.slotFor(key);
    if (slot.active < this.limit) {
      slot.active++;
      return Promise.resolve(this.releaser(key, slot));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => {
          signal.removeEventListener('abort', abandon);
          resolve(release);
        },
      };
      const abandon = (): void => {
        const index = slot.queue.indexOf(waiter);
        if (index >= 0) slot.queue.splice(index, 1);
        reject(onAbort());
      };
      signal.addEventListener('abort', abandon, { once: true });
      slot.queue.push(waiter);
    });
  }

  private slotFor(key: string): Slot {
    let slot = this.hosts.get(key);
    if (!slot) {
      slot = { active: 0, queue: [] };
      this.hosts.set(key, slot);
    }
    return slot;
  }

  private releaser(key: string, slot: Slot): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes to the next waiter on the next turn of the event loop, not at once: the
      // failure that freed it reaches the sync first, which may give up on the host (host-memory.ts)
      // and so spare the waiters a connection. The count never dips meanwhile, so no newcomer jumps the queue.
      setImmediate(() => {
        const next = slot.queue.shift();
        if (next) next.grant(this.releaser(key, slot));
        else if (--slot.active === 0) this.hosts.delete(key);
      });
    };
  }
}
