/** Shapes shared by the smoke eval: cases, provider requests and responses, and the run summary. */
import type { Range } from "../model/document.js";

export interface ChatTurn {
  role: "system" | "user" | "assistant";
  content: string;
}

/** One assertion as written in a cases file (exactly one key besides optional `weight`-free extras). */
export type Assertion =
  | { type: "contains" | "not-contains" | "icontains" | "not-icontains" | "equals" | "regex" | "not-regex"; value: string }
  | { type: "is-json" }
  | { type: "json-schema"; value: Record<string, unknown> | boolean }
  | { type: "max-words" | "max-chars" | "max-output-tokens" | "max-latency-ms"; value: number }
  | { type: "no-pii"; value: true | string[] }
  | { type: "javascript"; value: string };

export interface EvalCase {
  name: string;
  vars: Record<string, unknown>;
  /** A user message appended after the rendered prompt. */
  input?: string;
  assert: Assertion[];
  /** Where the case is written: the cases file or the prompt file (frontmatter `tests:`). */
  filePath: string;
  /** Source range of the case item (its `- name:` entry). */
  range: Range;
  /** Source range of each assertion, same order as `assert`. */
  assertRanges: Range[];
}

export interface ProviderRequest {
  model: string;
  messages: ChatTurn[];
  temperature?: number;
  maxTokens?: number;
}

export interface ProviderUsage {
  input: number;
  output: number;
}

export interface ProviderResponse {
  /** The answer; "" for a cached answer whose text was not stored (see `verdicts`). */
  output: string;
  /**
   * Set for a cached answer whose text was not stored because it held secrets or personal data: the
   * outcomes of the assertions it was checked with, by assertion digest (every assertion the run needs).
   */
  verdicts?: Record<string, { pass: boolean; message?: string; sensitive?: boolean }>;
  /** Output tokens counted when the answer was fresh and the provider reported no usage. */
  outputTokens?: number;
  usage?: ProviderUsage;
  /** Model id reported by the server, when it says. */
  model?: string;
  latencyMs: number;
  /** Retries made before this answer (429/5xx/dropped connections). */
  retries: number;
  cached: boolean;
}

/** Why a call failed; each kind becomes its own diagnostic. */
export type ProviderErrorKind = "unreachable" | "auth" | "timeout" | "malformed" | "http" | "budget" | "config" | "exec";

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly retries = 0,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

/** The run summary the markdown report reads (structurally identical to `src/report/types.ts`). */
export interface EvalSummary {
  skipped?: string;
  calls: number;
  cached: number;
  retries: number;
  tokens: { input: number; output: number };
  cost?: number;
  files: EvalFileSummary[];
}

export interface EvalFileSummary {
  filePath: string;
  cases: number;
  passed: number;
  failed: number;
  baseline?: { passed: number; failed: number; model: string; stale?: boolean };
  regressions: { case: string; kind: string; detail: string }[];
  medianLatencyMs?: number;
  baseMedianLatencyMs?: number;
}
