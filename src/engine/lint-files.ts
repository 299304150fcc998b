import { fileReaderFor } from "../compose/read.js";
import { GitObjectStore } from "../files/git-objects.js";
import type { LintMessage, LintResult } from "../rule-api/types.js";
import type { LintFilesOptions } from "./lint-options.js";
import { lintOneFile, NEEDS_LINT } from "./lint-one-file.js";
import { FILES_PER_WORKER, LintWorker, workerError, type RecordedCacheEntry } from "./lint-threads.js";

export type { LintFilesOptions };
export { lintOneFile, NEEDS_LINT };

/** `--fix-suggestions` scopes (rule ids or categories) as a message filter. */
export function suggestionFilter(scopes: readonly string[]): ((message: LintMessage) => boolean) | undefined {
  if (scopes.length === 0) return undefined;
  return (m) => !!m.ruleId && scopes.some((s) => m.ruleId === s || m.ruleId!.startsWith(`${s}/`));
}

const REQUESTS_PER_WORKER = 4;

/** Lints files end to end: read, decode, parse, run rules, fix. One bad file never stops the others. */
export async function lintFiles(options: LintFilesOptions): Promise<LintResult[]> {
  const ownGit = !options.git && options.repoRoot ? new GitObjectStore(options.repoRoot) : undefined;
  options = { ...options, git: options.git ?? ownGit };
  options.readFile ??= fileReaderFor(options);
  try {
    return await lintAll(options);
  } finally {
    ownGit?.close();
  }
}

async function lintAll(options: LintFilesOptions): Promise<LintResult[]> {
  const results: (LintResult | undefined)[] = new Array(options.files.length);
  let queue: number[] = options.files.map((_, i) => i);
  const threads = options.threads;
  if (threads && threads.workers > 0) {
    // Cache hits and files that never reach the rules are settled here; only real work goes to the threads.
    const needsLint: number[] = [];
    await eachConcurrently(queue, options.concurrency ?? 8, async (i) => {
      const probed = await lintOneFile(options.files[i]!, { ...options, probeOnly: true });
      if (probed === NEEDS_LINT) needsLint.push(i);
      else results[i] = probed;
    });
    queue = needsLint.sort((a, b) => a - b);
  }
  const workers = threads ? Math.min(threads.workers, Math.floor(queue.length / FILES_PER_WORKER)) : 0;
  let next = 0;
  const take = () => (next < queue.length ? queue[next++] : undefined);
  const onMainThread = async () => {
    for (let i = take(); i !== undefined; i = take()) {
      results[i] = await lintOneFile(options.files[i]!, options);
      // Rules run synchronously; yielding to the event loop between files lets worker replies in, so the
      // workers are handed their next file instead of waiting for the main thread's queue to drain. When
      // fixing, it lets a Ctrl-C in between two writes (a run of cached configs and synchronous reads and
      // writes would otherwise never return to the event loop, and signal listeners would wait for its end).
      if (workers > 0 || options.fix) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const inWorker = async (worker: LintWorker) => {
    for (let i = take(); i !== undefined; i = take()) {
      const reply = await worker.lint(options.files[i]!);
      if ("error" in reply) throw workerError(reply.error);
      results[i] = reply.result;
      if (options.runStats) options.runStats.onWorkers = (options.runStats.onWorkers ?? 0) + 1;
      storeRecorded(options, options.files[i]!.path, reply.result, reply.cacheEntry);
    }
  };
  const pool = Array.from({ length: workers }, () => new LintWorker(threads!.launcher, threads!.init));
  if (options.runStats) Object.assign(options.runStats, { threads: workers + 1, linted: queue.length });
  try {
    // With workers, the main thread lints one file per turn of the event loop (several lanes would run file after
    // file between two turns and leave the workers waiting for their next file), and each worker has a few files
    // queued so it never waits on the main thread.
    const mainLanes = workers > 0 ? 1 : Math.min(options.concurrency ?? 8, queue.length);
    await Promise.all([
      ...Array.from({ length: mainLanes }, onMainThread),
      ...pool.flatMap((worker) => Array.from({ length: REQUESTS_PER_WORKER }, () => inWorker(worker))),
    ]);
  } finally {
    await Promise.all(pool.map((worker) => worker.close()));
  }
  return results.filter((r): r is LintResult => r !== undefined);
}

async function eachConcurrently<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/** Writes what a worker computed for the cache, as `lintOneFile` does on the main thread. */
function storeRecorded(options: LintFilesOptions, filePath: string, result: LintResult | undefined, entry: RecordedCacheEntry | undefined): void {
  if (!options.cache || !entry) return;
  if ("deleted" in entry) options.cache.delete(filePath);
  else if (result) options.cache.set(filePath, entry.key, result, entry.masks, entry.deps ? new Map(entry.deps) : undefined);
}
