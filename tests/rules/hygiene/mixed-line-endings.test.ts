import rule from "../../../rules/hygiene/mixed-line-endings.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "a\nb\n" },
    { code: "a\r\nb\r\n" },
    { code: "single line" },
    { code: "" },
  ],
  invalid: [
    {
      code: "a\nb\r\nc\n",
      errors: [{ messageId: "mixed", line: 2, column: 2, endLine: 3, endColumn: 1, message: "Unexpected CRLF line ending, expected LF like 2 of the 3 line endings in this file." }],
      output: "a\nb\nc\n",
    },
    {
      name: "a tie goes to the first line's ending",
      code: "a\r\nb\n",
      errors: [{ messageId: "mixed", line: 2, column: 2, endLine: 3, endColumn: 1, message: "Unexpected LF line ending, expected CRLF like 1 of the 2 line endings in this file." }],
      output: "a\r\nb\r\n",
    },
    {
      name: "a lone CR",
      code: "a\nb\rc\nd\n",
      errors: [{ messageId: "mixed", line: 2, column: 2, endLine: 3, endColumn: 1 }],
      output: "a\nb\nc\nd\n",
    },
    {
      name: "every minority line is reported",
      code: "a\r\nb\nc\nd\r\ne\n",
      errors: [
        { messageId: "mixed", line: 1, column: 2, endLine: 2, endColumn: 1 },
        { messageId: "mixed", line: 4, column: 2, endLine: 5, endColumn: 1 },
      ],
      output: "a\nb\nc\nd\ne\n",
    },
    {
      name: "JSONL with one CRLF record",
      filename: "data.jsonl",
      code: '{"prompt": "a", "completion": "b"}\n{"prompt": "c", "completion": "d"}\r\n{"prompt": "e", "completion": "f"}\n',
      errors: [{ messageId: "mixed", line: 2, column: 35, endLine: 3, endColumn: 1 }],
      output: '{"prompt": "a", "completion": "b"}\n{"prompt": "c", "completion": "d"}\n{"prompt": "e", "completion": "f"}\n',
    },
    {
      name: "after a 100,000-character line",
      code: `${"x".repeat(100_000)}\r\ny\nz\n`,
      errors: [{ messageId: "mixed", line: 1, column: 100_001, endLine: 2, endColumn: 1 }],
      output: `${"x".repeat(100_000)}\ny\nz\n`,
    },
  ],
});
