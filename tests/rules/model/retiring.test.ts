import rule from "../../../rules/model/retiring.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const now = { now: "2026-11-27" };

new RuleTester().run(rule, {
  valid: [
    { code: "---\nmodel: gpt-5.5\n---\nYou are terse.\n", settings: now, name: "current model" },
    { code: "You are terse.\n", settings: now, name: "no model at all" },
    { code: "---\nmodel: gpt-4o\n---\nHi\n", settings: now, options: { withinDays: 30 }, name: "retires after the window (48 days)" },
    { code: "---\nmodel: not-a-model\n---\nHi\n", settings: now, name: "unknown models are model/unknown's business" },
  ],
  invalid: [
    {
      name: "retired, pinned by a dated snapshot",
      code: "---\nmodel: gpt-4o-2024-05-13\n---\nYou are terse.\n",
      settings: now,
      errors: [{ messageId: "retired", line: 2, column: 8, endLine: 2, endColumn: 25, suggestions: [{ messageId: "replace", output: "---\nmodel: gpt-5.6-sol\n---\nYou are terse.\n" }] }],
    },
    {
      name: "retiring within 90 days, with a provider prefix and quotes",
      code: "---\nmodel: \"anthropic/claude-sonnet-4-5-20250929\"\n---\nHi\n",
      settings: now,
      errors: [
        {
          messageId: "retiring",
          line: 2, column: 8, endLine: 2, endColumn: 46,
          message: 'Model "anthropic/claude-sonnet-4-5-20250929" (frontmatter `model`) retires on 2026-11-30, in 3 days; expected a migration such as "claude-sonnet-5-5" before then.',
          suggestions: [{ output: "---\nmodel: \"claude-sonnet-5-5\"\n---\nHi\n" }],
        },
      ],
    },
    {
      name: "model from the config and a migration target",
      code: "You are terse.\n",
      settings: { ...now, model: "gpt-4o-mini", models: ["googleai/gemini-2.5-pro"] },
      errors: [
        { messageId: "retiringInConfig", line: 1, column: 1, endLine: 1, endColumn: 1 },
        { messageId: "retiringInConfig", line: 1, column: 1, endLine: 1, endColumn: 1 },
      ],
    },
    {
      name: "prompty deployment name",
      filename: "chat.prompty",
      code: "---\nname: Chat\nmodel:\n  api: chat\n  configuration:\n    type: azure_openai\n    azure_deployment: gpt-35-turbo\n---\nsystem:\nYou are terse.\n",
      settings: { ...now, registry: [{ id: "gpt-35-turbo", provider: "azure", tokenizer: "cl100k_base", retires: "2025-02-13", replacement: "gpt-4o-mini" }] },
      errors: [{ messageId: "retired", line: 7, column: 23, endLine: 7, endColumn: 35, suggestions: [{ output: "---\nname: Chat\nmodel:\n  api: chat\n  configuration:\n    type: azure_openai\n    azure_deployment: gpt-4o-mini\n---\nsystem:\nYou are terse.\n" }] }],
    },
  ],
});
