import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { VERSION } from "../version.js";
import type { LintResult } from "./types.js";

/**
 * A persistent result cache: a file whose content, resolved config (rules, options, settings), promptvet
 * version and base-ref blob are unchanged is not linted again. Results hold masked text only, so the
 * cache never stores a secret that the report would not show.
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
  result: LintResult;
  /** Other files the rules read (a base prompt, partials), with a hash of what they held ("" = missing). */
  deps?: Record<string, string>;
}

interface CacheFile {
  version: string;
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

export class ResultCache {
  private data: CacheFile;
  private dirty = false;

  constructor(private readonly file: string) {
    this.data = { version: VERSION, entries: {} };
    try {
      if (existsSync(file)) {
        const loaded = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
        // A cache from another promptvet version is dropped whole: rules may have changed.
        if (loaded.version === VERSION && loaded.entries) this.data = loaded;
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

  get(filePath: string, key: string): { result: LintResult; deps?: Record<string, string> } | undefined {
    const entry = this.data.entries[filePath];
    return entry && entry.key === key ? { result: entry.result, deps: entry.deps } : undefined;
  }

  set(filePath: string, key: string, result: LintResult, deps?: Map<string, string>): void {
    // The masked text is only needed to draw code frames, so a clean file is stored without it.
    const { output: _output, source, ...rest } = result;
    const stored: LintResult = result.messages.length > 0 || result.suppressedMessages.length > 0 ? { ...rest, source } : rest;
    this.data.entries[filePath] = { key, result: stored, ...(deps && deps.size > 0 ? { deps: Object.fromEntries(deps) } : {}) };
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
