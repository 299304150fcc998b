/**
 * One file through the pipeline: target → bytes → text → (cache) → document → findings → (write) → result.
 * Each stage is one function in ./stages with one job; a stage that settles the file (ignored, unreadable, not
 * text, a cache hit) ends the pipeline with its result.
 */
import type { FileTarget } from "../files/collect.js";
import type { LintResult } from "../rule-api/types.js";
import type { LintFilesOptions } from "./lint-options.js";
import { decodeBytes, readBytes } from "./stages/bytes.js";
import { lookUpCache, lookUpCacheUnread, storeInCache } from "./stages/cached.js";
import { findFindings, type Findings } from "./stages/findings.js";
import { addTokenStats, fatalResult, lintedResult } from "./stages/result.js";
import { planTarget } from "./stages/target.js";
import { writeFixes } from "./stages/write.js";

/** What `lintOneFile` gives in `probeOnly` mode for a file whose rules must run. */
export const NEEDS_LINT = Symbol("needs lint");

export async function lintOneFile(target: FileTarget, options: LintFilesOptions & { probeOnly: true }): Promise<LintResult | undefined | typeof NEEDS_LINT>;
export async function lintOneFile(target: FileTarget, options: LintFilesOptions): Promise<LintResult | undefined>;
export async function lintOneFile(target: FileTarget, options: LintFilesOptions): Promise<LintResult | undefined | typeof NEEDS_LINT> {
  const job = await planTarget(target, options);
  if ("settled" in job) return job.settled;
  const unread = await lookUpCacheUnread(job, options);
  if (unread) return unread;
  const read = await readBytes(job, options);
  if ("settled" in read) return read.settled;
  const text = decodeBytes(job, read);
  if ("settled" in text) return text.settled;
  const cached = await lookUpCache(job, read, text, options);
  if ("hit" in cached) return cached.hit;
  if (options.probeOnly) return NEEDS_LINT;

  let findings: Findings;
  try {
    findings = await findFindings(job, text, options);
  } catch (error) {
    if ((error as Error).name === "ConfigError") throw error;
    const detail = process.env.PROMPTVET_DEBUG ? `\n${(error as Error).stack}` : "";
    return fatalResult(job.filePath, `Internal error while linting this file: ${(error as Error).message}${detail}`);
  }
  const writeProblem = await writeFixes(job, findings, text, read, options);
  const { result, masks } = lintedResult(job, findings, text, writeProblem);
  if (options.tokenStats) await addTokenStats(result, job, findings);
  storeInCache(job, cached.key, result, { masks, deps: findings.deps, reusable: result.output === undefined && !writeProblem }, options);
  return result;
}
