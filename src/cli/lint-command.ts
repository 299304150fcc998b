import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigResolver } from "../config/resolve.js";
import type { RuleRegistry } from "../config/registry.js";
import { ResultCache } from "../engine/cache.js";
import { unchangedWorktreeBlobs } from "../files/worktree-blobs.js";
import { lintFiles, suggestionFilter } from "../engine/lint-files.js";
import { workerCount, type LintThreads } from "../engine/lint-threads.js";
import { newRunTiming, type RunTiming } from "../engine/timing.js";
import type { LintMessage, LintResult, Rule, RuleMeta } from "../rule-api/types.js";
import { collectFiles, UsageError, type FileTarget } from "../files/collect.js";
import { changedBetween, findRepository, GitError, mergeBase, stagedChanges } from "../files/git.js";
import { GitObjectStore } from "../files/git-objects.js";
import { detectFormat } from "../parse/detect.js";
import { getFormatter, parseFormatSpecs } from "../report/index.js";
import type { FormatContext } from "../report/types.js";
import { byCodeUnit } from "../util/compare.js";
import { nearest } from "../util/edit-distance.js";
import { VERSION } from "../version.js";
import type { CliOptions } from "./args.js";
import { RULE_DOCS_BASE_URL } from "../../rules/docs.js";
import { reportConfigFindingsOnce } from "./config-findings.js";
import { withSignalsBetweenWrites } from "./signals.js";

