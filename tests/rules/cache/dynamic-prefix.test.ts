import rule from "../../../rules/cache/dynamic-prefix.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const rules = Array.from({ length: 8 }, (_, i) => `- Rule ${i + 1}: answer with the policy section and the next step.`).join("\n");
const opts = { minStaticTokens: 50 };

new RuleTester().run(rule, {
  valid: [
    { code: `# Support\n\n${rules}\n\nCustomer: {{question}}\n`, options: opts, name: "variable after the static part" },
    { code: `Hello {{name}}.\n\n${rules}\n`, name: "short prompt below the default 1,024 tokens" },
    { code: `${rules}\n\nToday is {{date}}.\n\n${rules}\n`, options: opts, name: "a cacheable static prefix comes first" },
    { code: `Hello {{name}}, ask away.\n`, options: opts, name: "little static text after it" },
  ],
  invalid: [
    {
      name: "a variable at the top",
      code: `Today is {{date}}.\n\n${rules}\n`,
      options: opts,
      errors: [{ messageId: "dynamicFirst", line: 1, column: 10, endLine: 1, endColumn: 18 }],
    },
    {
      name: "a literal timestamp at the top",
      code: `Current time: 2026-11-27T08:30:00Z\n\n${rules}\n`,
      options: opts,
      errors: [{ messageId: "dynamicFirst", line: 1, column: 15, endLine: 1, endColumn: 35 }],
    },
    {
      name: "a request id (UUID) at the top",
      code: `Request 123e4567-e89b-12d3-a456-426614174000\n\n${rules}\n`,
      options: opts,
      errors: [{ messageId: "dynamicFirst", line: 1, column: 9, endLine: 1, endColumn: 45 }],
    },
  ],
});
