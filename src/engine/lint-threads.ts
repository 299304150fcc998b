/**
 * Worker threads for large runs. Rules are CPU-bound, so a run over hundreds of files uses every core: the main
 * thread settles cache hits and unreadable files first, then it and the workers take the remaining files from one
 * queue. Each worker loads the CLI bundle through the launcher (with its code cache), resolves config and plugins
 * itself, and sends back plain results; the main thread alone writes the result cache.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { FileTarget } from "../files/collect.js";
import type { LintResult } from "../rule-api/types.js";

/** What a worker needs to lint files exactly as the main thread would (structured-clone safe). */
export interface LintWorkerInit {
  cwd: string;
  explicitConfig?: string;
  staged?: boolean;
  fix?: boolean;
  repoRoot?: string;
  baseRef?: string;
  suggestionScopes: string[];
  tokenStats?: boolean;
  baseBlobs?: [string, string][];
  /** Record the cache entry of each result for the main thread to store. */
  recordCache: boolean;
}

/** The cache entry a worker computed for a result (see ResultStore). */
export type RecordedCacheEntry = { key: string; masks: [number, number][]; deps?: [string, string][] } | { deleted: true };

export interface WorkerRequest {
  id: number;
  target: FileTarget;
}

export type WorkerReply =
  | { id: number; result: LintResult | undefined; cacheEntry?: RecordedCacheEntry }
  | { id: number; error: { name: string; message: string; stack?: string } };

export interface LintThreads {
  /** Worker threads to start besides the main thread. */
  workers: number;
  /** Script that loads the CLI bundle in a worker (the launcher). */
  launcher: string;
  init: LintWorkerInit;
}

/** Below this many files to lint per thread, starting a worker (~0.1–0.2 s, plus its own JIT warm-up) costs more than it saves. */
export const FILES_PER_WORKER = 50;

/**
 * How many worker threads a run with `files` files to lint gets for a `--concurrency` setting. `auto` takes half
 * the logical cores, i.e. one thread per physical core where cores are hyper-threaded: two threads on the two
 * logical cores of one physical core got about 1.2 cores of work done in our measurements, less than the
 * second thread's start-up and warm-up cost, so a 2-core machine stays on one thread.
 */
export function workerCount(setting: number | "auto" | "off", files: number): number {
  if (setting === "off") return 0;
  const wanted = setting === "auto" ? Math.min(Math.floor(availableParallelism() / 2), 8) : setting;
  // Never more workers than there is work for; the main thread is one of the threads.
  return Math.max(0, Math.min(wanted - 1, Math.floor(files / FILES_PER_WORKER)));
}

export class LintWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (reply: WorkerReply) => void>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(launcher: string, init: LintWorkerInit) {
    // Loaded here, not at start-up: most runs (a commit's few files) never start a worker.
    const { Worker } = process.getBuiltinModule("node:worker_threads");
    this.worker = new Worker(launcher, { workerData: { promptvetLintWorker: init }, argv: ["--promptvet-lint-worker"], stdout: false, stderr: false });
    this.worker.on("message", (reply: WorkerReply) => {
      const settle = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      settle?.(reply);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const [id, settle] of this.waiting) settle({ id, error: { name: "Error", message: `lint worker failed: ${error.message}` } });
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => {
      if (this.waiting.size > 0) fail(new Error(`exited with code ${code}`));
    });
  }

  lint(target: FileTarget): Promise<WorkerReply> {
    const id = this.nextId++;
    if (this.failure) return Promise.resolve({ id, error: { name: "Error", message: `lint worker failed: ${this.failure.message}` } });
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, target } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** The error a worker reported, rebuilt so the CLI classifies it as the main thread would (ConfigError…). */
export function workerError(error: { name: string; message: string; stack?: string }): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}
