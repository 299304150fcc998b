import rule from "../../../rules/pii/credit-card.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "documented test cards", code: "Sandbox: 4111 1111 1111 1111, 4242424242424242, 5555 5555 5555 4444, 378282246310005.\n" },
    { name: "a failing checksum", code: "Card 4111 1111 1111 1112 is invalid.\n" },
    { name: "long ids and hashes", code: "Order 1234567890123456789012 and UUID 3f2b8c9e-4d1a-4e6b-9c3d-7a8b9c0d1e2f.\n" },
    { name: "an allowed value", code: "Card 4539 1488 0343 6467\n", options: {"allow": {"values": ["4539148803436467"]}} },
    { name: "a bare 12-digit number without a card word", code: "Order 675964444441 shipped.\n" },
  ],
  invalid: [
    {
      name: "Visa in groups",
      code: "Customer: Please charge my card 4539 1488 0343 6467 instead.\n",
      errors: [
        { messageId: "found", line: 1, column: 33, endLine: 1, endColumn: 52, suggestions: [{ messageId: "replace", output: "Customer: Please charge my card 4111 1111 1111 1111 instead.\n" }] },
      ],
    },
    {
      name: "Amex 4-6-5 and bare Mastercard",
      code: "Amex 3782 398259 79196 or MC 5425233430109903.\n",
      errors: [
        { messageId: "found", line: 1, column: 6, endLine: 1, endColumn: 23, suggestions: [{ messageId: "replace", output: "Amex 3782 822463 10005 or MC 5425233430109903.\n" }] },
        { messageId: "found", line: 1, column: 30, endLine: 1, endColumn: 46, suggestions: [{ messageId: "replace", output: "Amex 3782 398259 79196 or MC 4111111111111111.\n" }] },
      ],
    },
    {
      name: "dashes",
      code: "Card: 6011-0748-3378-8762\n",
      errors: [
        { messageId: "found", line: 1, column: 7, endLine: 1, endColumn: 26, suggestions: [{ messageId: "replace", output: "Card: 4111-1111-1111-1111\n" }] },
      ],
    },
    {
      name: "JSONL after a \\u00e9 escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 bill: 4916 3385 0608 2832\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 60, endLine: 1, endColumn: 79, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 bill: 4111 1111 1111 1111\"}]}\n" }] },
      ],
    },
    {
      name: "JCB 15, Maestro 12 and UnionPay 19 digits",
      code: "Cards: JCB 1800 0044 4444 444, Maestro 6759 6444 4441, UnionPay 6212 3444 4444 4444 442.\n",
      errors: [
        { messageId: "found", line: 1, column: 12, endLine: 1, endColumn: 30 },
        { messageId: "found", line: 1, column: 40, endLine: 1, endColumn: 54 },
        { messageId: "found", line: 1, column: 65, endLine: 1, endColumn: 88 },
      ],
    },

  ],
});
