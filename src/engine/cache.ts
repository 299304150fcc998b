import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { userCacheFolder } from "../files/user-cache-folder.js";
import path from "node:path";
import { VERSION } from "../version.js";
import { findCredentialShapes } from "./credential-shapes.js";
import type { LintMessage, LintResult } from "../rule-api/types.js";
import { replaceFileSync } from "../files/replace-file.js";

/**
 * A persistent result cache: a file whose content, resolved config (rules, options, settings), promptvet
 * version and base-ref blob are unchanged is not linted again. Entries hold no file text at all (only
 * messages, which are masked, and the ranges to mask), so the cache never stores a secret.
 */
export interface CacheKeyParts {
  /**
   * Git's blob id of the content (`gitBlobId`): for a tracked file git says is unchanged, the id in the index,
   * so the file need not be read to find its entry; for any other file, its bytes hashed the same way.
   */
  contentId: string;
  configHash: string;
  /** Blob id of the file at the base ref ("" when none), since growth/churn rules compare with it. */
  baseBlob: string;
  /** Where the content came from matters for nothing but is cheap insurance against mixing modes. */
  mode: "worktree" | "staged";
}

interface CacheEntry {
  key: string;
  /** The result without `source`: a hit re-reads the file anyway, and masks it again with `masks`. */
  result: LintResult;
  /** Ranges of the source that the report must mask (secrets, PII). */
  masks?: [number, number][];
  /** Other files the rules read (a base prompt, partials), with a hash of what they held ("" = missing). */
  deps?: Record<string, string>;
}

/** Bumped whenever the entry layout changes; a cache in another layout is dropped whole. */
const CACHE_FORMAT = 3;

interface CacheFile {
  version: string;
  format: number;
  entries: Record<string, CacheEntry>;
}

/** Hash of a dependency's content, as stored in `deps`. */
export function contentHash(text: string | undefined): string {
  return text === undefined ? "" : createHash("sha256").update(text).digest("base64url");
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash("sha256")
    .update(VERSION)
    .update("\0")
    .update(parts.configHash)
    .update("\0")
    .update(parts.baseBlob)
    .update("\0")
    .update(parts.mode)
    .update("\0")
    .update(parts.contentId)
    .digest("base64url");
}

/** What a lint run needs of a cache (a worker thread records into one and hands the entry to the main thread). */
export interface ResultStore {
  get(filePath: string, key: string): { result: LintResult; masks: [number, number][]; deps?: Record<string, string> } | undefined;
  set(filePath: string, key: string, result: LintResult, masks: readonly (readonly [number, number])[], deps?: Map<string, string>): void;
  delete(filePath: string): void;
}

/** Stands in for the fix text of a sensitive finding: a cached result is never used to apply fixes. */
const REDACTED = "[redacted]";

/** Fix and suggestion texts of sensitive findings may hold the value itself; reports print them redacted anyway. */
function withoutSecretFixText(message: LintMessage): LintMessage {
  if (!message.sensitive || (!message.fix && !message.suggestions)) return message;
  return {
    ...message,
    ...(message.fix ? { fix: { range: message.fix.range, text: REDACTED } } : {}),
    ...(message.suggestions ? { suggestions: message.suggestions.map((s) => ({ ...s, fix: { range: s.fix.range, text: REDACTED } })) } : {}),
  };
}

function pathHoldsCredential(filePath: string): boolean {
  return filePath.split(/[\\/]/).some((segment) => findCredentialShapes(segment.replace(/^[_.]+/, ""), "strong").length > 0);
}

/**
 * The cache file. A cache is an optimisation: a folder where the file should be, corrupt JSON, an entry of
 * the wrong shape or a location that cannot be written never fails a run; the first such fault is kept as
 * `warning` for the CLI to print once, and the run goes on without that part of the cache.
 */
export class ResultCache implements ResultStore {
  private data: CacheFile;
  private dirty = false;
  private problem: string | undefined;

