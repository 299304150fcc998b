import rule from "../../../rules/pii/us-ssn.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "invalid parts", code: "SSN 000-12-3456, 666-12-3456, 912-12-3456, 123-00-4567, 123-45-0000.\n" },
    { name: "published samples and masks", code: "Example SSN 078-05-1120 or 123-45-6789; mask XXX-XX-XXXX.\n" },
    { name: "other ids", code: "Order 536-22-1847 shipped; case no. 401-52-7789.\n" },
    { name: "a bare run without a cue", code: "Account 287649013\n" },
  ],
  invalid: [
    {
      name: "dashed",
      code: "Name: Priya Raman\nSSN: 536-22-1847\n",
      errors: [
        { messageId: "found", line: 2, column: 6, endLine: 2, endColumn: 17, suggestions: [{ messageId: "replace", output: "Name: Priya Raman\nSSN: 000-00-0000\n" }] },
      ],
    },
    {
      name: "spaced and bare with a cue",
      code: "Social security number 612 48 9031; SSN: 287649013\n",
      errors: [
        { messageId: "found", line: 1, column: 24, endLine: 1, endColumn: 35, suggestions: [{ messageId: "replace", output: "Social security number 000 00 0000; SSN: 287649013\n" }] },
        { messageId: "found", line: 1, column: 42, endLine: 1, endColumn: 51, suggestions: [{ messageId: "replace", output: "Social security number 612 48 9031; SSN: 000000000\n" }] },
      ],
    },
    {
      name: "JSONL after a \\u00e9 escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Jos\\u00e9, SSN 401-52-7789\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 59, endLine: 1, endColumn: 70, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Jos\\u00e9, SSN 000-00-0000\"}]}\n" }] },
      ],
    },
  ],
});
