import rule from "../../../rules/fork/required-section.js";
import { BASE } from "./fixtures.js";
import { MultiFileRuleTester } from "./harness.js";

new MultiFileRuleTester().run(rule, {
  valid: [
    { name: "override of a section that is not required", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\n---\n## Tone\n\nBe formal.\n" }, lint: "fork.md" },
    { name: "append to a required section", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nappend: [Safety]\n---\n## Safety\n\nCall our hotline too.\n" }, lint: "fork.md" },
    { name: "removal of a section that is not required", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nremove: [Escalation]\n---\n" }, lint: "fork.md" },
    { name: "a file without a base", files: { "base.md": BASE }, lint: "base.md" },
    { name: "a copy that keeps the required section word for word", files: { "base.md": BASE, "copy.md": BASE.replace("model: gpt-4o", "forked_from: base.md").replace("Be friendly and concise.", "Be warm.") }, lint: "copy.md" },
  ],
  invalid: [
    {
      name: "override of a required section",
      files: { "base.md": BASE, "fork.md": "---\nextends: base.md\n---\n## Safety\n\nTell them to call the hotline.\n" },
      lint: "fork.md",
      errors: [{ messageId: "overridden", line: 4, column: 1, endLine: 4, endColumn: 10, related: [{ file: "base.md", line: 14, column: 1 }] }],
    },
    {
      name: "removal of a required section, reported at the remove item",
      files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nremove: [Escalation, Safety]\n---\n" },
      lint: "fork.md",
      errors: [
        {
          messageId: "removed",
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 28,
          message: 'Unexpected removal of the required section "Safety" of ./base.md; expected the fork to keep it (add to it with `append:` instead).',
          related: [{ file: "base.md", line: 14, column: 1 }],
        },
      ],
    },
    {
      name: "a required marker on the heading line, base two levels up",
      files: {
        "prompts/root.md": "# Bot\n\n## Legal <!-- promptvet:required -->\n\nNot legal advice.\n",
        "prompts/base.md": "---\nextends: root.md\n---\n## Tone\n\nBe kind.\n",
        "customers/x.md": "---\nextends: ../prompts/base.md\n---\n## Legal\n\nNothing.\n",
      },
      lint: "customers/x.md",
      errors: [{ messageId: "overridden", line: 4, column: 1, endLine: 4, endColumn: 9, related: [{ file: "prompts/root.md", line: 3, column: 10 }] }],
    },
    {
      name: "a copy that drops the required section",
      files: { "base.md": BASE, "copy.md": "---\nforked_from: base.md\n---\n# Support assistant\n\n## Tone\n\nBe warm.\n" },
      lint: "copy.md",
      errors: [{ messageId: "missing", line: 2, column: 14, endLine: 2, endColumn: 21, related: [{ file: "base.md", line: 14, column: 1 }] }],
    },
    {
      name: "a copy that rewrites the required section",
      files: { "base.md": BASE, "copy.md": BASE.replace("model: gpt-4o", "forked_from: base.md").replace("tell them to unplug", "tell them to switch off") },
      lint: "copy.md",
      errors: [{ messageId: "changed", line: 13, column: 1, endLine: 13, endColumn: 10, related: [{ file: "base.md", line: 14, column: 1 }] }],
    },
  ],
});
