import rule from "../../../rules/syntax/frontmatter-schema.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { code: "---\ndescription: TS\nglobs: \"**/*.ts\"\nalwaysApply: true\n---\nBody\n", filename: "ts.mdc" },
    { code: "---\ndescription:\nglobs:\nalwaysApply: false\n---\nBody\n", filename: "empty.mdc", name: "empty values mean not set" },
    { code: "---\nglobs: **/*.ts, *.md\nalwaysApply: false\n---\nBody\n", filename: "raw.mdc", name: "raw Cursor globs are a string" },
    { code: "---\nanything: [1, 2]\n---\nBody\n", filename: "notes.md", name: "free-form headers are not checked" },
    {
      filename: "basic.prompty",
      code: "---\nname: Basic\ndescription: A prompt\nauthors:\n  - Ada\nmodel:\n  api: chat\n  configuration:\n    type: azure_openai\n    azure_endpoint: ${env:AZURE_OPENAI_ENDPOINT}\n    azure_deployment: gpt-4o\n  parameters:\n    max_tokens: 100\nsample:\n  question: Hi\n---\nsystem:\nAnswer {{question}}\n",
      name: "Prompty 1",
    },
    {
      filename: "v2.prompty",
      code: "---\nname: v2\nmodel:\n  id: gpt-4o\n  provider: openai\n  apiType: chat\n  connection:\n    kind: key\n  options:\n    temperature: 0.2\ninputs:\n  - name: topic\n    kind: string\n---\nsystem:\nWrite about {{topic}}\n",
      name: "Prompty 2",
    },
    {
      filename: "extract.prompt",
      code: "---\nmodel: googleai/gemini-2.0-flash\nconfig:\n  temperature: 0.3\ninput:\n  schema:\n    text: string\noutput:\n  format: json\n  schema:\n    name?: string\nmyext.flag: true\n---\nExtract from {{text}}\n",
      name: "Dotprompt with an extension key",
    },
    { code: "---\ndescription: Plan\nagent: agent\nmodel: [GPT-5, Claude Sonnet 4]\ntools: [search, edit]\n---\nPlan.\n", filename: "plan.prompt.md" },
    { code: "---\napplyTo: \"**/*.ts\"\ndescription: TS\n---\nUse strict.\n", filename: "ts.instructions.md" },
    { code: "---\nname: reviewer\ndescription: Reviews\ntools: ['read', 'search']\nuser-invocable: false\nhandoffs:\n  - label: Fix\n    agent: fixer\n---\nReview.\n", filename: "reviewer.agent.md" },
    { code: "---\nname: ref\ninputs: ${file:schema.json}\n---\nsystem:\nHi\n", filename: "ref.prompty", name: "Prompty file reference" },
    { code: "---\r\nname: my-skill\r\ndescription: Does things\r\nallowed-tools: Read, Grep\r\n---\r\nSteps.\r\n", filename: "SKILL.md", name: "CRLF skill" },
  ],
  invalid: [
    {
      code: "---\ndescription: TS\nglobs: \"**/*.ts\"\nalwaysApply: \"yes\"\n---\nBody\n",
      filename: "ts.mdc",
      errors: [{
        messageId: "wrongType", line: 4, column: 14, endLine: 4, endColumn: 19,
        message: "Unexpected the string \"yes\" for 'alwaysApply' in a Cursor rule header, expected a boolean (true or false).",
      }],
    },
    {
      name: "a list where a string or list of strings is expected, nested in Prompty's model",
      filename: "x.prompty",
      code: "---\nname: x\nmodel:\n  api: chat\n  parameters: 5\n---\nsystem:\nHi\n",
      errors: [{ messageId: "wrongType", line: 5, column: 15, endLine: 5, endColumn: 16, message: "Unexpected the number 5 for 'model.parameters' in a Prompty header, expected a mapping." }],
    },
    {
      name: "tools must be a list in a prompt file",
      filename: "plan.prompt.md",
      code: "---\ndescription: Plan\ntools: search\n---\nPlan.\n",
      errors: [{ messageId: "wrongType", line: 3, column: 8, endLine: 3, endColumn: 14, message: "Unexpected the string \"search\" for 'tools' in a VS Code prompt file header, expected a list." }],
    },
    {
      name: "applyTo must be a string or a list of strings",
      filename: "ts.instructions.md",
      code: "---\r\napplyTo: 42\r\n---\r\nUse strict.\r\n",
      errors: [{ messageId: "wrongType", line: 2, column: 10, endLine: 2, endColumn: 12, message: "Unexpected the number 42 for 'applyTo' in a VS Code instructions file header, expected a string or a list of strings." }],
    },
    {
      name: "Dotprompt model must be a string",
      filename: "x.prompt",
      code: "---\nmodel:\n  name: gemini\n---\nHi\n",
      errors: [{ messageId: "wrongType", line: 3, column: 3, endLine: 3, endColumn: 15 }],
    },
  ],
});
