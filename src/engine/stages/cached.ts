/**
 * The cache stage: a file whose key (content, resolved config, base blob, mode, date) is unchanged is answered
 * from the result cache, unless this run needs more of it than the cache holds (fixes to apply, token stats).
 */
import { maskRanges } from "../../rule-api/mask.js";
import type { LintResult } from "../../rule-api/types.js";
import { relativePosix } from "../../util/relative-path.js";
import { cacheKey, contentHash } from "../cache.js";
import type { LintFilesOptions } from "../lint-options.js";
import type { FileBytes, FileText } from "./bytes.js";
import type { FileJob } from "./target.js";

export type CacheLookup = { hit: LintResult } | { key: string | undefined };

export async function lookUpCache(job: FileJob, read: FileBytes, text: FileText, options: LintFilesOptions): Promise<CacheLookup> {
  if (!options.cache) return { key: undefined };
  const rel = options.repoRoot ? relativePosix(options.repoRoot, job.filePath) : job.filePath;
  const key = cacheKey({
    content: read.bytes,
    // Date-dependent rules (model retirement) must not serve yesterday's answer.
    configHash: `${job.config.hash}:${new Date().toISOString().slice(0, 10)}`,
    baseBlob: options.baseBlobs?.get(rel) ?? "",
    mode: options.staged ? "staged" : "worktree",
  });
  const hit = options.cache.get(job.filePath, key);
  // A composed prompt's result also depends on its base and partials: any change there is a miss.
  const cached = hit && (await depsUnchanged(hit.deps, options.readFile)) ? { ...hit.result, source: maskRanges(text.text, hit.masks) } : undefined;
  const wantsFixes = job.fixing && (cached?.fixableErrorCount || cached?.fixableWarningCount || options.applySuggestions);
  const missingStats = options.tokenStats && !cached?.stats?.tokens;
  return cached && !wantsFixes && !missingStats ? { hit: cached } : { key };
}

/**
 * Stores a computed result. A file that was fixed, or whose fix failed, is dropped instead (`reusable` false): its
 * next run must lint what is on disk then.
 */
export function storeInCache(
  job: FileJob,
  key: string | undefined,
  result: LintResult,
  findings: { masks: readonly (readonly [number, number])[]; deps: Map<string, string>; reusable: boolean },
  options: LintFilesOptions,
): void {
  if (!options.cache || !key) return;
  if (findings.reusable) options.cache.set(job.filePath, key, result, findings.masks, findings.deps);
  else options.cache.delete(job.filePath);
}

async function depsUnchanged(
  deps: Record<string, string> | undefined,
  readFile: ((p: string) => Promise<string | undefined>) | undefined,
): Promise<boolean> {
  if (!deps) return true;
  if (!readFile) return false;
  for (const [p, hash] of Object.entries(deps)) {
    if (contentHash(await readFile(p)) !== hash) return false;
  }
  return true;
}
