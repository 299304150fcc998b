import rule from "../../../rules/contradiction/instructions.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const prompt = (...lines: string[]) => `${lines.join("\n")}\n`;

// A bold or plain label whose value is a code span states the rule ("**Package manager:** `pnpm`"): the value is
// read as if it were written out, and the label does not become a heading for the lines after it.
new RuleTester().run(rule, {
  valid: [
    {
      name: "a list of packages after a label is an inventory, not a choice of test framework",
      code: prompt("## Test frameworks", "", "### xUnit", "", "- Packages: `Microsoft.NET.Test.Sdk`, `xunit`, `xunit.runner.visualstudio`", "", "### NUnit", "", "- Packages: `Microsoft.NET.Test.Sdk`, `NUnit`, `NUnit3TestAdapter`"),
    },
    {
      name: "the same package manager as a code span and in prose",
      code: prompt("# Rules", "", "- **Package manager:** `pnpm`", "", "Install dependencies with pnpm."),
    },
  ],
  invalid: [
    {
      name: "a bold label with a code-span package manager against npm install",
      code: prompt("# Rules", "", "- **Package manager:** `pnpm`", "- Keep the lockfile committed.", "", "## Setup", "", "Install packages with npm install."),
      errors: [
        {
          messageId: "contradicts",
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 35,
          message:
            'Unexpected package manager instruction that contradicts line 3 ("Package manager: `pnpm`"), expected one rule, a condition that separates them, or an explicit precedence.',
        },
      ],
    },
    {
      name: "a bold label with a code-span indentation against four spaces",
      code: prompt("# Style", "", "- **Indentation**: `2 spaces`", "- Keep lines short.", "", "Use 4-space indentation in every file."),
      errors: [
        {
          messageId: "contradicts",
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 39,
          message:
            'Unexpected indentation instruction that contradicts line 3 ("Indentation: `2 spaces`"), expected one rule, a condition that separates them, or an explicit precedence.',
        },
      ],
    },
    {
      name: "a bold label with a code-span naming case against camelCase",
      code: prompt("# Style", "", "- **Naming:** `lower_snake_case` for variables", "- Keep functions small.", "", "Use camelCase for variables."),
      errors: [
        {
          messageId: "contradicts",
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 29,
          message:
            'Unexpected naming case instruction that contradicts line 3 ("Naming: `lower_snake_case` for variables"), expected one rule, a condition that separates them, or an explicit precedence.',
        },
      ],
    },
  ],
});
