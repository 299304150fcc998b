import path from "node:path";
import type { ConfigResolver, FileConfig } from "../config/resolve.js";
import { describeWriteFailure, writeFileAtomically, type FileSnapshot } from "../files/atomic-write.js";
import { decodeFile, encodeText, type Decoded } from "../files/decode.js";
import type { FileTarget } from "../files/collect.js";
import { fixDestination, type FixDestination } from "../files/fix-destination.js";
import { GitObjectStore } from "../files/git-objects.js";
import { readTarget, type TargetBytes } from "../files/read-target.js";
import { fileReaderFor } from "../compose/read.js";
import { boundedReader, composeRootsFor } from "../compose/boundary.js";
import type { Format, PromptDocument, Range } from "../model/document.js";
import { detectFormat } from "../parse/detect.js";
import { parseDocument } from "../parse/index.js";
import { applyFixes } from "./fixes.js";
import { lintDocument, type DocumentLintOutput } from "./linter.js";
import { cacheKey, contentHash, type ResultStore } from "./cache.js";
import { FILES_PER_WORKER, LintWorker, workerError, type LintThreads, type RecordedCacheEntry } from "./lint-threads.js";
import { maskRanges } from "./mask.js";
import type { RunTiming } from "./timing.js";
import { relativePosix } from "../util/relative-path.js";
import type { LintMessage, LintResult } from "./types.js";

export interface LintFilesOptions {
  files: readonly FileTarget[];
  resolver: ConfigResolver;
  /** Apply fixes and write them back (never in staged mode). */
  fix?: boolean;
  /** Fixes are written only to files whose real path is inside this folder (the repository root). */
  fixRoot?: string;
  /** With `fix`, also apply the first suggestion of messages that pass this filter (`--fix-suggestions`). */
  applySuggestions?: (message: LintMessage) => boolean;
  /** Read file content from the git index instead of the working tree. */
  staged?: boolean;
  repoRoot?: string;
  /** Ref whose content rules compare with (HEAD, or a merge-base in CI). */
  baseRef?: string;
  knownRuleIds?: ReadonlySet<string>;
  /** Persistent result cache; files whose key is unchanged are not linted again. */
  cache?: ResultStore;
  /** Answer from the cache (or settle ignored, unreadable files) only: a file that needs linting gives `NEEDS_LINT`. */
  probeOnly?: boolean;
  /** Blob ids at the base ref by repo-relative path (part of the cache key). */
  baseBlobs?: Map<string, string>;
  /** Compute token counts and cost deltas per file (`result.stats.tokens`) for the summary report. */
  tokenStats?: boolean;
  /** Reads other files (bases, partials) as this run sees them; created once per run. */
  readFile?: (filePath: string) => Promise<string | undefined>;
  /** Staged and base blobs come from here (one created for the run when absent). */
  git?: GitObjectStore;
  /** Files at once; parsing is CPU-bound, so this mostly overlaps I/O. */
  concurrency?: number;
  /** Worker threads for the files that need linting (large runs; see lint-threads.ts). */
  threads?: LintThreads;
  /** Collects where the time goes (PROMPTVET_TIMING; the CLI runs on one thread then). */
  timing?: RunTiming;
  /** Filled in with how the run went (for PROMPTVET_DEBUG). */
  runStats?: { threads: number; linted: number; onWorkers?: number };
}

/** `--fix-suggestions` scopes (rule ids or categories) as a message filter. */
export function suggestionFilter(scopes: readonly string[]): ((message: LintMessage) => boolean) | undefined {
  if (scopes.length === 0) return undefined;
  return (m) => !!m.ruleId && scopes.some((s) => m.ruleId === s || m.ruleId!.startsWith(`${s}/`));
}

const MAX_FIX_PASSES = 10;
const REQUESTS_PER_WORKER = 4;

/** Lints files end to end: read, decode, parse, run rules, fix. One bad file never stops the others. */
export async function lintFiles(options: LintFilesOptions): Promise<LintResult[]> {
  const ownGit = !options.git && options.repoRoot ? new GitObjectStore(options.repoRoot) : undefined;
  options = { ...options, git: options.git ?? ownGit };
  options.readFile ??= fileReaderFor(options);
  try {
    return await lintAll(options);
  } finally {
    ownGit?.close();
  }
}

