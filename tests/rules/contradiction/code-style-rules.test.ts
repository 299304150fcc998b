import rule from "../../../rules/contradiction/instructions.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const prompt = (...lines: string[]) => `${lines.join("\n")}\n`;

// Rules files written as code (string lists, JSON objects, `//` comments), naming conventions stated of a kind of
// name, and the object of an act that stops at a second coordinated act.
new RuleTester().run(rule, {
  valid: [
    {
      name: "one quoted line is quoted speech, not a list of rules",
      code: prompt("The user may write:", '"use tabs, one tab per level"', "", "Indent with four spaces."),
    },
    {
      name: "request headers in a code-like file are data",
      code: prompt("requests.post(", '    "https://api.example.com/v1/generate",', "    headers={", '        "Authorization": "Bearer KEY",', '        "Content-Type": "application/json"', "    },", ")", "", "Never answer in JSON."),
      filename: "notes.txt",
    },
    {
      name: "a second act's object is its own",
      code: prompt("Never edit the issue description.", "", "Read the issue description and edit the labels."),
    },
    {
      name: "a naming convention for one kind of name leaves another",
      code: prompt("Data model variables should be camelCase.", "", "Name database columns in snake_case."),
    },
  ],
  invalid: [
    {
      name: "a string list of rules: async/await required and async avoided",
      code: prompt("best_practices = [", '    "Use Pydantic models for request and response schemas",', '    "Utilize async/await for non-blocking operations",', '    "Use plain synchronous def handlers everywhere; avoid async",', "]"),
      filename: ".cursorrules",
      errors: [
        {
          messageId: "contradicts",
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 64,
          message:
            'Unexpected action instruction that contradicts line 3 ("Utilize async/await for non-blocking operations"), expected one rule, a condition that separates them, or an explicit precedence.',
        },
      ],
    },
    {
      name: "a JSON object of conventions: four spaces and tabs",
      code: prompt("{", '  "coding_style": {', '    "indentation": "4 spaces",', '    "max_line_length": 120,', '    "indentation_note": "use tabs, one tab per level",', '    "comments": "# for single-line, triple quotes for multi-line",', '    "functions": "keep them short and focused"', "  }", "}"),
      filename: ".cursorrules",
      errors: [{ messageId: "contradicts", line: 5, column: 6, endLine: 5, endColumn: 53 }],
    },
    {
      name: "a JSON object of naming cases, with a note whose reason names no place",
      code: prompt('"naming_conventions": {', '  "variables": "snake_case",', '  "functions": "snake_case",', '  "classes": "PascalCase",', '  "function_names_note": "functions use camelCase to match the JavaScript client",', "}"),
      filename: ".cursorrules",
      errors: [{ messageId: "contradicts", line: 5, column: 4, endLine: 5, endColumn: 81 }],
    },
    {
      name: "a rule in a // comment against a rule in a string list",
      code: prompt("const bestPractices = [", '  "Use render_template for server-side rendering",', '  "Implement Flask-WTF for form handling",', "];", "", "// Handle forms with plain request.form parsing; don't add Flask-WTF"),
      filename: ".cursorrules",
      errors: [{ messageId: "contradicts", line: 6, column: 4, endLine: 6, endColumn: 69 }],
    },
    {
      name: "a naming convention stated of a kind of name",
      code: prompt("- Data model variables should be camelCase.", "- Data model fields should be snake case.", "- Name data model variables in snake_case so they match the database columns."),
      errors: [{ messageId: "contradicts", line: 3, column: 3, endLine: 3, endColumn: 78 }],
    },
    {
      name: "on someone's behalf narrows no commit",
      code: prompt("Never commit on the contributor's behalf; staging and committing stay with them.", "", "After each skill passes validation, commit it straight away with a feat(skills): message."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 90 }],
    },
    {
      name: "the object stops at a second coordinated act",
      code: prompt("Never edit the original issue description; post the refinement as a new comment instead.", "Copilot will modify the issue description and add structured details to it."),
      errors: [{ messageId: "contradicts", line: 2, column: 1, endLine: 2, endColumn: 76 }],
    },
  ],
});
