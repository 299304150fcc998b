import { describe, expect, it } from "vitest";
import { formatCompact } from "../../src/report/compact.js";
import { formatJson } from "../../src/report/json.js";
import { CWD, context, result, sampleResults } from "./fixtures.js";

describe("json formatter", () => {
  it("has ESLint's shape with absolute paths and 1-based positions, and no source or output", () => {
    const results = sampleResults();
    results[0]!.output = "fixed text";
    const parsed = JSON.parse(formatJson(results, context())) as Record<string, unknown>[];
    expect(parsed).toHaveLength(3);
    const first = parsed[0]!;
    expect(Object.keys(first).sort()).toEqual(
      ["errorCount", "filePath", "fatalErrorCount", "fixableErrorCount", "fixableWarningCount", "messages", "suppressedMessages", "usedDeprecatedRules", "warningCount"].sort(),
    );
    expect(first["filePath"]).toBe(`${CWD}/prompts/support.md`);
    expect(first).toMatchObject({ errorCount: 1, warningCount: 2, fixableErrorCount: 0, fixableWarningCount: 1, fatalErrorCount: 0 });
    expect((first["messages"] as unknown[])[0]).toEqual({
      ruleId: "hygiene/trailing-space",
      severity: 1,
      message: "Unexpected trailing whitespace, expected none.",
      line: 6,
      column: 34,
      endLine: 7,
      endColumn: 1,
      fix: { range: [76, 80], text: "\n" },
    });
    expect(parsed[2]!["messages"]).toEqual([
      { ruleId: null, severity: 2, message: "Cannot read file: invalid UTF-8 at byte 12.", line: 0, column: 0, endLine: 0, endColumn: 0, fatal: true },
    ]);
    const text = formatJson(results, context());
    expect(text).not.toContain("fixed text");
    expect(text).not.toContain("Support assistant");
  });

  it("resolves relative file paths against cwd and lists suppressed messages", () => {
    const r = result("a.md", "x y\n", [{ ruleId: "pii/email", message: "m", find: "y", suppressed: "ok here" }]);
    r.filePath = "sub/a.md";
    const [file] = JSON.parse(formatJson([r], context())) as { filePath: string; suppressedMessages: unknown[] }[];
    expect(file!.filePath).toBe(`${CWD}/sub/a.md`);
    expect(file!.suppressedMessages).toEqual([
      { ruleId: "pii/email", severity: 2, message: "m", line: 1, column: 3, endLine: 1, endColumn: 4, suppressions: [{ kind: "directive", justification: "ok here" }] },
    ]);
  });
});

describe("compact formatter", () => {
  it("prints one greppable line per finding", () => {
    expect(formatCompact(sampleResults(), context()).split("\n")).toEqual([
      "prompts/support.md:6:34: warning hygiene/trailing-space Unexpected trailing whitespace, expected none.",
      "prompts/support.md:8:9: error pii/email Unexpected email address j…m, expected a placeholder.",
      "prompts/support.md:9:1: warning contradiction/tone Unexpected contradiction with line 7.",
      "prompts/broken.md:1:1: error fatal Cannot read file: invalid UTF-8 at byte 12.",
      "",
    ]);
  });

  it("keeps multi-line messages on one line", () => {
    const out = formatCompact([result("a.md", "x\n", [{ ruleId: "pii/email", message: "one\ntwo\r\nthree", find: "x" }])], context());
    expect(out).toBe("a.md:1:1: error pii/email one two three\n");
  });
});
