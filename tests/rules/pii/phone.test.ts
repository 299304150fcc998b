import rule from "../../../rules/pii/phone.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "a business line after an office address", code: "Office: Harbour & Vale, 18 Oxford Street, Southampton SO14 3DJ, 023 8022 9140 (business line, fine to share).\n" },
    { name: "a front desk line continued on the next line", code: "- Booking refs (HLH-24-88213) and the front desk line\n  +44 20 7946 0321 are not personal.\n" },
    { name: "a number after call us", code: "Dresses in red, black and blue with prices\nand for call us 01207001275\n" },
    { name: "fictional 555 numbers", code: "Test with (201) 555-0123, 555-0142 or +1 415 555 0132.\n" },
    { name: "Ofcom's drama mobile range, the placeholder promptvet suggests", code: "Call 07700 900123 or +44 7700 900456.\n" },
    { name: "order ids, dates, versions and prices", code: "Order #4155552671 shipped 2024-01-15 at 12:30; version 10.0.19045.3693; total $1,299.00; ISBN 978-0-306-40615-7.\n" },
    { name: "a bare digit run without a phone cue", code: "Reference 4155552671 in the ledger.\n" },
    { name: "placeholders", code: "Phone: <PHONE> or {{phone}} or XXX-XXX-XXXX.\n" },
    { name: "national numbers of a region not configured, without a phone cue", code: "Codes 089 1234567 and 030 901820.\n" },
    { name: "another number's label", code: "My driver's license number is 481195160.\n" },
    { name: "a public helpline", code: "The IRS helpline 800-829-1040 is public.\n" },
  ],
  invalid: [
    {
      name: "the writer's own office line",
      code: "Customer note: call me on my office line 07700 183447.\n",
      errors: [{ messageId: "found", line: 1, column: 42, endLine: 1, endColumn: 54 }],
    },
    {
      name: "a short value under a mobil key",
      filename: "contacts.yaml",
      code: "contacts:\n  - mobil: 0176 4419 0263\n",
      errors: [{ messageId: "found", line: 2, column: 12, endLine: 2, endColumn: 26 }],
    },
    {
      name: "a short YAML value under a phone key, the key read as its label",
      filename: "records.yaml",
      code: "records:\n  - customer:\n      telefono: 33 1290 4471\n",
      errors: [{ messageId: "found", line: 3, column: 17, endLine: 3, endColumn: 29 }],
    },
    {
      name: "US national format",
      code: "User: You can text me at (415) 867-5309 after six.\n",
      errors: [
        { messageId: "found", line: 1, column: 26, endLine: 1, endColumn: 40, suggestions: [{ messageId: "replace", output: "User: You can text me at (201) 555-0123 after six.\n" }] },
      ],
    },
    {
      name: "international formats",
      code: "Mobile +44 7911 123456, office +49 30 901820.\n",
      errors: [
        { messageId: "found", line: 1, column: 8, endLine: 1, endColumn: 23, suggestions: [{ messageId: "replace", output: "Mobile +44 7700 900123, office +49 30 901820.\n" }] },
        { messageId: "found", line: 1, column: 32, endLine: 1, endColumn: 45, suggestions: [{ messageId: "replace", output: "Mobile +44 7911 123456, office +1 201 555 0123.\n" }] },
      ],
    },
    {
      name: "UK national format",
      code: "Her landline is 0161 702 5583.\n",
      errors: [
        { messageId: "found", line: 1, column: 17, endLine: 1, endColumn: 30, suggestions: [{ messageId: "replace", output: "Her landline is 0770 090 0123.\n" }] },
      ],
    },
    {
      name: "a bare digit run with a phone cue",
      code: "Call me on 4158675309 tomorrow.\n",
      errors: [
        { messageId: "found", line: 1, column: 12, endLine: 1, endColumn: 22, suggestions: [{ messageId: "replace", output: "Call me on 2015550123 tomorrow.\n" }] },
      ],
    },
    {
      name: "a region added by option",
      code: "Telefon: 089 1234567\n",
      options: {"regions": ["DE"]},
      errors: [
        { messageId: "found", line: 1, column: 10, endLine: 1, endColumn: 21, suggestions: [{ messageId: "replace", output: "Telefon: +1 201 555 0123\n" }] },
      ],
    },
    {
      name: "JSONL after a \\u00e9 escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 Lumi\\u00e8re, call (646) 302-6654\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 73, endLine: 1, endColumn: 87, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 Lumi\\u00e8re, call (201) 555-0123\"}]}\n" }] },
      ],
    },
    {
      name: "JSONL after a \\n escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Line one\\nLine two: +33 6 12 34 56 78\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 64, endLine: 1, endColumn: 81, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Line one\\nLine two: +1 201 555 0123\"}]}\n" }] },
      ],
    },
    {
      name: "a (0) trunk prefix and numbers checked in their own region",
      code: "Call Lars on +46 (0)8 123 45 67 or Valentina on +57 310 456 7821.\n",
      errors: [
        { messageId: "found", line: 1, column: 14, endLine: 1, endColumn: 32 },
        { messageId: "found", line: 1, column: 49, endLine: 1, endColumn: 65 },
      ],
    },
    {
      name: "a national number of another country after a phone cue",
      code: "Telefon: 089 1234567\n",
      errors: [
        { messageId: "found", line: 1, column: 10, endLine: 1, endColumn: 21 },
      ],
    },

    {
      name: "Ofcom's geographic drama ranges: valid UK numbers a reader cannot tell from a person's",
      code: "Contact: +44 161 496 0732 or 020 7946 0958.\n",
      errors: [
        { messageId: "found", line: 1, column: 10, endLine: 1, endColumn: 26 },
        { messageId: "found", line: 1, column: 30, endLine: 1, endColumn: 43 },
      ],
    },
    {
      name: "a German reachability cue",
      code: "Mutter erreichbar unter 0176 4412 0937.\n",
      errors: [
        { messageId: "found", line: 1, column: 25, endLine: 1, endColumn: 39 },
      ],
    },
  ],
});
