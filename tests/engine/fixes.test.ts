import { describe, expect, it } from "vitest";
import { applyFixes } from "../../src/engine/fixes.js";
import type { LintMessage } from "../../src/rule-api/types.js";

const message = (range: [number, number], text: string): LintMessage => ({
  ruleId: "test/rule", severity: 2, message: "m", line: 1, column: 1, endLine: 1, endColumn: 1, fix: { range, text },
});

describe("applyFixes", () => {
  it("applies non-overlapping fixes and leaves everything outside their ranges untouched", () => {
    const source = "hello  world  \nbye";
    const { output, applied } = applyFixes(source, [message([12, 14], ""), message([5, 7], " ")]);
    expect(output).toBe("hello world\nbye");
    expect(applied).toBe(2);
  });

  it("skips a fix that overlaps one already taken (it waits for the next pass)", () => {
    const { output, applied } = applyFixes("abcdef", [message([1, 4], "X"), message([3, 5], "Y")]);
    expect(output).toBe("aXef");
    expect(applied).toBe(1);
  });

  it("ignores out-of-bounds fixes", () => {
    const { output, applied } = applyFixes("abc", [message([2, 9], "")]);
    expect(output).toBe("abc");
    expect(applied).toBe(0);
  });

  it("refuses two insertions at the same point", () => {
    const { output } = applyFixes("ab", [message([1, 1], "X"), message([1, 1], "Y")]);
    expect(output).toBe("aXb");
  });
});
