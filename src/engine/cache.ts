import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { VERSION } from "../version.js";
import { findCredentialShapes } from "./credential-shapes.js";
import type { LintMessage, LintResult } from "./types.js";

/**
 * A persistent result cache: a file whose content, resolved config (rules, options, settings), promptvet
 * version and base-ref blob are unchanged is not linted again. Entries hold no file text at all (only
 * messages, which are masked, and the ranges to mask), so the cache never stores a secret.
 */
export interface CacheKeyParts {
  content: Uint8Array;
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
const CACHE_FORMAT = 2;

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
    .update(parts.content)
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

export class ResultCache implements ResultStore {
  private data: CacheFile;
  private dirty = false;

  constructor(private readonly file: string) {
    this.data = { version: VERSION, format: CACHE_FORMAT, entries: {} };
    try {
      if (existsSync(file)) {
        const loaded = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
        // A cache from another promptvet version is dropped whole: rules may have changed. So is an older
        // layout (format 1 stored masked text in place of mask ranges).
        if (loaded.version === VERSION && loaded.format === CACHE_FORMAT && loaded.entries) this.data = loaded;
      }
    } catch {
      // A corrupt cache is just a cold cache.
    }
  }

  /** Default location: node_modules/.cache/promptvet when node_modules exists, else .promptvetcache. */
  static defaultLocation(root: string): string {
    const nm = path.join(root, "node_modules");
    return existsSync(nm) ? path.join(nm, ".cache", "promptvet", "results.json") : path.join(root, ".promptvetcache");
  }

  get(filePath: string, key: string): { result: LintResult; masks: [number, number][]; deps?: Record<string, string> } | undefined {
    const entry = this.data.entries[filePath];
    return entry && entry.key === key ? { result: entry.result, masks: entry.masks ?? [], deps: entry.deps } : undefined;
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
    if (this.data.entries[filePath]) {
      delete this.data.entries[filePath];
      this.dirty = true;
    }
  }

  /** Writes atomically (temp file + rename), so a killed run never leaves a half-written cache. */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
    this.dirty = false;
  }
}
