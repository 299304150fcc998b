import type { LintResult, RuleMeta } from "../engine/types.js";

/**
 * Result of the smoke eval, as the report layer reads it. Kept structurally identical to the eval
 * module's own type so the report layer does not import from `src/eval/` (stages never reach back).
 */
export interface EvalSummary {
  /** Why the eval did not run (no API key, disabled, ...). */
  skipped?: string;
  calls: number;
  cached: number;
  retries: number;
  tokens: { input: number; output: number };
  cost?: number;
  files: EvalFileSummary[];
}

export interface EvalFileSummary {
  filePath: string;
  cases: number;
  passed: number;
  failed: number;
  baseline?: { passed: number; failed: number; model: string; stale?: boolean };
  regressions: { case: string; kind: string; detail: string }[];
  medianLatencyMs?: number;
  baseMedianLatencyMs?: number;
}

/** Per-file token data, found in `result.stats.tokens`. */
export interface TokenStats {
  model: string;
  encoding: string;
  /** False when the count is an approximation (shown with "≈"). */
  exact: boolean;
  total: number;
  byRole: Record<string, number>;
  baseTotal?: number;
  costPerCall?: number;
  baseCostPerCall?: number;
  costPerMonth?: number;
  baseCostPerMonth?: number;
  /** Assumptions made to render the prompt (variable -> sample used). */
  assumed?: Record<string, string>;
}

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
