/**
 * Response cache: an unchanged case (same provider endpoint, model, parameters and rendered messages) is
 * answered from disk instead of calling the model again. Keys and entries never hold an API key.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ProviderRequest, ProviderUsage } from "./types.js";

export interface CachedAnswer {
  output: string;
  usage?: ProviderUsage;
  model?: string;
  latencyMs: number;
}

export function defaultCacheDir(root: string): string {
  return existsSync(path.join(root, "node_modules"))
    ? path.join(root, "node_modules", ".cache", "promptvet", "eval")
    : path.join(root, ".promptvet", "cache");
}

export function cacheKey(providerId: string, request: ProviderRequest): string {
  const material = JSON.stringify({
    v: 1,
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
      return typeof data.output === "string" && typeof data.latencyMs === "number" ? data : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, answer: CachedAnswer): void {
    const file = this.file(key);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      // Write then rename, so a concurrent reader never sees half an entry.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ output: answer.output, usage: answer.usage, model: answer.model, latencyMs: answer.latencyMs }));
      renameSync(tmp, file);
    } catch {
      // A read-only or full disk only costs a future call.
    }
  }
}
