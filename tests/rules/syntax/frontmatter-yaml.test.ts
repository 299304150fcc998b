import rule from "../../../rules/syntax/frontmatter-yaml.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: '---\ndescription: "Review code: be strict"\nmode: agent\n---\nReview.\n', filename: "review.prompt.md" },
    { code: "No frontmatter here.\n" },
    { code: "---\ndescription: TypeScript rules\nglobs: **/*.ts, *.tsx\nalwaysApply: false\n---\nUse strict mode.\n", filename: "ts.mdc", name: "Cursor reads globs raw" },
    { code: "---\ndescription: Everything\nglobs: *\n---\nBe brief.\n", filename: "all.mdc", name: "Cursor globs: *" },
    { code: "---\nglobs: **/*.{js,ts}\n---\nBe brief.\n", filename: "braces.mdc", name: "Cursor globs with braces" },
    { code: "---\r\nname: basic\r\nmodel:\r\n  api: chat\r\n---\r\nsystem:\r\nHi\r\n", filename: "basic.prompty", name: "CRLF" },
  ],
  invalid: [
    {
      code: "---\ndescription: Review code: be strict\nmode: agent\n---\nReview.\n",
      filename: "review.prompt.md",
      errors: [{
        messageId: "invalid", line: 2, column: 14, endLine: 2, endColumn: 15,
        message: "Unexpected YAML syntax in the frontmatter: Nested mappings are not allowed in compact mappings; expected valid YAML.",
      }],
    },
    {
      name: "a real error next to a raw Cursor globs line",
      code: "---\nglobs: **/*.ts\nalwaysApply: [true\n---\nBody\n",
      filename: "ts.mdc",
      errors: [{ messageId: "invalid", line: 3, column: 19, endLine: 3, endColumn: 19 }],
    },
    {
      name: "unclosed frontmatter",
      code: "---\nname: x\nBody\n",
      filename: "x.prompty",
      errors: [{ messageId: "problem", line: 1, column: 1, endLine: 1, endColumn: 4 }],
    },
    {
      name: "CRLF file",
      code: "---\r\nname: x\r\nmodel: [a, b\r\n---\r\nBody\r\n",
      filename: "x.prompty",
      errors: [{ messageId: "invalid", line: 3, column: 13, endLine: 3, endColumn: 14 }],
    },
    {
      name: "knock-on errors are counted, not reported",
      code: "---\nmodel: gpt-4o\n  temperature: 0.2\n---\nBody\n",
      filename: "x.prompt",
      errors: [{
        messageId: "invalid", line: 2, column: 8, endLine: 2, endColumn: 9,
        message: "Unexpected YAML syntax in the frontmatter: Nested mappings are not allowed in compact mappings; expected valid YAML (1 more error may follow from this one).",
      }],
    },
  ],
});
