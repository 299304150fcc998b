import rule from "../../../rules/pii/street-address.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "a flat rate is not a flat", code: "The flat rate applies at 12 Main St.\n" },
    { name: "business listing without a cue in prose", code: "Four Barrel Coffee, 375 Valencia St, San Francisco, CA 94103 is a good example.\n" },
    { name: "placeholder and famous addresses", code: "Ship to 123 Example Street or 1600 Pennsylvania Ave.\n" },
    { name: "ordinary numbers and words", code: "Follow these 3 easy steps on Route 66 and Chapter 11.\n" },
    { name: "shops and offices", code: "Answer questions about our stores.\n\n- Portsmouth: 2 Kent Street, PO1 3AX\n\nOur office is at 2 Kent Street, Portsmouth.\n" },
    { name: "via as a preposition", code: "User: send it via email 3 times\n" },
  ],
  invalid: [
    {
      name: "a Polish address with a lok. unit",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"rower proszę wysłać na ul. Piotrkowska 112 lok. 5, 90-006 Łódź\"}]}\n",
      errors: [{ messageId: "found", line: 1, column: 67, endLine: 1, endColumn: 106 }],
    },
    {
      name: "addresses under a Domicilio column, not an office's",
      code: "| Folio | Domicilio |\n|---|---|\n| CR-1 | Carrera 43A # 14-109, Apto 802, El Poblado, Medellín |\n| CR-2 | Av. Revolución 1387, Álvaro Obregón, CDMX (oficina) |\n",
      errors: [{ messageId: "found", line: 3, column: 10, endLine: 3, endColumn: 62 }],
    },
    {
      name: "an Apartado Postal box with a letter",
      code: "Guarantor's address: Apartado Postal 27-B, 64000 Monterrey, N.L.\n",
      errors: [{ messageId: "found", line: 1, column: 22, endLine: 1, endColumn: 65 }],
    },
    {
      name: "a Dutch floor written onto the house number",
      code: "Candidate lives at Prinsengracht 263-III, 1016 GV Amsterdam.\n",
      errors: [{ messageId: "found", line: 1, column: 20, endLine: 1, endColumn: 60 }],
    },
    {
      name: "a four-digit house number after a street name (not cut after three digits)",
      code: "User: send it to 10 Travessa Esmeraldo Neto 1620 Apt. 199, Mata Mourisca please\n",
      errors: [{ messageId: "found", line: 1, column: 18, endLine: 1, endColumn: 73 }],
    },
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
    {
      name: "Portuguese, Italian and Spanish forms",
      code: "User: ship to Rua Augusta 123, 1100-048 Lisboa or Via dei Mille 18, 00185 Roma\nUser: or Calle Mayor 5, 3\u00ba B, 28013 Madrid\n",
      errors: [
        { messageId: "found", line: 1, column: 15, endLine: 1, endColumn: 47 },
        { messageId: "found", line: 1, column: 51, endLine: 1, endColumn: 79 },
        { messageId: "found", line: 2, column: 10, endLine: 2, endColumn: 43 },
      ],
    },
    {
      name: "French, German and Hungarian forms after a cue",
      code: "Recipient: 47 boulevard Haussmann, 75009 Paris\nRecipient: Mariahilfer Stra\u00dfe 88/5, 1070 Wien\n\u00daj c\u00edmem: Andr\u00e1ssy \u00fat 67, 1062 Budapest\n",
      errors: [
        { messageId: "found", line: 1, column: 12, endLine: 1, endColumn: 47 },
        { messageId: "found", line: 2, column: 12, endLine: 2, endColumn: 46 },
        { messageId: "found", line: 3, column: 11, endLine: 3, endColumn: 40 },
      ],
    },
    {
      name: "a multi-line address in one finding",
      code: "Anna Reid\n\n49 Bergshaugen 43\n Apt. 323\n FOSNAV\u00c5G\n Norway 6150\n",
      errors: [
        { messageId: "found", line: 3, column: 1, endLine: 6, endColumn: 13 },
      ],
    },
    {
      name: "lower case after a cue",
      code: "please ship to 36 folkestone road, wincle\n",
      errors: [
        { messageId: "found", line: 1, column: 16, endLine: 1, endColumn: 42 },
      ],
    },
    {
      name: "military mail and a PO box",
      code: "Ship to PSC 1234, Box 5678, APO AE 09876 or USNS Sandberg\nFPO AA 18532 or P.O. Box 101, Springfield, IL 62701.\n",
      errors: [
        { messageId: "found", line: 1, column: 9, endLine: 1, endColumn: 41 },
        { messageId: "found", line: 1, column: 45, endLine: 2, endColumn: 13 },
        { messageId: "found", line: 2, column: 17, endLine: 2, endColumn: 52 },
      ],
    },

    {
      name: "a person's flat as a cue in prose",
      code: "Her flat is at Calle Mayor 3, Madrid\n",
      errors: [{ messageId: "found", line: 1, column: 16, endLine: 1, endColumn: 37 }],
    },
    {
      name: "Welsh street types",
      code: "Guarantor: 7 Ffordd yr Eglwys, Bangor LL57 2RE; previously 31 Heol y Deri, Cardiff CF14 6HF.\n",
      errors: [
        { messageId: "found", line: 1, column: 12, endLine: 1, endColumn: 47 },
        { messageId: "found", line: 1, column: 60, endLine: 1, endColumn: 92 },
      ],
    },
    {
      name: "Mexican street types and an interior number",
      code: "Domicilio: Av. Hidalgo 2045 Int. 3, Guadalajara, Jal. 44100. Antes: Privada Las Fuentes 14, Zapopan, Jal. 45070.\n",
      errors: [
        { messageId: "found", line: 1, column: 12, endLine: 1, endColumn: 60 },
        { messageId: "found", line: 1, column: 69, endLine: 1, endColumn: 112 },
      ],
    },
    {
      name: "a shop mentioned paragraphs above does not make a home address a business's",
      filename: "handover.md",
      code: "Pharmacy called about the dose at 16:45.\n\n## Discharge\nKind regards,\nA. Clinician\n\nNext of kin: Niamh Other, 14 Glenview Terrace, Belfast BT9 6AB\n",
      errors: [
        { messageId: "found", line: 7, column: 27, endLine: 7, endColumn: 63 },
      ],
    },
  ],
});
