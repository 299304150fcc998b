import rule from "../../../rules/fork/contradiction.js";
import { BASE } from "./fixtures.js";
import { MultiFileRuleTester } from "./harness.js";

new MultiFileRuleTester().run(rule, {
  valid: [
    { name: "the fork overrides the section that says otherwise", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\n---\n## Format\n\nAlways format citations as a bulleted list.\n" }, lint: "fork.md" },
    { name: "the fork removes the section that says otherwise", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\nremove: [Format]\n---\n## Citations\n\nAlways format citations as a bulleted list.\n" }, lint: "fork.md" },
    { name: "no conflict", files: { "base.md": BASE, "fork.md": "---\nextends: base.md\n---\n## Citations\n\nName the warranty clause you rely on.\n" }, lint: "fork.md" },
    {
      // Cursor writes globs unquoted (`**/*.py` is not valid YAML): they are read as written, and these do not meet.
      name: "Cursor rules for Python files and for TypeScript files",
      files: {
        ".cursor/rules/python.mdc": "---\nglobs: **/*.py\n---\n- Use snake_case for variable names.\n",
        ".cursor/rules/typescript.mdc": "---\nglobs: **/*.ts\n---\n- Use camelCase for variable names.\n",
      },
      lint: ".cursor/rules/typescript.mdc",
    },
    {
      // A companion that cannot be read (here a folder named like a rule file) is left out; the file is still checked.
      name: "a Cursor rule beside an unreadable companion",
      files: {
        ".cursor/rules/python.mdc": "---\nglobs: **/*.py\n---\n- Use snake_case for variable names.\n",
        ".cursor/rules/broken.mdc/notes.txt": "Use camelCase for variable names.\n",
      },
      lint: ".cursor/rules/python.mdc",
    },
    { name: "a copy is compared for drift, not for contradictions", files: { "base.md": BASE, "copy.md": "---\nforked_from: base.md\n---\nAlways format citations as a bulleted list.\n" }, lint: "copy.md" },
  ],
  invalid: [
    {
      name: "a new fork section against a kept base section",
      files: { "base.md": BASE, "fork.md": "---\nextends: base.md\n---\n## Citations\n\nAlways format citations as a bulleted list.\n" },
      lint: "fork.md",
      errors: [{ messageId: "conflict", line: 6, column: 1, endLine: 6, endColumn: 44, related: [{ file: "base.md", line: 24, column: 1 }] }],
    },
    {
      name: "two Cursor rules whose unquoted globs meet",
      files: {
        ".cursor/rules/python.mdc": "---\nglobs: **/*.py\n---\n- Use snake_case for variable names.\n",
        ".cursor/rules/models.mdc": "---\nglobs: app/models/**/*.py\n---\n- Use camelCase for variable names.\n",
      },
      // Of two files at one depth, the one whose path sorts last reports the pair.
      lint: ".cursor/rules/python.mdc",
      errors: [{ messageId: "companion", line: 4, column: 3, endLine: 4, endColumn: 37, related: [{ file: ".cursor/rules/models.mdc", line: 4, column: 3 }] }],
    },
    {
      name: "a fork against a partial of the base",
      files: {
        "prompts/base.md": "# Bot\n\n{% include \"parts/style.md\" %}\n",
        "prompts/parts/style.md": "Do not use emoji.\n",
        "fork.md": "---\nextends: prompts/base.md\n---\n## Warmth\n\nUse emoji to keep the tone warm.\n",
      },
      lint: "fork.md",
      errors: [{ messageId: "conflict", line: 6, column: 1, endLine: 6, endColumn: 33, related: [{ file: "prompts/parts/style.md", line: 1, column: 1 }] }],
    },
    {
      // 250 length rules on each side: the 201st of the fork reaches 50,000 compared pairs, and the check says so.
      name: "too many comparable instructions: the check says where it stopped",
      files: {
        "base.md": `# Bot\n\n${Array.from({ length: 250 }, (_, i) => `- Keep answers under ${100 + (i % 7)} words.\n`).join("")}`,
        "fork.md": `---\nextends: base.md\n---\n## Extra\n\n${Array.from({ length: 250 }, (_, i) => `- Keep replies under ${90 + (i % 5)} words.\n`).join("")}`,
      },
      lint: "fork.md",
      errors: [{ messageId: "incomplete", line: 206, column: 3, endLine: 206, endColumn: 31 }],
    },
  ],
});
