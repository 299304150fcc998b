import rule from "../../../rules/syntax/undeclared-variable.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const dotprompt = (schema: string, body: string) => `---\nmodel: googleai/gemini-2.0-flash\ninput:\n  schema:\n${schema}---\n${body}`;

new RuleTester().run(rule, {
  valid: [
    { code: dotprompt("    question: string\n", "Answer {{question}}\n"), filename: "ask.prompt" },
    { code: "Answer {{question}}\n", filename: "ask.prompt", name: "no declared inputs: not checked" },
    {
      code: dotprompt("    items(array): string\n", "{{#each items}}- {{this}} ({{@index}})\n{{/each}}\n"),
      filename: "list.prompt",
      name: "loop locals and built-ins",
    },
    {
      code: "---\nname: x\ninputs:\n  question:\n    type: string\n---\nsystem:\n{{ question }}\n",
      filename: "x.prompty",
    },
    { code: dotprompt("    name: string\n", "{{> header}}\nHi {{name}}\n"), filename: "p.prompt", name: "partials" },
  ],
  invalid: [
    {
      code: dotprompt("    question: string\n", "Answer the question: {{questoin}}\n"),
      filename: "ask.prompt",
      errors: [{
        messageId: "undeclared", line: 7, column: 24, endLine: 7, endColumn: 32,
        message: "Unexpected undeclared variable 'questoin', expected one of the declared inputs 'question' (did you mean 'question'?).",
      }],
    },
    {
      name: "Prompty inputs, CRLF",
      code: "---\r\nname: x\r\ninputs:\r\n  question:\r\n    type: string\r\n---\r\nsystem:\r\n{{ question }} {{ topic }}\r\n",
      filename: "x.prompty",
      errors: [{ messageId: "undeclared", line: 8, column: 19, endLine: 8, endColumn: 24 }],
    },
    {
      name: "each occurrence is reported",
      code: dotprompt("    a: string\n", "{{b}} and {{b.c}}\n"),
      filename: "x.prompt",
      errors: [
        { messageId: "undeclared", line: 7, column: 3, endLine: 7, endColumn: 4 },
        { messageId: "undeclared", line: 7, column: 13, endLine: 7, endColumn: 14 },
      ],
    },
  ],
});
