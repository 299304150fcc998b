import rule from "../../../rules/pii/date-of-birth.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "a date answering a turn that asked nothing about birth", filename: "chat.jsonl", code: "{\"messages\": [{\"role\": \"assistant\", \"content\": \"Your order shipped. Thanks.\"}, {\"role\": \"user\", \"content\": \"19.05.2021 was the date I ordered\"}]}\n" },
    { name: "a plan b is not a birth cue", code: "We fall back to plan b. 12/03/2020 was the last rollout.\n" },
    { name: "dates without a birth cue", code: "Order placed on 2024-03-14; release 03/14/2023.\n" },
    { name: "placeholder and impossible dates", code: "DOB: 1970-01-01. Date of birth: 13/45/1990.\n" },
    { name: "a birth cue in another sentence", code: "Ask for the date of birth. The store opened 1999-02-28.\n" },
    {
      name: "the next turn answers with something else",
      filename: "chat.jsonl",
      code: "{\"messages\":[{\"role\":\"assistant\",\"content\":\"What's your date of birth?\"},{\"role\":\"user\",\"content\":\"my order from 12/03/2024 never came\"}]}\n",
    },
    { name: "a table column that is not a birth date", filename: "orders.md", code: "| Customer | Order date |\n|---|---|\n| A. Other | 14/09/1993 |\n" },
    { name: "a retailer name is not a cue", code: "Fnac 12/03/2020 receipt attached.\n" },
  ],
  invalid: [
    {
      name: "born abbreviated in a pipe-separated record",
      code: "row 1: OKAFOR-BELL, Chidinma | b. 03/09/1977 | cell on file\n",
      errors: [{ messageId: "found", line: 1, column: 35, endLine: 1, endColumn: 45 }],
    },
    {
      name: "a table column headed with an abbreviated birth cue",
      code: "| Folio | F. de nacimiento |\n|---|---|\n| CR-1 | 22/08/1991 |\n",
      errors: [{ messageId: "found", line: 3, column: 10, endLine: 3, endColumn: 20 }],
    },
    {
      name: "a Spanish answer turn after a question for the birth date",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"assistant\", \"content\": \"¿Me confirma la fecha de nacimiento del titular?\"}, {\"role\": \"user\", \"content\": \"el 23 de octubre de 1974\"}]}\n",
      errors: [{ messageId: "found", line: 1, column: 133, endLine: 1, endColumn: 154 }],
    },
    {
      name: "an answer turn after a request for the birth date that is not a question",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"assistant\", \"content\": \"Ich bräuchte noch Ihr Geburtsdatum.\"}, {\"role\": \"user\", \"content\": \"19.05.1961. Danke!\"}]}\n",
      errors: [{ messageId: "found", line: 1, column: 117, endLine: 1, endColumn: 127 }],
    },
    {
      name: "a short YAML value under a birth-date key",
      filename: "records.yaml",
      code: "patients:\n  - fecha_nac: 1996-01-13\n",
      errors: [{ messageId: "found", line: 2, column: 16, endLine: 2, endColumn: 26 }],
    },
    {
      name: "ISO date",
      code: "Customer: Daniel Okafor\nDate of birth: 1987-03-14\n",
      errors: [
        { messageId: "found", line: 2, column: 16, endLine: 2, endColumn: 26, suggestions: [{ messageId: "replace", output: "Customer: Daniel Okafor\nDate of birth: 1970-01-01\n" }] },
      ],
    },
    {
      name: "written month and slashes",
      code: "Born on March 3, 1979; DOB 07/22/1991.\n",
      errors: [
        { messageId: "found", line: 1, column: 9, endLine: 1, endColumn: 22, suggestions: [{ messageId: "replace", output: "Born on January 1, 1970; DOB 07/22/1991.\n" }] },
        { messageId: "found", line: 1, column: 28, endLine: 1, endColumn: 38, suggestions: [{ messageId: "replace", output: "Born on March 3, 1979; DOB 01/01/1970.\n" }] },
      ],
    },
    {
      name: "JSONL after a \\u00e9 escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Jos\\u00e9, birthday 9 May 2001\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 64, endLine: 1, endColumn: 74, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Jos\\u00e9, birthday 1 January 1970\"}]}\n" }] },
      ],
    },
    {
      name: "a cue in the sentence before",
      code: "User: booking for my son, date of birth. It's 6/24/2019\n",
      errors: [
        { messageId: "found", line: 1, column: 47, endLine: 1, endColumn: 56 },
      ],
    },
    {
      name: "European formats",
      code: "Sz\u00fclet\u00e9si d\u00e1tum: 1983. \u00e1prilis 12.\nGeburtsdatum: 12. M\u00e4rz 1985\n",
      errors: [
        { messageId: "found", line: 1, column: 18, endLine: 1, endColumn: 34 },
        { messageId: "found", line: 2, column: 15, endLine: 2, endColumn: 28 },
      ],
    },

      {
      name: "the answer turn after a birth-date question (JSONL)",
      filename: "intake.jsonl",
      code: "{\"messages\":[{\"role\":\"assistant\",\"content\":\"What's your date of birth?\"},{\"role\":\"user\",\"content\":\"sure, it's 11/02/1987\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 111, endLine: 1, endColumn: 121 },
      ],
    },
    {
      name: "a filler-led answer on the next speaker line",
      code: "Agent: Can I get your date of birth?\nCustomer: yes, it's March 22nd, 1979.\n",
      errors: [
        { messageId: "found", line: 2, column: 21, endLine: 2, endColumn: 37 },
      ],
    },
    {
      name: "a DOB column of a Markdown table",
      filename: "crm.md",
      code: "| Applicant | DOB | Mobile |\n|---|---|---|\n| A. Other | 14/09/1993 | n/a |\n| B. Other | 2 March 1988 | n/a |\n",
      errors: [
        { messageId: "found", line: 3, column: 14, endLine: 3, endColumn: 24 },
        { messageId: "found", line: 4, column: 14, endLine: 4, endColumn: 26 },
      ],
    },
    {
      name: "Spanish, Polish and Japanese cues",
      code: "Nací el 22 de agosto de 1984. F. Nac. 05/11/1979. Matka (ur. 12.06.1952). 生年月日：1985年3月12日\n",
      errors: [
        { messageId: "found", line: 1, column: 9, endLine: 1, endColumn: 29 },
        { messageId: "found", line: 1, column: 39, endLine: 1, endColumn: 49 },
        { messageId: "found", line: 1, column: 62, endLine: 1, endColumn: 72 },
        { messageId: "found", line: 1, column: 80, endLine: 1, endColumn: 90 },
      ],
    },
    {
      name: "clinical and compact date forms, 'b.' and 'Birth:'",
      code: "Pt (b. 12.03.1958). DOB 04-JUN-1991. Birth: 19850312\n",
      errors: [
        { messageId: "found", line: 1, column: 8, endLine: 1, endColumn: 18 },
        { messageId: "found", line: 1, column: 25, endLine: 1, endColumn: 36 },
        { messageId: "found", line: 1, column: 45, endLine: 1, endColumn: 53 },
      ],
    },
  ],
});
