import rule from "../../../rules/budget/max-tokens.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const prompt = "# Role\n\nYou are a support assistant for {{product}}. Answer in two sentences.\n";

new RuleTester().run(rule, {
  valid: [
    { code: prompt, name: "no budget configured: never a finding" },
    { code: prompt, options: { total: 100 }, name: "under the option budget" },
    { code: prompt, settings: { budgets: { total: 100 } }, name: "under the settings budget" },
    { code: `---\nbudget: 1000\n---\n${prompt}`, settings: { budgets: { total: 5 } }, name: "the file's own budget wins" },
  ],
  invalid: [
    {
      name: "total over an option budget, variable at its default length",
      code: prompt,
      options: { total: 10 },
      errors: [
        {
          messageId: "overBudget",
          line: 1, column: 1, endLine: 1, endColumn: 7,
          message: "The prompt uses 35 tokens (o200k_base, no model configured), over the budget of 10 by 25; expected at most 10 (assumed product = 20 tokens (default)).",
        },
      ],
    },
    {
      name: "declared sample and an approximate tokenizer",
      code: `---\nmodel: claude-sonnet-5-5\ninputs:\n  product: Acme\nbudget:\n  total: 10\n---\n${prompt}`,
      errors: [
        {
          messageId: "overBudget",
          line: 8, column: 1, endLine: 8, endColumn: 7,
          message: "The prompt uses ≈27 tokens (≈claude-2026, claude-sonnet-5-5), over the budget of 10 by ≈17; expected at most 10 (assumed product = sample \"Acme\").",
        },
      ],
    },
    {
      name: "a role budget points at the first segment of that role",
      code: "---\nbudget:\n  system: 3\n---\nYou are terse.\n\nAlways answer in English.\n",
      errors: [{ messageId: "overBudget", line: 5, column: 1, endLine: 5, endColumn: 15 }],
    },
    {
      name: "checked under every migration target with its own tokenizer",
      code: prompt,
      settings: { model: "gpt-5.5", models: ["claude-sonnet-5-5", "gpt-4o"], budgets: { total: 20, variables: { product: 2 } } },
      errors: [{ messageId: "overBudget", line: 1, column: 1, endLine: 1, endColumn: 7 }],
    },
  ],
});
