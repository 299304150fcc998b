/**
 * While `--fix` writes files, Ctrl-C (and a polite kill) take effect between two writes instead of in the
 * middle of one. Node's default action ends the process at once, possibly between creating a fix's temporary
 * file and renaming it, which leaves the temporary file behind (never a damaged prompt: the rename is atomic).
 * With a listener, the signal is handled by the event loop, which only runs between the synchronous writes
 * (the lint loop yields to it after each file when fixing); the listener then removes itself and raises the
 * signal again, so the process ends exactly as it would have, with the signal's exit status.
 */
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export async function withSignalsBetweenWrites<T>(run: () => Promise<T>): Promise<T> {
  const listeners = SIGNALS.map((signal) => {
    const listener = () => {
      for (const [s, l] of listeners) process.removeListener(s, l);
      process.kill(process.pid, signal);
    };
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  try {
    return await run();
  } finally {
    // A signal that arrived during the last write is still queued in the event loop: let it reach its listener.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const [signal, listener] of listeners) process.removeListener(signal, listener);
  }
}
