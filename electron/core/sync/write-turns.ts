// SQLite calls are synchronous. When several feeds finish parsing at once, their stores would
// run back to back and hold the main thread for all of them together; taking turns, one store
// per event-loop iteration, lets timers, IPC and rendering requests in between. A store handed to
// the writer thread takes its turn too: while it holds the database's write lock, a write on the
// main thread would wait for it there (SQLite's busy wait blocks the thread); in turn, it waits
// without blocking anything.
export class WriteTurns {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs a write on the main thread in its own event-loop iteration. */
  run<T>(write: () => T): Promise<T> {
    // setImmediate queued while immediates are running waits for the next loop iteration,
    // so chained turns are never processed in one go.
    return this.take(
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
  }

  /** Takes a turn for a write done elsewhere (the writer thread): no main-thread write runs until it ends. */
  handOff<T>(write: () => Promise<T>): Promise<T> {
    return this.take(write);
  }

  private take<T>(turn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(turn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