export interface CliIO {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export interface LintRun {
  results: LintResult[];
  repoRoot?: string;
  /** The repository's git folder, as git names it. */
  gitDir?: string;
  baseRef?: string;
  deleted: string[];
  /** Prompts composed from a changed base or partial (the blast radius), for the summary. */
  affected: { changed: string; dependents: string[] }[];
  /** With PROMPTVET_TIMING: where the time went so far. */
  timing?: RunTiming;
  /** The rules of every config this run resolved (built-ins and declared plugins), for the reports. */
  rules: Map<string, RuleMeta>;
  /** Files linted in worker threads (0: all in this thread). */
  filesOnWorkers: number;
  /** The result cache could not be read or written as it should (the warning this run printed). */
  cacheFault: boolean;
}

/**
 * Resolves which files to lint and where their content comes from, then lints them. A caller that has found the
 * repository already (the hook) passes it, which saves a git process.
 */
export async function runLint(options: CliOptions, io: CliIO, registry: RuleRegistry, repository = findRepository(io.cwd)): Promise<LintRun> {
  const timing = io.env.PROMPTVET_TIMING ? newRunTiming() : undefined;
  if (timing) timing.startup = performance.now();
  const resolver = new ConfigResolver({ cwd: io.cwd, registry, explicitConfig: options.config });
  const repoRoot = repository?.root;
  const hasHead = repository?.head !== undefined;
  // Tracked files git says are unchanged are looked up in the cache by blob id, without being read; git lists
  // them while the files and configs are found.
  const worktreeBlobsListed = options.cache && repository && !options.staged ? unchangedWorktreeBlobs(repository.root, repository.gitDir, io.env) : undefined;
  let targets: FileTarget[];
  let baseRef: string | undefined;
  const deleted: string[] = [];

  if (options.staged || options.changedSince) {
    if (!repoRoot) throw new UsageError(`${options.staged ? "--staged" : "--changed-since"} needs a git repository`);
  }
  if (options.staged) {
    const staged = await stagedChanges(repoRoot!);
    const named = new Set(options.positionals.map((p) => path.resolve(io.cwd, p)));
    targets = staged.changed
      .map((rel) => ({ path: path.join(repoRoot!, rel), explicit: named.has(path.join(repoRoot!, rel)) }))
      .filter((t) => named.size === 0 || t.explicit);
    // A deleted base or partial breaks every prompt composed from it: they are linted below, as with --changed-since.
    for (const rel of staged.deleted) if (named.size === 0 || named.has(path.join(repoRoot!, rel))) deleted.push(rel);
    baseRef = hasHead ? "HEAD" : undefined;
  } else if (options.changedSince) {
    baseRef = await changedSinceBase(repoRoot!, options.changedSince);
    const changed = await changedBetween(repoRoot!, baseRef);
    for (const c of changed) if (c.status === "deleted") deleted.push(c.path);
    targets = changed
      .filter((c) => c.status !== "deleted")
      .map((c) => ({ path: path.join(repoRoot!, c.path), explicit: false }));
  } else {
    targets = await collectFiles(options.positionals, io.cwd, resolver);
    baseRef = hasHead ? "HEAD" : undefined;
  }

  const suggestionScopes = options.fixSuggestions;
  await checkSuggestionScopes(suggestionScopes, resolver, targets);
  const cacheFile = options.cacheLocation ? path.resolve(io.cwd, options.cacheLocation) : ResultCache.defaultLocation(repoRoot ?? io.cwd, repository?.gitDir, io.env);
  const cache = options.cache && cacheFile ? new ResultCache(cacheFile) : undefined;
  const worktreeBlobs = cache ? await worktreeBlobsListed : undefined;
  const git = repoRoot ? new GitObjectStore(repoRoot, repository?.objectsDir) : undefined;
  const baseBlobs = cache && git && baseRef ? await git.treeAt(baseRef) : undefined;
  if (options.onlyMatching) targets = targets.map((t) => ({ ...t, explicit: false, inNamedFolder: false }));

  // Blast radius: a changed base or partial changes every prompt composed from it.
  let affected: LintRun["affected"] = [];
  if (repoRoot && (options.staged || options.changedSince || options.withDependents) && targets.length + deleted.length > 0) {
    // Only a file promptvet can read can be a base or a partial: a commit of code alone scans nothing.
    const changed = [...targets.map((t) => t.path), ...deleted.map((d) => path.join(repoRoot, d))]
      .filter((p) => detectFormat(p) !== undefined)
      .map((p) => path.relative(repoRoot, p));
    const { dependentsOf } = changed.length > 0 ? await import("../forks/dependents.js") : { dependentsOf: async () => [] };
    affected = (await dependentsOf(changed, repoRoot)).map((a) => ({
      changed: a.changed,
      dependents: a.dependents.map((d) => path.relative(repoRoot, d)),
    }));
    const known = new Set(targets.map((t) => t.path));
    for (const entry of affected) {
      for (const dependent of entry.dependents) {
        const abs = path.join(repoRoot, dependent);
        if (!known.has(abs)) {
          known.add(abs);
          targets.push({ path: abs, explicit: false, dependent: true });
        }
      }
    }
  }
  const wantsSummary = options.formats.some((f) => f === "markdown" || f.startsWith("markdown:"));
  const runStats: { threads: number; linted: number; onWorkers?: number } = { threads: 1, linted: targets.length };
  if (timing) timing.collect = performance.now() - timing.startup;
  const lint = () => lintFiles({
    runStats,
    git,
    tokenStats: wantsSummary,
    cache,
    baseBlobs,
    worktreeBlobs,
    sourceOnHits: reportsDrawFrames(options),
    files: targets,
    resolver,
    fix: options.fix,
    fixRoot: repoRoot ?? io.cwd,
    staged: options.staged,
    repoRoot,
    baseRef,
    applySuggestions: suggestionFilter(suggestionScopes),
    timing,
    // Timing measures one file at a time on one thread, so no file's wait is counted as another's work.
    concurrency: timing ? 1 : undefined,
    threads: timing ? undefined : lintThreads(options, io, { repoRoot, baseRef, baseBlobs, files: targets.length, tokenStats: wantsSummary, cache: !!cache }),
  });
  const results = options.fix ? await withSignalsBetweenWrites(lint) : await lint();
  git?.close();
  cache?.save();
  if (cache?.warning) io.stderr.write(`promptvet: warning: ${cache.warning}\n`);
  if (io.env.PROMPTVET_DEBUG) {
    io.stderr.write(`promptvet: ${targets.length} files, ${runStats.threads > 1 ? `${runStats.linted} needed linting, on ${runStats.threads} threads (${runStats.onWorkers ?? 0} in workers)` : "on 1 thread"}\n`);
  }
  const rules = new Map(resolver.knownRules().map((r) => [r.meta.id, r.meta] as const));
  // A finding about the config (its `model`) is reported once, on the config file, not on every file it covers.
  const reported = await reportConfigFindingsOnce(results, (file) => resolver.configFileFor(path.dirname(file)));
  return { results: reported, repoRoot, gitDir: repository?.gitDir, baseRef, deleted, affected, timing, rules, filesOnWorkers: runStats.onWorkers ?? 0, cacheFault: !!cache?.warning };
}

/** The merge-base of `ref` and HEAD; a ref git does not know is the user's mistake, said in their words. */
async function changedSinceBase(repoRoot: string, ref: string): Promise<string> {
  try {
    return await mergeBase(repoRoot, ref);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const why = error.stderr.split("\n")[0] || "the two share no history";
    throw new UsageError(`--changed-since ${ref}: no merge-base with HEAD (git: ${why}). Check the ref's name, and fetch it first in a shallow CI checkout (e.g. git fetch origin main).`);
  }
}

/**
 * `--fix-suggestions` names rules or categories with suggestions; a typo would silently apply nothing. Valid
 * names are those of the rules that exist for the files of this run (built-ins and their configs' plugins).
 */
async function checkSuggestionScopes(scopes: readonly string[], resolver: ConfigResolver, targets: readonly FileTarget[]): Promise<void> {
  if (scopes.length === 0) return;
  const sets = await Promise.all([...new Set(targets.map((t) => path.dirname(t.path)))].map((dir) => resolver.ruleSetFor(dir)));
  const rules = [...new Map([...(await resolver.ruleSetFor(resolver.cwd)).all(), ...sets.flatMap((s) => s.all())].map((r) => [r.meta.id, r] as const)).values()];
  const validScopes = suggestionScopes(rules);
  const first = scopes.find((scope) => !validScopes.has(scope));
  if (first === undefined) return;
  const valid = [...validScopes];
  const why = rules.some((r) => r.meta.id === first)
    ? `rule ${first} has no suggestions (plain --fix applies its fixes)`
    : rules.some((r) => r.meta.category === first)
      ? `no rule of category ${first} has suggestions (plain --fix applies its fixes)`
      : `unknown rule or category "${first}"`;
  const hint = nearest(first, valid);
  throw new UsageError(`--fix-suggestions: ${why}${hint.length ? ` (did you mean ${hint.join(", ")}?)` : ""}; expected one of: ${valid.join(", ")}.`);
}

/** Categories and rule ids whose rules offer suggestions, categories first. */
function suggestionScopes(all: readonly Rule<any>[]): Set<string> {
  const rules = all.filter((r) => r.meta.hasSuggestions).sort((a, b) => byCodeUnit(a.meta.id, b.meta.id));
  return new Set([...[...new Set(rules.map((r) => r.meta.category))].sort(byCodeUnit), ...rules.map((r) => r.meta.id)]);
}

/**
 * Worker threads for a large run, when promptvet runs from its launcher (which loads the bundle in each worker).
 * Plugins are loaded in each worker from the same config, so custom rules work there too.
 */
function lintThreads(
  options: CliOptions,
  io: CliIO,
  run: { repoRoot?: string; baseRef?: string; baseBlobs?: Map<string, string>; files: number; tokenStats: boolean; cache: boolean },
): LintThreads | undefined {
  const launcher = (globalThis as Record<symbol, unknown>)[Symbol.for("promptvet.launcher")];
  const workers = workerCount(options.concurrency, run.files);
  if (typeof launcher !== "string" || workers === 0) return undefined;
  return {
    workers,
    launcher,
    init: {
      cwd: io.cwd,
      explicitConfig: options.config,
      staged: options.staged,
      fix: options.fix,
      repoRoot: run.repoRoot,
      baseRef: run.baseRef,
      suggestionScopes: options.fixSuggestions,
      tokenStats: run.tokenStats,
      baseBlobs: run.baseBlobs ? [...run.baseBlobs] : undefined,
      recordCache: run.cache,
    },
  };
}

/** Formats that print only messages and positions, never a line of the file. */
const FRAMELESS_FORMATS = new Set(["compact", "json", "junit", "markdown"]);

/** Whether any report of this run quotes lines of the files (code frames, snippets). */
function reportsDrawFrames(options: CliOptions): boolean {
  const specs = parseFormatSpecs(options.formats.length > 0 ? options.formats : ["stylish"]);
  // Every report going to its own file alongside --output-file: keep the frames rather than guess which is which.
  if (options.outputFile && specs.every((s) => s.file)) return true;
  return specs.some((s) => !FRAMELESS_FORMATS.has(s.name.trim().toLowerCase()));
}

/** Keeps errors only (for --quiet), recomputing the counts. */
export function errorsOnly(results: LintResult[]): LintResult[] {
  return results.map((r) => {
    const messages = r.messages.filter((m) => m.severity === 2);
    return { ...r, messages, warningCount: 0, fixableWarningCount: 0 };
  });
}

export function writeReports(
  results: LintResult[],
  options: CliOptions,
  io: CliIO,
  rules: Map<string, RuleMeta>,
  summary: FormatContext["summary"],
  srcRoot?: string,
): void {
  const specs = parseFormatSpecs(options.formats.length > 0 ? options.formats : ["stylish"]);
  if (options.outputFile) {
    const first = specs.find((s) => !s.file);
    if (first) first.file = options.outputFile;
    else specs.push({ name: "stylish", file: options.outputFile });
  }
  for (const spec of specs) {
    const formatter = getFormatter(spec.name);
    const toFile = spec.file !== undefined;
    const color = toFile ? false : (options.color ?? (!!io.stdout.isTTY && !io.env.NO_COLOR));
    const context: FormatContext = { cwd: io.cwd, srcRoot: srcRoot ?? io.cwd, color, rules, toolVersion: VERSION, summary, docsBaseUrl: RULE_DOCS_BASE_URL };
    const text = formatter(results, context);
    if (toFile) {
      const target = path.resolve(io.cwd, spec.file!);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    } else if (text) {
      io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    }
  }
}

/** Why the warnings fail the run ("3 warnings, more than --max-warnings 0"), or undefined when they do not. */
export function warningsOverLimit(results: LintResult[], maxWarnings: number | undefined): string | undefined {
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (maxWarnings === undefined || warnings <= maxWarnings) return undefined;
  return `${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${maxWarnings}.`;
}

/** ESLint's exit code rules. */
export function exitCodeFor(results: LintResult[], maxWarnings: number | undefined): number {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}
