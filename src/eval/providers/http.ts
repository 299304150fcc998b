/**
 * HTTP plumbing shared by the HTTP providers: one POST with a timeout, errors classified into the kinds the
 * eval reports (auth, timeout, unreachable, malformed, http), and bounded retries with backoff on 429/5xx and
 * dropped connections that honour Retry-After. Every retry is counted; nothing is retried silently.
 */
import { ProviderError } from "../types.js";

/** A failure worth retrying: 429, 5xx, or a connection dropped mid-request. */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "RetryableError";
  }
}

export interface RequestLimits {
  /** Per-request timeout. */
  timeoutMs: number;
  /** Absolute time (Date.now()) after which the run's budget is spent. */
  deadline: number;
  /** Aborts everything (the run's budget ran out). */
  signal?: AbortSignal;
}

export interface RetryPolicy {
  max: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const DROP_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"]);
const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504, 529]);

/** Sends a POST and returns the response once its status is 2xx; throws a classified error otherwise. */
export async function post(url: string, headers: Record<string, string>, body: unknown, limits: RequestLimits): Promise<{ response: Response; done: () => void; signal: AbortSignal }> {
  const timeoutMs = Math.max(1, Math.min(limits.timeoutMs, limits.deadline - Date.now()));
  const controller = new AbortController();
  const budgetBound = limits.deadline - Date.now() <= limits.timeoutMs;
  const timer = setTimeout(() => controller.abort(new ProviderError(budgetBound ? "budget" : "timeout", budgetBound ? "the time budget ran out while waiting for the answer" : `no answer within ${limits.timeoutMs} ms`)), timeoutMs);
  const onOuterAbort = () => controller.abort(limits.signal?.reason);
  limits.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const done = () => {
    clearTimeout(timer);
    limits.signal?.removeEventListener("abort", onOuterAbort);
  };
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (error) {
    done();
    throw classifyFetchError(error, controller.signal, url);
  }
  if (response.ok) return { response, done, signal: controller.signal };
  let text = "";
  try {
    text = await response.text();
  } catch {
    // the body is only used for the message
  }
  done();
  const detail = errorDetail(text);
  const where = `${response.status} ${response.statusText}`.trim();
  if (response.status === 401 || response.status === 403) {
    throw new ProviderError("auth", `authentication failed (${where})${detail ? `: ${detail}` : ""}; check the key in the environment variable`);
  }
  if (RETRYABLE_STATUS.has(response.status)) {
    throw new RetryableError(`HTTP ${where}${detail ? `: ${detail}` : ""}`, parseRetryAfter(response.headers));
  }
  throw new ProviderError("http", `HTTP ${where}${detail ? `: ${detail}` : ""}`);
}

/** Reads a whole body, turning a timeout or dropped connection into the right error. */
export async function readBody(response: Response, signal: AbortSignal, url: string): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw classifyFetchError(error, signal, url);
  }
}

export function classifyFetchError(error: unknown, signal: AbortSignal, url: string): Error {
  if (signal.aborted) {
    const reason = signal.reason;
    if (reason instanceof ProviderError) return reason;
    return new ProviderError("timeout", "the request was aborted");
  }
  if (error instanceof ProviderError || error instanceof RetryableError) return error;
  const err = error as { message?: string; cause?: { code?: string; message?: string } };
  const code = err.cause?.code ?? "";
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
    return new ProviderError("unreachable", `cannot reach ${safeUrl(url)} (${code})`);
  }
  // The server accepted the connection and then dropped it: worth one more try.
  if (DROP_CODES.has(code) || /other side closed|socket hang up|terminated/i.test(`${err.cause?.message ?? ""} ${err.message ?? ""}`)) {
    return new RetryableError(`connection to ${safeUrl(url)} dropped (${code || err.cause?.message || "socket closed"})`);
  }
  return new ProviderError("unreachable", `cannot reach ${safeUrl(url)} (${code || err.cause?.message || err.message || "network error"})`);
}

/** The URL without credentials or query (query strings sometimes carry keys). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "the endpoint";
  }
}

/** `Retry-After` (seconds or HTTP date) or OpenAI's `retry-after-ms`, in milliseconds. */
export function parseRetryAfter(headers: Headers): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const value = headers.get("retry-after");
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** A short, key-free description of an error body (`error.message` of the usual JSON shapes). */
function errorDetail(body: string): string {
  if (!body) return "";
  const text = body.slice(0, 4_000);
  try {
    const data = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const msg = typeof data.error === "string" ? data.error : (data.error?.message ?? data.message);
    if (msg) return scrub(msg).slice(0, 200);
  } catch {
    // not JSON
  }
  return scrub(text.trim().split("\n")[0] ?? "").slice(0, 200);
}

/** Removes anything shaped like an API key from server text before it is shown. */
function scrub(text: string): string {
  return text.replace(/\b(sk-[A-Za-z0-9_-]{6})[A-Za-z0-9_-]+/g, "$1…").replace(/\b([A-Za-z0-9_-]{4})[A-Za-z0-9_-]{28,}\b/g, "$1…");
}

export interface RetryHooks {
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
}

/**
 * Runs `op` and retries RetryableErrors up to `policy.max` times with exponential backoff (or the server's
 * Retry-After). A wait that would cross the deadline fails at once with a budget error. Returns the result and
 * how many retries it took; a final failure carries the retry count too.
 */
export async function withRetries<T>(op: () => Promise<T>, policy: RetryPolicy, deadline: number, hooks: RetryHooks = {}, signal?: AbortSignal): Promise<{ value: T; retries: number }> {
  let retries = 0;
  for (;;) {
    try {
      return { value: await op(), retries };
    } catch (error) {
      if (!(error instanceof RetryableError)) {
        if (error instanceof ProviderError) throw new ProviderError(error.kind, error.message, retries);
        throw error;
      }
      if (retries >= policy.max) {
        throw new ProviderError(error.message.startsWith("connection") ? "unreachable" : "http", `${error.message} (after ${retries} ${retries === 1 ? "retry" : "retries"})`, retries);
      }
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retries);
      const jittered = backoff * (0.8 + Math.random() * 0.4);
      const delay = error.retryAfterMs !== undefined ? error.retryAfterMs : jittered;
      if (Date.now() + delay >= deadline) {
        throw new ProviderError("budget", `${error.message}; waiting ${Math.round(delay)} ms before retrying would exceed the time budget`, retries);
      }
      retries++;
      hooks.onRetry?.(retries, delay, error.message);
      await sleep(delay, signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
