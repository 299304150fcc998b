import pc from "picocolors";
import { RuleRegistry } from "../config/registry.js";
import { ConfigResolver } from "../config/resolve.js";
import { ConfigError } from "../rule-api/errors.js";
import type { RuleMeta } from "../rule-api/types.js";
import type { RuleSet } from "../config/rule-set.js";
import { UsageError } from "../files/collect.js";
import { VERSION } from "../version.js";
import { ruleCatalog } from "../../rules/catalog.generated.js";
import { lazyRules } from "../config/lazy-rules.js";
import { HELP, parseCli, type CliOptions } from "./args.js";
import { readRuleDocs } from "../../rules/docs.js";
import { startRunRecording, type RunRecording } from "./run-recording.js";
import { errorsOnly, exitCodeFor, runLint, warningsOverLimit, writeReports, type CliIO } from "./lint-command.js";

export { lintWorkerMain } from "../engine/lint-worker.js";

/** Runs the CLI and returns the exit code (0 clean, 1 findings, 2 usage/config/internal error). */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    io.stderr.write(`promptvet: ${(error as Error).message}\nRun "promptvet --help" for usage.\n`);
    return 2;
  }
  try {
    return await dispatch(options, io, argv);
  } catch (error) {
    const err = error as Error;
    if (err instanceof UsageError || err instanceof ConfigError || err.name === "ConfigError" || err.name === "UsageError" || err.name === "FormatSpecError") {
      io.stderr.write(`promptvet: ${err.message}\n`);
    } else {
      io.stderr.write(`promptvet: internal error: ${err.message}\n`);
      if (io.env.PROMPTVET_DEBUG) io.stderr.write(`${err.stack}\n`);
      else io.stderr.write("Set PROMPTVET_DEBUG=1 for details.\n");
    }
    return 2;
  }
}

async function dispatch(options: CliOptions, io: CliIO, argv: readonly string[]): Promise<number> {
  const registry = new RuleRegistry(lazyRules(ruleCatalog));
  switch (options.command) {
    case "help":
      io.stdout.write(`${HELP}\n`);
      return 0;
    case "version":
      io.stdout.write(`${VERSION}\n`);
      return 0;
    case "rules": {
      // The rules that exist here: the built-ins and the plugins of the config that applies to this folder.
      const rules = await rulesHere(options, io, registry);
      io.stdout.write(rulesTable(rules.all().map((r) => r.meta), options.color ?? !!io.stdout.isTTY));
      return 0;
    }
    case "explain":
      return explain(options, io, await rulesHere(options, io, registry));
    case "init": {
      const { runInit } = await import("./init.js");
      return runInit({ cwd: io.cwd, stdout: io.stdout, registry, yes: options.yes });
    }
    case "hook": {
      const { runHook } = await import("./hook-command.js");
      return runHook(options, io, registry);
    }
    case "tokens": {
      const { runTokensCommandFromCli } = await import("./integrations.js");
      return runTokensCommandFromCli(options, io, registry);
    }
    case "eval": {
      const { runEvalFromCli } = await import("./integrations.js");
      return runEvalFromCli(options, io, registry, { lint: false });
    }
    case "forks": {
      const { runForksFromCli } = await import("./integrations.js");
      return runForksFromCli(options, io, registry);
    }
    case "lsp": {
      // A bundle of its own (dist/lsp.cjs): nothing of the language server is loaded by any other command.
      const { runLanguageServer } = await import("../lsp/index.js");
      return runLanguageServer({ stdin: process.stdin, stdout: io.stdout, stderr: io.stderr });
    }
    case "lint":
      break;
  }

  const recording = startRunRecording(argv, options, io);
  try {
    return await lintAndReport(options, io, registry, recording);
  } finally {
    recording?.stop();
  }
}

async function lintAndReport(options: CliOptions, io: CliIO, registry: RuleRegistry, recording: RunRecording | undefined): Promise<number> {
  const run = await runLint(options, io, registry);
  let results = run.results;
  let exitCode = exitCodeFor(results, options.maxWarnings);
  const summary: NonNullable<Parameters<typeof writeReports>[4]> = { deleted: run.deleted, baseRef: run.baseRef, affected: run.affected };
  if (options.eval || options.requireEval) {
    const { runEvalFromCli } = await import("./integrations.js");
    const evalCode = await runEvalFromCli(options, io, registry, { lint: true, summary, results });
    exitCode = Math.max(exitCode, evalCode);
  }
  const tooManyWarnings = warningsOverLimit(results, options.maxWarnings);
  if (options.quiet) results = errorsOnly(results);
  const metas = run.rules;
  const reportStart = performance.now();
  writeReports(results, options, io, metas, summary, run.repoRoot);
  // Said even with --quiet, which hides the warnings themselves: an exit code of 1 must have a visible reason.
  if (tooManyWarnings) io.stderr.write(`promptvet: ${tooManyWarnings}\n`);
  recording?.finish(run, exitCode);
  if (run.timing) {
    run.timing.report = performance.now() - reportStart;
    run.timing.total = performance.now();
    const { formatTiming } = await import("../engine/timing.js");
    io.stderr.write(formatTiming(run.timing));
  }
  return exitCode;
}

function rulesHere(options: CliOptions, io: CliIO, registry: RuleRegistry): Promise<RuleSet> {
  return new ConfigResolver({ cwd: io.cwd, registry, explicitConfig: options.config }).ruleSetFor(io.cwd);
}

function explain(options: CliOptions, io: CliIO, rules: RuleSet): number {
  const id = options.positionals[0];
  if (!id) throw new UsageError("explain needs a rule id, e.g. promptvet explain pii/email");
  const rule = rules.get(id);
  if (!rule) {
    const hint = rules.suggest(id);
    throw new UsageError(`Unknown rule "${id}"${hint.length ? ` (did you mean ${hint.join(", ")}?)` : ""}`);
  }
  const { meta } = rule;
  // A plugin's rule is documented where the plugin says (docs.url); promptvet ships the docs of its own rules.
  const docs = meta.plugin ? undefined : readRuleDocs(id);
  const from = meta.plugin ? `plugin: ${meta.plugin.prefix}${meta.plugin.name ? ` (${meta.plugin.name}${meta.plugin.version ? ` ${meta.plugin.version}` : ""})` : ""}\n` : "";
  const recommended = meta.plugin ? "" : `recommended: ${meta.docs.recommended || "off"}`;
  const traits = [recommended, meta.fixable ? "fixable" : "", meta.hasSuggestions ? "has suggestions" : ""].filter(Boolean).join(", ");
  io.stdout.write(
    `${meta.id} — ${meta.docs.description}\n` +
      from +
      (traits ? `${traits}\n` : "") +
      "\n" +
      (docs ?? (meta.docs.url ? `Documentation: ${meta.docs.url}\n` : meta.docs.help ? `${meta.docs.help}\n` : "(no documentation found)\n")),
  );
  return 0;
}

export function rulesTable(metas: RuleMeta[], color: boolean): string {
  const c = color ? pc : { bold: (s: string) => s, dim: (s: string) => s };
  const rows = metas.map((m) => [m.id, String(m.docs.recommended || "off"), m.fixable ? "fix" : m.hasSuggestions ? "suggest" : "", m.docs.description]);
  const header = ["rule", "recommended", "fixes", "description"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < cells.length - 1 ? cell.padEnd(widths[i]!) : cell)).join("  ");
  return `${c.bold(line(header))}\n${rows.map((r) => line(r)).join("\n")}\n${c.dim(`${rows.length} rules`)}\n`;
}
