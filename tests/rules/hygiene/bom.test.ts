import { describe, expect, it } from "vitest";
import rule from "../../../rules/hygiene/bom.js";
import { lintDocument } from "../../../src/engine/linter.js";
import { parseDocument } from "../../../src/parse/index.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "Explain the code.\n" },
    { code: "Text with \uFEFF later is another rule's business.\n" },
  ],
  invalid: [
    {
      name: "a U+FEFF left at the start of the text is removed",
      code: "\uFEFF---\ndescription: x\n---\nBody\n",
      errors: [{ messageId: "bom", line: 1, column: 1, endLine: 1, endColumn: 2 }],
      output: "---\ndescription: x\n---\nBody\n",
    },
  ],
});

describe("hygiene/bom on a decoded file", () => {
  it("reports the BOM the decoder stripped, without a fix (the writer restores it)", async () => {
    for (const [path, source] of [
      ["/virtual/prompt.md", "Explain the code.\r\n"],
      ["/virtual/data.jsonl", '{"prompt": "a", "completion": "b"}\n'],
    ] as const) {
      const document = parseDocument({ path, source, format: path.endsWith(".jsonl") ? "jsonl" : "markdown", bom: true });
      const { messages } = await lintDocument(document, { rules: [{ rule, severity: 1 }] });
      expect(messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.fix])).toEqual([["hygiene/bom", 1, 1, 1, 1, undefined]]);
      expect(messages[0]!.message).toBe(
        "Unexpected UTF-8 byte order mark, expected the file to start with its text: some tools send U+FEFF to the model or miss the frontmatter.",
      );
    }
  });
});
