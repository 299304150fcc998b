import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lintDocument, UNUSED_DIRECTIVE_ID } from "../../src/engine/linter.js";
import { applyFixes } from "../../src/engine/fixes.js";
import { MAX_LISTED_PER_RULE, mergeFixes } from "../../src/engine/report-limit.js";
import { defineRule, type Fix, type LintMessage } from "../../src/rule-api/types.js";
import { parseDocument } from "../../src/parse/index.js";

/** Flags every "q" (a fix deletes it) and, at warning level, every "y" (no fix). */
const letterRule = defineRule({
  meta: {
    id: "test/letter",
    category: "test",
    fixable: true,
    docs: { description: "test rule", recommended: "error" },
    messages: { q: "Unexpected q.", y: "Unexpected y." },
  },
  create(context) {
    return {
      document(doc) {
        for (let i = 0; i < doc.source.length; i++) {
          const c = doc.source[i];
          if (c === "q") context.report({ messageId: "q", range: [i, i + 1], fix: { range: [i, i + 1], text: "" } });
          if (c === "y") context.report({ messageId: "y", range: [i, i + 1], severity: 1 });
        }
      },
    };
  },
});

async function lint(source: string) {
  const doc = parseDocument({ path: "/virtual/prompt.md", source, format: "markdown", bom: false });
  return lintDocument(doc, { rules: [{ rule: letterRule, severity: 2 }], knownRuleIds: new Set(["test/letter"]), unusedDirectives: 2 });
}

const lines = (n: number, line: string) => `${line}\n`.repeat(n);

describe("a rule lists at most MAX_LISTED_PER_RULE findings per file", () => {
  it("lists the first ones and sums up the rest in one finding placed at the first unlisted one", async () => {
    const { messages } = await lint(lines(MAX_LISTED_PER_RULE + 250, "a q b"));
    expect(messages).toHaveLength(MAX_LISTED_PER_RULE + 1);
    const summary = messages.find((m) => m.messageId === undefined)!;
    expect(summary).toMatchObject({ ruleId: "test/letter", severity: 2, line: MAX_LISTED_PER_RULE + 1, column: 3 });
    expect(summary.message).toBe(
      "250 more findings of this rule in this file, from here on, are not listed one by one (a rule lists at most 500 per file). --fix repairs them with the listed ones.",
    );
  });

  it("still fixes every finding: the summary carries one edit for the unlisted ones", async () => {
    const source = lines(MAX_LISTED_PER_RULE + 250, "a q b");
    const { messages } = await lint(source);
    expect(applyFixes(source, messages).output).toBe(lines(MAX_LISTED_PER_RULE + 250, "a  b"));
  });

  it("leaves the severity of the summary at the most severe unlisted finding, and says when some cannot be fixed", async () => {
    const { messages } = await lint(lines(MAX_LISTED_PER_RULE, "q") + lines(10, "y"));
    const summary = messages.at(-1)!;
    expect(summary.severity).toBe(1);
    expect(summary.message).toMatch(/^10 more findings .*per file\)\.$/);
    expect(summary.fix).toBeUndefined();

    const mixed = (await lint(lines(MAX_LISTED_PER_RULE, "q") + lines(3, "y q"))).messages.at(-1)!;
    expect(mixed.severity).toBe(2);
    expect(mixed.message).toMatch(/^6 more findings .* --fix repairs those it can\.$/);
  });

  it("lets directives silence unlisted findings, which then count neither in the summary nor as unused directives", async () => {
    const source = `${lines(MAX_LISTED_PER_RULE, "q")}<!-- promptvet-disable-next-line test/letter -- generated -->\nq\nq\n`;
    const { messages } = await lint(source);
    expect(messages.some((m) => m.ruleId === UNUSED_DIRECTIVE_ID)).toBe(false);
    expect(messages.at(-1)!.message).toMatch(/^1 more finding of this rule/);
    expect(messages.at(-1)!.line).toBe(MAX_LISTED_PER_RULE + 3);

    const allSilenced = `${lines(MAX_LISTED_PER_RULE, "q")}<!-- promptvet-disable-next-line test/letter -- generated -->\nq\n`;
    const quiet = await lint(allSilenced);
    expect(quiet.messages).toHaveLength(MAX_LISTED_PER_RULE);
  });

  it("lists every finding up to the limit without a summary", async () => {
    const { messages } = await lint(lines(MAX_LISTED_PER_RULE, "q"));
    expect(messages).toHaveLength(MAX_LISTED_PER_RULE);
    expect(messages.every((m: LintMessage) => m.messageId === "q")).toBe(true);
  });
});

describe("mergeFixes", () => {
  it("applies like the fixes one by one, when none overlap", () => {
    const nonOverlapping = fc
      .tuple(fc.string({ minLength: 1, maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 12 }))
      .map(([source, raw]) => {
        const fixes: Fix[] = [];
        let cursor = 0;
        for (const [gap, width, text] of raw) {
          const start = cursor + (gap % 5) + (fixes.length > 0 ? 1 : 0);
          const end = start + width;
          if (end > source.length) break;
          fixes.push({ range: [start, end], text });
          cursor = end;
        }
        return { source, fixes };
      });
    fc.assert(
      fc.property(nonOverlapping, ({ source, fixes }) => {
        const one = mergeFixes(source, fixes);
        const asMessages = (list: Fix[]) => list.map((fix) => ({ ruleId: "r", severity: 2 as const, message: "", line: 1, column: 1, endLine: 1, endColumn: 1, fix }));
        const expected = applyFixes(source, asMessages(fixes)).output;
        expect(one ? applyFixes(source, asMessages([one])).output : source).toBe(expected);
      }),
    );
  });

  it("leaves out a fix that overlaps an earlier one, for the next fix pass", () => {
    expect(mergeFixes("abcdef", [{ range: [1, 3], text: "X" }, { range: [2, 4], text: "Y" }, { range: [4, 5], text: "Z" }])).toEqual({ range: [1, 5], text: "XdZ" });
  });
});
