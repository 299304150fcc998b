/**
 * `promptvet --eval`: a smoke eval that breaks never takes the lint findings of the same run with it. The
 * eval's runner is made to fail here (a fault injected into the real CLI); the lint report must still print
 * and the exit code must count both.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("../../src/eval/run.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/eval/run.js")>()),
  runSmokeEval: async () => {
    throw new Error("the provider module exploded");
  },
}));

const { main } = await import("../../src/cli/main.js");

const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-eval-fault-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  const s = { text: "", isTTY: false, write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WritableStream & { text: string; isTTY: boolean };
}

describe("--eval when the smoke eval fails", () => {
  it("still prints the lint report, names the eval failure, and exits 2", async () => {
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
    mkdirSync(path.join(dir, "prompts"));
    writeFileSync(path.join(dir, "prompts", "examples.jsonl"), '{"messages":[{"role":"user","content":"Hi"}]\n');
    writeFileSync(path.join(dir, "promptvet.config.yaml"), "eval:\n  provider: { type: exec, command: [cat], output: text, model: m }\n");
    const stdout = sink();
    const stderr = sink();
    const code = await main(["--eval", "--format", "json", "prompts/examples.jsonl"], { cwd: dir, stdout, stderr, env: { ...process.env, NO_COLOR: "1" } });
    expect(code).toBe(2);
    expect(stderr.text).toContain("promptvet: the smoke eval could not run: the provider module exploded");
    expect(stderr.text).not.toContain("internal error");
    const report = JSON.parse(stdout.text) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(report.find((r) => r.filePath.endsWith("examples.jsonl"))?.messages.map((m) => m.ruleId)).toContain("fewshot/jsonl-syntax");
  });
});
