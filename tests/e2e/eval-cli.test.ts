/**
 * `promptvet eval` through the built CLI: template engines, the cases file and a provider, end to end in a
 * real repository. (Unit tests import the sources; this proves the bundle users run.)
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { git, makeRepo, promptvet, write } from "./repo.js";

const GATEWAY = `
let input = "";
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", () => {
  const req = JSON.parse(input);
  const user = req.messages.filter((m) => m.role === "user").map((m) => m.content).join(" ");
  const system = req.messages.filter((m) => m.role === "system").map((m) => m.content).join(" ");
  const category = /refund/i.test(user) ? "refund" : "other";
  process.stdout.write(JSON.stringify({ output: JSON.stringify({ category, sawSystem: system.length > 0 }), usage: { input_tokens: 12, output_tokens: 8 } }));
});
`;

const PROMPT = `---
model: googleai/gemini-2.5-flash
input:
  schema:
    subject: string
---
{{role "system"}}
Classify the ticket. Reply with JSON: {"category": "..."}.
{{#if subject}}Subject: {{subject}}{{/if}}

{{role "user"}}
{{subject}}
`;

const CASES = `cases:
  - name: refund ticket
    vars: { subject: "I want a refund for my kettle" }
    assert:
      - is-json: true
      - contains: '"category":"refund"'
  - name: delivery ticket
    vars: { subject: "Where is my blender?" }
    assert:
      - contains: '"category":"refund"'
`;

describe("promptvet eval (built CLI)", () => {
  it("renders a dotprompt with Handlebars, calls the provider and reports the failing case at its line", () => {
    const repo = makeRepo();
    try {
      write(repo.dir, "gateway.mjs", GATEWAY);
      write(repo.dir, "promptvet.config.yaml", `eval:\n  provider: { type: exec, command: ["node", "gateway.mjs"], model: internal }\n`);
      write(repo.dir, "prompts/triage.prompt", PROMPT);
      write(repo.dir, "prompts/triage.prompt.cases.yaml", CASES);
      git(repo.dir, "add", "-A");
      const result = promptvet(["eval", "prompts/triage.prompt", "--format", "json"], repo.dir);
      expect(result.status, result.stderr).toBe(1);
      const results = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
      const cases = results.find((r) => r.filePath.endsWith(path.join("prompts", "triage.prompt.cases.yaml")));
      expect(cases, result.stdout).toBeDefined();
      const failed = cases!.messages.filter((m) => m.ruleId.startsWith("eval/"));
      expect(failed).toHaveLength(1);
      expect(failed[0]!.line).toBeGreaterThanOrEqual(7);
      expect(result.stderr).toMatch(/1 passed, 1 failed|passed 1|1 failed/);
    } finally {
      repo.cleanup();
    }
  });

  it("says it was skipped when no provider is configured, and --require-eval fails", () => {
    const repo = makeRepo();
    try {
      write(repo.dir, "prompts/triage.prompt", PROMPT);
      write(repo.dir, "prompts/triage.prompt.cases.yaml", CASES);
      const skipped = promptvet(["eval", "prompts/triage.prompt"], repo.dir);
      expect(skipped.status).toBe(0);
      expect(skipped.stdout + skipped.stderr).toContain("smoke eval skipped: no provider configured");
      expect(promptvet(["eval", "prompts/triage.prompt", "--require-eval"], repo.dir).status).toBe(2);
    } finally {
      repo.cleanup();
    }
  });

  it("an alias bomb in a cases file is an error named for that file; --eval keeps the lint findings of the run", () => {
    const repo = makeRepo();
    try {
      const levels = ["a", "b", "c", "d", "e", "f", "g"];
      const bomb = levels.map((name, i) => (i === 0 ? `${name}: &${name} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` : `${name}: &${name} [${Array(9).fill(`*${levels[i - 1]}`).join(",")}]`)).join("\n");
      write(repo.dir, "gateway.mjs", GATEWAY);
      write(repo.dir, "promptvet.config.yaml", `eval:\n  provider: { type: exec, command: ["node", "gateway.mjs"], model: internal }\n`);
      write(repo.dir, "prompts/triage.prompt", PROMPT);
      write(repo.dir, "prompts/triage.prompt.cases.yaml", `${bomb}\n${CASES}`);
      write(repo.dir, "prompts/other.prompt", PROMPT);
      write(repo.dir, "prompts/other.prompt.cases.yaml", CASES);
      write(repo.dir, "prompts/examples.jsonl", '{"messages":[{"role":"user","content":"Hi"}]\n');
      git(repo.dir, "add", "-A");
      const started = Date.now();
      const result = promptvet(["--eval", "--format", "json", "prompts/"], repo.dir);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.stderr).not.toMatch(/internal error/);
      const results = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
      const byFile = (suffix: string) => results.find((r) => r.filePath.endsWith(suffix))?.messages ?? [];
      expect(byFile("examples.jsonl").map((m) => m.ruleId)).toContain("fewshot/jsonl-syntax");
      expect(byFile("triage.prompt.cases.yaml")).toContainEqual(expect.objectContaining({ ruleId: "eval/invalid-cases", message: expect.stringMatching(/too many YAML aliases/) }));
      // The other prompt's cases still ran.
      expect(byFile(path.join("prompts", "other.prompt.cases.yaml")).filter((m) => m.ruleId === "eval/case-failed")).toHaveLength(1);
      expect(result.status).toBe(1);
    } finally {
      repo.cleanup();
    }
  });

  it.skipIf(process.platform === "win32")("the time budget holds when the command's grandchild would outlive it", () => {
    const repo = makeRepo();
    try {
      // The shell waits on a background sleep: before, only the shell was killed and the sleep kept the run alive.
      write(repo.dir, "promptvet.config.yaml", `eval:\n  budgetMs: 1500\n  requestTimeoutMs: 1000\n  provider: { type: exec, command: "sleep 30 & wait", model: internal }\n`);
      write(repo.dir, "prompts/triage.prompt", PROMPT);
      write(repo.dir, "prompts/triage.prompt.cases.yaml", CASES);
      git(repo.dir, "add", "-A");
      const started = Date.now();
      const result = promptvet(["eval", "prompts/triage.prompt"], repo.dir);
      expect(Date.now() - started).toBeLessThan(12_000);
      expect(result.status).toBe(2);
      expect(result.stdout).toMatch(/eval\/(provider-error|budget-exceeded)/);
    } finally {
      repo.cleanup();
    }
  });
});