async function lintAll(options: LintFilesOptions): Promise<LintResult[]> {
  const results: (LintResult | undefined)[] = new Array(options.files.length);
  let queue: number[] = options.files.map((_, i) => i);
  const threads = options.threads;
  if (threads && threads.workers > 0) {
    // Cache hits and files that never reach the rules are settled here; only real work goes to the threads.
    const needsLint: number[] = [];
    await eachConcurrently(queue, options.concurrency ?? 8, async (i) => {
      const probed = await lintOneFile(options.files[i]!, { ...options, probeOnly: true });
      if (probed === NEEDS_LINT) needsLint.push(i);
      else results[i] = probed;
    });
    queue = needsLint.sort((a, b) => a - b);
  }
  const workers = threads ? Math.min(threads.workers, Math.floor(queue.length / FILES_PER_WORKER)) : 0;
  let next = 0;
  const take = () => (next < queue.length ? queue[next++] : undefined);
  const onMainThread = async () => {
    for (let i = take(); i !== undefined; i = take()) {
      results[i] = await lintOneFile(options.files[i]!, options);
      // Rules run synchronously; yielding to the event loop between files lets worker replies in, so the
      // workers are handed their next file instead of waiting for the main thread's queue to drain. When
      // fixing, it lets a Ctrl-C in between two writes (a run of cached configs and synchronous reads and
      // writes would otherwise never return to the event loop, and signal listeners would wait for its end).
      if (workers > 0 || options.fix) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const inWorker = async (worker: LintWorker) => {
    for (let i = take(); i !== undefined; i = take()) {
      const reply = await worker.lint(options.files[i]!);
      if ("error" in reply) throw workerError(reply.error);
      results[i] = reply.result;
      if (options.runStats) options.runStats.onWorkers = (options.runStats.onWorkers ?? 0) + 1;
      storeRecorded(options, options.files[i]!.path, reply.result, reply.cacheEntry);
    }
  };
  const pool = Array.from({ length: workers }, () => new LintWorker(threads!.launcher, threads!.init));
  if (options.runStats) Object.assign(options.runStats, { threads: workers + 1, linted: queue.length });
  try {
    // With workers, the main thread lints one file per turn of the event loop (several lanes would run file after
    // file between two turns and leave the workers waiting for their next file), and each worker has a few files
    // queued so it never waits on the main thread.
    const mainLanes = workers > 0 ? 1 : Math.min(options.concurrency ?? 8, queue.length);
    await Promise.all([
      ...Array.from({ length: mainLanes }, onMainThread),
      ...pool.flatMap((worker) => Array.from({ length: REQUESTS_PER_WORKER }, () => inWorker(worker))),
    ]);
  } finally {
    await Promise.all(pool.map((worker) => worker.close()));
  }
  return results.filter((r): r is LintResult => r !== undefined);
}

async function eachConcurrently<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/** Writes what a worker computed for the cache, as `lintOneFile` does on the main thread. */
function storeRecorded(options: LintFilesOptions, filePath: string, result: LintResult | undefined, entry: RecordedCacheEntry | undefined): void {
  if (!options.cache || !entry) return;
  if ("deleted" in entry) options.cache.delete(filePath);
  else if (result) options.cache.set(filePath, entry.key, result, entry.masks, entry.deps ? new Map(entry.deps) : undefined);
}

function fatalResult(filePath: string, message: string, line = 1, column = 1, severity: 1 | 2 = 2): LintResult {
  return finalize({
    filePath,
    messages: [{ ruleId: null, severity, message, line, column, endLine: line, endColumn: column, fatal: severity === 2 ? true : undefined }],
    suppressedMessages: [],
  });
}

function finalize(partial: Pick<LintResult, "filePath" | "messages" | "suppressedMessages"> & Partial<LintResult>): LintResult {
  let errorCount = 0, warningCount = 0, fatalErrorCount = 0, fixableErrorCount = 0, fixableWarningCount = 0;
  for (const m of partial.messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fatal) fatalErrorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { ...partial, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount };
}

/** What `lintOneFile` gives in `probeOnly` mode for a file whose rules must run. */
export const NEEDS_LINT = Symbol("needs lint");

export async function lintOneFile(target: FileTarget, options: LintFilesOptions & { probeOnly: true }): Promise<LintResult | undefined | typeof NEEDS_LINT>;
export async function lintOneFile(target: FileTarget, options: LintFilesOptions): Promise<LintResult | undefined>;
export async function lintOneFile(target: FileTarget, options: LintFilesOptions): Promise<LintResult | undefined | typeof NEEDS_LINT> {
  const filePath = target.path;
  let config: FileConfig;
  config = await options.resolver.forFile(filePath);
  if (config.ignored) {
    return target.explicit
      ? fatalResult(filePath, "File ignored because of a matching ignore pattern; remove it from the arguments or from `ignores` to lint it.", 1, 1, 1)
      : undefined;
  }
  if (!config.matched && !target.explicit) return undefined;
  const format: Format | undefined = config.format ?? detectFormat(filePath);
  if (!format) {
    return fatalResult(
      filePath,
      `Unknown prompt format for "${path.basename(filePath)}"; set \`format\` for it in an \`overrides\` entry of the config.`,
      1, 1, 1,
    );
  }

  const fixing = options.fix && !options.staged && !target.dependent;
  const destination = fixing ? fixDestination(filePath, options.fixRoot) : undefined;
  const read = await readStage(target, options, config.maxFileSize, fixing);
  if (read.kind === "result") return read.result;
  const decoded = decodeFile(read.bytes, config.maxFileSize);
  if (decoded.kind !== "text") return undecodableResult(filePath, decoded, target.explicit);

  let key: string | undefined;
  if (options.cache) {
    const rel = options.repoRoot ? relativePosix(options.repoRoot, filePath) : filePath;
    key = cacheKey({
      content: read.bytes,
      // Date-dependent rules (model retirement) must not serve yesterday's answer.
      configHash: `${config.hash}:${new Date().toISOString().slice(0, 10)}`,
      baseBlob: options.baseBlobs?.get(rel) ?? "",
      mode: options.staged ? "staged" : "worktree",
    });
    const hit = options.cache.get(filePath, key);
    // A composed prompt's result also depends on its base and partials: any change there is a miss.
    const cached = hit && (await depsUnchanged(hit.deps, options.readFile)) ? { ...hit.result, source: maskRanges(decoded.text, hit.masks) } : undefined;
    const wantsFixes = fixing && (cached?.fixableErrorCount || cached?.fixableWarningCount || options.applySuggestions);
    const missingStats = options.tokenStats && !cached?.stats?.tokens;
    if (cached && !wantsFixes && !missingStats) return cached;
  }
  if (options.probeOnly) return NEEDS_LINT;

  const baseSource = makeBaseSource(filePath, options);
  const deps = new Map<string, string>();
  // Bases and partials are read inside the repository (or the config's folder) and the allowed roots only.
  const bounded = options.readFile ? boundedReader(options.readFile, composeRootsFor(filePath, config.baseDir, config.composeRoots, config.projectRoot)) : undefined;
  const readFile = bounded
    ? async (p: string) => {
        const text = await bounded(p);
        deps.set(p, contentHash(text));
        return text;
      }
    : undefined;
  let linted: Linted;
  try {
    const runRules = (doc: PromptDocument) =>
      lintDocument(doc, {
        rules: config.rules,
        settings: config.settings,
        services: { baseSource, baseRef: options.baseRef, readFile },
        unusedDirectives: config.unusedDirectives,
        knownRuleIds: options.knownRuleIds,
        timing: options.timing,
      });
    const parse = (source: string) => timedParse(options.timing, { path: filePath, source, format, bom: decoded.bom });
    linted = await lintAndFix(decoded.text, parse, runRules, destination && "path" in destination ? options.applySuggestions : false);
  } catch (error) {
    if ((error as Error).name === "ConfigError") throw error;
    const detail = process.env.PROMPTVET_DEBUG ? `\n${(error as Error).stack}` : "";
    return fatalResult(filePath, `Internal error while linting this file: ${(error as Error).message}${detail}`);
  }

  const writeProblem = destination ? await writeStage(destination, linted, decoded, read.snapshot, options.applySuggestions) : undefined;
  // When nothing was written the report describes the file as it is on disk: the first pass's findings.
  const { source, output, document } = writeProblem ? { ...linted.first, source: decoded.text } : linted;
  const written = !writeProblem && source !== decoded.text ? source : undefined;
  const result = finalize({
    filePath,
    format,
    messages: writeProblem ? [writeProblem, ...output.messages] : output.messages,
    suppressedMessages: output.suppressedMessages,
    source: maskRanges(source, output.sensitiveRanges as Range[]),
    output: written,
  });
  if (options.tokenStats) {
    try {
      // Loaded only when a summary asks for it: the tokenizer is the heaviest thing promptvet can load.
      const { computeTokenStats } = await import("../tokens/stats.js");
      result.stats = { ...result.stats, tokens: await computeTokenStats(document, config.settings, await baseSource()) };
    } catch (error) {
      result.stats = { ...result.stats, tokensError: (error as Error).message };
    }
  }
  if (options.cache && key) {
    if (written === undefined && !writeProblem) options.cache.set(filePath, key, result, output.sensitiveRanges as Range[], deps);
    else options.cache.delete(filePath);
  }
  return result;
}

interface LintPass {
  source: string;
  document: PromptDocument;
  output: DocumentLintOutput;
}

/** The last pass (what the fixed text holds) and the first (what the file on disk holds). */
interface Linted extends LintPass {
  first: LintPass;
}

/**
 * Lints `text`; with fixes wanted (`suggestions` is the `--fix-suggestions` filter, undefined for plain
 * fixes, false for no fixing at all), applies them and lints again until nothing changes.
 */
async function lintAndFix(
  text: string,
  parse: (source: string) => PromptDocument,
  runRules: (document: PromptDocument) => Promise<DocumentLintOutput>,
  suggestions: ((message: LintMessage) => boolean) | undefined | false,
): Promise<Linted> {
  const document = parse(text);
  const first: LintPass = { source: text, document, output: await runRules(document) };
  let last = first;
  if (suggestions !== false) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const { output: fixed, applied } = applyFixes(last.source, withChosenSuggestions(last.output.messages, suggestions));
      if (applied === 0 || fixed === last.source) break;
      const next = parse(fixed);
      last = { source: fixed, document: next, output: await runRules(next) };
    }
  }
  return { ...last, first };
}

