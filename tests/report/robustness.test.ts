import { describe, expect, it } from "vitest";
import type { LintResult } from "../../src/rule-api/types.js";
import { FORMAT_NAMES, getFormatter } from "../../src/report/index.js";
import { context, result } from "./fixtures.js";

describe("every format on hostile input", () => {
  // One 100,000-character line of characters that the escapers treat specially, with findings on it.
  const line = "|<&>%:,*_`[]@\t\u001b".repeat(6_667);
  const big = result(
    "big.md",
    `${line}\nend\n`,
    Array.from({ length: 200 }, (_, i) => ({ ruleId: "pii/email", severity: (i % 2 ? 1 : 2) as 1 | 2, message: `m${i} ${line.slice(0, 40)}`, find: "|<&>%", nth: i * 30 + 1 })),
  );
  const noSource: LintResult = { ...result("gone.md", "x\n", [{ ruleId: "pii/email", message: "m", find: "x" }]), source: undefined };

  for (const name of FORMAT_NAMES) {
    it(`${name}: a 100,000-character line and 200 findings, quickly and without copying the line whole`, () => {
      const started = performance.now();
      const out = getFormatter(name)([big, noSource], context());
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(1_500);
      expect(out.length).toBeGreaterThan(0);
      // Frames cut long lines; other formats never print source text at all.
      expect(out.includes(line.slice(0, 2_000))).toBe(false);
    });
  }

  it("stylish keeps each frame line short", () => {
    const out = getFormatter("stylish")([big], context());
    const longest = Math.max(...out.split("\n").map((l) => l.length));
    expect(longest).toBeLessThan(300);
  });
});
