/**
 * While `--fix` writes files, Ctrl-C (and a polite kill) end the process without leaving a fix's temporary
 * file behind: Node's default action ends it at once, possibly between creating a temporary file and renaming
 * it (never a damaged prompt: the rename is atomic). With a listener, the signal is handled by the event loop
 * (the lint loop yields to it after each file when fixing); the listener removes the temporary files of writes
 * in progress, removes itself and raises the signal again, so the process ends as it would have, with the
 * signal's exit status.
 */
import { removeTemporaryFiles } from "../files/atomic-write.js";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export async function withSignalsBetweenWrites<T>(run: () => Promise<T>): Promise<T> {
  const listeners = SIGNALS.map((signal) => {
    const listener = () => {
      removeTemporaryFiles();
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
