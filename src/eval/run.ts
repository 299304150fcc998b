/**
 * The smoke eval of changed prompts: select the prompts (changed, or including a changed partial), load their
 * cases, render each case for the current and the base version, call the model within the run's limits,
 * check the assertions, compare with the baseline, and turn everything into diagnostics and a summary.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { PromptDocument, Range } from "../model/document.js";
import { LineIndex } from "../model/line-index.js";
import type { LintMessage, LintResult } from "../rule-api/types.js";
import { changedBetween, findRepository, mergeBase, stagedFiles } from "../files/git.js";
import { renderPrompt } from "../render/index.js";
import { assertionDigest, checkAssertion, estimateTokens } from "./assertions.js";
import { baselineFile, baselineKey, median, readBaseline, writeBaseline, type StoredBaseline } from "./baseline.js";
import { defaultCacheDir, ResponseCache } from "./cache.js";
import { findCasesFiles, isCasesFile, parseCasesFile, parseFrontmatterTests, promptCandidatesForCasesFile, type CasesProblem } from "./cases.js";
import { resolveEvalSettings, type EvalSettings } from "./config-schema.js";
import { dependentsOf } from "./deps.js";
import { evalFormatOf, loadPromptDocument, RENDERABLE } from "./document.js";
import { Executor, type CallOutcome, type CallTask } from "./executor.js";
import { registryFor } from "../tokens/registry.js";
import { lookupPrice } from "./pricing.js";
import { maskSensitiveText, scrubKnownSecrets } from "./redact.js";
import { closeRegexRunner } from "./regex-runner.js";
import { createProgress, type Progress } from "./progress.js";
import { createProvider } from "./providers/index.js";
import type { Provider } from "./providers/types.js";
import { diskReader, gitReader, listRepoFiles, worktreeChanges, type FileReader } from "./sources.js";
import { ProviderError, type ChatTurn, type EvalCase, type EvalFileSummary, type EvalSummary, type ProviderRequest, type ProviderResponse } from "./types.js";
import { roundUsd } from "../util/money.js";
import { appendAll } from "../util/append.js";

export interface SmokeEvalOptions {
  files: string[];
  cwd: string;
  config: Record<string, unknown>;
  staged?: boolean;
  changedSince?: string;
  requireEval?: boolean;
  /** Re-record baselines anchored to another model (also `eval.baselines.update`). */
  updateBaselines?: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  isTTY: boolean;
  /** Environment the API key is read from (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface SmokeEvalOutcome {
  exitCode: number;
  results: LintResult[];
  summary: EvalSummary;
}

/** Exit codes: 0 passed or skipped, 1 a case failed or regressed, 2 the eval could not run (provider, budget, config). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BROKEN = 2;

interface PromptJob {
  filePath: string;
  relPath: string;
  doc: PromptDocument;
  baseDoc?: PromptDocument;
  read: FileReader;
  baseRead?: FileReader;
  cases: EvalCase[];
  model: string;
  temperature: number;
  maxTokens: number;
}

interface CaseRun {
  job: PromptJob;
  evalCase: EvalCase;
  request?: ProviderRequest;
  baseRequest?: ProviderRequest;
  /** Why the case cannot be sent (missing variables, render error). */
  blocked?: string;
  baseBlocked?: boolean;
}

/** Collects diagnostics per file, with line/column from each file's text. */
class Diagnostics {
  private readonly byFile = new Map<string, { lines?: LineIndex; messages: LintMessage[] }>();
  hasBrokenError = false;

  constructor(private readonly texts: Map<string, string>) {}

