/**
 * @module The server's periodic jobs: run a tick now and then every
 * `everyMs`; ticks never overlap (one that would start while the last still
 * runs is skipped), a failure is handed to `failed` and the next tick tries
 * again, and the timer never keeps the process alive.
 */

/** Starts the clock; returns the stop function. */
export async function startClock(everyMs: number, tick: () => Promise<void>, failed: (err: unknown) => void): Promise<() => void> {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await tick();
    } catch (err) {
      failed(err);
    } finally {
      running = false;
    }
  };
  await run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
