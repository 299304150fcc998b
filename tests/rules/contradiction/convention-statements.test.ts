import rule from "../../../rules/contradiction/instructions.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";
import { contradicts, prompt } from "./messages.js";


// Naming and typing conventions stated as facts of the project ("we name…", "constants are UPPER_SNAKE_CASE") and
// typing asked for by its verb ("annotate signatures with types").
new RuleTester().run(rule, {
  valid: [
    { name: "two kinds of names, two cases", code: prompt("We name React components in PascalCase.", "", "Name hooks in camelCase.") },
    { name: "constants and variables apart", code: prompt("Constants are UPPER_SNAKE_CASE.", "", "Write variables in camelCase.") },
    { name: "types asked for twice", code: prompt("Always annotate function signatures with types.", "", "Type hints are required on public functions.") },
    { name: "we describe, not name", code: prompt("We use the repository pattern for data access.", "", "Name repositories in PascalCase.") },
  ],
  invalid: [
    {
      name: "we name components in one case, a rule asks for another",
      code: prompt("We name React components in PascalCase.", "", "Components should be kebab-case."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 33, message: contradicts("naming case", 1, "We name React components in PascalCase.") }],
    },
    {
      name: "constants stated in upper snake case, written in camel case",
      code: prompt("Constants are UPPER_SNAKE_CASE.", "", "Write constants in camelCase."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 30, message: contradicts("naming case", 1, "Constants are UPPER_SNAKE_CASE.") }],
    },
    {
      name: "signatures annotated with types, annotations skipped",
      code: prompt("Always annotate function signatures with types.", "", "Do not add type annotations."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 29, message: contradicts("type hint", 1, "Always annotate function signatures with types.") }],
    },
    {
      name: "a label with a case against a command",
      code: prompt("- File names: kebab-case.", "- Name files in PascalCase."),
      errors: [{ messageId: "contradicts", line: 2, column: 3, endLine: 2, endColumn: 28, message: contradicts("naming case", 1, "File names: kebab-case.") }],
    },
  ],
});
