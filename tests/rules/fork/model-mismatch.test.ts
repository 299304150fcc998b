import rule from "../../../rules/fork/model-mismatch.js";
import { BASE } from "./fixtures.js";
import { MultiFileRuleTester } from "./harness.js";

new MultiFileRuleTester().run(rule, {
  valid: [
    { name: "a fork that inherits the model", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\n---\n## Tone\n\nx\n" }, lint: "fork.md" },
    { name: "the same model with a provider prefix", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nmodel: openai/gpt-4o\n---\n" }, lint: "fork.md" },
    { name: "another model with a reason", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nmodel: gpt-4.1\nmodel_reason: Needs the 1M window.\n---\n" }, lint: "fork.md" },
    { name: "a custom reason key", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nmodel: gpt-4.1\nwhy_model: cost\n---\n" }, lint: "fork.md", options: { reasonKey: "why_model" } },
    { name: "a base that pins no model", files: { "base.md": "# Bot\n", "fork.md": "---\nextends: base.md\nmodel: gpt-4.1\n---\n" }, lint: "fork.md" },
  ],
  invalid: [
    {
      name: "another model without a reason",
      files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nmodel: gpt-4.1-mini\n---\n## Tone\n\nx\n" },
      lint: "fork.md",
      errors: [
        {
          messageId: "mismatch",
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 20,
          message: 'Unexpected model "gpt-4.1-mini" in a fork of ./base.md, which uses "gpt-4o"; expected the base\'s model or a `model_reason:` that says why.',
          related: [{ file: "base.md", line: 2, column: 8 }],
        },
      ],
    },
    {
      name: "a copy, the model set two bases up",
      files: {
        "root.md": "---\nmodel: claude-sonnet-4-5\n---\n# Bot\n",
        "base.md": "---\nextends: root.md\n---\n## Tone\n",
        "copy.md": "---\nforked_from: base.md\nmodel: gpt-4o\nmodel_reason: \"  \"\n---\n# Bot\n",
      },
      lint: "copy.md",
      errors: [{ messageId: "mismatch", line: 3, column: 8, endLine: 3, endColumn: 14, related: [{ file: "root.md", line: 2, column: 8 }] }],
    },
  ],
});