  add(filePath: string, range: Range | undefined, ruleId: string, severity: 1 | 2, message: string, extra: Partial<LintMessage> = {}): void {
    let entry = this.byFile.get(filePath);
    if (!entry) {
      const text = this.texts.get(filePath);
      entry = { lines: text !== undefined ? new LineIndex(text) : undefined, messages: [] };
      this.byFile.set(filePath, entry);
    }
    let line = 1;
    let column = 1;
    let endLine = 1;
    let endColumn = 1;
    if (entry.lines) {
      const start = entry.lines.positionAt(range ? range[0] : 0);
      line = start.line;
      column = start.column;
      // One line is enough to point at a case; a whole YAML block would make a noisy frame.
      const lineEnd = entry.lines.lineEnd(start.line);
      const end = entry.lines.positionAt(Math.max(range ? Math.min(range[1], lineEnd) : lineEnd, range ? range[0] : 0));
      endLine = end.line;
      endColumn = end.column;
    }
    entry.messages.push({ ruleId, severity, message, line, column, endLine, endColumn, ...extra });
  }

  ensure(filePath: string): void {
    if (!this.byFile.has(filePath)) this.byFile.set(filePath, { messages: [] });
  }

  results(stats: Map<string, EvalFileSummary>): LintResult[] {
    for (const file of stats.keys()) this.ensure(file);
    return [...this.byFile.entries()].map(([filePath, { messages }]) => {
      messages.sort((a, b) => a.line - b.line || a.column - b.column);
      const summary = stats.get(filePath);
      return {
        filePath,
        messages,
        suppressedMessages: [],
        errorCount: messages.filter((m) => m.severity === 2).length,
        warningCount: messages.filter((m) => m.severity === 1).length,
        fatalErrorCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        ...(summary ? { stats: { eval: summary } } : {}),
      };
    });
  }
}

