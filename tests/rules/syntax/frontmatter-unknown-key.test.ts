import rule from "../../../rules/syntax/frontmatter-unknown-key.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "---\napplyTo: \"**/*.ts\"\ndescription: TS\n---\nUse strict.\n", filename: "ts.instructions.md" },
    { code: "---\nmodel: googleai/gemini-2.0-flash\nmyext.flag: true\n---\nHi\n", filename: "x.prompt", name: "Dotprompt namespaced extension key" },
    { code: "---\nanything: 1\n---\nBody\n", filename: "notes.md", name: "free-form headers are not checked" },
    { code: "---\ndescription: TS\nglobs: **/*.ts\n---\nBody\n", filename: "ts.mdc", name: "raw Cursor globs" },
  ],
  invalid: [
    {
      code: "---\naplyTo: \"**/*.ts\"\n---\nUse strict.\n",
      filename: "ts.instructions.md",
      errors: [{
        messageId: "unknownKey", line: 2, column: 1, endLine: 2, endColumn: 7,
        message: "Unexpected key 'aplyTo' in a VS Code instructions file header, expected one of 'applyTo', 'description', 'excludeAgent', 'name' (did you mean 'applyTo'?).",
      }],
    },
    {
      name: "a typo in Dotprompt",
      filename: "x.prompt",
      code: "---\nmodle: googleai/gemini-2.0-flash\n---\nHi\n",
      errors: [{
        messageId: "unknownKey", line: 2, column: 1, endLine: 2, endColumn: 6,
        message: "Unexpected key 'modle' in a Dotprompt header, expected one of 'config', 'description', 'ext', 'input', 'metadata', 'model', 'name', 'output', 'raw', 'toolDefs', 'tools', 'variant', 'version' (did you mean 'model'?).",
      }],
    },
    {
      name: "a nested key in Prompty's model, CRLF",
      filename: "x.prompty",
      code: "---\r\nname: x\r\nmodel:\r\n  api: chat\r\n  paramters:\r\n    max_tokens: 5\r\n---\r\nsystem:\r\nHi\r\n",
      errors: [{
        messageId: "unknownKey", line: 5, column: 3, endLine: 5, endColumn: 12,
        message: "Unexpected key 'model.paramters' in a Prompty header, expected one of 'api', 'apiType', 'configuration', 'connection', 'id', 'options', 'parameters', 'provider', 'response' (did you mean 'parameters'?).",
      }],
    },
    {
      name: "a key with no close match",
      filename: "rules.mdc",
      code: "---\ndescription: x\nalwaysApply: true\npriority: 1\n---\nBody\n",
      errors: [{
        messageId: "unknownKey", line: 4, column: 1, endLine: 4, endColumn: 9,
        message: "Unexpected key 'priority' in a Cursor rule header, expected one of 'alwaysApply', 'description', 'globs'.",
      }],
    },
  ],
});
