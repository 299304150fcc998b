import rule from "../../../rules/hygiene/trailing-whitespace.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "You are concise.\nAnswer briefly.\n" },
    { code: "line one  \nline two\n", name: "markdown hard break" },
    { code: "a\r\nb\r\n", name: "CRLF without trailing whitespace" },
    { code: "a\n   \nb\n", options: { skipBlankLines: true }, name: "blank lines skipped by option" },
    { code: `a${" ".repeat(100_000)}\nb\n`, name: "a 100,000-space hard break in markdown" },
  ],
  invalid: [
    {
      code: "a \nb\t\n",
      errors: [
        { messageId: "trailing", line: 1, column: 2, endLine: 1, endColumn: 3, message: "Unexpected trailing whitespace (1 character), expected the line to end at its last visible character." },
        { messageId: "trailing", line: 2, column: 2, endLine: 2, endColumn: 3 },
      ],
      output: "a\nb\n",
    },
    {
      name: "hard breaks reported when the option is off",
      code: "line one  \nline two\n",
      options: { allowMarkdownHardBreaks: false },
      errors: [{ messageId: "trailing", line: 1, column: 9, endLine: 1, endColumn: 11 }],
      output: "line one\nline two\n",
    },
    {
      name: "two spaces before a blank line are not a hard break",
      code: "one  \n\ntwo\n",
      errors: [{ messageId: "trailing", line: 1, column: 4, endLine: 1, endColumn: 6 }],
      output: "one\n\ntwo\n",
    },
    {
      name: "two spaces on the last line are not a hard break",
      code: "end  ",
      errors: [{ messageId: "trailing", line: 1, column: 4, endLine: 1, endColumn: 6 }],
      output: "end",
    },
    {
      name: "no hard breaks inside a code block",
      code: "Example:\n\n```\ncode  \nmore\n```\n",
      errors: [{ messageId: "trailing", line: 4, column: 5, endLine: 4, endColumn: 7 }],
      output: "Example:\n\n```\ncode\nmore\n```\n",
    },
    {
      name: "no hard breaks inside the frontmatter",
      code: "---\ndescription: x  \nmode: agent\n---\nBody\n",
      filename: "review.prompt.md",
      errors: [{ messageId: "trailing", line: 2, column: 15, endLine: 2, endColumn: 17 }],
      output: "---\ndescription: x\nmode: agent\n---\nBody\n",
    },
    {
      name: "plain text has no hard breaks",
      code: "one  \ntwo\n",
      filename: "prompt.txt",
      errors: [{ messageId: "trailing", line: 1, column: 4, endLine: 1, endColumn: 6 }],
      output: "one\ntwo\n",
    },
    {
      name: "a whitespace-only line",
      code: "a\n \t \nb\n",
      errors: [{ messageId: "trailing", line: 2, column: 1, endLine: 2, endColumn: 4, message: "Unexpected trailing whitespace (3 characters), expected the line to end at its last visible character." }],
      output: "a\n\nb\n",
    },
    {
      name: "CRLF line endings are kept",
      code: "a  \r\nb \r\n",
      filename: "prompt.txt",
      errors: [
        { messageId: "trailing", line: 1, column: 2, endLine: 1, endColumn: 4 },
        { messageId: "trailing", line: 2, column: 2, endLine: 2, endColumn: 3 },
      ],
      output: "a\r\nb\r\n",
    },
    {
      name: "trailing whitespace in JSONL",
      code: '{"prompt": "a", "completion": "b"} \n',
      filename: "data.jsonl",
      errors: [{ messageId: "trailing", line: 1, column: 35, endLine: 1, endColumn: 36 }],
      output: '{"prompt": "a", "completion": "b"}\n',
    },
    {
      name: "after a 100,000-character line",
      code: `${"x".repeat(100_000)}\t\n`,
      errors: [{ messageId: "trailing", line: 1, column: 100_001, endLine: 1, endColumn: 100_002 }],
      output: `${"x".repeat(100_000)}\n`,
    },
  ],
});
