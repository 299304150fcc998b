import { describe, expect, it } from "vitest";
import { DETECTORS, runDetectors } from "../../src/secrets/detectors.js";
import { describeKind, KINDS } from "../../src/secrets/kinds.js";
import { scanSecrets } from "../../src/secrets/scan.js";
import { fake, randomString, BASE62 } from "../fixtures/secrets/fake.js";

/** Scans `before + secret + after` and expects exactly one finding of `kind` covering `secret`. */
async function expectOne(secret: string, kind: string, before = "Use this key: ", after = " for the calls.\n") {
  const text = before + secret + after;
  const matches = await scanSecrets(text, "/repo/prompts/system.md");
  expect(matches.map((m) => ({ kind: m.kind, start: m.start, end: m.end }))).toEqual([
    { kind, start: before.length, end: before.length + secret.length },
  ]);
}

describe("scanSecrets: the preset's detectors", () => {
  it("finds an Anthropic API key once, although the preset and promptvet both match it", async () => {
    await expectOne(fake.anthropic(), "anthropic-api-key");
  });
  it("finds a legacy OpenAI key", async () => {
    await expectOne(fake.openaiLegacy(), "openai-api-key");
  });
  it("finds a GitHub token, a Groq key, a Hugging Face token and an AWS access key ID", async () => {
    await expectOne(fake.github(), "github-token");
    await expectOne(fake.groq(), "groq-api-key");
    await expectOne(fake.huggingface(), "huggingface-token");
    await expectOne(fake.aws(), "aws-access-key-id");
  });
  it("ends a database URL before a closing quote, bracket or comma", async () => {
    const url = `postgresql://admin:${fake.password(23)}@prod-db:5432/main`;
    await expectOne(url, "database-url", '{"DB_URL": "', '",\n');
    await expectOne(url, "database-url", "[db](", ").\n");
  });

  it("finds a Postgres URL with a real-looking password, reporting the whole URL", async () => {
    const url = `postgres://app:${fake.password()}@db.internal:5432/app`;
    await expectOne(url, "database-url", "DATABASE_URL=", "\n");
  });
});

describe("scanSecrets: promptvet's LLM detectors", () => {
  const cases: [string, string][] = [
    [fake.anthropicAdmin(), "anthropic-admin-key"],
    [fake.openaiProject(), "openai-api-key"],
    [fake.skGeneric(), "sk-api-key"],
    [fake.google(), "google-api-key"],
    [fake.replicate(), "replicate-api-token"],
    [fake.perplexity(), "perplexity-api-key"],
    [fake.openrouter(), "openrouter-api-key"],
    [fake.xai(), "xai-api-key"],
    [fake.langsmith(), "langsmith-api-key"],
    [fake.pinecone(), "pinecone-api-key"],
    [fake.together(), "together-api-key"],
  ];
  for (const [secret, kind] of cases) {
    it(`finds a ${describeKind(kind).label}`, async () => {
      await expectOne(secret, kind);
    });
  }

  it("finds a prefix-less key by the provider variable it is assigned to, reporting the value only", async () => {
    await expectOne(fake.mistral(), "provider-api-key", "MISTRAL_API_KEY=", "\n");
    await expectOne(fake.mistral(17), "provider-api-key", '{"cohere_api_key": "', '"}');
    await expectOne(fake.mistral(18), "provider-api-key", 'os.environ["AZURE_OPENAI_API_KEY"] = "', '"\n');
  });

  it("finds redis and amqp URLs with passwords", async () => {
    await expectOne(`redis://default:${fake.password()}@cache.internal:6379`, "connection-url", "REDIS_URL=", "/0\n");
    await expectOne(`amqps://worker:${fake.password(20)}@mq.internal`, "connection-url", "broker: ", "\n");
  });

  it("every kind a detector reports has a label and an environment variable", () => {
    for (const detector of DETECTORS) {
      expect(KINDS[detector.kind], detector.id).toBeDefined();
    }
  });
});

