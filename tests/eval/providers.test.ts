import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EVAL_DEFAULTS, type EvalSettings, type ProviderConfig } from "../../src/eval/config-schema.js";
import { Executor } from "../../src/eval/executor.js";
import { createProgress } from "../../src/eval/progress.js";
import { createProvider } from "../../src/eval/providers/index.js";
import { ProviderError, type ProviderRequest } from "../../src/eval/types.js";
import { lastUser, startFakeServer, type Behaviour, type FakeServer } from "./fake-server.js";

const request: ProviderRequest = { model: "test-model", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "hello" }], temperature: 0, maxTokens: 64 };

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function settings(over: Partial<EvalSettings> = {}): EvalSettings {
  return { ...EVAL_DEFAULTS, requestTimeoutMs: 500, budgetMs: 3_000, retries: { max: 2, total: 10, baseDelayMs: 10, maxDelayMs: 50 }, ...over } as EvalSettings;
}

function sink(): NodeJS.WritableStream & { text: string } {
  const s = { text: "", write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WritableStream & { text: string };
}

async function call(config: ProviderConfig, script: (i: number) => Behaviour, over: Partial<EvalSettings> = {}, env: NodeJS.ProcessEnv = {}) {
  server = await startFakeServer((_req, i) => script(i));
  const provider = createProvider({ ...config, baseUrl: config.type === "anthropic" ? server.url : `${server.url}/v1` }, os.tmpdir(), env);
  const out = sink();
  const s = settings(over);
  const executor = new Executor(provider, undefined, s, createProgress(out, false), Date.now() + s.budgetMs);
  const results = await executor.run([{ request, label: "p.md › case" }]);
  return { outcome: [...results.values()][0]!, stats: executor.stats, log: out.text, requests: server.requests };
}

describe.each([
  ["openai-compatible", false],
  ["openai-compatible", true],
  ["anthropic", false],
  ["anthropic", true],
] as const)("%s provider (stream: %s)", (type, stream) => {
  it("returns the answer and token usage", async () => {
    const { outcome, stats, requests } = await call({ type, stream, apiKeyEnv: "TEST_KEY" }, () => ({ kind: "answer", text: "Refunds are possible within 30 days.", usage: { input: 12, output: 7 } }), {}, { TEST_KEY: "sk-test-secret-123456" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.response.output).toBe("Refunds are possible within 30 days.");
    expect(outcome.response.usage).toEqual({ input: 12, output: 7 });
    expect(stats.calls).toBe(1);
    const seen = requests[0]!;
    if (type === "anthropic") {
      expect(seen.path).toBe("/v1/messages");
      expect(seen.headers["x-api-key"]).toBe("sk-test-secret-123456");
      expect(seen.headers["anthropic-version"]).toBe("2023-06-01");
      expect(seen.body.system).toBe("Be brief.");
      expect(seen.body.messages).toEqual([{ role: "user", content: "hello" }]);
      expect(seen.body.max_tokens).toBe(64);
    } else {
      expect(seen.path).toBe("/v1/chat/completions");
      expect(seen.headers.authorization).toBe("Bearer sk-test-secret-123456");
      expect(seen.body.max_tokens).toBe(64);
      expect(lastUser(seen.body)).toBe("hello");
    }
    expect(seen.body.stream === true).toBe(stream);
  });

  it("retries 429 honouring Retry-After, counting each retry", async () => {
    const { outcome, stats, log } = await call({ type, stream }, (i) => (i === 0 ? { kind: "status", status: 429, retryAfter: "0" } : { kind: "answer", text: "ok" }));
    expect(outcome.ok).toBe(true);
    expect(stats.retries).toBe(1);
    expect(stats.calls).toBe(2);
    expect(log).toMatch(/retry 1\/2 for p\.md › case: HTTP 429/);
  });

  it("gives up after the bounded retries on 500 and reports it", async () => {
    const { outcome, stats } = await call({ type, stream }, () => ({ kind: "status", status: 500 }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.message).toMatch(/HTTP 500.*after 2 retries/);
    expect(stats.retries).toBe(2);
    expect(stats.calls).toBe(3);
  });

  it("reports an auth error without retrying", async () => {
    const { outcome, stats } = await call({ type, stream }, () => ({ kind: "status", status: 401 }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe("auth");
    expect(stats.calls).toBe(1);
  });

  it("times out a hanging request", async () => {
    const started = Date.now();
    const { outcome } = await call({ type, stream }, () => ({ kind: "hang" }), { requestTimeoutMs: 150 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("retries a dropped connection, then fails loud", async () => {
    const { outcome, stats } = await call({ type, stream }, () => ({ kind: "drop" }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.message).toMatch(/dropped/);
    expect(stats.retries).toBe(2);
  });

  it("recovers when a dropped connection is followed by an answer", async () => {
    const { outcome, stats } = await call({ type, stream }, (i) => (i === 0 ? { kind: "drop" } : { kind: "answer", text: "fine" }));
    expect(outcome.ok).toBe(true);
    expect(stats.retries).toBe(1);
  });
});

describe("malformed answers", () => {
  it("openai-compatible: truncated JSON is a malformed error, never a pass", async () => {
    const { outcome } = await call({ type: "openai-compatible" }, () => ({ kind: "malformed" }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.kind).toBe("malformed");
  });

  it("anthropic: a body without content is malformed", async () => {
    const { outcome } = await call({ type: "anthropic" }, () => ({ kind: "status", status: 200, body: JSON.stringify({ type: "message" }) }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.kind).toBe("malformed");
  });

  it.each(["openai-compatible", "anthropic"] as const)("%s: a stream cut before its end is an error", async (type) => {
    const { outcome } = await call({ type, stream: true }, () => ({ kind: "stream-cut" }), { retries: { max: 0, total: 10, baseDelayMs: 0, maxDelayMs: 0 } });
    expect(outcome.ok).toBe(false);
  });
});

describe("limits", () => {
  it("a missing API key variable is an auth error and the key name is said, no call made", async () => {
    const { outcome, requests } = await call({ type: "openai-compatible", apiKeyEnv: "NOPE_KEY" }, () => ({ kind: "answer", text: "x" }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.kind).toBe("auth");
      expect(outcome.error.message).toContain("NOPE_KEY");
    }
    expect(requests).toHaveLength(0);
  });

  it("a Retry-After beyond the budget fails with a budget error instead of waiting", async () => {
    const started = Date.now();
    const { outcome } = await call({ type: "openai-compatible" }, () => ({ kind: "status", status: 429, retryAfter: "30" }), { budgetMs: 1_000 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.kind).toBe("budget");
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("the total budget stops a slow answer", async () => {
    const { outcome } = await call({ type: "openai-compatible" }, () => ({ kind: "answer", text: "late", delayMs: 2_000 }), { budgetMs: 200, requestTimeoutMs: 5_000 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.kind).toBe("budget");
  });

  it("an unreachable endpoint is reported as unreachable", async () => {
    const closed = await startFakeServer(() => ({ kind: "hang" }));
    const url = closed.url;
    await closed.close();
    const provider = createProvider({ type: "openai-compatible", baseUrl: `${url}/v1` }, os.tmpdir(), {});
    const s = settings({ concurrency: 1 });
    const executor = new Executor(provider, undefined, s, createProgress(sink(), false), Date.now() + s.budgetMs);
    const results = await executor.run([{ request, label: "x" }, { request: { ...request, model: "other" }, label: "y" }]);
    const outcomes = [...results.values()];
    expect(outcomes.every((o) => !o.ok && o.error.kind === "unreachable")).toBe(true);
    // The second call is not attempted once the endpoint is known to be down.
    expect(executor.stats.calls).toBe(1);
  });

  it("respects the concurrency limit", async () => {
    let inFlight = 0;
    let peak = 0;
    server = await startFakeServer(() => ({ kind: "answer", text: "ok", delayMs: 60 }));
    const http = await import("node:http");
    void http;
    const provider = createProvider({ type: "openai-compatible", baseUrl: `${server.url}/v1` }, os.tmpdir(), {});
    const wrapped = {
      id: provider.id,
      async send(req: ProviderRequest, limits: Parameters<typeof provider.send>[1]) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          return await provider.send(req, limits);
        } finally {
          inFlight--;
        }
      },
    };
    const s = settings({ concurrency: 2 });
    const executor = new Executor(wrapped, undefined, s, createProgress(sink(), false), Date.now() + s.budgetMs);
    await executor.run(Array.from({ length: 6 }, (_, i) => ({ request: { ...request, messages: [{ role: "user" as const, content: `q${i}` }] }, label: `c${i}` })));
    expect(peak).toBe(2);
    expect(executor.stats.calls).toBe(6);
  });
});

describe("exec provider", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-exec-"));
  const script = path.join(dir, "model.mjs");
  writeFileSync(
    script,
    `let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  const req = JSON.parse(input);
  const last = req.messages[req.messages.length - 1].content;
  if (last === "fail") { process.stderr.write("model crashed\\n"); process.exit(3); }
  if (last === "garbage") { process.stdout.write("not json"); return; }
  process.stdout.write(JSON.stringify({ output: "echo: " + last, usage: { input_tokens: 4, output_tokens: 2 }, model: req.model }));
});
`,
  );
  chmodSync(script, 0o755);

  async function run(content: string) {
    const provider = createProvider({ type: "exec", command: [process.execPath, script] }, dir, process.env);
    const s = settings({ requestTimeoutMs: 5_000 });
    const executor = new Executor(provider, undefined, s, createProgress(sink(), false), Date.now() + s.budgetMs);
    const results = await executor.run([{ request: { ...request, messages: [{ role: "user", content }] }, label: "x" }]);
    return [...results.values()][0]!;
  }

  it("sends the request as JSON on stdin and reads the answer", async () => {
    const outcome = await run("hi there");
    expect(outcome.ok && outcome.response.output).toBe("echo: hi there");
    expect(outcome.ok && outcome.response.usage).toEqual({ input: 4, output: 2 });
  });

  it("a non-zero exit is an error with the command's stderr", async () => {
    const outcome = await run("fail");
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/code 3: model crashed/);
  });

  it("stdout that is not JSON is malformed", async () => {
    const outcome = await run("garbage");
    expect(!outcome.ok && outcome.error.kind).toBe("malformed");
  });

  it("cleans up", () => {
    rmSync(dir, { recursive: true, force: true });
    expect(ProviderError).toBeTypeOf("function");
  });
});
