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
import { collectForks } from "../../src/forks/collect.js";
import { computeTokenStats } from "../../src/tokens/stats.js";
import { roundUsd } from "../../src/util/money.js";
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

describe("promptvet tokens on a prompt composed from other files", () => {
  const base = "# Support assistant\n\nYou answer billing questions for an online shop.\n\n## Tone\n\nBe friendly.\n";
  const fork = "---\nextends: ./base.md\n---\n## Tone\n\nBe formal and brief.\n";

  async function tokensJson(files: string[]) {
    let out = "";
    const stdout = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    const code = await runTokensCommand({ files, format: "json", cwd: repo, baseRef: "HEAD", stdout, settings: { model: "gpt-5.5" } });
    expect(code).toBe(0);
    return JSON.parse(out) as { file: string; stats: { total: number; baseTotal?: number }; composedFrom?: string[] }[];
  }

  it("counts the fork composed with its base, at HEAD too, as promptvet forks does", async () => {
    writeFileSync(path.join(repo, "base.md"), base);
    writeFileSync(path.join(repo, "fork.md"), fork);
    git("add", "base.md", "fork.md");
    git("commit", "-q", "-m", "a base and its fork");
    // Only the base changes: the fork as sent grows with it.
    writeFileSync(path.join(repo, "base.md"), base.replace("online shop.", "online shop. Quote the invoice number in every answer."));
    const [baseRow, forkRow] = await tokensJson(["base.md", "fork.md"]);
    expect(forkRow!.composedFrom).toEqual(["fork.md", "base.md"]);
    expect(baseRow!.composedFrom).toBeUndefined();
    expect(forkRow!.stats.total).toBeGreaterThan(forkRow!.stats.baseTotal!);
    expect(forkRow!.stats.total - forkRow!.stats.baseTotal!).toBe(baseRow!.stats.total - baseRow!.stats.baseTotal!);
    const [group] = await collectForks([repo], { model: "gpt-5.5" });
    const entry = group!.forks.find((f) => f.fork === path.join(repo, "fork.md"))!;
    expect(entry.drift!.tokens).toMatchObject({ fork: forkRow!.stats.total, base: baseRow!.stats.total });
    git("checkout", "-q", "--", "base.md");
  });

  it("says in the table that a fork is counted composed", async () => {
    let out = "";
    const stdout = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    await runTokensCommand({ files: ["fork.md"], format: "table", cwd: repo, stdout, settings: {} });
    expect(out).toContain("note: fork.md: counted composed with base.md, as the model receives it");
  });
});

describe("prices in token stats", () => {
  it("carry no floating-point noise (68 tokens at $0.15 per million is 0.0000102, not 0.000010199999999999999)", async () => {
    expect(roundUsd((68 * 0.15) / 1e6)).toBe(0.0000102);
    let noisy = 0;
    for (let words = 1; words <= 120; words++) {
      const source = `${"word ".repeat(words)}\n`;
      const stats = await computeTokenStats(parseDocument({ path: "/r/p.md", source, format: "markdown", bom: false }), { model: "gpt-4o-mini", traffic: { callsPerDay: 7 } });
      const raw = (stats.total * 0.15) / 1e6;
      if (String(raw).length > 12) noisy++;
      expect(stats.costPerCall).toBe(roundUsd(raw));
      for (const value of [stats.costPerCall, stats.costPerMonth]) expect(String(value), `${words} words`).toMatch(/^(\d+\.?\d{0,12}|\d(\.\d+)?e-\d+)$/);
    }
    expect(noisy).toBeGreaterThan(0); // the sizes above do hit the noise
  });
});
