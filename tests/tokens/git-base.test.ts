import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import growth from "../../rules/budget/growth.js";
import churn from "../../rules/cache/prefix-churn.js";
import { runTokensCommand } from "../../src/cli/commands/tokens.js";
import { lintDocument } from "../../src/engine/linter.js";
import { readBlobAt } from "../../src/files/git.js";
import { parseDocument } from "../../src/parse/index.js";

const rules = Array.from({ length: 30 }, (_, i) => `- Rule ${i + 1}: cite the policy section, then give the customer the exact next step.`).join("\n");
const v1 = `# Support assistant\n\nYou answer billing questions.\n\n${rules}\n\nCustomer: {{question}}\n`;

let repo: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: ["ignore", "pipe", "pipe"] }).toString();

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), "promptvet-tokens-"));
  git("init", "-q");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "Test");
  git("config", "commit.gpgsign", "false");
  writeFileSync(path.join(repo, "support.prompt.md"), v1);
  git("add", ".");
  git("commit", "-q", "-m", "v1");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

async function lintWorkingCopy(source: string, rule: typeof growth | typeof churn, options?: Record<string, unknown>) {
  const file = path.join(repo, "support.prompt.md");
  writeFileSync(file, source);
  const document = parseDocument({ path: file, source, format: "markdown", bom: false });
  const baseSource = async () => (await readBlobAt(repo, "HEAD", "support.prompt.md"))?.toString("utf8");
  const { messages } = await lintDocument(document, { rules: [{ rule, severity: 1, options }], services: { baseSource, baseRef: "HEAD" } });
  return messages;
}

describe("comparisons with the committed version (git show HEAD:path)", () => {
  it("budget/growth reports a prompt that doubled since HEAD", async () => {
    const messages = await lintWorkingCopy(v1.replace("{{question}}", `{{question}}\n\n${rules}`), growth);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toMatch(/^The prompt grew from 602 to 1,172 tokens \(\+570, \+95%, o200k_base\)/);
  });

  it("cache/prefix-churn reports trailing whitespace added to a committed 583-token prefix", async () => {
    const messages = await lintWorkingCopy(v1.replace("billing questions.", "billing questions. "), churn, { minPrefixTokens: 500 });
    expect(messages.map((m) => [m.line, m.column, m.messageId])).toEqual([[3, 30, "churn"]]);
    expect(messages[0]!.message).toMatch(/invalidates 574 of the prefix's 583 cached tokens/);
  });

  it("promptvet tokens --format json shows the delta against HEAD", async () => {
    writeFileSync(path.join(repo, "support.prompt.md"), v1.replace("billing questions.", "billing and refund questions."));
    let out = "";
    const stdout = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    const code = await runTokensCommand({ files: ["support.prompt.md"], format: "json", cwd: repo, baseRef: "HEAD", stdout, settings: { model: "gpt-5.5", traffic: { callsPerDay: 1000 } } });
    expect(code).toBe(0);
    const [result] = JSON.parse(out) as { file: string; stats: Record<string, number | string | boolean> }[];
    expect(result!.file).toBe("support.prompt.md");
    expect(result!.stats.model).toBe("gpt-5.5");
    expect(result!.stats.exact).toBe(true);
    expect(result!.stats.total).toBe((result!.stats.baseTotal as number) + 2);
    expect(result!.stats.costPerMonth).toBeCloseTo(((result!.stats.total as number) * 5 * 1000 * 30) / 1e6, 10);
  });

  it("promptvet tokens --format table marks approximations and reports unreadable files with exit code 2", async () => {
    let out = "";
    const stdout = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    const code = await runTokensCommand({ files: ["support.prompt.md", "missing.md"], format: "table", cwd: repo, baseRef: "HEAD", stdout, settings: { model: "claude-opus-5-5" } });
    expect(code).toBe(2);
    expect(out).toMatch(/support\.prompt\.md\s+claude-opus-5-5\s+≈claude-2026/);
    expect(out).toMatch(/missing\.md .*error: ENOENT/);
    expect(out).toMatch(/note: ≈ marks an approximation/);
  });
});
