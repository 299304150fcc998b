import rule from "../../../rules/secrets/leaked-credential.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";
import { BASE62, fake, randomString } from "../../fixtures/secrets/fake.js";

// Fake, deterministic credentials (see tests/fixtures/secrets/fake.ts). Lengths: google 39, openrouter 73,
// anthropic 108, perplexity 53, mistral 32, password 18.
const GOOGLE = fake.google();
const OPENROUTER = fake.openrouter();
const ANTHROPIC = fake.anthropic();
const PERPLEXITY = fake.perplexity();
const MISTRAL = fake.mistral();
const PASSWORD = fake.password();
const JWT = fake.jwt(); // 145 characters
const EC_KEY = fake.pem("EC ", 100); // 3 lines: BEGIN, 64 + 36 body characters on two lines, END
const ED25519 = fake.ed25519(); // BEGIN, 64 body characters, END
const AWS_ID = fake.aws(); // 20 characters
const AWS_SECRET = fake.awsSecret(); // 40 characters
const SLACK_BOT = fake.slackBot(); // 56 characters
const SLACK_HOOK = fake.slackWebhook(); // 81 characters
const GITLAB_RUNNER = fake.gitlabRunner(); // 25 characters
const BEDROCK = fake.bedrock(); // 136 characters
/** Placeholders in the shapes secretlint's preset reports; assembled so this file holds none of them whole. */
const X = (n: number) => "x".repeat(n);

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
    {
      name: "placeholders in the preset's shapes: x runs, your-…, sequences",
      code: [
        `GITHUB_TOKEN=${"gh"}p_${X(36)}`,
        `GITHUB_TOKEN=${"github"}_pat_${X(82)}`,
        `HF_TOKEN=${"hf"}_${X(34)}`,
        `STRIPE_KEY=${"sk"}_live_${X(24)}`,
        `SLACK_BOT_TOKEN=${"xo"}xb-your-bot-token`,
        `SLACK_TOKEN=${"xo"}xb-${X(12)}-${X(13)}-${X(24)}`,
        `GROQ_API_KEY=${"gs"}k_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP`,
        `SLACK_WEBHOOK=https://hooks.${"slack"}.com/services/T00000000/B00000000/${"X".repeat(24)}`,
        "",
      ].join("\n"),
    },
    {
      name: "AWS's documented sample key pair",
      code: `aws_access_key_id = ${"AKIA"}IOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY${"EXAMPLE"}KEY\n`,
    },
    { name: "an unsigned JWT (alg none) proves nothing", code: `token: ${fake.jwt(21, "none")}\n` },
    { name: "a JWT-shaped string whose header is not JSON", code: `token: eyJ${randomString(30, BASE62, 3)}.eyJ${randomString(40, BASE62, 4)}.${randomString(43, BASE62, 5)}\n` },
    {
      name: "a private key block with an elided body",
      code: `\`\`\`\n-----BEGIN EC ${"PRIVATE"} KEY-----\nMHcCAQEEIBkg...\n-----END EC ${"PRIVATE"} KEY-----\n\`\`\`\n`,
    },
    { name: "a 40-character base64 string with no AWS or secret cue nearby", code: `Checksum: ${AWS_SECRET}\n` },
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
      name: "a JWT with a signing algorithm",
      code: `Call the API with\n\nAuthorization: Bearer ${JWT}\n`,
      errors: [
        {
          messageId: found,
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 168,
          message: `Unexpected JSON Web Token ey…${JWT.slice(-4)} in a system segment, expected an environment variable reference such as \${AUTH_TOKEN}.`,
        },
      ],
    },
    {
      name: "an EC private key with a short body, from BEGIN to the end of END",
      code: `Key:\n${EC_KEY}\n`,
      errors: [{ messageId: found, line: 2, column: 1, endLine: 5, endColumn: 29 }],
    },
    {
      name: "an ed25519 key in PKCS#8 (64 body characters)",
      code: `${ED25519}\n`,
      errors: [{ messageId: found, line: 1, column: 1, endLine: 3, endColumn: 26 }],
    },
    {
      name: "an AWS secret key on the line after its key ID, assigned to no AWS variable",
      code: `id: ${AWS_ID}\nkey: ${AWS_SECRET}\n`,
      errors: [
        { messageId: found, line: 1, column: 5, endLine: 1, endColumn: 25 },
        { messageId: found, line: 2, column: 6, endLine: 2, endColumn: 46 },
      ],
    },
    {
      name: "an AWS secret key after a `secret` cue",
      code: `The client secret is\n${AWS_SECRET}\n`,
      errors: [{ messageId: found, line: 2, column: 1, endLine: 2, endColumn: 41 }],
    },
    {
      name: "a Slack bot token and a Slack webhook URL",
      code: `bot: ${SLACK_BOT}\nhook: ${SLACK_HOOK}\n`,
      errors: [
        { messageId: found, line: 1, column: 6, endLine: 1, endColumn: 62 },
        { messageId: found, line: 2, column: 7, endLine: 2, endColumn: 88 },
      ],
    },
    {
      name: "a GitLab runner token",
      code: `runner token ${GITLAB_RUNNER}\n`,
      errors: [
        {
          messageId: found,
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 39,
          suggestions: [{ messageId: "replace", output: "runner token ${GITLAB_TOKEN}\n" }],
        },
      ],
    },
    {
      name: "an Amazon Bedrock API key",
      code: `AWS_BEARER_TOKEN_BEDROCK=${BEDROCK}\n`,
      errors: [{ messageId: found, line: 1, column: 26, endLine: 1, endColumn: 162 }],
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
