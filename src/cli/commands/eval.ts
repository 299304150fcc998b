/** `promptvet eval [files]` and `promptvet --eval`: the smoke eval of changed prompts. */
import type { LintResult } from "../../engine/types.js";
import { runSmokeEval } from "../../eval/run.js";
import type { EvalSummary } from "../../eval/types.js";

export type { EvalSummary } from "../../eval/types.js";

export interface EvalCommandOptions {
  files: string[];
  cwd: string;
  /** The resolved top-level config object (its `eval` key configures the run). */
  config: Record<string, unknown>;
  staged?: boolean;
  changedSince?: string;
  requireEval?: boolean;
  /** Re-record baselines anchored to another model. */
  updateBaselines?: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  isTTY: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Exit code 0: passed or skipped; 1: a case failed or regressed; 2: the eval could not run (provider, budget, config). */
export async function runEvalCommand(options: EvalCommandOptions): Promise<{ exitCode: number; results: LintResult[]; summary: EvalSummary }> {
  return runSmokeEval(options);
}
