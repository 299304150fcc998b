import rule from "../../../rules/contradiction/instructions.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const prompt = (...lines: string[]) => `${lines.join("\n")}\n`;

// Words that only intensify a tone ("strictly formal", "never crack jokes") narrow nothing.
new RuleTester().run(rule, {
  valid: [{ name: "a tone for one part of the reply", code: prompt("Keep the tone formal.", "", "In greetings, be chatty.") }],
  invalid: [
    {
      name: "strictly formal against chatty",
      code: prompt("Keep the tone strictly formal.", "", "Be chatty and relaxed."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 23 }],
    },
    {
      name: "a humourless register against subtle humour",
      code: prompt("Maintain a friendly tone with subtle humour.", "", "Keep a strictly neutral, humourless register; jokes undermine trust."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 69 }],
    },
    {
      name: "never crack jokes against a joke at the end",
      code: prompt("Never crack jokes.", "", "End each answer with a joke."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 29 }],
    },
  ],
});
