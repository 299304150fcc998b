/** `promptvet eval [files]` and `promptvet --eval`: the smoke eval of changed prompts. */
import type { LintResult } from "../../rule-api/types.js";
import { runSmokeEval, type SmokeEvalOptions } from "../../eval/run.js";
import type { EvalSummary } from "../../eval/types.js";

export type { EvalSummary } from "../../eval/types.js";

export type EvalCommandOptions = SmokeEvalOptions;

/** Exit code 0: passed or skipped; 1: a case failed or regressed; 2: the eval could not run (provider, budget, config). */
export async function runEvalCommand(options: EvalCommandOptions): Promise<{ exitCode: number; results: LintResult[]; summary: EvalSummary }> {
  return runSmokeEval(options);
}