  constructor(private readonly file: string) {
    this.data = { version: VERSION, format: CACHE_FORMAT, entries: {} };
    let text: string | undefined;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.note(`could not be read (${describe(error)})`);
      return;
    }
    let loaded: Partial<CacheFile>;
    try {
      loaded = JSON.parse(text) as Partial<CacheFile>;
    } catch {
      this.note("is not valid JSON; it will be rewritten");
      return;
    }
    // A cache from another promptvet version is dropped whole: rules may have changed. So is an older
    // layout (format 1 stored masked text in place of mask ranges; format 2 keyed content by its SHA-256).
    if (!isRecord(loaded) || loaded.version !== VERSION || loaded.format !== CACHE_FORMAT) return;
    if (!isRecord(loaded.entries)) {
      this.note("has no valid entry table; it will be rewritten");
      return;
    }
    this.data = { version: VERSION, format: CACHE_FORMAT, entries: loaded.entries };
  }

  /**
   * Default location. In a git repository: beside its git data (`<git-dir>/promptvet/results.json`), so a run
   * never leaves a file in the working tree, and a linked worktree has a cache of its own that goes with it.
   * Elsewhere: `node_modules/.cache/promptvet` when the folder has node_modules, else the user's cache folder
   * (one file per folder linted); undefined when there is none, and the run goes without a cache.
   * Caches at the locations of earlier versions (`.promptvetcache`, node_modules/.cache inside a repository)
   * are neither read nor written: they can be deleted.
   */
  static defaultLocation(root: string, gitDir: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
    if (gitDir) return path.join(gitDir, "promptvet", "results.json");
    const nm = path.join(root, "node_modules");
    if (existsSync(nm)) return path.join(nm, ".cache", "promptvet", "results.json");
    const home = userCacheFolder(env);
    if (!home) return undefined;
    const folderId = createHash("sha256").update(path.resolve(root)).digest("hex").slice(0, 16);
    return path.join(home, "promptvet", "results", `${folderId}.json`);
  }

  /** The first fault met (reading, an entry, writing), as one line naming the cache file; undefined when all went well. */
  get warning(): string | undefined {
    return this.problem && `the result cache ${this.file} ${this.problem}; results were still computed in full.`;
  }

  get(filePath: string, key: string): { result: LintResult; masks: [number, number][]; deps?: Record<string, string> } | undefined {
    if (!Object.hasOwn(this.data.entries, filePath)) return undefined;
    const entry: unknown = this.data.entries[filePath];
    if (!isValidEntry(entry)) {
      this.note("holds an entry of the wrong shape; it was ignored");
      delete this.data.entries[filePath];
      this.dirty = true;
      return undefined;
    }
    return entry.key === key ? { result: entry.result, masks: entry.masks ?? [], deps: entry.deps } : undefined;
  }

  /**
   * Stores a result without its text: the key proves the file still holds the same bytes, so the masked text
   * is rebuilt from the file and `masks` (a cache of a large tree stays small, and never holds file text).
   */
  set(filePath: string, key: string, result: LintResult, masks: readonly (readonly [number, number])[], deps?: Map<string, string>): void {
    // A dependency path that holds a credential (a partial named after a key) never goes to disk: the file
    // is linted again next time instead.
    if (deps && [...deps.keys()].some(pathHoldsCredential)) {
      this.delete(filePath);
      return;
    }
    const { output: _output, source: _source, ...rest } = result;
    const stored = { ...rest, messages: rest.messages.map(withoutSecretFixText), suppressedMessages: rest.suppressedMessages.map(withoutSecretFixText) };
    this.data.entries[filePath] = {
      key,
      result: stored,
      ...(masks.length > 0 ? { masks: masks.map(([s, e]) => [s, e] as [number, number]) } : {}),
      ...(deps && deps.size > 0 ? { deps: Object.fromEntries(deps) } : {}),
    };
    this.dirty = true;
  }

  delete(filePath: string): void {
    if (Object.hasOwn(this.data.entries, filePath)) {
      delete this.data.entries[filePath];
      this.dirty = true;
    }
  }

  /** Writes atomically (temp file + rename), so a killed run never leaves a half-written cache. Never throws. */
  save(): void {
    if (!this.dirty) return;
    try {
      replaceFileSync(this.file, JSON.stringify(this.data));
      this.dirty = false;
    } catch (error) {
      this.note(`could not be written (${describe(error)})`);
    }
  }

  private note(problem: string): void {
    this.problem ??= problem;
  }
}

function describe(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  return err.code ?? err.message?.split("\n")[0] ?? String(error);
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isRange = (v: unknown) => Array.isArray(v) && v.length === 2 && isNumber(v[0]) && isNumber(v[1]);
const isFix = (v: unknown) => isRecord(v) && isRange(v.range) && typeof v.text === "string";

/** Everything the report and the fixer read from a message, in the types they expect. */
function isValidMessage(m: unknown): boolean {
  if (!isRecord(m)) return false;
  if (!(m.ruleId === null || typeof m.ruleId === "string") || (m.severity !== 1 && m.severity !== 2) || typeof m.message !== "string") return false;
  if (![m.line, m.column, m.endLine, m.endColumn].every(isNumber)) return false;
  if (m.fix !== undefined && !isFix(m.fix)) return false;
  if (m.suggestions !== undefined && !(Array.isArray(m.suggestions) && m.suggestions.every((s) => isRecord(s) && typeof s.desc === "string" && isFix(s.fix)))) return false;
  if (m.related !== undefined && !(Array.isArray(m.related) && m.related.every((r) => isRecord(r) && typeof r.message === "string" && isNumber(r.line) && isNumber(r.column)))) return false;
  return true;
}

/** A stored entry the run can use as it is (a cache written by hand, by a bug or half by another tool is not). */
function isValidEntry(entry: unknown): entry is CacheEntry {
  if (!isRecord(entry) || typeof entry.key !== "string" || !isRecord(entry.result)) return false;
  const r = entry.result;
  if (typeof r.filePath !== "string" || !Array.isArray(r.messages) || !Array.isArray(r.suppressedMessages)) return false;
  if (![r.errorCount, r.warningCount, r.fatalErrorCount, r.fixableErrorCount, r.fixableWarningCount].every(isNumber)) return false;
  if (!r.messages.every(isValidMessage) || !r.suppressedMessages.every(isValidMessage)) return false;
  if (r.stats !== undefined && !isRecord(r.stats)) return false;
  if (entry.masks !== undefined && !(Array.isArray(entry.masks) && entry.masks.every(isRange))) return false;
  if (entry.deps !== undefined && !(isRecord(entry.deps) && Object.values(entry.deps).every((h) => typeof h === "string"))) return false;
  return true;
}
