import type { LintResult, RuleMeta } from "../rule-api/types.js";

// Reports are the last stage: they read the types the earlier stages produce (smoke-eval summaries, token
// statistics) rather than keeping copies that could drift.
export type { EvalFileSummary, EvalSummary } from "../eval/types.js";
/** Per-file token data, found in `result.stats.tokens`. */
export type { TokenStats } from "../tokens/stats.js";
import type { EvalSummary } from "../eval/types.js";

export interface FormatSummary {
  /** Prompt files deleted by the change. */
  deleted?: string[];
  /** Prompts whose text changed because an include or base prompt they use changed. */
  affected?: { changed: string; dependents: string[] }[];
  eval?: EvalSummary;
  /** The ref the change is compared with (`--changed-since`). */
  baseRef?: string;
}

export interface FormatContext {
  /** Directory that paths are shown relative to. */
  cwd: string;
  color: boolean;
  /** Metadata of every known rule, by id. */
  rules: Map<string, RuleMeta>;
  /**
   * Where rule docs live. `{id}` is replaced by the rule id; without it, `/<rule id>.md` is appended
   * (the layout of `rules/<category>/<name>.md`).
   */
  docsBaseUrl?: string;
  toolVersion: string;
  summary?: FormatSummary;
  /**
   * Root that SARIF URIs and GitHub annotation paths are relative to. Code scanning and annotations
   * resolve paths from the repository root, so set this to the repository root when `cwd` may be a
   * subfolder. Defaults to `cwd`.
   */
  srcRoot?: string;
}

/** A formatter: a pure function from results to the text to print or write. */
export type Formatter = (results: LintResult[], context: FormatContext) => string;