describe("scanSecrets: documentation placeholders are not credentials", () => {
  const placeholders = [
    "Set OPENAI_API_KEY=sk-... before running.",
    "api_key: sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "Authorization: Bearer YOUR_API_KEY",
    "export ANTHROPIC_API_KEY=<API_KEY>",
    "MISTRAL_API_KEY=your-mistral-api-key-here",
    "MISTRAL_API_KEY=${MISTRAL_API_KEY}",
    "COHERE_API_KEY={{ cohere_key }}",
    "sk-1234567890abcdef1234567890abcdef",
    "sk-abcdefghijklmnopqrstuvwxyz123456",
    `${"AI"}zaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`,
    `${"sk-or"}-v1-0000000000000000000000000000000000000000000000000000000000000000`,
    "postgres://user:<password>@localhost:5432/app",
    "postgresql://app:${DB_PASSWORD}@db.internal/app",
    "mongodb+srv://admin:changeme@cluster0.mongodb.net/test",
    "mysql://root:password@127.0.0.1/app",
    "redis://:${REDIS_PASSWORD}@cache:6379",
    "redis://default:****@cache:6379",
    "amqp://guest:guest@localhost:5672",
    "amqp://app:{{ rabbit_password }}@mq:5672",
    "The task-runner uses sk-learn style names like sk-model-selection.",
  ];
  for (const text of placeholders) {
    it(`ignores ${JSON.stringify(text)}`, async () => {
      expect(await scanSecrets(text, "/repo/README.md")).toEqual([]);
    });
  }

  it("does not report a key glued to other token characters", async () => {
    const key = fake.google();
    expect(await scanSecrets(`x${key}`, "/a.md")).toEqual([]);
    expect(await scanSecrets(`${key}Z`, "/a.md")).toEqual([]);
  });
});

describe("scanSecrets: results carry offsets only", () => {
  it("returns no string that contains the secret", async () => {
    const secret = fake.openrouter();
    const matches = await scanSecrets(`key ${secret}\n`);
    expect(matches).toHaveLength(1);
    expect(Object.keys(matches[0]!).sort()).toEqual(["end", "kind", "ruleId", "start"]);
    expect(JSON.stringify(matches)).not.toContain(secret.slice(9, 30));
  });

  it("keeps offsets in UTF-16 units after astral characters and CRLF line ends", async () => {
    const before = "😀 naïve\r\nline two 🚀: ";
    const secret = fake.perplexity();
    const text = `${before}${secret}\r\n`;
    const [match] = await scanSecrets(text, "/p.txt");
    expect(text.slice(match!.start, match!.end)).toBe(secret);
  });

  it("keeps offsets into the given text when it starts with a BOM (secretlint counts without it)", async () => {
    const secret = fake.perplexity();
    const text = `\uFEFFkey ${secret}\n`;
    const [match] = await scanSecrets(text);
    expect(text.slice(match!.start, match!.end)).toBe(secret);
  });

  it("reports an AWS secret access key at the value, not at the variable name", async () => {
    const value = randomString(40, `${BASE62}/+`, 31);
    const text = `AWS_SECRET_ACCESS_KEY = ${value}\n`;
    const matches = await scanSecrets(text, "/creds.txt");
    expect(matches.map((m) => [m.kind, m.start, m.end])).toEqual([["aws-secret-access-key", 24, 64]]);
  });

  it("an empty text needs no scan", async () => {
    expect(await scanSecrets("")).toEqual([]);
  });
});

