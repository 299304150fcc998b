/**
 * Runs model calls within the run's limits: a concurrency cap, a per-request timeout, bounded retries, one
 * time budget for everything, and the response cache. Identical requests are sent once. After an auth,
 * config or unreachable error the remaining calls are not attempted (they would fail the same way) and carry
 * the same error, so nothing passes by default.
 */
import { cacheKey, type ResponseCache } from "./cache.js";
import { withRetries } from "./providers/http.js";
import type { Provider } from "./providers/types.js";
import type { EvalSettings } from "./config-schema.js";
import type { Progress } from "./progress.js";
import { ProviderError, type ProviderRequest, type ProviderResponse } from "./types.js";

export interface CallTask {
  request: ProviderRequest;
  /** Shown in progress lines (`support.md › refund question`). */
  label: string;
}

export type CallOutcome = { ok: true; response: ProviderResponse } | { ok: false; error: ProviderError };

export interface ExecutorStats {
  calls: number;
  cached: number;
  retries: number;
  tokens: { input: number; output: number };
  /** Tokens of calls actually made (cached answers cost nothing now). */
  paidTokens: { input: number; output: number };
}

export class Executor {
  readonly stats: ExecutorStats = { calls: 0, cached: 0, retries: 0, tokens: { input: 0, output: 0 }, paidTokens: { input: 0, output: 0 } };
  private readonly budget = new AbortController();
  private breaker: ProviderError | undefined;
  private budgetTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly provider: Provider,
    private readonly cache: ResponseCache | undefined,
    private readonly settings: EvalSettings,
    private readonly progress: Progress,
    readonly deadline: number,
  ) {}

  keyOf(request: ProviderRequest): string {
    return cacheKey(this.provider.id, request);
  }

  /** Runs the tasks; the result maps each task's cache key to its outcome. */
  async run(tasks: CallTask[], onDone?: (key: string, outcome: CallOutcome, task: CallTask) => void): Promise<Map<string, CallOutcome>> {
    const unique = new Map<string, CallTask>();
    for (const t of tasks) {
      const key = this.keyOf(t.request);
      if (!unique.has(key)) unique.set(key, t);
    }
    const results = new Map<string, CallOutcome>();
    const queue = [...unique.entries()];
    const remaining = this.deadline - Date.now();
    this.budgetTimer = setTimeout(
      () => this.budget.abort(new ProviderError("budget", `the time budget of ${this.settings.budgetMs} ms ran out before the answer came`)),
      Math.max(0, remaining),
    );
    const worker = async () => {
      for (;;) {
        const next = queue.shift();
        if (!next) return;
        const [key, task] = next;
        const outcome = await this.one(key, task);
        results.set(key, outcome);
        onDone?.(key, outcome, task);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, queue.length) }, worker));
    } finally {
      clearTimeout(this.budgetTimer);
    }
    return results;
  }

  private async one(key: string, task: CallTask): Promise<CallOutcome> {
    const hit = this.cache?.get(key);
    if (hit) {
      this.stats.cached++;
      if (hit.usage) {
        this.stats.tokens.input += hit.usage.input;
        this.stats.tokens.output += hit.usage.output;
      }
      return { ok: true, response: { ...hit, retries: 0, cached: true } };
    }
    if (this.breaker) return { ok: false, error: new ProviderError(this.breaker.kind, `not attempted: ${this.breaker.message}`) };
    if (Date.now() >= this.deadline || this.budget.signal.aborted) {
      return { ok: false, error: new ProviderError("budget", `not run: the time budget of ${this.settings.budgetMs} ms was used up`) };
    }
    let attemptStart = 0;
    try {
      const { value, retries } = await withRetries(
        () => {
          this.stats.calls++;
          attemptStart = performance.now();
          return this.provider.send(task.request, { timeoutMs: this.settings.requestTimeoutMs, deadline: this.deadline, signal: this.budget.signal });
        },
        this.settings.retries,
        this.deadline,
        {
          onRetry: (attempt, delayMs, reason) => {
            this.stats.retries++;
            this.progress.note(`  retry ${attempt}/${this.settings.retries.max} for ${task.label}: ${reason} (waiting ${Math.round(delayMs)} ms)`);
          },
        },
        this.budget.signal,
      );
      const latencyMs = Math.round(performance.now() - attemptStart);
      if (value.usage) {
        this.stats.tokens.input += value.usage.input;
        this.stats.tokens.output += value.usage.output;
        this.stats.paidTokens.input += value.usage.input;
        this.stats.paidTokens.output += value.usage.output;
      }
      this.cache?.set(key, { output: value.output, usage: value.usage, model: value.model, latencyMs });
      return { ok: true, response: { ...value, latencyMs, retries, cached: false } };
    } catch (error) {
      const err =
        error instanceof ProviderError
          ? error
          : this.budget.signal.aborted
            ? new ProviderError("budget", `the time budget of ${this.settings.budgetMs} ms ran out`)
            : new ProviderError("unreachable", (error as Error).message);
      if (err.kind === "auth" || err.kind === "config" || err.kind === "unreachable") this.breaker ??= err;
      return { ok: false, error: err };
    }
  }
}
