import rule from "../../../rules/fork/unresolved.js";
import { BASE } from "./fixtures.js";
import { MultiFileRuleTester } from "./harness.js";

new MultiFileRuleTester().run(rule, {
  valid: [
    { name: "an existing base and known section names", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nremove: [Escalation]\nappend: [Tone]\n---\n## Tone\n\nAnd formal.\n" }, lint: "fork.md" },
    { name: "a partial that exists", files: { "p.prompt": "---\nmodel: x\n---\n{{> footer}}\n", "partials/_footer.prompt": "---\ndescription: f\n---\nBye.\n" }, lint: "p.prompt" },
    { name: "an optional Jinja include that is missing", files: { "p.j2": 'Hi\n{% include "extra.j2" ignore missing %}\n' }, lint: "p.j2" },
    { name: "a section path that disambiguates", files: { "base.md": "## A\n### Notes\nx\n## B\n### Notes\ny\n", "fork.md": '---\nextends: base.md\nremove: ["B > Notes"]\n---\n' }, lint: "fork.md" },
  ],
  invalid: [
    {
      name: "a missing base",
      files: { "fork.md": "---\nextends: ../nowhere/base.md\n---\nHi\n" },
      lint: "fork.md",
      errors: [{ messageId: "missing", line: 2, column: 10, endLine: 2, endColumn: 28 }],
    },
    {
      name: "a missing partial",
      files: { "p.hbs": "Hello\n  {{> signature }}\n" },
      lint: "p.hbs",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 19 }],
    },
    {
      name: "a missing partial of the base, reported at extends with the failing include as related",
      files: { "base.md": "# Bot\n\n{{> footer}}\n", "fork.md": "---\nextends: base.md\n---\n## Tone\n" },
      lint: "fork.md",
      errors: [{ messageId: "missingVia", line: 2, column: 10, endLine: 2, endColumn: 17, related: [{ file: "base.md", line: 3, column: 1 }] }],
    },
    {
      name: "a cycle through extends",
      files: { "a.md": "---\nextends: b.md\n---\nA\n", "b.md": "---\nextends: a.md\n---\nB\n" },
      lint: "a.md",
      errors: [{ messageId: "cycleVia", line: 2, column: 10, endLine: 2, endColumn: 14, related: [{ file: "b.md", line: 2, column: 10 }] }],
    },
    {
      name: "a file that includes itself",
      files: { "self.j2": 'x {% include "self.j2" %}\n' },
      lint: "self.j2",
      errors: [{ messageId: "cycle", line: 1, column: 3, endLine: 1, endColumn: 26 }],
    },
    {
      name: "unknown names in remove and append",
      files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nremove: [Escalaton]\nappend: [Tone]\n---\n## Style\n\nx\n" },
      lint: "fork.md",
      errors: [
        { messageId: "section", line: 3, column: 10, endLine: 3, endColumn: 19, message: 'Unexpected section "Escalaton" in `remove`: the base has no section with that heading; expected one of "Support assistant", "Tone", "Safety", "Escalation", "Format".' },
        { messageId: "section", line: 4, column: 10, endLine: 4, endColumn: 14 },
      ],
    },
    {
      name: "an ambiguous section name",
      files: { "base.md": "## A\n### Notes\nx\n## B\n### Notes\ny\n", "fork.md": "---\nextends: base.md\nremove: [Notes]\n---\n" },
      lint: "fork.md",
      errors: [{ messageId: "section", line: 3, column: 10, endLine: 3, endColumn: 15 }],
    },
  ],
});
