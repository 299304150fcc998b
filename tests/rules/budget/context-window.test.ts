import rule from "../../../rules/budget/context-window.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const small = { registry: [{ id: "tiny-model", provider: "test", tokenizer: "o200k_base", contextWindow: 50, maxOutputTokens: 20 }] };

new RuleTester().run(rule, {
  valid: [
    { code: "You are terse.\n", name: "no model: nothing to check" },
    { code: "---\nmodel: gpt-5.5\n---\nYou are terse.\n" },
    { code: "---\nmodel: tiny-model\nmax_tokens: 10\n---\nYou are terse.\n", settings: small, name: "fits with the declared output" },
  ],
  invalid: [
    {
      name: "prompt plus reserved output over the window",
      code: "---\nmodel: tiny-model\n---\nYou are terse.\n",
      settings: small,
      errors: [
        {
          messageId: "overWindow",
          line: 4, column: 1, endLine: 4, endColumn: 15,
          message: "The prompt (4 tokens, o200k_base) plus 4,096 output tokens (option outputTokens) needs 4,100 tokens, over the 50-token context window of tiny-model by 4,050; expected it to fit.",
        },
      ],
    },
    {
      name: "declared output over the model's output limit and over the window",
      code: "---\nmodel: tiny-model\nmax_tokens: 100\n---\nYou are terse.\n",
      settings: small,
      errors: [
        { messageId: "outputOverLimit", line: 3, column: 13, endLine: 3, endColumn: 16 },
        { messageId: "overWindow", line: 5, column: 1, endLine: 5, endColumn: 15 },
      ],
    },
    {
      name: "a migration target with a smaller window",
      code: "You are terse.\n",
      options: { outputTokens: 48 },
      settings: { ...small, model: "gpt-5.5", models: ["tiny-model"] },
      errors: [{ messageId: "overWindow", line: 1, column: 1, endLine: 1, endColumn: 15 }],
    },
  ],
});
