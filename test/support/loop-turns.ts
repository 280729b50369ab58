// How this thread's event loop turned while a call ran: as the app's main process would take its
// turns (IPC, timers, rendering), from before the call, since what it does before its first await
// holds the loop too. For tests that a bulk write leaves the main thread answering.
export interface LoopTurns<T> {
  readonly result: T;
  readonly turns: number;
  /** The longest wait between two turns, in ms. */
  readonly longestGap: number;
  /** The whole call, in ms. */
  readonly took: number;
}

export async function loopTurnsDuring<T>(call: () => Promise<T>): Promise<LoopTurns<T>> {
  let done = false;
  let turns = 0;
  let longestGap = 0;
  const started = performance.now();
  let last = started;
  const running = call().finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    const at = performance.now();
    longestGap = Math.max(longestGap, at - last);
    last = at;
    turns++;
  }
  const took = performance.now() - started;
  return { result: await running, turns, longestGap, took };
}
