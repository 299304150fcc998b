import rule from "../../../rules/pii/street-address.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "business listing without a cue in prose", code: "Four Barrel Coffee, 375 Valencia St, San Francisco, CA 94103 is a good example.\n" },
    { name: "placeholder and famous addresses", code: "Ship to 123 Example Street or 1600 Pennsylvania Ave.\n" },
    { name: "ordinary numbers and words", code: "Follow these 3 easy steps on Route 66 and Chapter 11.\n" },
  ],
  invalid: [
    {
      name: "with unit, city, state and ZIP",
      code: "User: Please ship to 77 Harbor View Road, Apt 4, Seattle, WA 98121 instead.\n",
      errors: [
        { messageId: "found", line: 1, column: 22, endLine: 1, endColumn: 67, suggestions: [{ messageId: "replace", output: "User: Please ship to 123 Example Street instead.\n" }] },
      ],
    },
    {
      name: "cue on the previous line",
      code: "Home address:\n4410 Oak Hollow Ct, Austin, TX 78749\n",
      errors: [
        { messageId: "found", line: 2, column: 1, endLine: 2, endColumn: 37, suggestions: [{ messageId: "replace", output: "Home address:\n123 Example Street\n" }] },
      ],
    },
    {
      name: "German style",
      code: "Neue Adresse: Hauptstra\u00dfe 42, 10115 Berlin\n",
      errors: [
        { messageId: "found", line: 1, column: 15, endLine: 1, endColumn: 43, suggestions: [{ messageId: "replace", output: "Neue Adresse: 123 Example Street\n" }] },
      ],
    },
    {
      name: "JSONL after a \\u00e9 escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 delivery to 2250 Peachtree Rd NE, Atlanta, GA 30309\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 66, endLine: 1, endColumn: 105, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 delivery to 123 Example Street\"}]}\n" }] },
      ],
    },
  ],
});
