import rule from "../../../rules/syntax/template-tags.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "Notes:\n{{#each notes}}\n- {{this}}\n{{/each}}\n", filename: "notes.prompt" },
    { code: "{% if x %}a{% elif y %}b{% else %}c{% endif %}\n{% for i in xs %}{{ i }}{% endfor %}\n", filename: "prompt.j2" },
    { code: "{{#items}}{{name}}{{/items}}{{^items}}none{{/items}}\n", filename: "list.mustache" },
    { code: "{{#if a}}\r\nx\r\n{{else}}\r\ny\r\n{{/if}}\r\n", filename: "x.hbs", name: "CRLF with else" },
    { code: "{{role \"system\"}}\nYou help.\n{{#if history}}{{history}}{{/if}}\n", filename: "chat.prompt", name: "helpers" },
  ],
  invalid: [
    {
      code: "{{#each notes}}\n- {{this}}\n{{/if}}\n",
      filename: "notes.prompt",
      errors: [{
        messageId: "mismatched", line: 3, column: 1, endLine: 3, endColumn: 8,
        message: "Unexpected '{{/if}}', expected '{{/each}}' to close '{{#each notes}}' from line 1.",
      }],
    },
    {
      name: "an unclosed Jinja block",
      code: "{% if admin %}\nSecret\n",
      filename: "prompt.j2",
      errors: [{
        messageId: "unclosed", line: 1, column: 1, endLine: 1, endColumn: 15,
        message: "Unexpected end of template inside '{% if admin %}' (line 1), expected a closing '{% endif %}'.",
      }],
    },
    {
      name: "a stray closer",
      code: "Hello\n{{/each}}\n",
      filename: "x.prompt",
      errors: [{ messageId: "stray", line: 2, column: 1, endLine: 2, endColumn: 10 }],
    },
    {
      name: "else outside a block",
      code: "{% else %}\n",
      filename: "prompt.j2",
      errors: [{ messageId: "strayMiddle", line: 1, column: 1, endLine: 1, endColumn: 11 }],
    },
    {
      name: "an inner block left open",
      code: "{% for x in xs %}{% if x %}{{ x }}{% endfor %}\n",
      filename: "prompt.j2",
      errors: [{ messageId: "unclosed", line: 1, column: 18, endLine: 1, endColumn: 28 }],
    },
    {
      name: "CRLF unclosed section",
      code: "{{#if a}}\r\nx\r\n",
      filename: "x.hbs",
      errors: [{ messageId: "unclosed", line: 1, column: 1, endLine: 1, endColumn: 10 }],
    },
    {
      name: "an unclosed {{",
      code: "Hello {{name\nBye\n",
      filename: "x.prompt",
      errors: [{ messageId: "malformed", line: 1, column: 7, endLine: 1, endColumn: 9 }],
    },
  ],
});
