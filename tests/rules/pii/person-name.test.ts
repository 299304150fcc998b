import rule from "../../../rules/pii/person-name.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "product and assistant names", code: "You are Claude. Use Tailwind CSS, React Router and Visual Studio Code.\n" },
    { name: "placeholder names", code: "User: Hi, I'm Jane Doe and my friend is John Doe.\n" },
    { name: "public figures as a topic", code: "User: Write a song in the style of Addison Rae, like Taylor Swift would.\n" },
    { name: "template placeholders", code: "Name: {{customer_name}}\nDear [NAME],\n" },
    { name: "names in system prose without a cue", code: "Summaries should read like Oliver Sacks wrote them.\n" },
    { name: "YAML keys", code: "---\nname: Azure Policy Analyzer\n---\nAnalyze policies.\n" },
  ],
  invalid: [
    {
      name: "my name is",
      code: "User: Hi, my name is Maria Lopez and my parcel never arrived.\n",
      errors: [
        { messageId: "found", line: 1, column: 22, endLine: 1, endColumn: 33, suggestions: [{ messageId: "replace", output: "User: Hi, my name is Jane Doe and my parcel never arrived.\n" }] },
      ],
    },
    {
      name: "a form field and a signature",
      code: "Name: Priya Raman\n\nThanks,\nDaniel Okafor\n",
      errors: [
        { messageId: "found", line: 1, column: 7, endLine: 1, endColumn: 18, suggestions: [{ messageId: "replace", output: "Name: Jane Doe\n\nThanks,\nDaniel Okafor\n" }] },
        { messageId: "found", line: 4, column: 1, endLine: 4, endColumn: 14, suggestions: [{ messageId: "replace", output: "Name: Priya Raman\n\nThanks,\nJane Doe\n" }] },
      ],
    },
    {
      name: "honorific",
      code: "Dear Mr. Okonkwo, your parcel is delayed.\n",
      errors: [
        { messageId: "found", line: 1, column: 10, endLine: 1, endColumn: 17, suggestions: [{ messageId: "replace", output: "Dear Mr. Jane, your parcel is delayed.\n" }] },
      ],
    },
    {
      name: "JSONL dialogue after a \\u00e9 escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 order for Kenji Watanabe and Tom Okafor.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 64, endLine: 1, endColumn: 78, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 order for Jane Doe and Tom Okafor.\"}]}\n" }] },
        { messageId: "found", line: 1, column: 83, endLine: 1, endColumn: 93, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 order for Kenji Watanabe and Jane Doe.\"}]}\n" }] },
      ],
    },
    {
      name: "JSONL signature after \\n escapes",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"See you soon.\\nBest regards,\\nIngrid Johansson\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 74, endLine: 1, endColumn: 90, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"See you soon.\\nBest regards,\\nJane Doe\"}]}\n" }] },
      ],
    },
  ],
});
