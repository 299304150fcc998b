/**
 * Budgets that hold against a hostile or broken provider: a command whose children outlive it, a regex that
 * backtracks forever, a body that never ends, and a server that asks for retries with no delay.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { checkAssertion } from "../../src/eval/assertions.js";
import { EVAL_DEFAULTS, type EvalSettings, type ProviderConfig } from "../../src/eval/config-schema.js";
import { Executor, type CallTask } from "../../src/eval/executor.js";
import { createProgress } from "../../src/eval/progress.js";
import { MIN_RETRY_DELAY_MS, parseRetryAfter, retryDelay } from "../../src/eval/providers/http.js";
import { createProvider } from "../../src/eval/providers/index.js";
import { closeRegexRunner } from "../../src/eval/regex-runner.js";
import type { Assertion } from "../../src/eval/types.js";
import { startFakeServer, type Behaviour, type FakeServer } from "./fake-server.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "promptvet-budgets-"));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await closeRegexRunner();
});

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function settings(over: Partial<EvalSettings> = {}): EvalSettings {
  return { ...EVAL_DEFAULTS, requestTimeoutMs: 2_000, budgetMs: 5_000, retries: { max: 2, total: 10, baseDelayMs: 10, maxDelayMs: 50 }, ...over } as EvalSettings;
}

const quiet = () => {
  const s = { text: "", write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WritableStream & { text: string };
};

const task = (content = "hello"): CallTask => ({ request: { model: "m", messages: [{ role: "user", content }] }, label: `p.md › ${content}` });

async function runTasks(config: ProviderConfig, tasks: CallTask[], over: Partial<EvalSettings> = {}) {
  const s = settings(over);
  const provider = createProvider(config, tmp, process.env);
  const log = quiet();
  const executor = new Executor(provider, undefined, s, createProgress(log, false), Date.now() + s.budgetMs);
  const started = performance.now();
  const results = await executor.run(tasks);
  return { results: [...results.values()], stats: executor.stats, elapsed: performance.now() - started, log: log.text };
}

/** Running (a killed process may linger as a zombie until its new parent reaps it: that one is gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return condition();
}

describe.skipIf(process.platform === "win32")("exec provider time limits", () => {
  it("a time-out ends the command's grandchildren too, so nothing keeps the run alive", async () => {
    const pidFile = path.join(tmp, "grandchild.pid");
    // The shell starts a long sleep in the background (a grandchild holding stdout) and waits for it.
    const command = `sleep 30 & echo $! > "${pidFile}"; wait`;
    const { results, elapsed } = await runTasks({ type: "exec", command }, [task()], { requestTimeoutMs: 400, budgetMs: 5_000 });
    expect(results[0]).toMatchObject({ ok: false, error: { kind: "timeout" } });
    expect(elapsed).toBeLessThan(3_000);
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(await waitFor(() => !alive(pid), 2_000)).toBe(true);
  });

  it("the run's budget ends the whole group as well", async () => {
    const pidFile = path.join(tmp, "budget-grandchild.pid");
    const command = `sh -c 'sleep 30 & echo $! > "${pidFile}"; wait'`;
    const { results, elapsed } = await runTasks({ type: "exec", command }, [task()], { requestTimeoutMs: 5_000, budgetMs: 500 });
    expect(results[0]).toMatchObject({ ok: false, error: { kind: "budget" } });
    expect(elapsed).toBeLessThan(3_000);
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(await waitFor(() => !alive(pid), 2_000)).toBe(true);
  });

  it("an answer stands once the command exits, even when a background child keeps its stdout open", async () => {
    const command = `sleep 30 & echo '{"output":"done"}'`;
    const { results, elapsed } = await runTasks({ type: "exec", command }, [task()], { requestTimeoutMs: 5_000 });
    expect(results[0]).toMatchObject({ ok: true, response: { output: "done" } });
    expect(elapsed).toBeLessThan(3_000);
  });

  it("a command that writes without end is stopped at the size limit", async () => {
    const { results, elapsed } = await runTasks({ type: "exec", command: "yes", output: "text" }, [task()], { maxResponseBytes: 256 * 1024 });
    expect(results[0]).toMatchObject({ ok: false, error: { kind: "malformed", message: expect.stringMatching(/exceeded 262144 bytes/) } });
    expect(elapsed).toBeLessThan(3_000);
  });
});

describe("regex assertions on model answers", () => {
  const ctx = { caseName: "c", vars: {}, messages: [], latencyMs: 1, model: "m", promptPath: "p.md", baseDir: tmp };
  const check = (assertion: Assertion, output: string) => checkAssertion(assertion, output, ctx);

  it("stops a catastrophically backtracking pattern and fails the assertion instead of hanging", async () => {
    const evil = `${"a".repeat(40)}!`;
    for (const type of ["regex", "not-regex"] as const) {
      const started = performance.now();
      const outcome = await check({ type, value: "^(a+)+$" }, evil);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(outcome.pass).toBe(false);
      expect(outcome.message).toMatch(/ran longer than 1000 ms/);
    }
  });

  it("keeps JavaScript regex semantics (look-behind, back-references, Unicode) and reports match positions", async () => {
    expect((await check({ type: "regex", value: "(?<=refund )within \\d+ days" }, "A refund within 30 days.")).pass).toBe(true);
    expect((await check({ type: "regex", value: "(\\w)\\1" }, "bookkeeper")).pass).toBe(true);
    expect((await check({ type: "regex", value: "^\\p{Lu}" }, "Élan")).pass).toBe(true);
    expect(await check({ type: "not-regex", value: "guarantee" }, "We guarantee it")).toEqual({ pass: false, message: "Unexpected match of /guarantee/ at character 4, expected none" });
    expect((await check({ type: "regex", value: "refund" }, "no match here")).message).toBe("Expected the answer to match /refund/, found no match");
  });

  it("still works after a stopped pattern (a fresh worker)", async () => {
    await check({ type: "regex", value: "^(a+)+$" }, `${"a".repeat(40)}!`);
    expect((await check({ type: "regex", value: "b+" }, "abbb")).pass).toBe(true);
  });
});

describe("response size limits", () => {
  for (const stream of [false, true]) {
    it(`an endless body is cut at maxResponseBytes with a clear error (stream: ${stream})`, async () => {
      server = await startFakeServer(() => ({ kind: "flood" }));
      const before = process.memoryUsage().rss;
      const { results, elapsed } = await runTasks({ type: "openai-compatible", baseUrl: `${server.url}/v1`, stream }, [task()], { maxResponseBytes: 1024 * 1024 });
      expect(results[0]).toMatchObject({ ok: false, error: { kind: "malformed", message: expect.stringMatching(/exceeded 1048576 bytes/) } });
      expect(elapsed).toBeLessThan(4_000);
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    });
  }

  it("a declared Content-Length above the limit is refused before reading", async () => {
    server = await startFakeServer(() => ({ kind: "flood", declareLength: 50 * 1024 * 1024 }));
    const { results } = await runTasks({ type: "anthropic", baseUrl: server.url }, [task()], { maxResponseBytes: 1024 * 1024 });
    expect(results[0]).toMatchObject({ ok: false, error: { kind: "malformed", message: expect.stringMatching(/exceeded 1048576 bytes/) } });
  });
});

describe("retry pacing", () => {
  it("Retry-After of zero, negative or in the past never shortens the backoff", () => {
    const headers = (value: string) => new Headers({ "retry-after": value });
    expect(parseRetryAfter(headers("0"))).toBe(0);
    expect(parseRetryAfter(headers("-5"))).toBe(0);
    expect(parseRetryAfter(headers("-1"))).toBe(0);
    expect(parseRetryAfter(headers("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(0);
    expect(parseRetryAfter(headers("2"))).toBe(2_000);
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "-30" }))).toBe(0);
    const policy = { max: 2, baseDelayMs: 0, maxDelayMs: 0 };
    for (const after of [0, undefined, -1]) expect(retryDelay(policy, 0, after as number | undefined, () => 0)).toBeGreaterThanOrEqual(MIN_RETRY_DELAY_MS * 0.8);
    expect(retryDelay({ max: 2, baseDelayMs: 500, maxDelayMs: 5_000 }, 1, 0, () => 0.5)).toBe(1_000);
    expect(retryDelay({ max: 2, baseDelayMs: 500, maxDelayMs: 5_000 }, 0, 3_000, () => 0.5)).toBe(3_000);
  });

  it("a server answering 429 with Retry-After: 0 is not hammered, and the run's retries are capped", async () => {
    const times: number[] = [];
    server = await startFakeServer((): Behaviour => {
      times.push(performance.now());
      return { kind: "status", status: 429, retryAfter: "0" };
    });
    const tasks = ["a", "b", "c", "d", "e"].map(task);
    const { results, stats, log } = await runTasks({ type: "openai-compatible", baseUrl: `${server.url}/v1` }, tasks, {
      concurrency: 1,
      retries: { max: 3, total: 4, baseDelayMs: 0, maxDelayMs: 0 },
    });
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(stats.retries).toBe(4);
    // Five first attempts plus four retries, however many cases there are.
    expect(times).toHaveLength(9);
    expect(log).not.toMatch(/retry 5/);
    expect(results.map((r) => (r.ok ? "" : r.error.message)).join("\n")).toMatch(/retry budget, eval\.retries\.total, is spent/);
    // Consecutive attempts of one call are at least the minimum backoff apart (with jitter).
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(MIN_RETRY_DELAY_MS * 0.8 - 5);
  });
});

