/**
 * Stored baselines: per prompt, the outcome of each case on the base version, with the model it was recorded
 * against. A baseline recorded against another model is never compared with silently: it is reported as
 * anchored to that model until re-recorded.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { replaceFileSync } from "../files/replace-file.js";

export interface BaselineCase {
  /** Hash of the base request and the case's assertions: a changed base prompt, partial, var or assertion re-runs the case. */
  key: string;
  passed: boolean;
  latencyMs: number;
  outputTokens?: number;
}

export interface StoredBaseline {
  version: 1;
  model: string;
  provider: string;
  recordedAt: string;
  cases: Record<string, BaselineCase>;
}

export function baselineFile(dir: string, relPromptPath: string): string {
  return path.join(dir, `${relPromptPath.split(path.sep).join("/")}.json`);
}

export function readBaseline(file: string): StoredBaseline | undefined {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as StoredBaseline;
    if (data.version !== 1 || typeof data.model !== "string" || !data.cases || typeof data.cases !== "object") return undefined;
    return data;
  } catch {
    return undefined;
  }
}

export function writeBaseline(file: string, baseline: StoredBaseline): void {
  replaceFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

export function baselineKey(requestKey: string, assertions: unknown): string {
  return createHash("sha256").update(requestKey).update("\0").update(JSON.stringify(assertions)).digest("hex").slice(0, 32);
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
