/** The worker-thread side of `lint-threads.ts`: lints the files the main thread sends, one at a time. */
import type { MessagePort } from "node:worker_threads";
import { ruleCatalog } from "../../rules/catalog.generated.js";
import { lazyRules } from "../config/lazy-rules.js";
import { fileReaderFor } from "../compose/read.js";
import { ConfigResolver } from "../config/resolve.js";
import { RuleRegistry } from "../config/registry.js";
import { GitObjectStore } from "../files/git-objects.js";
import type { ResultStore } from "./cache.js";
import { suggestionFilter } from "./lint-files.js";
import type { LintFilesOptions } from "./lint-options.js";
import { lintOneFile } from "./lint-one-file.js";
import type { LintWorkerInit, RecordedCacheEntry, WorkerReply, WorkerRequest } from "./lint-threads.js";

/** A store that remembers what the run would have cached, for the main thread to write. */
function recordingStore(record: (entry: RecordedCacheEntry) => void): ResultStore {
  return {
    get: () => undefined,
    set: (_file, key, _result, masks, deps) =>
      record({ key, masks: masks.map(([s, e]) => [s, e] as [number, number]), ...(deps && deps.size > 0 ? { deps: [...deps] } : {}) }),
    delete: () => record({ deleted: true }),
  };
}

export function lintWorkerMain(init: LintWorkerInit, port: MessagePort | null = process.getBuiltinModule("node:worker_threads").parentPort): void {
  if (!port) throw new Error("lintWorkerMain runs in a worker thread");
  const registry = new RuleRegistry(lazyRules(ruleCatalog));
  const options: LintFilesOptions = {
    files: [],
    resolver: new ConfigResolver({ cwd: init.cwd, registry, explicitConfig: init.explicitConfig }),
    fix: init.fix,
    fixRoot: init.repoRoot ?? init.cwd,
    staged: init.staged,
    repoRoot: init.repoRoot,
    baseRef: init.baseRef,
    baseBlobs: init.baseBlobs ? new Map(init.baseBlobs) : undefined,
    tokenStats: init.tokenStats,
    applySuggestions: suggestionFilter(init.suggestionScopes),
    git: init.repoRoot ? new GitObjectStore(init.repoRoot) : undefined,
  };
  options.readFile = fileReaderFor(options);
  port.on("message", async ({ id, target }: WorkerRequest) => {
    let cacheEntry: RecordedCacheEntry | undefined;
    const cache = init.recordCache ? recordingStore((entry) => (cacheEntry = entry)) : undefined;
    let reply: WorkerReply;
    try {
      const result = await lintOneFile(target, { ...options, cache });
      reply = { id, result, ...(cacheEntry ? { cacheEntry } : {}) };
    } catch (error) {
      const err = error as Error;
      reply = { id, error: { name: err.name, message: err.message, stack: err.stack } };
    }
    port.postMessage(reply);
  });
}
