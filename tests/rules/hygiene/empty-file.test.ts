import rule from "../../../rules/hygiene/empty-file.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "Summarize the file.\n" },
    { code: "---\ndescription: Summarize\n---\nSummarize the file.\n", filename: "summarize.prompt.md" },
    { code: '{"prompt": "a", "completion": "b"}\n', filename: "data.jsonl" },
  ],
  invalid: [
    {
      code: "",
      errors: [{ messageId: "empty", line: 1, column: 1, endLine: 1, endColumn: 1, message: "Unexpected empty file, expected prompt text." }],
    },
    {
      name: "whitespace only",
      code: "  \n\t\n\n",
      errors: [{ messageId: "empty", line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      name: "frontmatter and no body",
      code: "---\ndescription: Summarize\n---\n",
      filename: "summarize.prompt.md",
      errors: [{ messageId: "emptyBody", line: 3, column: 4, endLine: 3, endColumn: 4, message: "Unexpected empty body after the frontmatter, expected prompt text." }],
    },
    {
      name: "frontmatter and a blank body, CRLF",
      code: "---\r\nname: summarize\r\n---\r\n\r\n   \r\n",
      filename: "summarize.prompty",
      errors: [{ messageId: "emptyBody", line: 3, column: 4, endLine: 3, endColumn: 4 }],
    },
    {
      name: "empty JSONL",
      code: "\n",
      filename: "data.jsonl",
      errors: [{ messageId: "empty", line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
  ],
});
