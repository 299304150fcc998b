/**
 * HTTP plumbing shared by the HTTP providers: one POST with a timeout, errors classified into the kinds the
 * eval reports (auth, timeout, unreachable, malformed, http), and bounded retries with backoff on 429/5xx and
 * dropped connections that honour Retry-After. Every retry is counted; nothing is retried silently.
 *
 * Limits that hold against a misbehaving endpoint: a body (or stream) larger than `maxResponseBytes` is cut and
 * reported; a `Retry-After` of zero or in the past never makes a retry faster than the configured backoff; a
 * redirect is followed only within the same origin, so the API key never travels to another host.
 */
import { maskSensitiveText } from "../redact.js";
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
  /** Largest body (or stream) accepted, in bytes; default DEFAULT_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
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

/** 8 MiB: far above any chat answer, far below what would exhaust memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** How much of an error body is read for its message. */
const ERROR_BODY_BYTES = 64 * 1024;
/** The shortest wait before a retry, whatever the server or the config says. */
export const MIN_RETRY_DELAY_MS = 100;
/** Same-origin 307/308 hops followed before giving up. */
const MAX_REDIRECTS = 3;

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
    response = await fetchFollowingSameOrigin(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (error) {
    done();
    throw classifyFetchError(error, controller.signal, url);
  }
  if (response.ok) {
    const declared = Number(response.headers.get("content-length"));
    const max = limits.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (Number.isFinite(declared) && declared > max) {
      done();
      void response.body?.cancel().catch(() => undefined);
      throw tooLarge(url, max);
    }
    return { response, done, signal: controller.signal };
  }
  let text = "";
  try {
    text = await readText(response, controller.signal, url, ERROR_BODY_BYTES, "truncate");
  } catch {
    // the body is only used for the message
  }
  done();
  // Servers quote requests back in their errors: personal data and secrets in it are masked as lint masks them.
  const detail = await maskSensitiveText(errorDetail(text));
  const where = `${response.status} ${response.statusText}`.trim();
  if (response.status === 401 || response.status === 403) {
    throw new ProviderError("auth", `authentication failed (${where})${detail ? `: ${detail}` : ""}; check the key in the environment variable`);
  }
  if (RETRYABLE_STATUS.has(response.status)) {
    throw new RetryableError(`HTTP ${where}${detail ? `: ${detail}` : ""}`, parseRetryAfter(response.headers));
  }
  throw new ProviderError("http", `HTTP ${where}${detail ? `: ${detail}` : ""}`);
}

/**
 * POSTs, following a redirect only when it stays on the same origin and keeps the method (307/308). Any other
 * redirect is an error: following it would send the API key header to whatever host the endpoint names.
 */
async function fetchFollowingSameOrigin(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
  let target = url;
  for (let hop = 0; ; hop++) {
    const response = await fetch(target, { ...init, redirect: "manual" });
    if (response.status < 300 || response.status > 399 || response.status === 304) return response;
    void response.body?.cancel().catch(() => undefined);
    const location = response.headers.get("location");
    let next: URL | undefined;
    try {
      next = location ? new URL(location, target) : undefined;
    } catch {
      next = undefined;
    }
    const from = new URL(target);
    if (!next) throw new ProviderError("http", `${safeUrl(target)} answered ${response.status} with no usable Location`);
    if (next.origin !== from.origin) {
      throw new ProviderError(
        "http",
        `${safeUrl(target)} redirects (${response.status}) to another origin, ${next.origin}; not followed, so the API key is not sent there (set eval.provider.baseUrl to the final address if it is meant)`,
      );
    }
    if (response.status !== 307 && response.status !== 308) {
      throw new ProviderError("http", `${safeUrl(target)} redirects (${response.status}) in a way that turns the POST into a GET; not followed (set eval.provider.baseUrl to the final address)`);
    }
    if (hop >= MAX_REDIRECTS) throw new ProviderError("http", `${safeUrl(url)} redirected more than ${MAX_REDIRECTS} times`);
    target = next.toString();
  }
}

