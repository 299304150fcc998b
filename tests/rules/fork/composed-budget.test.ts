import rule from "../../../rules/fork/composed-budget.js";
import { MultiFileRuleTester } from "./harness.js";

const base = "---\nmodel: gpt-4o\nbudget: 40\n---\n# Support assistant\n\nYou help customers of Acme Home with orders, deliveries, returns and warranty questions.\n";

new MultiFileRuleTester().run(rule, {
  valid: [
    {
      name: "the base alone is already over: reported in the base, not in every fork",
      files: { "base.md": base.replace("budget: 40", "budget: 5"), "fork.md": "---\nextends: base.md\n---\n## Tone\n\nBe formal.\n" },
      lint: "fork.md",
    },
    { name: "within the base's budget", files: { "base.md": base, "fork.md": "---\nextends: base.md\n---\n## Tone\n\nBe formal.\n" }, lint: "fork.md" },
    { name: "no budget anywhere", files: { "base.md": base.replace("budget: 40\n", ""), "fork.md": "---\nextends: base.md\n---\n## Tone\n\nBe formal and precise in every reply you write.\n" }, lint: "fork.md" },
    {
      name: "over budget on its own already: budget/max-tokens reports it",
      files: { "base.md": "# Bot\n", "fork.md": "---\nextends: base.md\nbudget: 3\n---\n## Tone\n\nBe formal and precise in every reply you write.\n" },
      lint: "fork.md",
    },
  ],
  invalid: [
    {
      name: "the composed prompt is over the base's budget",
      files: { "base.md": base, "fork.md": "---\nextends: base.md\n---\n## Tone\n\nBe formal and precise, address the customer by surname and avoid contractions in every reply.\n" },
      lint: "fork.md",
      errors: [{ messageId: "composed", line: 2, column: 10, endLine: 2, endColumn: 17 }],
    },
    {
      name: "a budget from the config, through a partial",
      files: { "p.md": "Hi.\n\n{{> long}}\n", "long.md": "word ".repeat(60) + "\n" },
      lint: "p.md",
      settings: { budgets: { total: 30 } },
      errors: [{ messageId: "composed", line: 3, column: 1, endLine: 3, endColumn: 11 }],
    },
    {
      name: "the fork pushes the composed prompt out of the context window",
      files: { "base.md": "---\nmodel: gpt-4o\n---\n# Bot\n\nBe helpful.\n", "fork.md": "---\nextends: base.md\n---\n## Tone\n\n" + "Be formal and precise. ".repeat(10) + "\n" },
      lint: "fork.md",
      options: { outputTokens: 127950 },
      errors: [{ messageId: "composed", line: 2, column: 10, endLine: 2, endColumn: 17 }],
    },
  ],
});
