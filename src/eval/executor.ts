/**
 * Runs model calls within the run's limits: a concurrency cap, a per-request timeout, bounded retries, one
 * time budget for everything, and the response cache. Identical requests are sent once. After an auth,
 * config or unreachable error the remaining calls are not attempted (they would fail the same way) and carry
 * the same error, so nothing passes by default. Retries are bounded per call and for the whole run, and every
 * error text has the provider's own key scrubbed from it.
 */
import { cacheKey, type ResponseCache, type Verdict } from "./cache.js";
import { holdsSensitiveData, maskSensitiveText, scrubKnownSecrets } from "./redact.js";
import { withRetries } from "./providers/http.js";
import type { Provider } from "./providers/types.js";
import type { EvalSettings } from "./config-schema.js";
import type { Progress } from "./progress.js";
import { ProviderError, type ProviderRequest, type ProviderResponse } from "./types.js";

export interface CallTask {
  request: ProviderRequest;
  /** Shown in progress lines (`support.md › refund question`). */
  label: string;
  /** Digests of the assertions the answer will be checked with: a cached entry without its text must hold them all. */
  needs?: string[];
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
  /** Answers called in this run, with the verdicts measured on them, to be written to the cache. */
  private readonly fresh = new Map<string, { response: ProviderResponse; verdicts: Record<string, Verdict> }>();
  private readonly secrets: string[];

  constructor(
    private readonly provider: Provider,
    private readonly cache: ResponseCache | undefined,
    private readonly settings: EvalSettings,
    private readonly progress: Progress,
    readonly deadline: number,
  ) {
    this.secrets = provider.knownSecrets?.() ?? [];
  }

  /** An error text fit to show: the provider's key is removed in every shape a server might echo it. */
  scrub(text: string): string {
    return scrubKnownSecrets(text, this.secrets);
  }

  keyOf(request: ProviderRequest): string {
    return cacheKey(this.provider.id, request);
  }

  /** Runs the tasks; the result maps each task's cache key to its outcome. */
  async run(tasks: CallTask[], onDone?: (key: string, outcome: CallOutcome, task: CallTask) => void): Promise<Map<string, CallOutcome>> {
    const unique = new Map<string, CallTask>();
    for (const t of tasks) {
      const key = this.keyOf(t.request);
      const seen = unique.get(key);
      if (!seen) unique.set(key, { ...t, needs: [...(t.needs ?? [])] });
      else seen.needs = [...new Set([...(seen.needs ?? []), ...(t.needs ?? [])])];
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
    // An entry without its text can answer only the assertions it holds verdicts for.
    if (hit && (hit.output !== undefined || (task.needs ?? []).every((d) => d in hit.verdicts))) {
      this.stats.cached++;
      if (hit.usage) {
        this.stats.tokens.input += hit.usage.input;
        this.stats.tokens.output += hit.usage.output;
      }
      const base = { usage: hit.usage, model: hit.model, latencyMs: hit.latencyMs, outputTokens: hit.outputTokens, retries: 0, cached: true };
      return { ok: true, response: hit.output !== undefined ? { ...base, output: hit.output } : { ...base, output: "", verdicts: hit.verdicts } };
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
          return this.provider.send(task.request, {
            timeoutMs: this.settings.requestTimeoutMs,
            deadline: this.deadline,
            signal: this.budget.signal,
            maxResponseBytes: this.settings.maxResponseBytes,
          });
        },
        this.settings.retries,
        this.deadline,
        {
          onRetry: (attempt, delayMs, reason) => {
            this.stats.retries++;
            this.progress.note(`  retry ${attempt}/${this.settings.retries.max} for ${task.label}: ${this.scrub(reason)} (waiting ${Math.round(delayMs)} ms)`);
          },
          mayRetry: () => this.stats.retries < this.settings.retries.total,
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
      const response: ProviderResponse = { ...value, latencyMs, retries, cached: false };
      this.fresh.set(key, { response, verdicts: {} });
      return { ok: true, response };
    } catch (error) {
      const raw =
        error instanceof ProviderError
          ? error
          : this.budget.signal.aborted
            ? new ProviderError("budget", `the time budget of ${this.settings.budgetMs} ms ran out`)
            : new ProviderError("unreachable", (error as Error).message);
      const err = new ProviderError(raw.kind, await maskSensitiveText(this.scrub(raw.message)), raw.retries);
      if (err.kind === "auth" || err.kind === "config" || err.kind === "unreachable") this.breaker ??= err;
      return { ok: false, error: err };
    }
  }

  /** Records an assertion's outcome on a fresh answer (stored with it by `storeAnswers`). */
  recordVerdict(key: string, digest: string, verdict: Verdict): void {
    const entry = this.fresh.get(key);
    if (entry) entry.verdicts[digest] = verdict;
  }

  /**
   * Writes this run's fresh answers to the cache: verdicts always, the text only when the detectors find no
   * secret or personal data in it.
   */
  async storeAnswers(outputTokens: (response: ProviderResponse) => Promise<number>): Promise<void> {
    if (!this.cache) return;
    for (const [key, { response, verdicts }] of this.fresh) {
      const clean = !(await holdsSensitiveData(response.output));
      this.cache.set(key, {
        ...(clean ? { output: response.output } : {}),
        verdicts,
        usage: response.usage,
        outputTokens: response.usage ? undefined : await outputTokens(response),
        model: response.model,
        latencyMs: response.latencyMs,
      });
    }
    this.fresh.clear();
  }
}
