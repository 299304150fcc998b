/**
 * Response cache: an unchanged case (same provider endpoint, model, parameters and rendered messages) is
 * answered from disk instead of calling the model again.
 *
 * What an entry keeps: the assertion outcomes ("verdicts") measured on the answer, with their messages
 * masked, plus usage, latency and the model id. The answer text itself is kept only when the secrets and
 * personal-data detectors find nothing in it; an answer that echoes a key or an email is never written. Such
 * an entry can still answer every assertion it was checked with; a new or edited assertion on it is a cache
 * miss (the model is asked again). Masking the text instead would make assertions on the cached answer
 * disagree with the live one (`no-pii` would pass on a masked copy), and encrypting it would need a key kept
 * somewhere beside it.
 *
 * Where: inside the repository's git folder (`git rev-parse --git-common-dir`, shared by worktrees), never
 * as an untracked file in the working tree; outside a git repository there is no cache unless
 * `eval.cache.dir` names one. Keys and entries never hold an API key.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ProviderRequest, ProviderUsage } from "./types.js";
import { replaceFileSync } from "../files/replace-file.js";

/** One assertion's outcome on one answer. */
export interface Verdict {
  pass: boolean;
  /** Why it failed, masked. */
  message?: string;
  sensitive?: boolean;
}

export interface CachedAnswer {
  /** The answer, present only when the detectors found no secret or personal data in it. */
  output?: string;
  /** Outcomes by assertion digest (see `assertionDigest`). */
  verdicts: Record<string, Verdict>;
  usage?: ProviderUsage;
  /** Output tokens counted when the provider reported no usage. */
  outputTokens?: number;
  model?: string;
  latencyMs: number;
}

/** The default cache folder: `<git common dir>/promptvet/eval-cache`, or undefined outside a repository. */
export function defaultCacheDir(repoRoot: string | undefined): string | undefined {
  if (!repoRoot) return undefined;
  try {
    const common = execFileSync("git", ["rev-parse", "--git-common-dir"], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return common ? path.join(path.resolve(repoRoot, common), "promptvet", "eval-cache") : undefined;
  } catch {
    return undefined;
  }
}

export function cacheKey(providerId: string, request: ProviderRequest): string {
  const material = JSON.stringify({
    // 2: entries hold verdicts, and the answer only when it is free of secrets and personal data.
    v: 2,
    provider: providerId,
    model: request.model,
    temperature: request.temperature ?? null,
    maxTokens: request.maxTokens ?? null,
    messages: request.messages.map((m) => [m.role, m.content]),
  });
  return createHash("sha256").update(material).digest("hex");
}

export class ResponseCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): CachedAnswer | undefined {
    try {
      const data = JSON.parse(readFileSync(this.file(key), "utf8")) as CachedAnswer;
      const shaped =
        data !== null &&
        typeof data === "object" &&
        (data.output === undefined || typeof data.output === "string") &&
        typeof data.latencyMs === "number" &&
        data.verdicts !== null &&
        typeof data.verdicts === "object" &&
        Object.values(data.verdicts).every((v) => v !== null && typeof v === "object" && typeof v.pass === "boolean");
      return shaped ? data : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, answer: CachedAnswer): void {
    const file = this.file(key);
    try {
      const entry: CachedAnswer = {
        ...(answer.output !== undefined ? { output: answer.output } : {}),
        verdicts: answer.verdicts,
        usage: answer.usage,
        outputTokens: answer.outputTokens,
        model: answer.model,
        latencyMs: answer.latencyMs,
      };
      // Replaced whole, so a concurrent reader never sees half an entry.
      replaceFileSync(file, JSON.stringify(entry));
    } catch {
      // A read-only or full disk only costs a future call.
    }
  }
}
