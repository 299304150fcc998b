/**
 * Commands backed by capability modules (token counts, smoke eval, forks). Loaded on demand so a plain
 * lint never imports them.
 */
import path from "node:path";
import { ConfigResolver } from "../config/resolve.js";
import type { RuleRegistry } from "../config/registry.js";
import type { LintResult } from "../rule-api/types.js";
import { collectFiles, UsageError } from "../files/collect.js";
import { findRepository, mergeBase } from "../files/git.js";
import type { FormatContext } from "../report/types.js";
import type { CliOptions } from "./args.js";
import type { CliIO } from "./lint-command.js";

async function settingsFor(options: CliOptions, io: CliIO, registry: RuleRegistry): Promise<Record<string, unknown>> {
  const resolver = new ConfigResolver({ cwd: io.cwd, registry, explicitConfig: options.config });
  return (await resolver.forFile(path.join(io.cwd, "promptvet.config.yaml"))).settings;
}

async function baseRefFor(options: CliOptions, cwd: string): Promise<string | undefined> {
  const repository = findRepository(cwd);
  if (!repository) return undefined;
  if (options.changedSince) return mergeBase(repository.root, options.changedSince);
  return repository.head !== undefined ? "HEAD" : undefined;
}

export async function runTokensCommandFromCli(options: CliOptions, io: CliIO, registry: RuleRegistry): Promise<number> {
  const { runTokensCommand } = await import("./commands/tokens.js");
  const resolver = new ConfigResolver({ cwd: io.cwd, registry, explicitConfig: options.config });
  const files = (await collectFiles(options.positionals, io.cwd, resolver)).map((f) => f.path);
  const format = options.formats[0] ?? "table";
  if (format !== "table" && format !== "json") throw new UsageError(`tokens --format expects table or json, got "${format}"`);
  return runTokensCommand({
    files,
    format,
    cwd: io.cwd,
    baseRef: await baseRefFor(options, io.cwd),
    stdout: io.stdout,
    settings: await settingsFor(options, io, registry),
    settingsFor: async (absPath: string) => (await resolver.forFile(absPath)).settings,
    composeRoots: async (absPath: string) => {
      const { composeRootsFor } = await import("../compose/boundary.js");
      const config = await resolver.forFile(absPath);
      return composeRootsFor(absPath, config.baseDir, config.composeRoots, config.projectRoot);
    },
  });
}

export async function runEvalFromCli(
  options: CliOptions,
  io: CliIO,
  registry: RuleRegistry,
  mode: { lint: boolean; summary?: NonNullable<FormatContext["summary"]>; results?: LintResult[] },
): Promise<number> {
  if (mode.lint) {
    // Beside a lint run, an eval that breaks is reported and counted (exit 2), and the lint report still prints.
    try {
      return await runEval(options, io, registry, mode);
    } catch (error) {
      io.stderr.write(`promptvet: the smoke eval could not run: ${(error as Error).message}\n`);
      if (io.env.PROMPTVET_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
      return 2;
    }
  }
  return runEval(options, io, registry, mode);
}

async function runEval(
  options: CliOptions,
  io: CliIO,
  registry: RuleRegistry,
  mode: { lint: boolean; summary?: NonNullable<FormatContext["summary"]>; results?: LintResult[] },
): Promise<number> {
  const { runEvalCommand } = await import("./commands/eval.js");
  const config = await settingsFor(options, io, registry);
  const outcome = await runEvalCommand({
    files: mode.lint ? [] : options.positionals.map((p) => path.resolve(io.cwd, p)),
    cwd: io.cwd,
    config,
    staged: options.staged,
    changedSince: options.changedSince,
    requireEval: options.requireEval,
    updateBaselines: options.updateBaselines,
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr,
    isTTY: !!io.stdout.isTTY,
  });
  if (mode.summary) mode.summary.eval = outcome.summary;
  if (mode.results) mergeResultsInto(mode.results, outcome.results);
  else if (outcome.results.length > 0) {
    const { writeReports } = await import("./lint-command.js");
    const metas = new Map(registry.all().map((r) => [r.meta.id, r.meta] as const));
    writeReports(outcome.results, options, io, metas, { eval: outcome.summary });
  }
  return outcome.exitCode;
}

/** Adds eval findings to the lint results of the same file (one entry per file), counts included. */
export function mergeResultsInto(target: LintResult[], extra: LintResult[]): void {
  for (const result of extra) {
    const existing = target.find((r) => r.filePath === result.filePath);
    if (!existing) {
      target.push(result);
      continue;
    }
    existing.messages = [...existing.messages, ...result.messages].sort((a, b) => a.line - b.line || a.column - b.column);
    existing.suppressedMessages = [...existing.suppressedMessages, ...result.suppressedMessages];
    existing.errorCount += result.errorCount;
    existing.warningCount += result.warningCount;
    existing.fatalErrorCount += result.fatalErrorCount;
    existing.fixableErrorCount += result.fixableErrorCount;
    existing.fixableWarningCount += result.fixableWarningCount;
    if (result.stats) existing.stats = { ...existing.stats, ...result.stats };
  }
}

export async function runForksFromCli(options: CliOptions, io: CliIO, registry: RuleRegistry): Promise<number> {
  const { runForksCommand } = await import("./commands/forks.js");
  const { composeRootsFor } = await import("../compose/boundary.js");
  const resolver = new ConfigResolver({ cwd: io.cwd, registry, explicitConfig: options.config });
  return runForksCommand({
    cwd: io.cwd,
    paths: options.positionals,
    format: options.formats[0] ?? "table",
    stdout: io.stdout,
    settings: await settingsFor(options, io, registry),
    composeRoots: async (file) => {
      const config = await resolver.forFile(file);
      return composeRootsFor(file, config.baseDir, config.composeRoots, config.projectRoot);
    },
  });
}
