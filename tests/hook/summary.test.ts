/** The one line a passing commit prints: counts, where, and the command that shows the warnings. */
import { describe, expect, it } from "vitest";
import { passingSummary } from "../../src/cli/hook-command.js";
import type { LintResult } from "../../src/rule-api/types.js";

function result(file: string, warnings: number, fixes = 0): LintResult {
  return {
    filePath: `/repo/${file}`,
    messages: [],
    suppressedMessages: [],
    errorCount: 0,
    warningCount: warnings,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    ...(fixes > 0 ? { output: "fixed\n", stats: { fixesApplied: fixes } } : {}),
  };
}

describe("passingSummary", () => {
  it.each([
    [[result("prompts/a.md", 0)], undefined],
    [[result("prompts/a.md", 2, 1)], "promptvet: 2 warnings, 1 fix applied in prompts/a.md — run `npx promptvet prompts/a.md` to see them"],
    [[result("prompts/a.md", 0, 3)], "promptvet: 3 fixes applied in prompts/a.md (staged with this commit)"],
    [[result("prompts/a.md", 1), result("prompts/b.md", 0, 1), result("prompts/c.md", 0)], "promptvet: 1 warning, 1 fix applied in prompts/a.md, prompts/b.md — run `npx promptvet prompts/a.md` to see them"],
    [
      ["a", "b", "c", "d", "e"].map((n) => result(`p/${n}.md`, 1)),
      "promptvet: 5 warnings in p/a.md, p/b.md, p/c.md and 2 more — run `npx promptvet p/a.md p/b.md p/c.md p/d.md p/e.md` to see them",
    ],
    [[result("prompts/my notes.md", 1)], "promptvet: 1 warning in 'prompts/my notes.md' — run `npx promptvet 'prompts/my notes.md'` to see them"],
  ])("%#", (results, line) => {
    expect(passingSummary(results, "/repo")).toBe(line);
  });
});
