import rule from "../../../rules/fork/drift.js";
import { BASE } from "./fixtures.js";
import { MultiFileRuleTester } from "./harness.js";

const bigFork = "---\nextends: base.md\n---\n## Tone\n\nBe formal and precise.\nAddress the customer by surname.\nAvoid contractions.\n\n## Format\n\nUse numbered steps.\nEnd with a summary line.\n";

new MultiFileRuleTester().run(rule, {
  valid: [
    { name: "a small override", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\n---\n## Tone\n\nBe formal.\n" }, lint: "fork.md" },
    { name: "a large fork under raised thresholds", files: { "base.md": BASE, "fork.md": bigFork }, lint: "fork.md", options: { maxLinePercent: 100, maxTokenPercent: 100 } },
    { name: "a file without a base", files: { "base.md": BASE }, lint: "base.md", options: { maxLinePercent: 0, maxTokenPercent: 0 } },
  ],
  invalid: [
    {
      name: "lines over the threshold",
      files: { "base.md": BASE, "fork.md": bigFork },
      lint: "fork.md",
      options: { maxLinePercent: 40, maxTokenPercent: 1000 },
      errors: [
        {
          messageId: "lines",
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 17,
          message: "Unexpected drift from ./base.md: 45% of the base's lines differ (3 added, 0 removed, 2 changed of 11); expected at most 40%.",
        },
      ],
    },
    {
      name: "tokens over the threshold",
      files: { "base.md": BASE, "fork.md": bigFork },
      lint: "fork.md",
      options: { maxLinePercent: 100, maxTokenPercent: 10 },
      errors: [{ messageId: "tokens", line: 2, column: 10, endLine: 2, endColumn: 17 }],
    },
    {
      name: "a copy that drifted",
      files: { "base.md": BASE, "copy.md": "---\nforked_from: base.md\n---\n# Support assistant\n\nYou help people.\n" },
      lint: "copy.md",
      errors: [
        { messageId: "lines", line: 2, column: 14, endLine: 2, endColumn: 21 },
        { messageId: "tokens", line: 2, column: 14, endLine: 2, endColumn: 21 },
      ],
    },
  ],
});
