import rule from "../../../rules/secrets/leaked-credential.js";
import { RuleTester } from "../../helpers/rule-tester.js";
import { fake } from "../../fixtures/secrets/fake.js";

// Fake, deterministic credentials (see tests/fixtures/secrets/fake.ts). Lengths: google 39, openrouter 73,
// anthropic 108, perplexity 53, mistral 32, password 18.
const GOOGLE = fake.google();
const OPENROUTER = fake.openrouter();
const ANTHROPIC = fake.anthropic();
const PERPLEXITY = fake.perplexity();
const MISTRAL = fake.mistral();
const PASSWORD = fake.password();

const found = "found";

new RuleTester().run(rule, {
  valid: [
    { name: "markdown placeholders", code: "# Setup\n\nSet `OPENAI_API_KEY=sk-...` or `sk-xxxxxxxxxxxxxxxxxxxxxxxx` and pass `YOUR_API_KEY`.\n" },
    { name: "template variables", code: "Use {{ api_key }} and ${OPENAI_API_KEY} and <API_KEY>.\n" },
    { name: "entropy-less key shapes", code: `Keys look like ${"AI"}zaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX or sk-1234567890abcdef1234567890abcdef.\n` },
    { name: "URLs with placeholder passwords", code: "postgres://app:<password>@db:5432/app\nredis://:${REDIS_PASSWORD}@cache:6379\namqp://guest:guest@localhost\n" },
    {
      name: "JSONL with escapes and no secret",
      filename: "train.jsonl",
      code: '{"messages":[{"role":"system","content":"caf\\u00e9 \\n Use sk-... here"},{"role":"user","content":"hi"}]}\n',
    },
    {
      name: "JSON-escaped paths and unicode escapes around key-like words",
      filename: "notes.jsonl",
      code: '{"messages":[{"role":"user","content":"C:\\\\Users\\\\sk-proj\\\\notes \\u00e9\\u00e8\\u00ea\\ud83d\\ude00 pplx-\\u2026"}]}\n',
    },
    {
      name: "a promptvet directive with a reason",
      code: `<!-- promptvet-disable-next-line secrets/leaked-credential -- revoked key kept for the tutorial -->\nKey: ${PERPLEXITY}\n`,
    },
    { name: "secretlint's own disable comment", code: `<!-- secretlint-disable -->\nKey: ${PERPLEXITY}\n<!-- secretlint-enable -->\n` },
    { name: "an ignored kind", code: `Key: ${GOOGLE}\n`, options: { ignoreKinds: ["google-api-key"] } },
    { name: "an allowed pattern", code: `Key: ${GOOGLE}\n`, options: { allowPatterns: [`^${GOOGLE.slice(0, 10)}`] } },
  ],
  invalid: [
    {
      name: "markdown prose",
      code: `# System\n\nUse key ${GOOGLE} now.\n`,
      errors: [
        {
          messageId: found,
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 48,
          message: `Unexpected Google API key AIza…${GOOGLE.slice(-4)} in a system segment, expected an environment variable reference such as \${GOOGLE_API_KEY}.`,
          suggestions: [{ messageId: "replace", output: "# System\n\nUse key ${GOOGLE_API_KEY} now.\n" }],
        },
      ],
    },
    {
      name: "markdown code block",
      code: `# Tools\n\n\`\`\`bash\nexport OPENROUTER_API_KEY=${OPENROUTER}\n\`\`\`\n`,
      errors: [{ messageId: found, line: 4, column: 27, endLine: 4, endColumn: 100 }],
    },
    {
      name: "frontmatter value and frontmatter key",
      code: `---\nmodel: claude\napi_key: ${ANTHROPIC}\n${PERPLEXITY}: true\n---\nHello\n`,
      errors: [
        { messageId: found, line: 3, column: 10, endLine: 3, endColumn: 118 },
        { messageId: found, line: 4, column: 1, endLine: 4, endColumn: 54 },
      ],
    },
    {
      name: "two secrets on one line are two findings",
      code: `a ${GOOGLE} b ${PERPLEXITY}\n`,
      errors: [
        { messageId: found, line: 1, column: 3, endLine: 1, endColumn: 42 },
        { messageId: found, line: 1, column: 45, endLine: 1, endColumn: 98 },
      ],
    },
    {
      name: "JSONL content after \\u00e9 escapes: columns are raw columns",
      filename: "train.jsonl",
      code: `{"messages":[{"role":"system","content":"caf\\u00e9 \\u00e9t\\u00e9 key ${GOOGLE}"}]}\n`,
      errors: [{ messageId: found, line: 1, column: 70, endLine: 1, endColumn: 109 }],
    },
    {
      name: "JSONL content glued to a \\n escape (invisible to a raw scan)",
      filename: "train.jsonl",
      code: `{"messages":[{"role":"user","content":"line\\n${GOOGLE}\\tend"}]}\n`,
      errors: [{ messageId: found, line: 1, column: 46, endLine: 1, endColumn: 85 }],
    },
    {
      name: "JSONL key written partly as escapes: the range covers the escape",
      filename: "train.jsonl",
      code: `{"messages":[{"role":"user","content":"k=\\u0041${GOOGLE.slice(1)}"}]}\n`,
      errors: [{ messageId: found, line: 1, column: 42, endLine: 1, endColumn: 86 }],
    },
    {
      name: "JSON object key outside any segment",
      filename: "config.json",
      code: `{\n  "${GOOGLE}": 1\n}\n`,
      errors: [{ messageId: found, line: 2, column: 4, endLine: 2, endColumn: 43 }],
    },
    {
      name: "YAML double-quoted scalar with an escape before the key",
      filename: "prompt.yaml",
      code: `messages:\n  - role: system\n    content: "caf\\u00e9 ${PERPLEXITY}"\n`,
      errors: [{ messageId: found, line: 3, column: 25, endLine: 3, endColumn: 78 }],
    },
    {
      name: "an HTML comment in markdown",
      code: `Hello\n\n<!-- old key: ${PERPLEXITY} -->\n`,
      errors: [{ messageId: found, line: 3, column: 15, endLine: 3, endColumn: 68 }],
    },
    {
      name: "a Jinja comment",
      filename: "prompt.j2",
      code: `{# key ${GOOGLE} #}\nHello {{ name }}\n`,
      errors: [{ messageId: found, line: 1, column: 8, endLine: 1, endColumn: 47 }],
    },
    {
      name: "a prompty system section",
      filename: "chat.prompty",
      code: `---\nname: chat\n---\nsystem:\nUse ${GOOGLE}.\n\nuser:\n{{question}}\n`,
      errors: [{ messageId: found, line: 5, column: 5, endLine: 5, endColumn: 44 }],
    },
    {
      name: "the same key twice is reported twice",
      code: `${GOOGLE}\n\n${GOOGLE}\n`,
      errors: [
        { messageId: found, line: 1, column: 1, endLine: 1, endColumn: 40 },
        { messageId: found, line: 3, column: 1, endLine: 3, endColumn: 40 },
      ],
    },
    {
      name: "a prefix-less key named by its variable, with the variable in the suggestion",
      code: `MISTRAL_API_KEY=${MISTRAL}\n`,
      errors: [
        {
          messageId: found,
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 49,
          suggestions: [{ messageId: "replace", output: "MISTRAL_API_KEY=${MISTRAL_API_KEY}\n" }],
        },
      ],
    },
    {
      name: "a redis URL masks only the password in the message",
      code: `Cache: redis://default:${PASSWORD}@cache.internal:6379/0\n`,
      errors: [
        {
          messageId: found,
          line: 1,
          column: 8,
          endLine: 1,
          endColumn: 62,
          message: `Unexpected connection URL with a password redis://default:****@cache.internal:6379 in a system segment, expected an environment variable reference such as \${CONNECTION_URL}.`,
        },
      ],
    },
  ],
});
