import rule from "../../../rules/budget/growth.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const base = "You are a support assistant. Answer in two sentences.\n";
const long = `${base}\n${"Always cite the relevant policy section and give the customer the exact next step to take. ".repeat(12)}\n`;

new RuleTester().run(rule, {
  valid: [
    { code: base, name: "new file: no base" },
    { code: base, baseSource: base, name: "unchanged" },
    { code: `${base}Be kind.\n`, baseSource: base, name: "small growth" },
    { code: base, baseSource: long, name: "shrinking is fine" },
    { code: long, baseSource: base, options: { percent: 10, tokens: 1000 }, name: "under the absolute threshold" },
  ],
  invalid: [
    {
      code: long,
      baseSource: base,
      errors: [
        {
          messageId: "grew",
          line: 1, column: 1, endLine: 1, endColumn: 54,
          message: "The prompt grew from 11 to 216 tokens (+205, +1864%, o200k_base); expected growth below +100 tokens or +10%.",
        },
      ],
    },
    {
      name: "cost per month with a priced model and traffic",
      code: `---\nmodel: gpt-5.5\n---\n${long}`,
      baseSource: `---\nmodel: gpt-5.5\n---\n${base}`,
      settings: { traffic: { callsPerDay: 100000 } },
      errors: [
        {
          messageId: "grew",
          line: 4, column: 1, endLine: 4, endColumn: 54,
          message: "The prompt grew from 11 to 216 tokens (+205, +1864%, o200k_base), +$3,075 per month on gpt-5.5; expected growth below +100 tokens or +10%.",
        },
      ],
    },
  ],
});
