/**
 * Lints a folder of built fixture files the way the CLI does (real file collection, config resolution, the
 * format parsers and every built-in rule), and turns the contradiction-family messages into `Finding`s.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { Writable } from "node:stream";
import type { LintResult } from "../../src/rule-api/types.js";
import { detectorKindOf, type Finding } from "./contradiction-score.js";

export const CONFLICT_RULES = ["contradiction/instructions", "fork/contradiction"];
export const DUPLICATE_RULE = "contradiction/duplicate-instruction";
export const EXAMPLE_RULE = "contradiction/examples";

/**
 * The CLI's own modules, loaded from source so a bench run measures the working tree without a build. The
 * generated config validator is an ES module that calls `require` (esbuild and vitest provide one, tsx does
 * not), so a `require` is provided before it loads.
 */
async function linterModules() {
  const global = globalThis as { require?: NodeRequire };
  global.require ??= createRequire(import.meta.url);
  const [{ parseCli }, { runLint, writeReports }, { RuleRegistry }, { builtinRules }] = await Promise.all([
    import("../../src/cli/args.js"),
    import("../../src/cli/lint-command.js"),
    import("../../src/config/registry.js"),
    import("../../rules/index.js"),
  ]);
  return { parseCli, runLint, writeReports, RuleRegistry, builtinRules };
}

/** The report of `results` in one output format, as the CLI prints it (no colour). */
export async function renderReport(dir: string, results: LintResult[], format: string): Promise<string> {
  const { parseCli, writeReports, RuleRegistry, builtinRules } = await linterModules();
  let text = "";
  const sink = new Writable({
    write: (chunk, _encoding, done) => {
      text += String(chunk);
      done();
    },
  });
  const metas = new Map(new RuleRegistry(builtinRules).all().map((r) => [r.meta.id, r.meta] as const));
  writeReports(results, parseCli(["-f", format, "--no-color"]), { cwd: dir, stdout: sink, stderr: process.stderr, env: { NO_COLOR: "1" } }, metas, undefined);
  return text;
}

/**
 * Lints `files` (relative to `dir`) with the recommended preset. A config file is written into `dir` so that
 * no config of an enclosing folder applies.
 */
export async function lintFolder(dir: string, files: readonly string[]): Promise<{ results: LintResult[]; ms: number }> {
  writeFileSync(join(dir, "promptvet.config.yaml"), "extends: promptvet:recommended\n");
  const { parseCli, runLint, RuleRegistry, builtinRules } = await linterModules();
  const options = parseCli(["--no-cache", "--concurrency", "off", ...files]);
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const started = performance.now();
  const run = await runLint(options, { cwd: dir, stdout: discard, stderr: process.stderr, env: {} }, new RuleRegistry(builtinRules));
  return { results: run.results, ms: performance.now() - started };
}

/** The messages of the given rules as findings, with paths relative to `dir`. */
export function findingsOf(results: readonly LintResult[], dir: string, ruleIds: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const result of results) {
    const file = relative(dir, resolve(dir, result.filePath)).split("\\").join("/");
    for (const m of result.messages) {
      if (!m.ruleId || !ruleIds.includes(m.ruleId)) continue;
      const related = m.related?.[0];
      // An instruction broken by an example in an attached file: the instruction comes first, the example after it.
      const attached = related && !related.filePath ? m.related?.find((r) => r.filePath) : undefined;
      findings.push({
        file,
        line: m.line,
        ...(related ? { otherLine: related.line } : {}),
        ...(related?.filePath ? { otherFile: relative(dir, resolve(dir, related.filePath)).split("\\").join("/") } : {}),
        ...(attached?.filePath ? { attachedFile: relative(dir, resolve(dir, attached.filePath)).split("\\").join("/"), attachedLine: attached.line } : {}),
        ruleId: m.ruleId,
        detectorKind: detectorKindOf(m.message),
        message: m.message,
      });
    }
  }
  return findings;
}
