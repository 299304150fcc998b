import type { ConfigResolver } from "../config/resolve.js";
import type { FileTarget } from "../files/collect.js";
import type { GitObjectStore } from "../files/git-objects.js";
import type { WorktreeBlobs } from "../files/worktree-blobs.js";
import type { LintMessage } from "../rule-api/types.js";
import type { ResultStore } from "./cache.js";
import type { LintThreads } from "./lint-threads.js";
import type { RunTiming } from "./timing.js";

export interface LintFilesOptions {
  files: readonly FileTarget[];
  resolver: ConfigResolver;
  /** Apply fixes and write them back (never in staged mode). */
  fix?: boolean;
  /** Fixes are written only to files whose real path is inside this folder (the repository root). */
  fixRoot?: string;
  /** With `fix`, also apply the first suggestion of messages that pass this filter (`--fix-suggestions`). */
  applySuggestions?: (message: LintMessage) => boolean;
  /** Read file content from the git index instead of the working tree. */
  staged?: boolean;
  repoRoot?: string;
  /** Ref whose content rules compare with (HEAD, or a merge-base in CI). */
  baseRef?: string;
  /**
   * @deprecated Not read: a directive may name the rules that exist for its file, which are those of the file's
   * resolved config (`FileConfig.ruleSet`).
   */
  knownRuleIds?: ReadonlySet<string>;
  /** Persistent result cache; files whose key is unchanged are not linted again. */
  cache?: ResultStore;
  /** Answer from the cache (or settle ignored, unreadable files) only: a file that needs linting gives `NEEDS_LINT`. */
  probeOnly?: boolean;
  /**
   * Blob ids of tracked files whose working-tree bytes git says are those of their indexed blob, by repo-relative
   * path (`unchangedWorktreeBlobs`): their cache entries are found by id, without reading the file.
   */
  worktreeBlobs?: WorktreeBlobs;
  /**
   * Whether a cache hit must carry the file's masked text (`result.source`, for code frames); default true. A
   * hit without it is answered without reading the file at all.
   */
  sourceOnHits?: boolean;
  /** Blob ids at the base ref by repo-relative path (part of the cache key). */
  baseBlobs?: Map<string, string>;
  /** Compute token counts and cost deltas per file (`result.stats.tokens`) for the summary report. */
  tokenStats?: boolean;
  /** Reads other files (bases, partials) as this run sees them; created once per run. */
  readFile?: (filePath: string) => Promise<string | undefined>;
  /** Staged and base blobs come from here (one created for the run when absent). */
  git?: GitObjectStore;
  /** Files at once; parsing is CPU-bound, so this mostly overlaps I/O. */
  concurrency?: number;
  /** Worker threads for the files that need linting (large runs; see lint-threads.ts). */
  threads?: LintThreads;
  /** Collects where the time goes (PROMPTVET_TIMING; the CLI runs on one thread then). */
  timing?: RunTiming;
  /** Filled in with how the run went (for PROMPTVET_DEBUG). */
  runStats?: { threads: number; linted: number; onWorkers?: number };
}
