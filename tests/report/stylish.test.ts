import { describe, expect, it } from "vitest";
import { codeFrame } from "../../src/report/code-frame.js";
import { formatStylish } from "../../src/report/stylish.js";
import { LineIndex } from "../../src/model/line-index.js";
import { context, result, sampleResults } from "./fixtures.js";

const ESC = "\u001b";

describe("stylish formatter", () => {
  it("prints a header per file, a row per finding, a code frame, help, related locations and a summary", () => {
    const out = formatStylish(sampleResults(), context());
    expect(out).not.toContain(ESC);
    expect(out).toBe(
      [
        "prompts/support.md",
        "  6:34  warning  Unexpected trailing whitespace, expected none.  hygiene/trailing-space",
        "       4 | # Support assistant",
        "       5 |",
        "    >  6 | You are a friendly support agent.   ",
        "         |                                  ^^^",
        "       7 | Always answer formally.",
        "       8 | Contact •••••••••••••••••••• for refunds.",
        "  8:9   error    Unexpected email address j…m, expected a placeholder.  pii/email",
        "       6 | You are a friendly support agent.   ",
        "       7 | Always answer formally.",
        "    >  8 | Contact •••••••••••••••••••• for refunds.",
        "         |         ^^^^^^^^^^^^^^^^^^^^",
        "       9 | Be casual and use slang.",
        "      10 |",
        "    help: Use a placeholder such as {{email}}.",
        "  9:1   warning  Unexpected contradiction with line 7.  contradiction/tone",
        "       7 | Always answer formally.",
        "       8 | Contact •••••••••••••••••••• for refunds.",
        "    >  9 | Be casual and use slang.",
        "         | ^^^^^^^^^^^^^^^^^^^^^^^^",
        "      10 |",
        "    related: prompts/support.md:7:1 Formal tone requested here",
        "",
        "prompts/broken.md",
        "  -  fatal    Cannot read file: invalid UTF-8 at byte 12.",
        "",
        "✖ 4 problems (2 errors, 2 warnings) in 2 files, 1 file could not be linted",
        "  0 errors and 1 warning potentially fixable with the `--fix` option.",
        "",
      ].join("\n"),
    );
  });

  it("colours only when asked", () => {
    expect(formatStylish(sampleResults(), context({ color: true }))).toContain(`${ESC}[31m`);
  });

  it("prints nothing when there is nothing to report", () => {
    expect(formatStylish([result("a.md", "fine\n", [])], context())).toBe("");
  });

  it("neutralises terminal escape sequences in the source and in messages", () => {
    const src = `Say hi ${ESC}[2J${ESC}]0;pwned\u0007 now\n`;
    const out = formatStylish([result("a.md", src, [{ ruleId: "pii/email", message: `bad ${ESC}[31m text`, find: "hi" }])], context());
    expect(out).not.toContain(ESC);
    expect(out).not.toContain("\u0007");
    expect(out).toContain("Say hi ␛[2J␛]0;pwned␇ now");
  });
});

describe("code frame", () => {
  const frame = (src: string, line: number, column: number, endLine: number, endColumn: number, maxWidth?: number) =>
    codeFrame(new LineIndex(src), { line, column, endLine, endColumn }, { maxWidth });

  it("underlines every line of a multi-line range from its first non-blank character", () => {
    expect(frame("a\n  bcd\n  efg\nh\n", 2, 4, 3, 4)).toEqual([
      "  1 | a",
      "> 2 |   bcd",
      "    |    ^^",
      "> 3 |   efg",
      "    |   ^",
      "  4 | h",
      "  5 |",
    ]);
  });

  it("elides the middle of a long range", () => {
    const src = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
    const out = frame(src, 3, 1, 15, 8);
    expect(out.some((l) => l.includes("⋮"))).toBe(true);
    expect(out.filter((l) => l.startsWith(">"))).toHaveLength(4);
    expect(out.length).toBeLessThan(16);
  });

  it("draws a single caret for an empty range and keeps tabs aligned", () => {
    expect(frame("\tab\n", 1, 3, 1, 3)).toEqual(["> 1 | \tab", "    | \t ^", "  2 |"]);
  });

  it("counts wide characters twice so the caret sits under them", () => {
    expect(frame("日本語 ok\n", 1, 5, 1, 7)).toEqual(["> 1 | 日本語 ok", "    |        ^^", "  2 |"]);
  });

  it("cuts a 100,000-character line to a window around the finding, quickly", () => {
    const long = "x".repeat(50_000) + "NEEDLE" + "y".repeat(50_000);
    const started = performance.now();
    const out = frame(long + "\n", 1, 50_001, 1, 50_007, 80);
    expect(performance.now() - started).toBeLessThan(200);
    expect(out[0]!.length).toBeLessThan(100);
    expect(out[0]).toContain("NEEDLE");
    const caret = out[1]!.indexOf("^");
    expect(out[0]!.slice(caret, caret + 6)).toBe("NEEDLE");
    expect(out[1]).toMatch(/\^{6}$/);
  });
});
