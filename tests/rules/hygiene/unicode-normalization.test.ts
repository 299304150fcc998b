import rule from "../../../rules/hygiene/unicode-normalization.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "Keep the word café.\n" },
    { code: "한국어 텍스트\n", name: "precomposed Hangul" },
    { code: "क्षत्रिय\n", name: "Devanagari (NFC already)" },
    { code: "plain ASCII\n" },
  ],
  invalid: [
    {
      code: "Keep the word cafe\u0301.\n",
      errors: [{ messageId: "notNfc", line: 1, column: 18, endLine: 1, endColumn: 20, message: "Unexpected non-NFC text 'e\u0301' (U+0065 U+0301), expected its NFC form 'é' (U+00E9)." }],
      output: "Keep the word café.\n",
    },
    {
      name: "two separate runs",
      code: "e\u0301 and a\u0308\n",
      errors: [
        { messageId: "notNfc", line: 1, column: 1, endLine: 1, endColumn: 3 },
        { messageId: "notNfc", line: 1, column: 8, endLine: 1, endColumn: 10 },
      ],
      output: "é and ä\n",
    },
    {
      name: "adjacent decomposed letters form one run",
      code: "e\u0301e\u0300!\n",
      errors: [{ messageId: "notNfc", line: 1, column: 1, endLine: 1, endColumn: 5 }],
      output: "éè!\n",
    },
    {
      name: "decomposed Hangul jamo",
      code: "\u1112\u1161\u11AB\n",
      errors: [{ messageId: "notNfc", line: 1, column: 1, endLine: 1, endColumn: 4 }],
      output: "한\n",
    },
    {
      name: "a singleton (ANGSTROM SIGN)",
      code: "10 \u212B\n",
      errors: [{ messageId: "notNfc", line: 1, column: 4, endLine: 1, endColumn: 5 }],
      output: "10 Å\n",
    },
    {
      name: "CRLF file",
      code: "x\r\ne\u0301\r\n",
      errors: [{ messageId: "notNfc", line: 2, column: 1, endLine: 2, endColumn: 3 }],
      output: "x\r\né\r\n",
    },
    {
      name: "after a 100,000-character line",
      code: `${"a".repeat(100_000)}e\u0301\n`,
      errors: [{ messageId: "notNfc", line: 1, column: 100_001, endLine: 1, endColumn: 100_003 }],
      output: `${"a".repeat(100_000)}é\n`,
    },
  ],
});
