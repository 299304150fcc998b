import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, formatMarkdown } from "../../src/report/markdown.js";
import type { EvalSummary } from "../../src/report/types.js";
import { CWD, context, result, sampleResults } from "./fixtures.js";

const p = (rel: string) => path.join(CWD, rel);

/** Splits a markdown table row into cells, honouring `\|` escapes. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

function table(md: string, heading: string): string[][] {
  const lines = md.split("\n");
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("| ")) rows.push(cells(line));
    else if (rows.length > 0) break;
  }
  return rows;
}

const EVAL: EvalSummary = {
  calls: 12,
  cached: 4,
  retries: 1,
  tokens: { input: 3400, output: 800 },
  cost: 0.0213,
  files: [
    {
      filePath: p("prompts/support.md"),
      cases: 5,
      passed: 4,
      failed: 1,
      baseline: { passed: 5, failed: 0, model: "gpt-4o-mini", stale: true },
      regressions: [{ case: "refund|policy", kind: "assertion", detail: "expected JSON, got prose" }],
      medianLatencyMs: 820.4,
      baseMedianLatencyMs: 700,
    },
  ],
};

describe("markdown formatter", () => {
  it("opens with the counts and the compared ref", () => {
    const md = formatMarkdown(sampleResults(), context({ summary: { baseRef: "origin/main" } }));
    expect(md.split("\n")[2]).toBe("❌ **4 problems** (2 errors, 2 warnings) in 2 of 3 prompt files (changes since `origin/main`).");
    expect(formatMarkdown([result("a.md", "ok\n", [])], context())).toContain("✅ **No problems** in 1 prompt file.");
  });

  it("counts findings by rule and by file, and lists them without source text", () => {
    const md = formatMarkdown(sampleResults(), context({ docsBaseUrl: "https://example.org/rules" }));
    expect(table(md, "### By rule")).toEqual([
      ["Rule", "Errors", "Warnings"],
      ["---", "---:", "---:"],
      ["[pii/email](https://example.org/rules/pii/email.md)", "1", "0"],
      ["[contradiction/tone](https://example.org/rules/contradiction/tone.md)", "0", "1"],
      ["[hygiene/trailing-space](https://example.org/rules/hygiene/trailing-space.md)", "0", "1"],
    ]);
    expect(table(md, "### By file").slice(2)).toEqual([["prompts/support.md", "1", "2"]]);
    expect(md).toContain("- prompts/broken.md: Cannot read file: invalid UTF-8 at byte 12.");
    expect(md).not.toContain("Support assistant");
    expect(md).not.toContain("•");
  });

  it("shows token and cost deltas per prompt, marking approximate counts", () => {
    const results = [
      result("a.md", "x\n", [], { tokens: { model: "gpt-4o", encoding: "o200k_base", exact: true, total: 1234, byRole: {}, baseTotal: 1100, costPerCall: 0.0031, baseCostPerCall: 0.0028, costPerMonth: 93, baseCostPerMonth: 84 } }),
      result("b.md", "x\n", [], { tokens: { model: "claude|x", encoding: "approx", exact: false, total: 500, byRole: {} } }),
      result("c.md", "x\n", [], { tokens: "not an object" }),
    ];
    const rows = table(formatMarkdown(results, context()), "### Tokens and cost");
    expect(rows.slice(2)).toEqual([
      ["a.md", "gpt-4o", "1,234", "+134 (+12.2%)", "\\$0.0031 (+\\$0.0003)", "\\$93.00 (+\\$9.00)"],
      ["b.md", "claude\\|x", "≈500", "new", "", ""],
    ]);
  });

  it("reports the smoke eval against its baseline, and says when it was skipped", () => {
    const md = formatMarkdown(sampleResults(), context({ summary: { eval: EVAL } }));
    expect(md).toContain("12 calls (4 cached, 1 retry) · 3,400 input and 800 output tokens · \\$0.02 spent.");
    expect(table(md, "### Smoke eval").slice(2)).toEqual([["prompts/support.md", "4/5", "1 ⚠️", "5/5 on gpt-4o-mini (stale)", "820 ms (was 700 ms)"]]);
    expect(md).toContain("- prompts/support.md, case refund\\|policy (assertion): expected JSON, got prose");
    const skipped = formatMarkdown([], context({ summary: { eval: { ...EVAL, skipped: "no API key for openai" } } }));
    expect(skipped).toContain("### Smoke eval\n\nSkipped: no API key for openai.");
  });

  it("lists prompts affected by a changed include, and deleted prompts", () => {
    const md = formatMarkdown([], context({ summary: { affected: [{ changed: p("_base.md"), dependents: [p("a.md"), p("b.md")] }], deleted: [p("old.md")] } }));
    expect(md).toContain("### Prompts affected by a changed include\n\n- \\_base.md → a.md, b.md");
    expect(md).toContain("### Deleted prompts\n\n- old.md");
  });

  it("escapes table cells so a message cannot break the table, inject HTML or mention anyone", () => {
    expect(escapeMarkdown("a | b\nc <img src=x> @team *x* [l](u)")).toBe("a \\| b<br>c &lt;img src=x&gt; @\u200bteam \\*x\\* \\[l\\]\\(u\\)");
    const md = formatMarkdown([result("a.md", "x\n", [{ ruleId: "pii/email", message: "pipe | here\nand <b>bold</b>", find: "x" }])], context());
    const row = md.split("\n").find((l) => l.startsWith("| a.md:1:1"))!;
    expect(cells(row)).toHaveLength(4);
    expect(row).not.toContain("<b>");
  });

  it("percent-encodes rule doc links that would break the link or the table", () => {
    const md = formatMarkdown(sampleResults(), context({ docsBaseUrl: "https://example.org/a (b)|c/{id}" }));
    expect(md).toContain("| [pii/email](https://example.org/a%20%28b%29%7Cc/pii/email) | 1 | 0 |");
  });

  it("caps the findings list", () => {
    const many = result("a.md", "x ".repeat(150) + "\n", Array.from({ length: 150 }, (_, i) => ({ ruleId: "pii/email", message: `m${i}`, find: "x", nth: i + 1 })));
    const md = formatMarkdown([many], context());
    expect(md.split("\n").filter((l) => l.startsWith("| a.md:"))).toHaveLength(100);
    expect(md).toContain("…and 50 more");
  });
});
