import rule from "../../../rules/pii/iban.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "documentation IBANs", code: "Use DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432 in tests.\n" },
    { name: "a failing checksum", code: "IBAN DE89 3704 0044 0532 0130 01\n" },
    { name: "wrong length for the country", code: "IBAN DE893704004405320130\n" },
  ],
  invalid: [
    {
      name: "grouped",
      code: "Send the refund to DE44 5001 0517 5407 3249 31, reference rent.\n",
      errors: [
        { messageId: "found", line: 1, column: 20, endLine: 1, endColumn: 47, suggestions: [{ messageId: "replace", output: "Send the refund to DE89 3704 0044 0532 0130 00, reference rent.\n" }] },
      ],
    },
    {
      name: "compact",
      code: "Pay GB30NWBK60161331926801 today.\n",
      errors: [
        { messageId: "found", line: 1, column: 5, endLine: 1, endColumn: 27, suggestions: [{ messageId: "replace", output: "Pay DE89370400440532013000 today.\n" }] },
      ],
    },
    {
      name: "JSONL after a \\n escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Line one\\nIBAN NL39RABO0300065264\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 59, endLine: 1, endColumn: 77, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Line one\\nIBAN DE89370400440532013000\"}]}\n" }] },
      ],
    },
    {
      name: "lower case and a space after the country code",
      code: "User: my iban is it94 n492 7312 7288 9573 2517 834 and DE 44 5001 0517 5407 3249 31\n",
      errors: [
        { messageId: "found", line: 1, column: 18, endLine: 1, endColumn: 51 },
        { messageId: "found", line: 1, column: 56, endLine: 1, endColumn: 84 },
      ],
    },

  ],
});