/** Reads the file's bytes, or settles it with a diagnostic (unreadable, too large, not a file). */
async function readStage(
  target: FileTarget,
  options: LintFilesOptions,
  maxBytes: number,
  snapshot: boolean | undefined,
): Promise<{ kind: "bytes"; bytes: Uint8Array; snapshot?: FileSnapshot } | { kind: "result"; result: LintResult }> {
  const filePath = target.path;
  let read: TargetBytes;
  try {
    const started = options.timing ? performance.now() : 0;
    if (options.staged && !options.repoRoot) throw new Error("--staged needs a git repository");
    const ownGit = options.staged && !options.git ? new GitObjectStore(options.repoRoot!) : undefined;
    const staged = options.staged ? { git: (options.git ?? ownGit)!, relPath: relativePosix(options.repoRoot!, filePath) } : undefined;
    try {
      read = await readTarget(filePath, { maxBytes, staged, snapshot });
    } finally {
      ownGit?.close();
    }
    if (options.timing) options.timing.read += performance.now() - started;
  } catch (error) {
    return { kind: "result", result: fatalResult(filePath, `Cannot read file: ${(error as Error).message.split("\n")[0]}`) };
  }
  switch (read.kind) {
    case "bytes":
      return read;
    case "too-large":
      return { kind: "result", result: tooLargeResult(filePath, read.size, maxBytes) };
    case "not-a-file":
      return { kind: "result", result: fatalResult(filePath, `Not linted: this path is ${read.reason}.`, 1, 1, 1) };
  }
}

