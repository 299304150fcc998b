import { expect, it } from "vitest";
import rule from "../../../rules/syntax/unused-input.js";
import { lintDocument } from "../../../src/engine/linter.js";
import { parseDocument } from "../../../src/parse/index.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const dotprompt = (schema: string, body: string) => `---\nmodel: googleai/gemini-2.0-flash\ninput:\n  schema:\n${schema}---\n${body}`;

new RuleTester().run(rule, {
  valid: [
    { code: dotprompt("    name: string\n    tone: string\n", "Write a {{tone}} greeting for {{name}}.\n"), filename: "greet.prompt" },
    { code: "Hi {{name}}\n", filename: "greet.prompt", name: "no declared inputs" },
    { code: dotprompt("    items(array): string\n", "{{#each items}}{{this}}{{/each}}\n"), filename: "list.prompt", name: "used as a section" },
  ],
  invalid: [
    {
      code: dotprompt("    name: string\n    tone: string\n", "Write a greeting for {{name}}.\n"),
      filename: "greet.prompt",
      errors: [{
        messageId: "unused", line: 6, column: 5, endLine: 6, endColumn: 9,
        message: "Unexpected unused input 'tone', expected the template to reference it (for example {{tone}}).",
      }],
    },
    {
      name: "Prompty inputs list, CRLF",
      code: "---\r\nname: x\r\ninputs:\r\n  - name: topic\r\n    kind: string\r\n  - name: style\r\n---\r\nsystem:\r\nWrite about {{topic}}\r\n",
      filename: "x.prompty",
      errors: [{ messageId: "unused", line: 6, column: 5, endLine: 6, endColumn: 9 }],
    },
  ],
});

// The Jinja scanner drops `{{ context }}` (it takes `context` for the keyword of `{% import ... with context %}`),
// so a Prompty input named `context`, the usual name in RAG prompts, is reported as unused.
it("a Prompty input named 'context' used as {{ context }} is not reported", async () => {
  const source = "---\nname: rag\ninputs:\n  context:\n    type: string\n---\nsystem:\nUse {{ context }}\n";
  const document = parseDocument({ path: "/virtual/rag.prompty", source, format: "prompty", bom: false });
  const { messages } = await lintDocument(document, { rules: [{ rule, severity: 2 }] });
  expect(messages.map((m) => m.message)).toEqual([]);
});
