import { describe, expect, it } from "vitest";
import { lintDocument, UNUSED_DIRECTIVE_ID } from "../../src/engine/linter.js";
import { defineRule } from "../../src/rule-api/types.js";
import { parseDocument } from "../../src/parse/index.js";

/** Flags every occurrence of the word "forbidden", with an optional fix that replaces it. */
const wordRule = defineRule<{ word: string }>({
  meta: {
    id: "test/word",
    category: "test",
    fixable: true,
    docs: { description: "test rule", recommended: "error", help: "Use another word." },
    messages: { found: "Unexpected '{{word}}', expected another word." },
    schema: { type: "object", properties: { word: { type: "string" } }, additionalProperties: false },
    defaultOptions: { word: "forbidden" },
  },
  create(context) {
    return {
      document(doc) {
        let i = doc.source.indexOf(context.options.word);
        while (i !== -1) {
          context.report({
            messageId: "found",
            data: { word: context.options.word },
            range: [i, i + context.options.word.length],
            fix: { range: [i, i + context.options.word.length], text: "allowed" },
          });
          i = doc.source.indexOf(context.options.word, i + 1);
        }
      },
    };
  },
});

async function lint(source: string, options?: Record<string, unknown>) {
  const doc = parseDocument({ path: "/virtual/prompt.md", source, format: "markdown", bom: false });
  return lintDocument(doc, { rules: [{ rule: wordRule, severity: 2, options }], knownRuleIds: new Set(["test/word"]) });
}

describe("lintDocument", () => {
  it("reports 1-based, end-exclusive positions, interpolated messages, help and fixes", async () => {
    const { messages } = await lint("# Title\n\nThis is forbidden.\n");
    expect(messages).toEqual([
      {
        ruleId: "test/word",
        severity: 2,
        message: "Unexpected 'forbidden', expected another word.",
        messageId: "found",
        line: 3,
        column: 9,
        endLine: 3,
        endColumn: 18,
        fix: { range: [17, 26], text: "allowed" },
        help: "Use another word.",
      },
    ]);
  });

  it("validates options against the rule's schema", async () => {
    await expect(lint("text", { word: 3 })).rejects.toThrow(/Invalid options for rule "test\/word": options.word must be string/);
    await expect(lint("text", { nope: true })).rejects.toThrow(/unknown key "nope"/);
  });

  it("honours disable-next-line, disable-line and block directives, keeping silenced findings with their justification", async () => {
    const source = [
      "<!-- promptvet-disable-next-line test/word -- quoted from the spec -->",
      "forbidden one",
      "forbidden two <!-- promptvet-disable-line test/word -->",
      "<!-- promptvet-disable test/word -->",
      "forbidden three",
      "<!-- promptvet-enable test/word -->",
      "forbidden four",
      "",
    ].join("\n");
    const { messages, suppressedMessages } = await lint(source);
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([["test/word", 7]]);
    expect(suppressedMessages.map((m) => m.line)).toEqual([2, 3, 5]);
    expect(suppressedMessages[0]!.suppressions).toEqual([{ kind: "directive", justification: "quoted from the spec" }]);
  });

  it("reports a directive that silences nothing, and one naming an unknown rule", async () => {
    const { messages } = await lint("<!-- promptvet-disable-next-line test/word -->\nall fine here\n\n<!-- promptvet-disable-line no/such-rule -->\n");
    expect(messages.map((m) => [m.ruleId, m.line, m.severity])).toEqual([
      [UNUSED_DIRECTIVE_ID, 1, 1],
      ["directives/unknown-rule", 4, 2],
    ]);
  });

  it("a directive without rule ids silences every rule on its line", async () => {
    const { messages, suppressedMessages } = await lint("<!-- promptvet-disable-next-line -->\nforbidden\n");
    expect(messages).toEqual([]);
    expect(suppressedMessages).toHaveLength(1);
  });
});
