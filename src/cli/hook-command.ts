/**
 * `promptvet hook`: the pre-commit hook itself, without lint-staged. It reads the staged list from git, lints
 * what will be committed, fixes and re-stages the files whose working tree matches the index, and reports.
 * A partially staged file is linted from the index and never fixed: fixing it would stage edits its author
 * kept out of the commit. A staged deletion lints the prompts composed from the deleted file.
 */
import path from "node:path";
import { ConfigResolver } from "../config/resolve.js";
import type { RuleRegistry } from "../config/registry.js";
import type { LintResult } from "../rule-api/types.js";
import { UsageError } from "../files/collect.js";
import { findRepository, stagedChanges, stagePaths, unstagedPaths } from "../files/git.js";
import type { CliOptions } from "./args.js";
import { relativePosix } from "../util/relative-path.js";
import { prefilterDigest, prefilterPatterns } from "./hook-prefilter.js";
import { exitCodeFor, runLint, warningsOverLimit, writeReports, type CliIO, type LintRun } from "./lint-command.js";

export async function runHook(options: CliOptions, io: CliIO, registry: RuleRegistry): Promise<number> {
  const repository = findRepository(io.cwd);
  const repoRoot = repository?.root;
  if (!repository || !repoRoot) throw new UsageError("promptvet hook runs in a git repository, from its pre-commit hook");

  if (options.prefilter !== undefined) {
    const resolver = new ConfigResolver({ cwd: io.cwd, registry, explicitConfig: options.config });
    const expected = prefilterDigest(await prefilterPatterns(resolver, repoRoot, io.cwd));
    if (expected !== options.prefilter) {
      io.stderr.write(
        "promptvet: the prompt globs changed since `promptvet init` wrote the pre-commit hook, whose file-name filter " +
          "would now skip some prompt files. Run `npx promptvet init` to update the hook, stage it, and commit again.\n",
      );
      return 1;
    }
  }

  const [staged, unstaged] = await Promise.all([stagedChanges(repoRoot), unstagedPaths(repoRoot)]);
  const whole = staged.changed.filter((p) => !unstaged.has(p));
  const partial = staged.changed.filter((p) => unstaged.has(p));
  const abs = (rel: string) => path.join(repoRoot, rel);
  const base: CliOptions = { ...options, onlyMatching: true, withDependents: true, eval: false, requireEval: false };

  const runs: LintRun[] = [];
  // Working tree and index agree: lint the file, fix it in place and stage the fix.
  if (whole.length > 0) runs.push(await runLint({ ...base, positionals: whole.map(abs), fix: true, staged: false }, io, registry, repository));
  // Partially staged files and deletions: lint what the index holds; the prompts composed from them are linted too.
  if (partial.length + staged.deleted.length > 0) {
    runs.push(await runLint({ ...base, positionals: [...partial, ...staged.deleted].map(abs), fix: false, fixSuggestions: [], staged: true }, io, registry, repository));
  }

  const results = uniqueByFile(runs.flatMap((r) => r.results));
  const fixed = results.filter((r) => r.output !== undefined).map((r) => relativePosix(repoRoot, r.filePath));
  await stagePaths(repoRoot, fixed);

  const partialSet = new Set(partial.map(abs));
  const unfixed = results.filter((r) => partialSet.has(r.filePath) && r.fixableErrorCount + r.fixableWarningCount > 0);
  const exitCode = exitCodeFor(results, options.maxWarnings);
  const tooManyWarnings = warningsOverLimit(results, options.maxWarnings);

  if (exitCode !== 0) {
    const rules = new Map(runs.flatMap((r) => [...r.rules]));
    const deleted = runs.flatMap((r) => r.deleted);
    const affected = runs.flatMap((r) => r.affected);
    writeReports(results, options, io, rules, { deleted, baseRef: runs[0]?.baseRef, affected }, repoRoot);
    if (tooManyWarnings) io.stderr.write(`promptvet: ${tooManyWarnings}\n`);
  } else {
    const line = passingSummary(results, io.cwd);
    if (line) io.stdout.write(`${line}\n`);
  }
  for (const r of unfixed) {
    const n = r.fixableErrorCount + r.fixableWarningCount;
    const rel = relativeForUser(io.cwd, r.filePath);
    io.stdout.write(
      `promptvet: ${n} fixable problem${n === 1 ? "" : "s"} in ${rel} not fixed: the file has unstaged changes. ` +
        `Stage or stash them and commit again, or run \`npx promptvet --fix ${rel}\`.\n`,
    );
  }
  return exitCode;
}

/**
 * The one line a passing commit prints when there is something to know ("2 warnings, 1 fix applied in
 * prompts/a.md — run `npx promptvet prompts/a.md` to see them"); nothing when there is not.
 */
export function passingSummary(results: readonly LintResult[], cwd: string): string | undefined {
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const fixes = results.reduce((n, r) => n + fixesOf(r), 0);
  if (warnings === 0 && fixes === 0) return undefined;
  const files = results.filter((r) => r.warningCount > 0 || fixesOf(r) > 0).map((r) => relativeForUser(cwd, r.filePath));
  const counts = [
    warnings > 0 ? `${warnings} warning${warnings === 1 ? "" : "s"}` : "",
    fixes > 0 ? `${fixes} fix${fixes === 1 ? "" : "es"} applied` : "",
  ].filter(Boolean).join(", ");
  const withWarnings = results.filter((r) => r.warningCount > 0).map((r) => relativeForUser(cwd, r.filePath));
  const where = files.length <= 3 ? files.join(", ") : `${files.slice(0, 3).join(", ")} and ${files.length - 3} more`;
  const next = withWarnings.length > 0
    ? ` — run \`npx promptvet ${withWarnings.join(" ")}\` to see them`
    : " (staged with this commit)";
  return `promptvet: ${counts} in ${where}${next}`;
}

function fixesOf(result: LintResult): number {
  const n = result.stats?.fixesApplied;
  return typeof n === "number" ? n : 0;
}

/** A path as the user types it from where they are; quoted when the shell would split it. */
function relativeForUser(cwd: string, file: string): string {
  const rel = relativePosix(cwd, file);
  return /^[\w./@+-]+$/.test(rel) ? rel : `'${rel.replace(/'/g, "'\\''")}'`;
}

/** One result per file: a file linted in both runs (a dependent of both) is reported once. */
function uniqueByFile(results: readonly LintResult[]): LintResult[] {
  const seen = new Map<string, LintResult>();
  for (const r of results) if (!seen.has(r.filePath)) seen.set(r.filePath, r);
  return [...seen.values()];
}
