// SQLite calls are synchronous. When several feeds finish parsing at once, their stores would
// run back to back and hold the main thread for all of them together; taking turns, one store
// per event-loop iteration, lets timers, IPC and rendering requests in between. A store handed to
// the writer thread takes its turn too: while it holds the database's write lock, a write on the
// main thread would wait for it there (SQLite's busy wait blocks the thread); in turn, it waits
// without blocking anything.
export class WriteTurns {
  /** Settles when every turn taken so far has ended. */
  private all: Promise<unknown> = Promise.resolve();
  /** Settles when the last main-thread write, and every turn before it, has ended. */
  private lastRun: Promise<unknown> = Promise.resolve();

  /** Runs a write on the main thread in its own event-loop iteration, after every turn before it. */
  run<T>(write: () => T): Promise<T> {
    // setImmediate queued while immediates are running waits for the next loop iteration,
    // so chained turns are never processed in one go.
    const result = this.all.then(
      () =>
        new Promise<T>((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(write());
            } catch (error) {
              reject(error);
            }
          }),
        ),
    );
    this.all = this.lastRun = result.catch(() => undefined);
    return result;
  }

  /**
   * Takes a turn for a write done elsewhere (the writer thread): no main-thread write runs until
   * it ends. Hand-offs do not wait for each other: the writer thread takes them in the order they
   * are given, and those that wait there together are committed together (writer-worker.ts).
   */
  handOff<T>(write: () => Promise<T>): Promise<T> {
    const result = this.lastRun.then(write);
    this.all = Promise.all([this.all, result.catch(() => undefined)]);
    return result;
  }
}
