import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripFence } from "../../src/contradiction/strip-fence.js";

/** What stripFence replaces: exact, but super-linear on runs of blank lines. */
function byRegex(text: string): string {
  const m = /^\s*```[\w-]*\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return m ? m[1]! : text.trim();
}

describe("stripFence", () => {
  it("takes the body of one fenced block and trims anything else", () => {
    expect(stripFence('```json\n{"a": 1}\n```')).toBe('{"a": 1}');
    expect(stripFence('  ```\n\n{"a": 1}\n\n```  \n')).toBe('{"a": 1}');
    expect(stripFence("```\n```")).toBe("```\n```");
    expect(stripFence("  plain answer \n")).toBe("plain answer");
  });

  it("matches the regular expression on texts made of fences, blanks and words", () => {
    const piece = fc.constantFrom("```", "`", "\n", " ", "\t", "\r", "json", "a", "-", "\u00a0", "\n\n");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((parts) => parts.join("")), (text) => {
        expect(stripFence(text)).toBe(byRegex(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("is linear on a fence followed by thousands of blank lines", () => {
    const text = `\`\`\`${"\n".repeat(200_000)}x`;
    const started = process.cpuUsage();
    expect(stripFence(text)).toBe(text.trim());
    const { user, system } = process.cpuUsage(started);
    // The expression took minutes on 5,000 lines; the scan takes milliseconds on 200,000.
    expect((user + system) / 1_000).toBeLessThan(2_000);
  });
});
