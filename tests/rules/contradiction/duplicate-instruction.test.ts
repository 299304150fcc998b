import rule from "../../../rules/contradiction/duplicate-instruction.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const prompt = (...lines: string[]) => `${lines.join("\n")}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: "different rules", code: prompt("Never use emoji.", "", "Always respond in English.") },
    { name: "a rule and its scoped variant", code: prompt("Never use emoji.", "", "In greetings, never use emoji.") },
    { name: "a rule and a long sentence that also touches it", code: prompt("Never use emoji.", "", "Keep the tone calm and warm, never use emoji or exclamation marks, and thank the customer for waiting.") },
    { name: "different bounds", code: prompt("Keep answers under 100 words.", "", "Keep answers under 150 words.") },
  ],
  invalid: [
    {
      name: "same prohibition in other words",
      code: prompt("Never use emoji.", "", "## Style", "", "Emojis are not appropriate in any reply."),
      errors: [
        {
          messageId: "duplicate",
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 41,
          message: "Unexpected repetition of the instruction on line 1 (\"Never use emoji.\"), expected each rule once.",
        },
      ],
    },
    {
      name: "same numeric bound",
      code: prompt("Keep answers under 100 words.", "", "- Replies should be no more than 100 words."),
      errors: [{ messageId: "duplicate", line: 3, column: 3, endLine: 3, endColumn: 44 }],
    },
  ],
});