export async function runSmokeEval(options: SmokeEvalOptions): Promise<SmokeEvalOutcome> {
  const env = options.env ?? process.env;
  const emptySummary = (skipped?: string): EvalSummary => ({ skipped, calls: 0, cached: 0, retries: 0, tokens: { input: 0, output: 0 }, files: [] });

  const { settings, problems } = await resolveEvalSettings(options.config);
  if (problems.length > 0) {
    for (const p of problems) options.stderr.write(`promptvet: invalid configuration at ${p.path}: ${p.message}\n`);
    return { exitCode: EXIT_BROKEN, results: [], summary: emptySummary("invalid eval configuration") };
  }
  if (!settings.enabled) {
    options.stderr.write("smoke eval skipped: disabled (eval.enabled: false)\n");
    return { exitCode: options.requireEval ? EXIT_BROKEN : EXIT_OK, results: [], summary: emptySummary("disabled") };
  }
  if (!settings.provider) {
    options.stderr.write("smoke eval skipped: no provider configured\n");
    if (options.requireEval) {
      options.stderr.write("promptvet: the smoke eval is required (--require-eval) but no provider is configured; set eval.provider in promptvet.config.*\n");
      return { exitCode: EXIT_BROKEN, results: [], summary: emptySummary("no provider configured") };
    }
    return { exitCode: EXIT_OK, results: [], summary: emptySummary("no provider configured") };
  }

  const selection = await selectPrompts(options);
  const texts = new Map<string, string>();
  const diags = new Diagnostics(texts);
  const fileStats = new Map<string, EvalFileSummary>();
  const providerSeverity: 1 | 2 = settings.onError === "warn" ? 1 : 2;

  // Load documents and cases.
  const jobs: PromptJob[] = [];
  for (const filePath of selection.prompts) {
    // A file that cannot be loaded is a diagnostic on that file; the other prompts still run.
    try {
      const job = await loadJob(filePath, selection, settings, texts, diags);
      if (job) jobs.push(job);
    } catch (error) {
      diags.add(filePath, undefined, "eval/invalid-cases", 2, `Cannot load this prompt or its cases: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  if (jobs.length === 0) {
    const results = diags.results(fileStats);
    if (results.length === 0) options.stderr.write("smoke eval: no changed prompt has cases\n");
    return { exitCode: exitCodeOf(results, diags), results, summary: emptySummary(results.length ? undefined : "no changed prompt has cases") };
  }

  let provider: Provider;
  try {
    provider = createProvider(settings.provider, selection.root, env);
  } catch (error) {
    const key = settings.provider.apiKeyEnv ? env[settings.provider.apiKeyEnv] : undefined;
    const message = scrubKnownSecrets((error as Error).message, key ? [key] : []);
    for (const job of jobs) diags.add(job.filePath, undefined, "eval/provider-error", providerSeverity, `Cannot run the smoke eval: ${message}`);
    if (providerSeverity === 2) diags.hasBrokenError = true;
    const results = diags.results(fileStats);
    return { exitCode: exitCodeOf(results, diags), results, summary: emptySummary() };
  }

  const cacheDir = settings.cache === false ? undefined : settings.cache.dir ? path.resolve(selection.root, settings.cache.dir) : defaultCacheDir(selection.repoRoot);
  const cache = cacheDir ? new ResponseCache(cacheDir) : undefined;
  const progress = createProgress(options.stderr, options.isTTY);
  const executor = new Executor(provider, cache, settings, progress, Date.now() + settings.budgetMs);

  // Render every case, for the current and the base version.
  const runs: CaseRun[] = [];
  const stored = new Map<PromptJob, { file: string; baseline?: StoredBaseline; stale: boolean }>();
  for (const job of jobs) {
    const bFile = baselineFile(path.resolve(selection.root, settings.baselines.dir), job.relPath);
    const baseline = settings.baselines.enabled ? readBaseline(bFile) : undefined;
    const stale = !!baseline && baseline.model !== job.model && !(options.updateBaselines || settings.baselines.update);
    stored.set(job, { file: bFile, baseline, stale });
    for (const evalCase of job.cases) runs.push(prepareCase(job, evalCase, diags));
  }

  // Decide which calls to make: current always; base unless a stored baseline already answers it.
  const tasks: CallTask[] = [];
  const baseFromStore = new Map<CaseRun, { passed: boolean; latencyMs: number; outputTokens?: number }>();
  for (const run of runs) {
    const label = `${path.relative(options.cwd, run.job.filePath) || run.job.filePath} › ${run.evalCase.name}`;
    const needs = run.evalCase.assert.map((a) => assertionDigest(a, path.dirname(run.evalCase.filePath)));
    if (run.request) tasks.push({ request: run.request, label, needs });
    const s = stored.get(run.job)!;
    if (run.baseRequest && settings.baselines.enabled && !s.stale) {
      const key = baselineKey(executor.keyOf(run.baseRequest), run.evalCase.assert);
      const hit = s.baseline?.model === run.job.model ? s.baseline.cases[run.evalCase.name] : undefined;
      if (hit && hit.key === key) baseFromStore.set(run, hit);
      else tasks.push({ request: run.baseRequest, label: `${label} (base)`, needs });
    }
  }

  const currentKeys = new Set(runs.filter((r) => r.request).map((r) => executor.keyOf(r.request!)));
  const counted = new Set<string>();
  progress.start(currentKeys.size);
  const outcomes = await executor.run(tasks, (key, outcome, task) => {
    if (!currentKeys.has(key) || counted.has(key)) return;
    counted.add(key);
    if (!outcome.ok) {
      progress.caseDone(task.label.replace(/ \(base\)$/, ""), "error");
      progress.note(`  error: ${outcome.error.message}`);
    } else progress.caseDone(task.label.replace(/ \(base\)$/, ""), outcome.response.cached ? "cached" : "answered", outcome.response.latencyMs);
  });
  progress.finish();

  // Check assertions and compare.
  for (const job of jobs) {
    const s = stored.get(job)!;
    const jobRuns = runs.filter((r) => r.job === job);
    const summary: EvalFileSummary = { filePath: job.filePath, cases: jobRuns.length, passed: 0, failed: 0, regressions: [] };
    const latencies: number[] = [];
    const baseLatencies: number[] = [];
    let outTokens = 0;
    let baseOutTokens = 0;
    let comparable = 0;
    let basePassed = 0;
    let baseFailed = 0;
    let baseComplete = !!job.baseDoc && !s.stale;
    const record: StoredBaseline = { version: 1, model: job.model, provider: provider.id, recordedAt: new Date().toISOString(), cases: {} };
    const failures: string[] = [];
    /** Cases that failed only because the provider did not answer (their severity follows eval.onError). */
    let providerFailures = 0;

    for (const run of jobRuns) {
      const c = run.evalCase;
      const current = run.request ? outcomes.get(executor.keyOf(run.request)) : undefined;
      let passedNow: boolean | undefined;
      let currentResponse: ProviderResponse | undefined;
      if (run.blocked) {
        summary.failed++;
        failures.push(c.name);
      } else if (current && !current.ok) {
        summary.failed++;
        failures.push(c.name);
        providerFailures++;
        const kind = current.error.kind;
        diags.add(c.filePath, c.range, kind === "budget" ? "eval/budget-exceeded" : "eval/provider-error", providerSeverity, `Case "${c.name}" could not be evaluated (${kind}): ${current.error.message}`);
        if (providerSeverity === 2) diags.hasBrokenError = true;
      } else if (current && current.ok) {
        currentResponse = current.response;
        const failed = await checkCase(run, current.response, job, executor);
        passedNow = failed.length === 0;
        if (passedNow) summary.passed++;
        else {
          summary.failed++;
          failures.push(c.name);
        }
        latencies.push(current.response.latencyMs);
        outTokens += await outputTokensOf(current.response);
        // Base outcome, for regressions.
        const base = await baseOutcome(run, outcomes, baseFromStore, executor, job);
        if (base) {
          if (base.passed) basePassed++;
          else baseFailed++;
          record.cases[c.name] = { key: base.key, passed: base.passed, latencyMs: base.latencyMs, outputTokens: base.outputTokens };
          baseLatencies.push(base.latencyMs);
          if (base.outputTokens !== undefined) {
            baseOutTokens += base.outputTokens;
            comparable++;
          }
          if (base.passed && !passedNow) summary.regressions.push({ case: c.name, kind: "case", detail: `passed at the base version, fails now` });
        } else if (run.baseRequest) baseComplete = false;
        for (const f of failed) {
          const regression = base?.passed ? " (a regression: it passes at the base version)" : "";
          diags.add(c.filePath, f.range, base?.passed ? "eval/regression" : "eval/case-failed", 2, `Case "${c.name}" failed: ${f.message}${regression}`, f.sensitive ? { sensitive: true } : {});
        }
      }
      if (!currentResponse && run.baseRequest) baseComplete = baseComplete && !!(await baseOutcome(run, outcomes, baseFromStore, executor, job));
    }

    summary.medianLatencyMs = median(latencies);
    if (job.baseDoc) {
      if (s.stale) {
        summary.baseline = { passed: 0, failed: 0, model: s.baseline!.model, stale: true };
        diags.add(
          job.filePath,
          undefined,
          "eval/baseline-stale",
          1,
          `The baseline of this prompt is anchored to model "${s.baseline!.model}", expected "${job.model}"; re-record it (eval.baselines.update: true) before results are compared`,
        );
      } else if (basePassed + baseFailed > 0) {
        summary.baseline = { passed: basePassed, failed: baseFailed, model: job.model };
        summary.baseMedianLatencyMs = median(baseLatencies);
        const cur = summary.medianLatencyMs;
        const base = summary.baseMedianLatencyMs;
        if (cur !== undefined && base !== undefined && base > 0 && ((cur - base) / base) * 100 > settings.thresholds.latencyPct) {
          const detail = `median latency ${Math.round(base)} ms -> ${Math.round(cur)} ms (+${Math.round(((cur - base) / base) * 100)}%, threshold ${settings.thresholds.latencyPct}%)`;
          summary.regressions.push({ case: "*", kind: "latency", detail });
          diags.add(job.filePath, undefined, "eval/regression", 1, `Unexpected latency regression: ${detail}`);
        }
        if (comparable > 0 && baseOutTokens > 0 && ((outTokens - baseOutTokens) / baseOutTokens) * 100 > settings.thresholds.outputTokensPct) {
          const pct = Math.round(((outTokens - baseOutTokens) / baseOutTokens) * 100);
          const detail = `output tokens ${baseOutTokens} -> ${outTokens} (+${pct}%, threshold ${settings.thresholds.outputTokensPct}%)`;
          summary.regressions.push({ case: "*", kind: "output-tokens", detail });
          diags.add(job.filePath, undefined, "eval/regression", 1, `Unexpected output token regression: ${detail}`);
        }
      }
      if (settings.baselines.enabled && baseComplete && Object.keys(record.cases).length === jobRuns.length && !sameBaseline(s.baseline, record)) {
        try {
          writeBaseline(s.file, record);
        } catch (error) {
          options.stderr.write(`promptvet: cannot write the baseline ${path.relative(options.cwd, s.file)}: ${(error as Error).message}\n`);
        }
      }
    }
    if (summary.failed > 0) {
      const where = [...new Set(job.cases.filter((c) => failures.includes(c.name)).map((c) => path.basename(c.filePath)))].join(", ");
      const severity = providerFailures === summary.failed ? providerSeverity : 2;
      diags.add(job.filePath, undefined, "eval/summary", severity, `Smoke eval: ${summary.failed} of ${summary.cases} ${summary.cases === 1 ? "case" : "cases"} failed (${failures.map((f) => `"${f}"`).join(", ")} in ${where})`);
    }
    fileStats.set(job.filePath, summary);
  }

  await executor.storeAnswers(outputTokensOf);
  await closeRegexRunner();

  const price = lookupPrice(jobs[0]!.model, settings.pricing, registryFor(options.config));
  const cost = price ? roundUsd((executor.stats.paidTokens.input * price.input + executor.stats.paidTokens.output * price.output) / 1_000_000) : undefined;
  const summary: EvalSummary = {
    calls: executor.stats.calls,
    cached: executor.stats.cached,
    retries: executor.stats.retries,
    tokens: executor.stats.tokens,
    cost,
    files: [...fileStats.values()],
  };
  options.stderr.write(`${statsLine(summary)}\n`);
  const results = diags.results(fileStats);
  return { exitCode: exitCodeOf(results, diags), results, summary };
}

function exitCodeOf(results: LintResult[], diags: Diagnostics): number {
  if (diags.hasBrokenError) return EXIT_BROKEN;
  return results.some((r) => r.errorCount > 0) ? EXIT_FAILED : EXIT_OK;
}

function sameBaseline(a: StoredBaseline | undefined, b: StoredBaseline): boolean {
  if (!a || a.model !== b.model || a.provider !== b.provider) return false;
  const ka = Object.keys(a.cases).sort();
  const kb = Object.keys(b.cases).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a.cases[k]!.key === b.cases[k]!.key && a.cases[k]!.passed === b.cases[k]!.passed);
}

export function statsLine(s: EvalSummary): string {
  const files = s.files;
  const cases = files.reduce((n, f) => n + f.cases, 0);
  const passed = files.reduce((n, f) => n + f.passed, 0);
  const failed = files.reduce((n, f) => n + f.failed, 0);
  const regressions = files.reduce((n, f) => n + f.regressions.length, 0);
  const cost = s.cost === undefined ? "cost unknown" : `cost ≈ $${s.cost < 0.01 ? s.cost.toFixed(4) : s.cost.toFixed(2)}`;
  return (
    `smoke eval: ${files.length} ${files.length === 1 ? "prompt" : "prompts"}, ${cases} ${cases === 1 ? "case" : "cases"}: ${passed} passed, ${failed} failed` +
    (regressions ? `, ${regressions} ${regressions === 1 ? "regression" : "regressions"}` : "") +
    `; ${s.calls} ${s.calls === 1 ? "call" : "calls"} made, ${s.cached} cached, ${s.retries} ${s.retries === 1 ? "retry" : "retries"}; ` +
    `tokens ${s.tokens.input} in / ${s.tokens.output} out; ${cost}`
  );
}

/**
 * Checks a case's assertions on an answer. A cached answer stored without its text brings the verdicts of
 * its assertions; a fresh answer's verdicts are recorded for the cache. Failure messages are masked (secrets
 * and personal data) before they are shown or stored.
 */
async function checkCase(run: CaseRun, response: ProviderResponse, job: PromptJob, executor: Executor, request = run.request!): Promise<{ message: string; range: Range; sensitive?: boolean }[]> {
  const c = run.evalCase;
  const key = executor.keyOf(request);
  const failures: { message: string; range: Range; sensitive?: boolean }[] = [];
  for (let i = 0; i < c.assert.length; i++) {
    const assertion = c.assert[i]!;
    const digest = assertionDigest(assertion, path.dirname(c.filePath));
    let verdict = response.verdicts?.[digest];
    if (!verdict) {
      const outcome = await checkAssertion(assertion, response.output, {
        caseName: c.name,
        vars: c.vars,
        messages: request.messages,
        latencyMs: response.latencyMs,
        usage: response.usage,
        model: job.model,
        promptPath: job.filePath,
        baseDir: path.dirname(c.filePath),
      });
      verdict = outcome.pass ? { pass: true } : { pass: false, message: await maskSensitiveText(outcome.message ?? "failed"), ...(outcome.sensitive ? { sensitive: true } : {}) };
      if (!response.cached) executor.recordVerdict(key, digest, verdict);
    }
    if (!verdict.pass) failures.push({ message: verdict.message ?? "failed", range: c.assertRanges[i]!, sensitive: verdict.sensitive });
  }
  return failures;
}

/** Output tokens of an answer: the provider's count, else the one stored with a cached answer, else counted. */
async function outputTokensOf(response: ProviderResponse): Promise<number> {
  return response.usage?.output ?? response.outputTokens ?? (await estimateTokens(response.output));
}

/** The base version's outcome of a case: from the stored baseline or from this run's base call. */
async function baseOutcome(
  run: CaseRun,
  outcomes: Map<string, CallOutcome>,
  fromStore: Map<CaseRun, { passed: boolean; latencyMs: number; outputTokens?: number }>,
  executor: Executor,
  job: PromptJob,
): Promise<{ key: string; passed: boolean; latencyMs: number; outputTokens?: number } | undefined> {
  if (!run.baseRequest) return undefined;
  const key = baselineKey(executor.keyOf(run.baseRequest), run.evalCase.assert);
  const stored = fromStore.get(run);
  if (stored) return { key, ...stored };
  const outcome = outcomes.get(executor.keyOf(run.baseRequest));
  if (!outcome || !outcome.ok) return undefined;
  const failed = await checkCase(run, outcome.response, job, executor, run.baseRequest);
  const outputTokens = await outputTokensOf(outcome.response);
  return { key, passed: failed.length === 0, latencyMs: outcome.response.latencyMs, outputTokens };
}

function prepareCase(job: PromptJob, evalCase: EvalCase, diags: Diagnostics): CaseRun {
  const run: CaseRun = { job, evalCase };
  const rendered = renderPrompt(job.doc, evalCase.vars, { readFile: job.read });
  if (rendered.error) {
    run.blocked = rendered.error;
    diags.add(evalCase.filePath, evalCase.range, "eval/render-error", 2, `Case "${evalCase.name}" cannot be rendered: ${rendered.error}`);
  } else if (rendered.missing.length > 0) {
    run.blocked = "missing";
    diags.add(
      evalCase.filePath,
      evalCase.range,
      "eval/missing-variable",
      2,
      `Case "${evalCase.name}" gives no value for ${rendered.missing.map((m) => `"${m}"`).join(", ")}, expected ${rendered.missing.length === 1 ? "it" : "them"} under vars`,
    );
  } else {
    run.request = requestFor(job, rendered.messages, evalCase.input);
  }
  if (job.baseDoc && !run.blocked) {
    const base = renderPrompt(job.baseDoc, evalCase.vars, { readFile: job.baseRead });
    // A base version that cannot render this case has no outcome to compare with (not a failure of the change).
    if (!base.error && base.missing.length === 0) run.baseRequest = requestFor(job, base.messages, evalCase.input);
    else run.baseBlocked = true;
  }
  return run;
}

/**
 * The request for rendered messages. The case's `input` becomes a final user turn. Chat APIs need a user turn,
 * so a prompt that renders to system text only (a plain markdown prompt with no input) is sent as the user turn.
 */
function requestFor(job: PromptJob, messages: ChatTurn[], input: string | undefined): ProviderRequest {
  const turns: ChatTurn[] = messages.map((m) => ({ ...m }));
  if (input !== undefined) turns.push({ role: "user", content: input });
  if (!turns.some((t) => t.role === "user")) {
    const text = turns.map((t) => t.content).join("\n\n");
    turns.length = 0;
    turns.push({ role: "user", content: text });
  }
  return { model: job.model, messages: turns, temperature: job.temperature, maxTokens: job.maxTokens };
}

interface Selection {
  root: string;
  repoRoot?: string;
  baseRef?: string;
  /** Read the current version (index when staged, else the working tree). */
  read: FileReader;
  baseRead?: FileReader;
  prompts: string[];
}

async function selectPrompts(options: SmokeEvalOptions): Promise<Selection> {
  const repository = findRepository(options.cwd);
  const repoRoot = repository?.root;
  const root = repoRoot ?? options.cwd;
  const head = repository?.head !== undefined;
  let changed: string[];
  let baseRef: string | undefined;
  let read: FileReader = diskReader();
  if (options.files.length > 0) {
    changed = options.files.map((f) => path.resolve(options.cwd, f));
    baseRef = head ? "HEAD" : undefined;
  } else if (options.staged && repoRoot) {
    changed = (await stagedFiles(repoRoot)).map((r) => path.join(repoRoot, r));
    baseRef = head ? "HEAD" : undefined;
    read = gitReader(repoRoot, "");
  } else if (options.changedSince && repoRoot) {
    baseRef = await mergeBase(repoRoot, options.changedSince);
    changed = (await changedBetween(repoRoot, baseRef)).filter((c) => c.status !== "deleted").map((c) => path.join(repoRoot, c.path));
  } else if (repoRoot) {
    changed = worktreeChanges(repoRoot, head).map((r) => path.join(repoRoot, r));
    baseRef = head ? "HEAD" : undefined;
  } else {
    changed = [];
  }

  const exists = (p: string) => read(p) !== undefined;
  const prompts = new Set<string>();
  for (const file of changed) {
    if (isCasesFile(file)) {
      for (const p of promptCandidatesForCasesFile(file)) if (exists(p)) prompts.add(p);
      // `support.cases.yaml` belongs to `support.<ext>`; find it among siblings.
      const stem = path.basename(file).replace(/\.cases\.ya?ml$/, "");
      if (repoRoot) {
        for (const rel of listRepoFiles(repoRoot)) {
          const abs = path.join(repoRoot, rel);
          if (path.dirname(abs) === path.dirname(file) && path.basename(abs).startsWith(`${stem}.`) && evalFormatOf(abs) && !isCasesFile(abs)) prompts.add(abs);
        }
      }
    } else if (evalFormatOf(file) && RENDERABLE.has(evalFormatOf(file)!)) prompts.add(file);
  }
  if (repoRoot && changed.length > 0) {
    const candidates = listRepoFiles(repoRoot)
      .map((r) => path.join(repoRoot, r))
      .filter((f) => evalFormatOf(f) && !isCasesFile(f));
    for (const dep of dependentsOf(new Set(changed), candidates, read)) prompts.add(dep);
  }
  const baseRead = repoRoot && baseRef ? gitReader(repoRoot, baseRef) : undefined;
  return { root, repoRoot, baseRef, read, baseRead, prompts: [...prompts].sort() };
}

async function loadJob(filePath: string, selection: Selection, settings: EvalSettings, texts: Map<string, string>, diags: Diagnostics): Promise<PromptJob | undefined> {
  const format = evalFormatOf(filePath);
  const source = selection.read(filePath);
  if (!format || source === undefined) return undefined;
  texts.set(filePath, source);
  const doc = await loadPromptDocument(filePath, source, format);
  const problems: CasesProblem[] = [];
  const cases: EvalCase[] = [];
  const casesFiles = findCasesFiles(filePath, (p) => selection.read(p) !== undefined || existsSync(p));
  if (casesFiles.length > 0) {
    const casesPath = casesFiles[0]!;
    const text = selection.read(casesPath) ?? "";
    texts.set(casesPath, text);
    const loaded = await parseCasesFile(casesPath, text);
    appendAll(cases, loaded.cases);
    appendAll(problems, loaded.problems);
    for (const extra of casesFiles.slice(1)) {
      diags.add(extra, undefined, "eval/invalid-cases", 1, `Unexpected second cases file for ${path.basename(filePath)}; ${path.basename(casesPath)} is used, expected one cases file per prompt`);
    }
  }
  if (doc.frontmatter) {
    const [start, end] = doc.frontmatter.contentRange;
    const loaded = await parseFrontmatterTests(filePath, source.slice(start, end), start);
    const names = new Set(cases.map((c) => c.name));
    for (const c of loaded.cases) {
      if (names.has(c.name)) problems.push({ filePath, message: `Duplicate case name "${c.name}" (also in the cases file), expected each case name once`, range: c.range });
      else cases.push(c);
    }
    appendAll(problems, loaded.problems);
  }
  for (const p of problems) diags.add(p.filePath, p.range, "eval/invalid-cases", 2, p.message);
  if (cases.length === 0) return undefined;

  const params = modelParams(doc, settings);
  if (!params.model) {
    diags.add(filePath, undefined, "eval/provider-error", 2, "Cannot run the smoke eval: no model (set eval.provider.model)");
    diags.hasBrokenError = true;
    return undefined;
  }
  let baseDoc: PromptDocument | undefined;
  if (selection.baseRead) {
    const baseSource = selection.baseRead(filePath);
    if (baseSource !== undefined) baseDoc = await loadPromptDocument(filePath, baseSource, format);
  }
  const relPath = path.relative(selection.root, filePath);
  return { filePath, relPath, doc, baseDoc, read: selection.read, baseRead: selection.baseRead, cases, model: params.model, temperature: params.temperature, maxTokens: params.maxTokens };
}

/** Model, temperature and max tokens: the prompt's frontmatter first (prompty, dotprompt or plain keys), then config. */
export function modelParams(doc: PromptDocument, settings: EvalSettings): { model?: string; temperature: number; maxTokens: number } {
  const fm = (doc.frontmatter?.data && typeof doc.frontmatter.data === "object" ? doc.frontmatter.data : {}) as Record<string, unknown>;
  const modelKey = fm.model;
  const modelObj = modelKey && typeof modelKey === "object" ? (modelKey as Record<string, unknown>) : undefined;
  const configuration = (modelObj?.configuration ?? {}) as Record<string, unknown>;
  const parameters = (modelObj?.parameters ?? {}) as Record<string, unknown>;
  const dotConfig = (fm.config && typeof fm.config === "object" ? fm.config : {}) as Record<string, unknown>;
  const num = (...vs: unknown[]) => vs.find((v): v is number => typeof v === "number" && Number.isFinite(v));
  const str = (...vs: unknown[]) => vs.find((v): v is string => typeof v === "string" && v.length > 0);
  const fmModel = str(modelKey, configuration.model, configuration.azure_deployment, modelObj?.id, modelObj?.name);
  return {
    model: settings.modelFromFrontmatter ? (fmModel ?? settings.provider?.model) : (settings.provider?.model ?? fmModel),
    temperature: num(parameters.temperature, dotConfig.temperature, fm.temperature) ?? settings.temperature,
    maxTokens: num(parameters.max_tokens, parameters.max_completion_tokens, dotConfig.maxOutputTokens, fm.max_tokens, fm.maxTokens) ?? settings.maxTokens,
  };
}