function tooLarge(url: string, maxBytes: number): ProviderError {
  return new ProviderError("malformed", `the response from ${safeUrl(url)} exceeded ${maxBytes} bytes (eval.maxResponseBytes); it was cut off and not used`);
}

/**
 * The body as text, decoded chunk by chunk and stopped at `maxBytes`: past it, "throw" fails with a clear
 * error (an answer) and "truncate" keeps what came so far (an error message).
 */
export async function* readTextChunks(response: Response, signal: AbortSignal, url: string, maxBytes: number, onLimit: "throw" | "truncate" = "throw"): AsyncGenerator<string> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let finished = false;
  try {
    for (;;) {
      let chunk: { done: true; value?: undefined } | { done: false; value: Uint8Array };
      try {
        chunk = await reader.read();
      } catch (error) {
        throw classifyFetchError(error, signal, url);
      }
      if (chunk.done) {
        finished = true;
        break;
      }
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        if (onLimit === "throw") throw tooLarge(url, maxBytes);
        yield decoder.decode(chunk.value.subarray(0, chunk.value.byteLength - (size - maxBytes)), { stream: true });
        break;
      }
      yield decoder.decode(chunk.value, { stream: true });
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } finally {
    // Stop the transfer of whatever is left: an endless body must not keep the connection busy.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function readText(response: Response, signal: AbortSignal, url: string, maxBytes: number, onLimit: "throw" | "truncate"): Promise<string> {
  let text = "";
  for await (const piece of readTextChunks(response, signal, url, maxBytes, onLimit)) text += piece;
  return text;
}

/** Reads a whole body within the size limit, turning a timeout or dropped connection into the right error. */
export function readBody(response: Response, signal: AbortSignal, url: string, maxBytes = DEFAULT_MAX_RESPONSE_BYTES): Promise<string> {
  return readText(response, signal, url, maxBytes, "throw");
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

/**
 * `Retry-After` (seconds or HTTP date) or OpenAI's `retry-after-ms`, in milliseconds; undefined when absent or
 * not a valid value. Zero, negative and past values come back as 0: the caller's backoff then decides.
 */
export function parseRetryAfter(headers: Headers): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms && /^-?\d+(\.\d+)?$/.test(ms)) return Math.max(0, Number(ms));
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Math.max(0, Number(value) * 1000);
  // An HTTP date names a weekday and a month; a bare number that Date.parse would read as a year is not one.
  if (!/[A-Za-z]/.test(value)) return undefined;
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
  /** Asked before each retry: false when the run's retry budget is spent. */
  mayRetry?: () => boolean;
}

/**
 * The wait before retry number `retries + 1`: exponential backoff with jitter, never below MIN_RETRY_DELAY_MS;
 * a server's Retry-After can lengthen it, never shorten it, so `Retry-After: 0` cannot start a retry storm.
 */
export function retryDelay(policy: RetryPolicy, retries: number, retryAfterMs: number | undefined, random = Math.random): number {
  const backoff = Math.min(Math.max(policy.maxDelayMs, MIN_RETRY_DELAY_MS), Math.max(policy.baseDelayMs, MIN_RETRY_DELAY_MS) * 2 ** retries);
  const jittered = backoff * (0.8 + random() * 0.4);
  return Math.max(jittered, retryAfterMs ?? 0);
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
      const kind = error.message.startsWith("connection") ? "unreachable" : "http";
      if (retries >= policy.max) {
        throw new ProviderError(kind, `${error.message} (after ${retries} ${retries === 1 ? "retry" : "retries"})`, retries);
      }
      if (hooks.mayRetry && !hooks.mayRetry()) {
        throw new ProviderError(kind, `${error.message} (not retried: the run's retry budget, eval.retries.total, is spent)`, retries);
      }
      const delay = retryDelay(policy, retries, error.retryAfterMs);
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
