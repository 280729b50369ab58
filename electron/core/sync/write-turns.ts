// SQLite calls are synchronous. When several feeds finish parsing at once, their stores would
// run back to back and hold the main thread for all of them together; taking turns, one store
// per event-loop iteration, lets timers, IPC and rendering requests in between.
export class WriteTurns {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(write: () => T): Promise<T> {
    // setImmediate queued while immediates are running waits for the next loop iteration,
    // so chained turns are never processed in one go.
    const turn = this.tail.then(
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
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}
