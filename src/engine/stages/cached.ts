/**
 * The cache stage: a file whose key (content, resolved config, base blob, mode, date) is unchanged is answered
 * from the result cache, unless this run needs more of it than the cache holds (fixes to apply, token stats).
 * The content is named by its git blob id, so a tracked file git says is unchanged is looked up before it is
 * read (`lookUpCacheUnread`), and read only when the report draws code frames from it.
 */
import { gitBlobId } from "../../files/worktree-blobs.js";
import { maskRanges } from "../../rule-api/mask.js";
import type { LintResult } from "../../rule-api/types.js";
import { relativePosix } from "../../util/relative-path.js";
import { cacheKey, contentHash } from "../cache.js";
import type { LintFilesOptions } from "../lint-options.js";
import { decodeBytes, readBytes, type FileBytes, type FileText } from "./bytes.js";
import type { FileJob } from "./target.js";

export type CacheLookup = { hit: LintResult } | { key: string | undefined };

function keyOf(job: FileJob, contentId: string, options: LintFilesOptions): string {
  const rel = options.repoRoot ? relativePosix(options.repoRoot, job.filePath) : job.filePath;
  return cacheKey({
    contentId,
    // Date-dependent rules (model retirement) must not serve yesterday's answer.
    configHash: `${job.config.hash}:${new Date().toISOString().slice(0, 10)}`,
    baseBlob: options.baseBlobs?.get(rel) ?? "",
    mode: options.staged ? "staged" : "worktree",
  });
}

/** The stored result for `key` when this run can use it as it is (its composed-from files unchanged too). */
async function usableHit(job: FileJob, key: string, options: LintFilesOptions) {
  const hit = options.cache!.get(job.filePath, key);
  // A composed prompt's result also depends on its base and partials: any change there is a miss.
  if (!hit || !(await depsUnchanged(hit.deps, options.readFile))) return undefined;
  const wantsFixes = job.fixing && (hit.result.fixableErrorCount || hit.result.fixableWarningCount || options.applySuggestions);
  const missingStats = options.tokenStats && !hit.result.stats?.tokens;
  return wantsFixes || missingStats ? undefined : hit;
}

export async function lookUpCache(job: FileJob, read: FileBytes, text: FileText, options: LintFilesOptions): Promise<CacheLookup> {
  if (!options.cache) return { key: undefined };
  const key = keyOf(job, gitBlobId(read.bytes), options);
  const hit = await usableHit(job, key, options);
  return hit ? { hit: { ...hit.result, source: maskRanges(text.text, hit.masks) } } : { key };
}

/**
 * A hit found by the blob id git gave for an unchanged tracked file, before reading it; undefined when there is
 * none (the file then goes through the ordinary stages). When the report needs the masked text and the result
 * has messages to frame, the file is read, and used only if it still holds that blob: masks are ranges of that
 * content and must never be laid over other text.
 */
export async function lookUpCacheUnread(job: FileJob, options: LintFilesOptions): Promise<LintResult | undefined> {
  if (!options.cache || options.staged || !options.worktreeBlobs || !options.repoRoot) return undefined;
  const blob = options.worktreeBlobs.idOf(job.filePath, relativePosix(options.repoRoot, job.filePath));
  if (!blob) return undefined;
  const hit = await usableHit(job, keyOf(job, blob, options), options);
  if (!hit) return undefined;
  const framed = hit.result.messages.length > 0 || hit.result.suppressedMessages.length > 0;
  if (options.sourceOnHits === false || !framed) return { ...hit.result };
  const read = await readBytes(job, options);
  if ("settled" in read || gitBlobId(read.bytes) !== blob) return undefined;
  const text = decodeBytes(job, read);
  return "settled" in text ? undefined : { ...hit.result, source: maskRanges(text.text, hit.masks) };
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
