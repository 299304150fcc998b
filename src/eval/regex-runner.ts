/**
 * Runs `regex:` / `not-regex:` assertions on model answers with a time limit. A backtracking pattern such as
 * `^(a+)+$` takes exponential time on an answer that almost matches, and a model answer is text nobody
 * controls. JavaScript cannot interrupt a running RegExp, so the match runs in a worker thread that is
 * terminated when the limit passes (and replaced for the next check).
 *
 * Chosen over a linear-time engine (re2js): that one refuses look-behind and back-references that cases files
 * may use today, and matched a 2 KB answer in ~2.5 ms against ~0.5 ms for a round trip to the worker; the
 * worker costs one start (~150 ms) in a run that has regex assertions, and none in a run without.
 */
import { Worker } from "node:worker_threads";

/** How long one regex may run on one answer. */
export const REGEX_TIMEOUT_MS = 1_000;

const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ id, source, flags, text }) => {
  try {
    const m = new RegExp(source, flags).exec(text);
    parentPort.postMessage({ id, index: m ? m.index : -1 });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

export type RegexOutcome = { index: number } | { timedOut: true } | { error: string };

let worker: Worker | undefined;
let nextId = 0;

function currentWorker(): Worker {
  if (!worker) {
    worker = new Worker(WORKER_SOURCE, { eval: true });
    // An idle worker must not keep the process alive; a check in flight holds its own timer.
    worker.unref();
    const self = worker;
    self.on("error", () => {
      if (worker === self) worker = undefined;
    });
  }
  return worker;
}

/** Index of the first match of `source` in `text` (-1 for none), or why there is no answer. */
export function execRegex(source: string, flags: string, text: string, timeoutMs = REGEX_TIMEOUT_MS): Promise<RegexOutcome> {
  const w = currentWorker();
  const id = ++nextId;
  return new Promise((resolve) => {
    const onMessage = (message: { id: number; index?: number; error?: string }) => {
      if (message.id !== id) return;
      clearTimeout(timer);
      w.off("message", onMessage);
      w.off("exit", onExit);
      resolve(message.error !== undefined ? { error: message.error } : { index: message.index! });
    };
    const onExit = () => {
      clearTimeout(timer);
      w.off("message", onMessage);
      resolve({ error: "the regex worker stopped" });
    };
    const timer = setTimeout(() => {
      w.off("message", onMessage);
      w.off("exit", onExit);
      if (worker === w) worker = undefined;
      void w.terminate();
      resolve({ timedOut: true });
    }, timeoutMs);
    w.on("message", onMessage);
    w.once("exit", onExit);
    w.postMessage({ id, source, flags, text });
  });
}

/** Ends the worker (at the end of an eval run). */
export async function closeRegexRunner(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