/** A 100,000-character line built to make each pattern try and fail at every position. */
function adversarialLines(): { name: string; line: string }[] {
  const N = 100_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
  const lines: { name: string; line: string }[] = [];
  const prefixes: Record<string, string> = {
    AWS_ACCESS_KEY_ID: "AKIA",
    ANTHROPIC_ADMIN_KEY: "sk-ant-admin01-",
    ANTHROPIC_OAUTH_TOKEN: "sk-ant-oat01-",
    ANTHROPIC_API_KEY_ANY: "sk-ant-api03-",
    OPENAI_PROJECT_KEY: "sk-proj-",
    OPENROUTER_API_KEY: "sk-or-v1-",
    LANGFUSE_SECRET_KEY: "sk-lf-",
    SK_API_KEY: "sk-",
    GOOGLE_API_KEY: "AIza",
    GOOGLE_OAUTH_CLIENT_SECRET: "GOCSPX-",
    GOOGLE_OAUTH_ACCESS_TOKEN: "ya29.",
    HUGGINGFACE_ORG_TOKEN: "api_org_",
    REPLICATE_API_TOKEN: "r8_",
    PERPLEXITY_API_KEY: "pplx-",
    XAI_API_KEY: "xai-",
    LANGSMITH_API_KEY: "lsv2_pt_",
    LANGSMITH_LEGACY_API_KEY: "ls__",
    PINECONE_API_KEY: "pcsk_",
    TOGETHER_API_KEY: "tgp_v1_",
    FIREWORKS_API_KEY: "fw_",
    ELEVENLABS_API_KEY: "sk_",
    PROVIDER_API_KEY_ASSIGNMENT: "MISTRAL_API_KEY=",
    CONNECTION_URL: "redis://a:",
    GROQ_API_KEY: "gsk_",
    AWS_BEDROCK_API_KEY: "ABSK",
    AWS_BEDROCK_SHORT_TERM_API_KEY: "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t",
    SLACK_BOT_TOKEN: "xoxb-12345678-",
    SLACK_USER_TOKEN: "xoxp-12345678-12345678-12345678-",
    SLACK_LEGACY_TOKEN: "xoxs-1234-1234-1234-",
    SLACK_WORKSPACE_TOKEN: "xoxa-2-",
    SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890-",
    SLACK_CONFIG_ACCESS_TOKEN: "xoxe.xoxp-1-",
    SLACK_CONFIG_REFRESH_TOKEN: "xoxe-1-",
    SLACK_WEBHOOK_URL: "https://hooks.slack.com/services/",
    GITLAB_PERSONAL_ACCESS_TOKEN: "glpat-",
    GITLAB_CI_JOB_TOKEN: "glcbt-a1_",
    GITLAB_RUNNER_TOKEN_ROUTABLE: "glrt-t1_",
    GITLAB_TOKEN: "gldt-",
    GITLAB_INCOMING_MAIL_TOKEN: "glimt-",
    GITLAB_AGENT_TOKEN: "glagent-",
    GITLAB_OAUTH_APP_SECRET: "gloas-",
    GITLAB_TRIGGER_TOKEN: "glptt-",
    GITLAB_RUNNER_REGISTRATION_TOKEN: "GR1348941",
    GITLAB_SESSION_COOKIE: "_gitlab_session=",
    STRIPE_KEY: "sk_prod_",
    SENDGRID_API_KEY: "SG.",
    ONEPASSWORD_SERVICE_ACCOUNT_TOKEN: "ops_eyJ",
    ONEPASSWORD_SECRET_KEY: "A3-ABCDEF-",
    JWT: "eyJhbGciOiJIUzI1NiJ9.eyJ",
    PRIVATE_KEY: "-----BEGIN EC PRIVATE KEY-----\n",
    AWS_SECRET_ACCESS_KEY: "aws_secret = ",
  };
  for (const detector of DETECTORS) {
    const prefix = prefixes[detector.id];
    if (prefix === undefined) throw new Error(`no adversarial prefix for detector ${detector.id}`);
    // Prefix then an endless body: the bounded class fails once the run is too long.
    lines.push({ name: `${detector.id} (endless body)`, line: (prefix + fill("a1B2c3")).slice(0, N) });
    // The prefix again and again, with short bodies that almost qualify.
    lines.push({ name: `${detector.id} (repeated prefix)`, line: fill(`${prefix}${randomString(20, BASE62, 5)} `) });
    // Prefixes glued together with no separator.
    lines.push({ name: `${detector.id} (glued prefixes)`, line: fill(prefix) });
  }
  lines.push({ name: "connection URL without @", line: fill("redis://user:pass") });
  lines.push({ name: "connection URL many colons", line: `redis://${fill(":")}` });
  return lines;
}

describe("scanSecrets: long adversarial lines stay fast", () => {
  for (const { name, line } of adversarialLines()) {
    it(`detectors: ${name}`, () => {
      const t0 = performance.now();
      runDetectors(line);
      expect(performance.now() - t0).toBeLessThan(1_000);
    });
  }

  it("the whole secretlint pass on every adversarial line", async () => {
    const lines = adversarialLines();
    await scanSecrets("warm up");
    const t0 = performance.now();
    for (const { line } of lines) await scanSecrets(line, "/long.txt");
    const perLine = (performance.now() - t0) / lines.length;
    expect(perLine).toBeLessThan(1_000);
  });
});
