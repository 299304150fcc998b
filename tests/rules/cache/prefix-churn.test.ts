import rule from "../../../rules/cache/prefix-churn.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const rules = Array.from({ length: 8 }, (_, i) => `- Rule ${i + 1}: answer with the policy section and the next step.`).join("\n");
const base = `# Support assistant\n\nYou answer billing questions.\n\n${rules}\n\nCustomer: {{question}}\n`;
const opts = { minPrefixTokens: 20 };

new RuleTester().run(rule, {
  valid: [
    { code: base, baseSource: base, options: opts, name: "unchanged" },
    { code: base.replace("billing", "billing and refund"), baseSource: base, options: opts, name: "a content change is a real change" },
    { code: base.replace("{{question}}", "{{ question }}"), baseSource: base, options: opts, name: "changes after the first variable are outside the prefix" },
    { code: base.replace("billing questions.", "billing questions. "), baseSource: base, name: "prefix below the provider minimum (1,024 tokens)" },
    { code: base, options: opts, name: "new file" },
  ],
  invalid: [
    {
      name: "trailing whitespace inside the prefix",
      code: base.replace("billing questions.", "billing questions.  "),
      baseSource: base,
      options: opts,
      errors: [
        {
          messageId: "churn",
          line: 3, column: 30, endLine: 3, endColumn: 32,
          suggestions: [{ messageId: "restore", output: base }],
        },
      ],
    },
    {
      name: "a setext heading instead of an ATX heading",
      code: base.replace("# Support assistant\n", "Support assistant\n=================\n"),
      baseSource: base,
      options: opts,
      errors: [{ messageId: "churn", line: 1, column: 1, endLine: 1, endColumn: 18, suggestions: [{ output: base }] }],
    },
    {
      name: "reordered JSON keys in a fenced block",
      code: "Tools:\n\n```json\n{\"name\": \"refund\", \"limit\": 100}\n```\n\n" + rules + "\n\n{{question}}\n",
      baseSource: "Tools:\n\n```json\n{\"limit\": 100, \"name\": \"refund\"}\n```\n\n" + rules + "\n\n{{question}}\n",
      options: opts,
      errors: [{ messageId: "churn", line: 4, column: 3, endLine: 4, endColumn: 32, suggestions: [{ output: "Tools:\n\n```json\n{\"limit\": 100, \"name\": \"refund\"}\n```\n\n" + rules + "\n\n{{question}}\n" }] }],
    },
  ],
});
