/**
 * Nothing the smoke eval shows or stores holds a full secret or personal-data value, the response cache is
 * never an untracked file in the working tree, and the API key never travels to another origin.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runEvalCommand } from "../../src/cli/commands/eval.js";
import { safeExcerpt } from "../../src/eval/assertions.js";
import { EVAL_DEFAULTS, type EvalSettings, type ProviderConfig } from "../../src/eval/config-schema.js";
import { Executor } from "../../src/eval/executor.js";
import { createProgress } from "../../src/eval/progress.js";
import { createProvider } from "../../src/eval/providers/index.js";
import { scrubKnownSecrets } from "../../src/eval/redact.js";
import { lastUser, startFakeServer, type Behaviour, type FakeServer } from "./fake-server.js";

// Realistic shapes the detectors label (an OpenAI project key, an email); built here, never a real credential.
const LEAKED_KEY = `sk-proj-${"Q7f9Kx2LmN4pR8sT1vW3yZ5b".repeat(2)}T3BlbkFJ${"a1B2c3D4e5F6g7H8".repeat(2)}`;
const EMAIL = "maria.kowalska@outlook.com";

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
function write(dir: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}
function sink() {
  const s = { text: "", write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WritableStream & { text: string };
}
/** Every file under `dir`, with its text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((rel) => path.join(dir, rel))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer((req): Behaviour => {
    const question = lastUser(req.body);
    if (question.includes("ECHO-KEY")) return { kind: "answer", text: `Your key is ${LEAKED_KEY}, keep it safe.` };
    if (question.includes("ECHO-EMAIL")) return { kind: "answer", text: `Write to ${EMAIL} for a refund.` };
    return { kind: "answer", text: "A refund is possible within 30 days." };
  });
});
afterAll(async () => {
  await server.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CASES = `cases:
  - name: echoes a key
    vars: { question: "ECHO-KEY please" }
    assert:
      - equals: "no"
      - contains: "keep it safe"
  - name: echoes an email
    vars: { question: "ECHO-EMAIL please" }
    assert:
      - no-pii: true
  - name: clean answer
    vars: { question: "refund?" }
    assert:
      - icontains: "refund"
`;

function repoWithPrompt(): string {
  const dir = tempDir("promptvet-eval-leaks-");
  git(dir, "init", "-q", "-b", "main");
  write(dir, "prompts/support.md", "Answer: {{ question }}\n");
  write(dir, "prompts/support.md.cases.yaml", CASES);
  return dir;
}

async function evalIn(dir: string, cases?: string, over: Record<string, unknown> = {}) {
  if (cases) write(dir, "prompts/support.md.cases.yaml", cases);
  const stderr = sink();
  const outcome = await runEvalCommand({
    files: [path.join(dir, "prompts/support.md")],
    cwd: dir,
    config: { eval: { provider: { type: "openai-compatible", baseUrl: `${server.url}/v1`, model: "m" }, baselines: { enabled: false }, budgetMs: 10_000, ...over } },
    stdout: sink(),
    stderr,
    isTTY: false,
  });
  const messages = outcome.results.flatMap((r) => r.messages.map((m) => m.message));
  return { ...outcome, log: stderr.text, messages };
}

describe("the response cache", () => {
  it("lives in the git folder, not in the working tree, and holds no echoed key or email", async () => {
    const dir = repoWithPrompt();
    const first = await evalIn(dir);
    expect(first.summary.calls).toBe(3);
    // Nothing new in the working tree (ignored files included) besides the prompt and its cases.
    expect(git(dir, "status", "--porcelain", "--ignored", "--untracked-files=all").trim().split("\n").sort()).toEqual(["?? prompts/support.md", "?? prompts/support.md.cases.yaml"]);
    const entries = filesUnder(path.join(dir, ".git", "promptvet", "eval-cache"));
    expect(entries).toHaveLength(3);
    const stored = entries.map((e) => e.text).join("\n");
    expect(stored).not.toContain(LEAKED_KEY);
    expect(stored).not.toContain(EMAIL);
    expect(stored).not.toContain("Q7f9Kx2LmN4pR8sT1vW3yZ5b");
    // The clean answer keeps its text; the two that echo sensitive data keep only their verdicts.
    expect(stored).toContain("A refund is possible within 30 days.");
    expect(entries.filter((e) => "output" in JSON.parse(e.text))).toHaveLength(1);

    // The next run answers every case from the cache, with the same outcomes.
    const second = await evalIn(dir);
    expect(second.summary).toMatchObject({ calls: 0, cached: 3 });
    expect(second.messages.sort()).toEqual(first.messages.sort());
    expect(second.exitCode).toBe(1);
  });

  it("a new assertion on an answer stored without its text asks the model again; on a clean answer it does not", async () => {
    const dir = repoWithPrompt();
    await evalIn(dir);
    const edited = CASES.replace('- no-pii: true', '- no-pii: true\n      - not-contains: "guarantee"').replace('- icontains: "refund"', '- icontains: "refund"\n      - max-words: 50');
    const again = await evalIn(dir, edited);
    // The email answer lacks a verdict for the new assertion: one call. The clean answer is re-checked from its text.
    expect(again.summary).toMatchObject({ calls: 1, cached: 2 });
  });

  it("is not written outside a git repository unless eval.cache.dir names a place", async () => {
    const dir = tempDir("promptvet-eval-norepo-");
    write(dir, "prompts/support.md", "Answer: {{ question }}\n");
    write(dir, "prompts/support.md.cases.yaml", CASES);
    const before = filesUnder(dir).length;
    await evalIn(dir);
    expect(filesUnder(dir)).toHaveLength(before);
    const again = await evalIn(dir);
    expect(again.summary.cached).toBe(0);
    await evalIn(dir, undefined, { cache: { dir: "eval-cache" } });
    expect(filesUnder(path.join(dir, "eval-cache")).length).toBe(3);
  });
});

describe("messages", () => {
  it("the equals excerpt masks an echoed secret as well as personal data", async () => {
    const dir = repoWithPrompt();
    const { messages, results } = await evalIn(dir);
    const all = JSON.stringify(results);
    expect(all).not.toContain(LEAKED_KEY);
    expect(all).not.toContain(EMAIL);
    const equals = messages.find((m) => m.includes("Expected the answer to equal"))!;
    expect(equals).toMatch(/got "Your key is sk-proj-…\w{4}, keep it safe\."/);
    expect(messages.find((m) => m.includes("no personal data"))).toMatch(/ma…\.com|m…m/);
  });

  it("safeExcerpt masks a key that the excerpt's length would cut", async () => {
    const excerpt = await safeExcerpt(`${"word ".repeat(12)}${LEAKED_KEY}`, 70);
    expect(excerpt).not.toContain(LEAKED_KEY.slice(0, 20));
    expect(excerpt).toContain("sk-proj-…");
  });
});

describe("the provider's key in error texts", () => {
  const KEY = "pv_live_Q2xkUz9aLm41";
  let errorServer: FakeServer | undefined;
  afterEach(async () => {
    await errorServer?.close();
    errorServer = undefined;
  });

  async function callWith(config: ProviderConfig, behaviour: (url: string) => Behaviour, over: Partial<EvalSettings> = {}) {
    errorServer = await startFakeServer(() => behaviour(errorServer!.url));
    const provider = createProvider({ ...config, baseUrl: config.type === "anthropic" ? errorServer.url : `${errorServer.url}/v1`, apiKeyEnv: "PV_TEST_KEY" }, os.tmpdir(), { PV_TEST_KEY: KEY });
    const log = sink();
    const s = { ...EVAL_DEFAULTS, budgetMs: 5_000, requestTimeoutMs: 2_000, retries: { max: 1, total: 10, baseDelayMs: 0, maxDelayMs: 0 }, ...over } as EvalSettings;
    const executor = new Executor(provider, undefined, s, createProgress(log, false), Date.now() + s.budgetMs);
    const outcome = [...(await executor.run([{ request: { model: "m", messages: [{ role: "user", content: "hi" }] }, label: "p › c" }])).values()][0]!;
    return { outcome, log: log.text };
  }

  it.each([
    ["as is, in an unusual shape", (k: string) => `rejected credential <<${k}>> for this org`],
    ["URL-encoded", (k: string) => `bad key=${encodeURIComponent(`${k}/x`)}`],
    ["in a Basic header, base64", (k: string) => `expected Basic ${Buffer.from(`user:${k}`).toString("base64")}`],
    ["hex", (k: string) => `key hex ${Buffer.from(k).toString("hex")}`],
  ])("is scrubbed from an error body that echoes it %s", async (_label, echo) => {
    for (const status of [401, 400, 503]) {
      const { outcome, log } = await callWith({ type: "openai-compatible", apiKeyHeader: "x-gateway-key" }, () => ({ kind: "status", status, body: JSON.stringify({ error: { message: echo(KEY) } }) }));
      expect(outcome.ok).toBe(false);
      const text = `${outcome.ok ? "" : outcome.error.message}\n${log}`;
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(Buffer.from(KEY).toString("hex"));
      expect(text).not.toContain(Buffer.from(`user:${KEY}`).toString("base64").slice(8, 28));
      if (status === 400) expect(text).toMatch(/HTTP 400/);
    }
  });

  it("masks personal data and other secrets a server quotes back in an error", async () => {
    for (const status of [400, 503]) {
      const body = JSON.stringify({ error: { message: `invalid request from ${EMAIL} with token ${LEAKED_KEY}` } });
      const { outcome, log } = await callWith({ type: "anthropic" }, () => ({ kind: "status", status, body }));
      const text = `${outcome.ok ? "" : outcome.error.message}\n${log}`;
      expect(text).toMatch(/invalid request from/);
      expect(text).not.toContain(EMAIL);
      expect(text).not.toContain(LEAKED_KEY.slice(0, 24));
    }
  });

  it("scrubKnownSecrets leaves ordinary text alone", () => {
    expect(scrubKnownSecrets("HTTP 401: invalid key", [KEY])).toBe("HTTP 401: invalid key");
  });
});

describe("redirects", () => {
  let target: FakeServer | undefined;
  let origin: FakeServer | undefined;
  afterEach(async () => {
    await Promise.all([target?.close(), origin?.close()]);
    target = origin = undefined;
  });

  it.each([
    ["openai-compatible with a custom apiKeyHeader", { type: "openai-compatible", apiKeyHeader: "x-gateway-key" } as ProviderConfig, "x-gateway-key"],
    ["anthropic (x-api-key)", { type: "anthropic" } as ProviderConfig, "x-api-key"],
    ["openai-compatible (Authorization)", { type: "openai-compatible" } as ProviderConfig, "authorization"],
  ])("%s: a redirect to another origin is not followed, so the key stays home", async (_label, config, header) => {
    target = await startFakeServer(() => ({ kind: "answer", text: "stolen" }));
    for (const status of [301, 302, 307, 308]) {
      origin = await startFakeServer((req) => ({ kind: "redirect", status, location: `${target!.url}${req.path}` }));
      const provider = createProvider({ ...config, baseUrl: config.type === "anthropic" ? origin.url : `${origin.url}/v1`, apiKeyEnv: "PV_TEST_KEY" }, os.tmpdir(), { PV_TEST_KEY: "pv_live_secret_value_1" });
      const s = { ...EVAL_DEFAULTS, budgetMs: 5_000, requestTimeoutMs: 2_000 } as EvalSettings;
      const executor = new Executor(provider, undefined, s, createProgress(sink(), false), Date.now() + s.budgetMs);
      const outcome = [...(await executor.run([{ request: { model: "m", messages: [{ role: "user", content: "hi" }] }, label: "p › c" }])).values()][0]!;
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error.message).toMatch(/redirects \(\d{3}\) to another origin/);
      expect(origin.requests[0]!.headers[header]).toBeDefined();
      await origin.close();
      origin = undefined;
    }
    expect(target.requests).toHaveLength(0);
  });

  it("a same-origin 307 is followed with the key", async () => {
    origin = await startFakeServer((req) => (req.path.startsWith("/v2/") ? { kind: "answer", text: "moved answer" } : { kind: "redirect", status: 307, location: "/v2/chat/completions" }));
    const provider = createProvider({ type: "openai-compatible", baseUrl: `${origin.url}/v1`, apiKeyEnv: "PV_TEST_KEY" }, os.tmpdir(), { PV_TEST_KEY: "pv_live_secret_value_1" });
    const s = { ...EVAL_DEFAULTS, budgetMs: 5_000, requestTimeoutMs: 2_000 } as EvalSettings;
    const executor = new Executor(provider, undefined, s, createProgress(sink(), false), Date.now() + s.budgetMs);
    const outcome = [...(await executor.run([{ request: { model: "m", messages: [{ role: "user", content: "hi" }] }, label: "p › c" }])).values()][0]!;
    expect(outcome).toMatchObject({ ok: true, response: { output: "moved answer" } });
    expect(origin.requests.map((r) => r.path)).toEqual(["/v1/chat/completions", "/v2/chat/completions"]);
    expect(origin.requests[1]!.headers.authorization).toBe("Bearer pv_live_secret_value_1");
  });
});
