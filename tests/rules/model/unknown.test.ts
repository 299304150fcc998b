import rule from "../../../rules/model/unknown.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "---\nmodel: gpt-4o\n---\nHi\n" },
    { code: "---\nmodel: openai/gpt-4o-2024-08-06\n---\nHi\n", name: "provider prefix and dated snapshot" },
    { code: "---\nmodel: vertexai/gemini-2.5-pro\n---\nHi\n" },
    { code: "---\nmodel: claude-sonnet-4-20250514\n---\nHi\n" },
    { code: "---\nmodel: meta-llama/Llama-3.3-70B-Instruct\n---\nHi\n" },
    { code: "---\nmodel: anthropic.claude-3-opus-20240229-v1:0\n---\nHi\n", name: "Bedrock id" },
    { code: "---\nmodel: \"{{ env.MODEL }}\"\n---\nHi\n", name: "templated names are left alone" },
    { code: "---\nmodel: my-finetune\n---\nHi\n", settings: { registry: [{ id: "my-finetune", provider: "openai", tokenizer: "o200k_base" }] }, name: "registered in the config" },
    { code: "Hi\n" },
  ],
  invalid: [
    {
      code: "---\nmodel: gpt-4o-mnii\n---\nHi\n",
      errors: [
        {
          messageId: "unknown",
          line: 2, column: 8, endLine: 2, endColumn: 19,
          message: 'Unknown model "gpt-4o-mnii" in frontmatter `model`; expected a model of the registry (did you mean "gpt-4o-mini", "gpt-4.1-mini"?).',
          suggestions: [{ output: "---\nmodel: gpt-4o-mini\n---\nHi\n" }, { output: "---\nmodel: gpt-4.1-mini\n---\nHi\n" }],
        },
      ],
    },
    {
      code: "Hi\n",
      settings: { model: "gpt-5.5", models: ["claude-sonet-5-5"] },
      errors: [{ messageId: "unknownInConfig", line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unknown model "claude-sonet-5-5" in the config\'s `models[0]`; expected a model of the registry (did you mean "claude-sonnet-5-5", "claude-sonnet-4-5", "claude-sonnet-4"?).' }],
    },
  ],
});
