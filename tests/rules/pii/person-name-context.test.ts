import rule from "../../../rules/pii/person-name.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

// Names found through context rather than the name lists: kin words, particles, initials, credentials, lower-case
// repeats; and the places, businesses and stand-ins built the same way that must stay silent.
new RuleTester().run(rule, {
  valid: [
    { name: "places built with particles", code: "Visit Santiago de Compostela, the Costa del Sol and Puerto de la Cruz.\n" },
    { name: "a kin word inside a template slot and a kin word of another language", code: "Write for ${Mother Language:Turkish} speakers.\nTest sırasında son Sokratik zincir sordu:\n" },
    { name: "a kin word at the end of one line and a label on the next", code: "Context: the user does not love mother\nResponse: \"Her reaction is about her\"\n" },
    { name: "a business named with a possessive, a street and a bank", code: "Ask at Brewster's Bakeries on Kent Street; Morgan Stanley sponsors it.\n" },
    { name: "names the text calls examples or placeholders", code: "Greeting: \"Hola Tomás,\" (Tomás es un ejemplo, no un cliente).\n\"Good evening, Mr. Smith\": replace Smith with {{guest_last_name}}. Never write \"Mr. Example\".\n" },
    { name: "a town and state before a ZIP code, a product after a kin word", code: "Ship from Baltimore, MD 21201 or Silver Spring, MD. Our partner Stripe handles payments.\n" },
    { name: "lower-case chat with kin words before ordinary words", filename: "chat.jsonl", code: "{\"messages\": [{\"role\": \"user\", \"content\": \"my son will call you back, my wife said its fine, mi marido tambien.\"}]}\n" },
    { name: "an acronym that spells a kin word before a tool's name", code: "**Policy Validation**:\n- OPA Conftest, Kyverno, or Datree\n" },
    { name: "a sign-off before a team or a product name", code: "End every reply with: Best regards, Support Team. Viele Grüße, Acme Cloud\n" },
    { name: "a JSON name value that goes on past the name, quoted in a prompt", filename: "persona.txt", code: "{\n  \"identity\": {\n    \"name\": \"Lagrange Lens: Blue Wolf\"\n  }\n}\n" },
    { name: "a heading and a product named with particles", code: "## Vasco da Gama Bridge\nUse Crème de la Crème Pro for the theme.\n" },
  ],
  invalid: [
    {
      name: "a booking in someone's name, with the French elided \"de\"",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Bonjour, la table est au nom d'Amélie, pour samedi.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 75, endLine: 1, endColumn: 81 },
      ],
    },
    {
      name: "a preferred name in quotes after a patient's name",
      code: "Resident: Margarethe Vogelsang (pref. name \"Gretl\"), room 12\n",
      errors: [
        { messageId: "found", line: 1, column: 11, endLine: 1, endColumn: 31 },
        { messageId: "found", line: 1, column: 45, endLine: 1, endColumn: 50 },
      ],
    },
    {
      name: "a relative's given name the name lists lack, after a bare kin word",
      code: "- note: wife Oluchi is the second driver\n- NOK: dtr Renata (773) 555-0142\n",
      errors: [
        { messageId: "found", line: 1, column: 14, endLine: 1, endColumn: 20 },
        { messageId: "found", line: 2, column: 12, endLine: 2, endColumn: 18 },
      ],
    },
    {
      name: "a German kin noun, capitalised, before a relative's name",
      code: "Notiz: Nachbarin Traudl nimmt das Paket an.\n",
      errors: [
        { messageId: "found", line: 1, column: 18, endLine: 1, endColumn: 24 },
      ],
    },
    {
      name: "a lower-case relative's name after a Spanish possessive and kin word",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"hola, la cita es para mi hijo yeray. gracias\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 74, endLine: 1, endColumn: 79 },
      ],
    },
    {
      name: "initials and a surname before a licence, and a full name before a degree",
      code: "Discharge note signed T. Okonkwo-Hale, RN. Reviewed by Priya Venkataraman, MD.\n",
      errors: [
        { messageId: "found", line: 1, column: 23, endLine: 1, endColumn: 38 },
        { messageId: "found", line: 1, column: 56, endLine: 1, endColumn: 74 },
      ],
    },
    {
      name: "initials and a double surname under a caller label, with a quoted nickname",
      code: "Caller: P. K. Abernathy-Osei (\"Kofi\")\n",
      errors: [
        { messageId: "found", line: 1, column: 9, endLine: 1, endColumn: 29 },
        { messageId: "found", line: 1, column: 32, endLine: 1, endColumn: 36 },
      ],
    },
    {
      name: "initials written together, a particle and a surname before a birth date",
      code: "The account is held by A.M. van Dijkhuizen, born 12-04-1985.\n",
      errors: [
        { messageId: "found", line: 1, column: 24, endLine: 1, endColumn: 43 },
      ],
    },
    {
      name: "Irish particles inside names, in prose",
      code: "References: Gráinne Nic Aodha at the bank; Colm Ó Súilleabháin confirmed the dates.\n",
      errors: [
        { messageId: "found", line: 1, column: 13, endLine: 1, endColumn: 30 },
        { messageId: "found", line: 1, column: 44, endLine: 1, endColumn: 63 },
      ],
    },
    {
      name: "lower-case particles before a double-barrelled or a known surname",
      code: "Notes from the call with Anouk van der Sluis-Brandt and Lucía de la Vega Ortiz.\n",
      errors: [
        { messageId: "found", line: 1, column: 26, endLine: 1, endColumn: 52 },
        { messageId: "found", line: 1, column: 57, endLine: 1, endColumn: 79 },
      ],
    },
    {
      name: "a sign-off of another language closing a message on its line",
      code: "Note from the parent: \"Der Impfpass kommt am Montag. Viele Grüße, Ayşe\"\n",
      errors: [
        { messageId: "found", line: 1, column: 67, endLine: 1, endColumn: 71 },
      ],
    },
    {
      name: "a possessive ends a name: what follows is owned",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"We read the verses from Melissa Kristoffersen's Cautionary Tales last night.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 68, endLine: 1, endColumn: 89 },
      ],
    },
    {
      name: "a JSON value holding a name with an elided particle",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"assistant\", \"content\": \"{\\\"name\\\": \\\"Ravi d'Mello\\\", \\\"dob\\\": null}\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 62, endLine: 1, endColumn: 74 },
      ],
    },
    {
      name: "a found name repeated in lower case, not inside an email address",
      code: "Applicant: Ciarán Ó Dálaigh\nNotes: ciarán asked about remote days; write to ciarán.odalaigh@example.ie\n",
      errors: [
        { messageId: "found", line: 1, column: 12, endLine: 1, endColumn: 28 },
        { messageId: "found", line: 2, column: 8, endLine: 2, endColumn: 14 },
      ],
    },
  ],
});
