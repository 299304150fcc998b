import rule from "../../../rules/hygiene/max-file-size.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "short\n" },
    { code: `${"a".repeat(10_000)}\n`, name: "a line of exactly 10,000 characters" },
    { code: "0123456789\n", options: { maxBytes: 11, maxLineLength: 10 }, name: "exactly at both limits" },
  ],
  invalid: [
    {
      code: "0123456789abc\nok\n",
      options: { maxLineLength: 10 },
      errors: [{ messageId: "lineTooLong", line: 1, column: 11, endLine: 1, endColumn: 14, message: "Unexpected line of 13 characters, expected at most 10." }],
    },
    {
      name: "file over maxBytes",
      code: "0123456789abc",
      options: { maxBytes: 10 },
      errors: [{ messageId: "tooLarge", line: 1, column: 11, endLine: 1, endColumn: 14, message: "Unexpected file size of 13 bytes, expected at most 10 bytes; the content from here on is over the limit." }],
    },
    {
      name: "multi-byte characters count in UTF-8 bytes",
      code: "ééé",
      options: { maxBytes: 5 },
      errors: [{ messageId: "tooLarge", line: 1, column: 3, endLine: 1, endColumn: 4 }],
    },
    {
      name: "a 100,000-character line against the default limit",
      code: "a".repeat(100_000),
      errors: [{ messageId: "lineTooLong", line: 1, column: 10_001, endLine: 1, endColumn: 100_001 }],
    },
    {
      name: "CRLF file",
      code: "abcd\r\nab\r\nabcde\r\n",
      options: { maxLineLength: 3 },
      errors: [
        { messageId: "lineTooLong", line: 1, column: 4, endLine: 1, endColumn: 5 },
        { messageId: "lineTooLong", line: 3, column: 4, endLine: 3, endColumn: 6 },
      ],
    },
    {
      name: "JSONL record line",
      filename: "data.jsonl",
      code: '{"prompt": "a", "completion": "b"}\n',
      options: { maxLineLength: 20 },
      errors: [{ messageId: "lineTooLong", line: 1, column: 21, endLine: 1, endColumn: 35 }],
    },
  ],
});
