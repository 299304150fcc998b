import rule from "../../../rules/fork/undefined-variable.js";
import { BASE } from "./fixtures.js";
import { MultiFileRuleTester } from "./harness.js";

new MultiFileRuleTester().run(rule, {
  valid: [
    { name: "the base declares what the fork uses", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\n---\n## Tone\n\nGreet {{customer_name}}.\n" }, lint: "fork.md" },
    { name: "nobody declares inputs", files: { "p.md": "Hi {{name}}\n{{> foot}}\n", "foot.md": "{{ref}}\n" }, lint: "p.md" },
    { name: "a partial's own declaration counts", files: { "p.md": "---\ninputs: [name]\n---\nHi {{name}}\n{{> foot}}\n", "foot.md": "---\ninputs: [ref]\n---\n{{ref}}\n" }, lint: "p.md" },
    { name: "loop-locals and built-ins in a Jinja include", files: { "p.j2": "{# x #}\n{% include \"items.j2\" %}\n", "items.j2": "{% for i in items %}{{ loop.index }} {{ i }}{% endfor %}\n", "p.yaml": "" }, lint: "p.j2" },
  ],
  invalid: [
    {
      name: "a partial's variable nobody declares",
      files: { "p.md": "---\ninputs: [customer_name]\n---\nHelp {{customer_name}}.\n\n{{> footer}}\n", "footer.md": "Reference: {{case_reference}}.\n" },
      lint: "p.md",
      errors: [
        {
          messageId: "undefined",
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 13,
          message: "Unexpected variable 'case_reference' in ./footer.md (line 1), which no file of this composed prompt declares; expected one of 'customer_name'.",
          related: [{ file: "footer.md", line: 1, column: 14 }],
        },
      ],
    },
    {
      name: "a base's variable, reported at extends",
      files: { "base.md": "# Bot\n\nHi {{agent}}\n", "fork.md": "---\nextends: base.md\ninputs: [customer]\n---\n## Tone\n" },
      lint: "fork.md",
      errors: [{ messageId: "undefined", line: 2, column: 10, endLine: 2, endColumn: 17, related: [{ file: "base.md", line: 3, column: 6 }] }],
    },
    {
      name: "the fork's own variable when only the base declares inputs",
      files: { "base.md": BASE, "fork.md": "---\nextends: base.md\n---\n## Tone\n\nGreet {{first_name}}.\n" },
      lint: "fork.md",
      errors: [{ messageId: "undefined", line: 6, column: 9, endLine: 6, endColumn: 19 }],
    },
  ],
});