/**
 * Writes the fixed text atomically, or says why the file was not fixed: a destination outside the repository
 * (said only when there was something to fix), or a failed write. A failure is the file's own, never the run's.
 */
async function writeStage(
  destination: FixDestination,
  linted: Linted,
  decoded: Extract<Decoded, { kind: "text" }>,
  snapshot: FileSnapshot | undefined,
  suggestions: ((message: LintMessage) => boolean) | undefined,
): Promise<LintMessage | undefined> {
  if ("refused" in destination) {
    const fixable = withChosenSuggestions(linted.first.output.messages, suggestions).some((m) => m.fix);
    return fixable ? notFixedMessage(`Not fixed: ${destination.refused}.`, 1) : undefined;
  }
  if (linted.source === decoded.text) return undefined;
  try {
    await writeFileAtomically(destination.path, encodeText(linted.source, decoded), { expected: snapshot });
    return undefined;
  } catch (error) {
    return notFixedMessage(`Not fixed: ${describeWriteFailure(error)}.`, 2);
  }
}

function notFixedMessage(message: string, severity: 1 | 2): LintMessage {
  return { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function undecodableResult(filePath: string, decoded: Exclude<Decoded, { kind: "text" }>, explicit: boolean): LintResult {
  switch (decoded.kind) {
    case "binary":
      // A file the prompt globs (or the command line) chose cannot pass unseen: a secret in it would.
      return fatalResult(
        filePath,
        `Binary file (${decoded.reason}), not linted; expected a text prompt. If it is not a prompt, ${
          explicit ? "leave it out of the arguments or " : ""
        }add it to \`ignores\` in the config; if it is text, save it as UTF-8.`,
      );
    case "too-large":
      return tooLargeResult(filePath, decoded.bytes, decoded.limit);
    case "invalid-utf8":
      return fatalResult(
        filePath,
        `Invalid UTF-8 at byte ${decoded.byteOffset} (line ${decoded.line}, column ${decoded.column}); expected a UTF-8 text file. The file was not linted.`,
        decoded.line,
        decoded.column,
      );
    case "invalid-utf16":
      return fatalResult(
        filePath,
        `Invalid ${decoded.encoding === "utf-16le" ? "UTF-16LE" : "UTF-16BE"} at byte ${decoded.byteOffset} (line ${decoded.line}, column ${decoded.column}): a lone surrogate or an odd last byte; expected valid UTF-16 (or, better, UTF-8). The file was not linted.`,
        decoded.line,
        decoded.column,
      );
  }
}

function tooLargeResult(filePath: string, size: number, limit: number): LintResult {
  return fatalResult(filePath, `File is ${formatBytes(size)}, over the ${formatBytes(limit)} limit (\`maxFileSize\`); it was not linted.`);
}

async function depsUnchanged(
  deps: Record<string, string> | undefined,
  readFile: ((p: string) => Promise<string | undefined>) | undefined,
): Promise<boolean> {
  if (!deps) return true;
  if (!readFile) return false;
  for (const [p, hash] of Object.entries(deps)) {
    if (contentHash(await readFile(p)) !== hash) return false;
  }
  return true;
}

/** Promotes the first suggestion of selected messages to a fix, for an explicit opt-in such as `--fix-suggestions pii`. */
function withChosenSuggestions(messages: LintMessage[], select: ((m: LintMessage) => boolean) | undefined): LintMessage[] {
  if (!select) return messages;
  return messages.map((m) => (!m.fix && m.suggestions?.length && select(m) ? { ...m, fix: m.suggestions[0]!.fix } : m));
}

function makeBaseSource(filePath: string, options: LintFilesOptions): () => Promise<string | undefined> {
  let pending: Promise<string | undefined> | undefined;
  return () => {
    pending ??= (async () => {
      if (!options.repoRoot || !options.baseRef || !options.git) return undefined;
      const blob = await options.git.readAt(options.baseRef, relativePosix(options.repoRoot, filePath));
      if (!blob) return undefined;
      const decoded = decodeFile(blob, Number.MAX_SAFE_INTEGER);
      return decoded.kind === "text" ? decoded.text : undefined;
    })();
    return pending;
  };
}

function timedParse(timing: RunTiming | undefined, input: Parameters<typeof parseDocument>[0]): PromptDocument {
  if (!timing) return parseDocument(input);
  const started = performance.now();
  try {
    return parseDocument(input);
  } finally {
    timing.parse += performance.now() - started;
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
