import rule from "../../../rules/pii/street-address.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

// Streets without a type word or without a house number: German preposition streets, British and Irish addresses
// that end with a postcode or an Eircode; and the words of time, businesses and venues that read the same.
new RuleTester().run(rule, {
  valid: [
    { name: "German prepositions before words of time and counting", filename: "chat.jsonl", code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Im Jahr 2024 hatten wir 3 Kinder. Am Montag 5 Termine, Im Kapitel 2 steht es.\"}]}\n" },
    { name: "a preposition street without a postcode or a cue", code: "Die Wanderung endet Am Sonnenhang 7 mit Blick ins Tal.\n" },
    { name: "a business address without a house number before a postcode", code: "Visit our shop: Kent Street, Leeds LS4 2AZ.\n" },
    { name: "a postcode after words that are no street", code: "Order ref: Blue Widget, Large, Leeds LS4 2AZ\n" },
  ],
  invalid: [
    {
      name: "a German street named after a preposition, with its postcode and town later on the line",
      filename: "kontakte.txt",
      code: "Neue Anschrift ab März: Im Eichengrund 14b, Seitenflügel, 04229 Leipzig\n",
      errors: [
        { messageId: "found", line: 1, column: 25, endLine: 1, endColumn: 72 },
      ],
    },
    {
      name: "a German preposition street after an address cue, without a postcode",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Meine Adresse ist jetzt An der Alten Ziegelei 3.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 68, endLine: 1, endColumn: 91 },
      ],
    },
    {
      name: "an Irish address without a house number, ending with an Eircode",
      filename: "intake.md",
      code: "Home address:\n    Flat 2, Riverside Court, Mill Lane, Cork, T12 K8W2\n",
      errors: [
        { messageId: "found", line: 2, column: 5, endLine: 2, endColumn: 55 },
      ],
    },
    {
      name: "a British farm address without a house number, ending with town and postcode",
      filename: "intake.md",
      code: "Tenant: lives at Hollybush Farm, Oakley Lane, Thirsk YO7 3QP since 2019.\n",
      errors: [
        { messageId: "found", line: 1, column: 18, endLine: 1, endColumn: 61 },
      ],
    },
  ],
});
