import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runEvalCommand } from "../../src/cli/commands/eval.js";
import { startFakeServer, type FakeServer, type SeenRequest } from "./fake-server.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function makeRepo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-eval-"));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "dev@example.com");
  git(dir, "config", "user.name", "Dev");
  git(dir, "config", "commit.gpgsign", "false");
  return dir;
}

function write(dir: string, rel: string, text: string): string {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function sink() {
  const s = { text: "", write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WritableStream & { text: string };
}

/** Answers from what the prompt says, so a prompt edit changes the answer deterministically. */
function answerFor(req: SeenRequest): string {
  const all = JSON.stringify(req.body.messages ?? []);
  if (all.includes("POLICY-V2")) return "We guarantee a refund at any time. Write to maria.kowalska@outlook.com.";
  if (all.includes("JSON-ONLY")) return '{"answer": "yes", "days": 30}';
  return "You can get a refund within 30 days of purchase.";
}

let server: FakeServer;
let mode: "ok" | "hang" | "500" = "ok";
const repos: string[] = [];

beforeAll(async () => {
  server = await startFakeServer((req) =>
    mode === "hang" ? { kind: "hang" } : mode === "500" ? { kind: "status", status: 500 } : { kind: "answer", text: answerFor(req), delayMs: 5 },
  );
});
afterAll(async () => {
  await server.close();
  for (const r of repos) rmSync(r, { recursive: true, force: true });
});
afterEach(() => {
  mode = "ok";
});

function config(over: Record<string, unknown> = {}, provider: Record<string, unknown> = {}) {
  return {
    eval: {
      provider: { type: "openai-compatible", baseUrl: `${server.url}/v1`, model: "model-a", ...provider },
      budgetMs: 5_000,
      requestTimeoutMs: 1_000,
      retries: { max: 1, total: 10, baseDelayMs: 5, maxDelayMs: 20 },
      // Latency of a loopback server on a busy machine is noise: only the tests about latency judge it.
      thresholds: { latencyPct: 100_000 },
      ...over,
    },
  };
}

async function evalIn(dir: string, opts: { config?: Record<string, unknown>; staged?: boolean; files?: string[]; requireEval?: boolean; changedSince?: string } = {}) {
  const stderr = sink();
  const outcome = await runEvalCommand({
    files: opts.files ?? [],
    cwd: dir,
    config: opts.config ?? config(),
    staged: opts.staged ?? true,
    changedSince: opts.changedSince,
    requireEval: opts.requireEval,
    stdout: sink(),
    stderr,
    isTTY: false,
  });
  return { ...outcome, log: stderr.text };
}

const PROMPT_V1 = "# Support\n\nREFUND-POLICY-V1: answer the customer's question politely.\n\nQuestion: {{ question }}\n";
const CASES = `cases:
  - name: refund question
    vars: { question: "Can I get a refund after 30 days?" }
    assert:
      - icontains: "refund"
      - not-contains: "guarantee"
      - regex: "\\\\b30 days\\\\b"
      - max-latency-ms: 4000
      - no-pii: true
  - name: short answer
    vars: { question: "Refund?" }
    assert:
      - max-words: 40
`;

function newRepoWithPrompt(): string {
  const dir = makeRepo();
  repos.push(dir);
  write(dir, "prompts/support.md", PROMPT_V1);
  write(dir, "prompts/support.md.cases.yaml", CASES);
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "v1");
  return dir;
}

describe("runEvalCommand", () => {
  it("says it is skipped when no provider is configured; --require-eval makes that an error", async () => {
    const dir = newRepoWithPrompt();
    const skipped = await evalIn(dir, { config: {} });
    expect(skipped.exitCode).toBe(0);
    expect(skipped.log).toContain("smoke eval skipped: no provider configured");
    expect(skipped.summary.skipped).toBe("no provider configured");
    const required = await evalIn(dir, { config: {}, requireEval: true });
    expect(required.exitCode).toBe(2);
  });

  it("runs the cases of a staged prompt, then answers an unchanged case from the cache", async () => {
    const dir = newRepoWithPrompt();
    write(dir, "prompts/support.md", PROMPT_V1.replace("politely", "politely and briefly"));
    git(dir, "add", ".");
    const before = server.requests.length;
    const first = await evalIn(dir);
    expect(first.log).toMatch(/2 passed, 0 failed/);
    expect(first.exitCode).toBe(0);
    expect(first.summary.files).toHaveLength(1);
    expect(first.summary.files[0]).toMatchObject({ cases: 2, passed: 2, failed: 0, regressions: [], baseline: { passed: 2, failed: 0, model: "model-a" } });
    // Two current calls and two base calls (the base prompt differs).
    expect(first.summary.calls).toBe(4);
    expect(server.requests.length - before).toBe(4);
    expect(first.summary.tokens.output).toBeGreaterThan(0);
    expect(first.log).toMatch(/cost unknown/);

    const again = await evalIn(dir);
    expect(again.summary.calls).toBe(0);
    // The base side is answered by the stored baseline, the current side by the cache.
    expect(again.summary.cached).toBe(2);
    expect(server.requests.length - before).toBe(4);
    expect(existsSync(path.join(dir, ".promptvet/baselines/prompts/support.md.json"))).toBe(true);
  });

  it("reports a failing case at the assertion's line and a regression against the base version", async () => {
    const dir = newRepoWithPrompt();
    write(dir, "prompts/support.md", PROMPT_V1.replace("REFUND-POLICY-V1", "REFUND-POLICY-V2"));
    git(dir, "add", ".");
    const out = await evalIn(dir);
    expect(out.exitCode).toBe(1);
    const cases = out.results.find((r) => r.filePath.endsWith("support.md.cases.yaml"))!;
    const byLine = cases.messages.map((m) => [m.ruleId, m.line, m.column]);
    // not-contains (line 6), regex (line 7), no-pii (line 9) fail; the case passed at HEAD, so each is a regression.
    expect(byLine).toEqual([
      ["eval/regression", 6, 9],
      ["eval/regression", 7, 9],
      ["eval/regression", 9, 9],
    ]);
    const pii = cases.messages.find((m) => m.line === 9)!;
    expect(pii.sensitive).toBe(true);
    expect(pii.message).toContain("email");
    expect(pii.message).not.toContain("maria.kowalska@outlook.com");
    const prompt = out.results.find((r) => r.filePath.endsWith("support.md"))!;
    expect(prompt.messages.some((m) => m.ruleId === "eval/summary" && m.severity === 2 && /1 of 2 cases failed/.test(m.message))).toBe(true);
    expect(out.summary.files[0]!.regressions).toEqual([{ case: "refund question", kind: "case", detail: "passed at the base version, fails now" }]);
    expect(out.summary.files[0]!.baseline).toEqual({ passed: 2, failed: 0, model: "model-a" });
    expect((prompt.stats?.eval as { failed: number }).failed).toBe(1);
  });

  it("says a baseline recorded against another model is stale instead of comparing", async () => {
    const dir = newRepoWithPrompt();
    write(dir, "prompts/support.md", PROMPT_V1.replace("politely", "kindly"));
    git(dir, "add", ".");
    expect((await evalIn(dir)).exitCode).toBe(0);
    const stored = JSON.parse(readFileSync(path.join(dir, ".promptvet/baselines/prompts/support.md.json"), "utf8"));
    expect(stored.model).toBe("model-a");
    const other = await evalIn(dir, { config: config({}, { model: "model-b" }) });
    expect(other.summary.files[0]!.baseline).toEqual({ passed: 0, failed: 0, model: "model-a", stale: true });
    const stale = other.results.flatMap((r) => r.messages).find((m) => m.ruleId === "eval/baseline-stale")!;
    expect(stale.message).toMatch(/anchored to model "model-a", expected "model-b"/);
    // Re-recording on request anchors it to the new model.
    const updated = await evalIn(dir, { config: config({ baselines: { update: true } }, { model: "model-b" }) });
    expect(updated.summary.files[0]!.baseline).toEqual({ passed: 2, failed: 0, model: "model-b" });
    expect(JSON.parse(readFileSync(path.join(dir, ".promptvet/baselines/prompts/support.md.json"), "utf8")).model).toBe("model-b");
  });

  it("fails loud when the provider errors, never a pass; onError: warn turns that into warnings", async () => {
    const dir = newRepoWithPrompt();
    write(dir, "prompts/support.md", PROMPT_V1.replace("politely", "warmly"));
    git(dir, "add", ".");
    mode = "500";
    const out = await evalIn(dir, { config: config({ cache: false }) });
    expect(out.exitCode).toBe(2);
    const errors = out.results.flatMap((r) => r.messages).filter((m) => m.ruleId === "eval/provider-error");
    expect(errors.length).toBe(2);
    expect(errors[0]!.severity).toBe(2);
    expect(errors[0]!.message).toMatch(/HTTP 500.*after 1 retry/);
    expect(out.summary.files[0]!.passed).toBe(0);
    expect(out.summary.retries).toBeGreaterThan(0);
    expect(out.log).toMatch(/retry 1\/1/);
    const warn = await evalIn(dir, { config: config({ cache: false, onError: "warn" }) });
    expect(warn.exitCode).toBe(0);
    // The cases still do not count as passed.
    expect(warn.summary.files[0]).toMatchObject({ passed: 0, failed: 2 });
    expect(warn.results.flatMap((r) => r.messages).filter((m) => m.ruleId === "eval/provider-error").every((m) => m.severity === 1)).toBe(true);
  });

  it("stops at the time budget with a budget diagnostic", async () => {
    const dir = newRepoWithPrompt();
    write(dir, "prompts/support.md", PROMPT_V1.replace("politely", "calmly"));
    git(dir, "add", ".");
    mode = "hang";
    const started = Date.now();
    const out = await evalIn(dir, { config: config({ cache: false, budgetMs: 300, requestTimeoutMs: 5_000 }) });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(out.exitCode).toBe(2);
    expect(out.results.flatMap((r) => r.messages).some((m) => m.ruleId === "eval/budget-exceeded")).toBe(true);
  });

  it("runs the prompts that include a changed partial", async () => {
    const dir = makeRepo();
    repos.push(dir);
    write(dir, "flows/partials/_policy.prompt", "Refund policy: 30 days.\n");
    write(dir, "flows/answer.prompt", '---\nmodel: some/model\n---\n{{role "system"}}\n{{> policy}}\n{{role "user"}}\n{{ question }}\n');
    write(dir, "flows/answer.prompt.cases.yaml", 'cases:\n  - name: basic\n    vars: { question: "refund?" }\n    assert:\n      - contains: "30 days"\n');
    write(dir, "flows/other.prompt", "{{ question }}\n");
    write(dir, "flows/other.cases.yaml", 'cases:\n  - name: other\n    vars: { question: "x" }\n');
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "init");
    write(dir, "flows/partials/_policy.prompt", "Refund policy: 30 days, no questions asked.\n");
    git(dir, "add", ".");
    const out = await evalIn(dir);
    expect(out.summary.files.map((f) => path.basename(f.filePath))).toEqual(["answer.prompt"]);
    expect(out.summary.files[0]).toMatchObject({ passed: 1, failed: 0 });
    const sent = server.requests[server.requests.length - 1]!.body.messages as { role: string; content: string }[];
    expect(sent.map((m) => m.role)).toEqual(["system", "user"]);
  });

  it("accepts <stem>.cases.yaml and frontmatter tests; invalid cases point at their line", async () => {
    const dir = makeRepo();
    repos.push(dir);
    write(dir, "p/json.prompty", "---\nname: j\ntests:\n  - name: fm case\n    vars: { q: 1 }\n    assert:\n      - is-json: true\n      - json-schema: { type: object, required: [answer] }\n---\nsystem:\nJSON-ONLY\nuser:\n{{ q }}\n");
    write(dir, "p/json.cases.yaml", "cases:\n  - name: file case\n    vars: { q: 2 }\n    assert:\n      - javascript: ./check.mjs\n      - bogus: 1\n");
    write(dir, "p/check.mjs", "export default (output, ctx) => ({ pass: JSON.parse(output).days === 30, reason: 'days' });\n");
    git(dir, "add", ".");
    const bad = await evalIn(dir);
    const casesResult = bad.results.find((r) => r.filePath.endsWith("json.cases.yaml"))!;
    expect(casesResult.messages[0]).toMatchObject({ ruleId: "eval/invalid-cases", line: 6, severity: 2 });
    expect(bad.exitCode).toBe(1);
    write(dir, "p/json.cases.yaml", "cases:\n  - name: file case\n    vars: { q: 2 }\n    assert:\n      - javascript: ./check.mjs\n");
    git(dir, "add", ".");
    const good = await evalIn(dir);
    expect(good.summary.files[0]).toMatchObject({ cases: 2, passed: 2, failed: 0 });
    expect(good.exitCode).toBe(0);
  });

  it("reports a case that does not give a value for a variable, without calling the model", async () => {
    const dir = makeRepo();
    repos.push(dir);
    write(dir, "a.md", "Answer {{ question }} in {{ language }}.\n");
    write(dir, "a.md.cases.yaml", "cases:\n  - name: no language\n    vars: { question: hi }\n");
    git(dir, "add", ".");
    const before = server.requests.length;
    const out = await evalIn(dir);
    expect(server.requests.length).toBe(before);
    const m = out.results.flatMap((r) => r.messages).find((x) => x.ruleId === "eval/missing-variable")!;
    expect(m).toMatchObject({ line: 2, severity: 2 });
    expect(m.message).toContain('"language"');
    expect(out.exitCode).toBe(1);
  });

  it("evaluates prompts changed since a ref (CI)", async () => {
    const dir = newRepoWithPrompt();
    git(dir, "checkout", "-q", "-b", "feature");
    write(dir, "prompts/support.md", PROMPT_V1.replace("REFUND-POLICY-V1", "REFUND-POLICY-V2"));
    git(dir, "commit", "-q", "-am", "v2");
    const out = await evalIn(dir, { staged: false, changedSince: "main" });
    expect(out.summary.files).toHaveLength(1);
    expect(out.summary.files[0]!.regressions).toHaveLength(1);
    expect(out.exitCode).toBe(1);
  });
});
